"""Locking sign-in to the admin after too many failures, by account and address together.

An account is known at an address when it signed in from there successfully within
LOGIN_KNOWN_ADDRESS_DAYS. With LOGIN_FAILURE_LIMIT failures within LOGIN_LOCKOUT_SECONDS:
- an account is locked at an address where it is known only by the failures of that
  account from that address (its user's own typos, or a guesser sharing the address);
- anywhere else it is locked by the failures of the account from any address, and by the
  failures of the address for any account.
So strangers who guess at an editor's password, or at many accounts from one address, lock
the account or the address for everyone but the editor where the editor signs in. A
success clears the failures of its account at its address and remembers the address.
A lock lasts until the oldest of the recent failures is LOGIN_LOCKOUT_SECONDS old;
deleting the failures in the admin unlocks at once. Failures are rows in the database,
so every server process sees the same count.

Sign-ins that run at the same time (threads, processes, servers) get no more than the
limit of password checks between them, with no lock held. Each attempt is written down
*before* its password is checked, as a failure row, and only then are the rows counted,
its own and those of every attempt still in flight included. Within the limit it goes on
to the password: a wrong one leaves the row as the failure, a right one clears it. Over
the limit it is refused and its row deleted, so hammering a lock does not grow the table.

Why no more than `limit` attempts judged by one count reach the password (until a right
one clears failures, after which that count starts again, by design): suppose limit + 1
did, and take the one whose insert committed last. Its count ran after that commit, so
after the inserts of the other `limit` had committed too, and none of their rows is
deleted before its password has been checked. A statement sees every transaction
committed before it started (read committed, PostgreSQL's default; SQLite writes one
transaction at a time and a reader sees each commit made before it), so that count saw at
least limit + 1 rows and refused it: a contradiction. This needs the insert and the count
in transactions of their own, as the admin's login view runs them (autocommit;
ATOMIC_REQUESTS is off): inside one atomic block other attempts could not see the insert
before the password was checked.

The price of counting attempts in flight: a burst at the edge of the limit may refuse some
that would have fitted; they can try again a moment later.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from cooperation.models import FailedLogin, KnownSignInAddress


def limit() -> int:
    return settings.LOGIN_FAILURE_LIMIT


def lockout() -> timedelta:
    return timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def remembered() -> timedelta:
    return timedelta(days=settings.LOGIN_KNOWN_ADDRESS_DAYS)


def lockout_message() -> str:
    minutes = round(lockout().total_seconds() / 60)
    return (
        f"Too many failed sign-ins ({limit()}) for this account or from this address: "
        f"sign-in is locked for {minutes} minutes. Wait, or ask an administrator to unlock it."
    )


def normalized(username: str) -> str:
    return (username or "").strip().casefold()[:150]


@dataclass(frozen=True)
class Attempt:
    """A sign-in whose password may be checked: its row counts as a failure until then."""

    row: FailedLogin
    locks_if_wrong: bool  # its count reached the limit: a wrong password locks


def begin_attempt(*, username: str, address: str) -> Attempt | None:
    """Write the attempt down, then count (see the module's docstring); None when locked."""
    now = timezone.now()
    username = normalized(username)
    FailedLogin.objects.filter(attempted_at__lt=now - 2 * lockout()).delete()
    known = KnownSignInAddress.objects.filter(
        username=username, address=address, signed_in_at__gte=now - remembered()
    ).exists()
    row = FailedLogin.objects.create(username=username, address=address, attempted_at=now)
    counts = (
        FailedLogin.objects.filter(attempted_at__gte=now - lockout())
        .filter(Q(username=username) | Q(address=address))
        .aggregate(
            pair=Count("pk", filter=Q(username=username, address=address)),
            account=Count("pk", filter=Q(username=username)),
            address=Count("pk", filter=Q(address=address)),
        )
    )
    highest = counts["pair"] if known else max(counts["account"], counts["address"])
    if highest > limit():
        row.delete()
        return None
    return Attempt(row=row, locks_if_wrong=highest == limit())


def succeeded(attempt: Attempt) -> None:
    """The password was right: clear the failures of the account at this address (this
    attempt's row among them) and remember the address, forgetting those grown old."""
    username, address, now = attempt.row.username, attempt.row.address, timezone.now()
    FailedLogin.objects.filter(username=username, address=address).delete()
    KnownSignInAddress.objects.filter(signed_in_at__lt=now - remembered()).delete()
    KnownSignInAddress.objects.bulk_create(
        [KnownSignInAddress(username=username, address=address, signed_in_at=now)],
        update_conflicts=True,
        unique_fields=["username", "address"],
        update_fields=["signed_in_at"],
    )
