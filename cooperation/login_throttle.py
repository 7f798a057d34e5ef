"""Locking an account or an address after too many failed admin sign-ins.

Failures are rows in the database, so every server process sees the same count. A lock
lasts until the oldest of the recent failures is LOGIN_LOCKOUT_SECONDS old; a successful
sign-in clears the account's failures, and deleting them in the admin unlocks at once.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from cooperation.models import FailedLogin


def limit() -> int:
    return settings.LOGIN_FAILURE_LIMIT


def lockout() -> timedelta:
    return timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def lockout_message() -> str:
    minutes = round(lockout().total_seconds() / 60)
    return (
        f"Too many failed sign-ins ({limit()}) for this account or from this address: "
        f"sign-in is locked for {minutes} minutes. Wait, or ask an administrator to unlock it."
    )


def normalized(username: str) -> str:
    return (username or "").strip().casefold()[:150]


def is_locked(*, username: str, address: str | None) -> bool:
    recent = FailedLogin.objects.filter(attempted_at__gte=timezone.now() - lockout())
    if recent.filter(username=normalized(username)).count() >= limit():
        return True
    return address is not None and recent.filter(address=address).count() >= limit()


def record_failure(*, username: str, address: str | None) -> None:
    now = timezone.now()
    FailedLogin.objects.filter(attempted_at__lt=now - 2 * lockout()).delete()
    FailedLogin.objects.create(username=normalized(username), address=address, attempted_at=now)


def clear_failures(*, username: str) -> None:
    FailedLogin.objects.filter(username=normalized(username)).delete()
