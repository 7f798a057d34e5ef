"""Sign-in throttling (10 failures lock an account, an address, or an account at an address
it signed in from) and staff sessions that end after 30 idle minutes or 12 hours."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from cooperation.models import FailedLogin, KnownSignInAddress
from cooperation.records.roles import ANALYST, EDITOR
from cooperation.signin.sessions import LAST_SEEN, STARTED
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, staff_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKED = "Too many failed sign-ins (10)"
WRONG = "Please enter the correct username and password"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every sign-in hashes a password; the test-only MD5 hasher keeps that instant."""
    settings.PASSWORD_HASHERS = FAST_HASHERS


def sign_in(client, username, password, address="203.0.113.5", forwarded_for=None):
    """A sign-in from `address`; with `forwarded_for`, through the TLS proxy on this host."""
    headers = {"REMOTE_ADDR": address}
    if forwarded_for is not None:
        headers = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded_for}
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def signs_in(client, username, address) -> bool:
    """Whether the right password lets `username` in from `address` (signed out again)."""
    answer = sign_in(client, username, PASSWORD, address=address)
    if answer.status_code != 302:
        return False
    client.logout()
    return True


def is_locked_out(client, username, address) -> bool:
    """Whether the right password is refused as locked."""
    return LOCKED in sign_in(client, username, PASSWORD, address=address).content.decode()


def strangers_fail(client):
    """Ten wrong passwords for the editor, from ten addresses."""
    for attempt in range(1, 11):
        sign_in(client, "editor", "wrong", address=f"198.51.100.{attempt}")


def guessers_fail(client):
    """Ten wrong passwords from 203.0.113.5, for ten usernames."""
    for attempt in range(10):
        sign_in(client, f"guess{attempt}", "wrong", address="203.0.113.5")


def test_ten_failures_lock_the_account_even_with_the_right_password(client):
    staff_user(ANALYST, "analyst", PASSWORD)
    for attempt in range(1, 11):
        page = sign_in(client, "analyst", "wrong", address=f"203.0.113.{attempt}").content
        assert (LOCKED if attempt == 10 else WRONG) in page.decode()
    page = sign_in(client, "Analyst", PASSWORD, address="198.51.100.1").content.decode()
    assert LOCKED in page
    assert not signed_in(client)


def test_ten_failures_from_one_address_lock_that_address(client):
    staff_user(ANALYST, "analyst", PASSWORD)
    for attempt in range(10):
        sign_in(client, f"guess{attempt}", "wrong")
    assert LOCKED in sign_in(client, "analyst", PASSWORD).content.decode()
    assert not signed_in(client)
    assert sign_in(client, "analyst", PASSWORD, address="198.51.100.1").status_code == 302
    assert signed_in(client)


def test_behind_the_proxy_a_locked_client_does_not_lock_the_others(client):
    """Every request comes from the TLS proxy; X-Forwarded-For tells the clients apart."""
    staff_user(ANALYST, "analyst", PASSWORD)
    for attempt in range(10):
        sign_in(client, f"guess{attempt}", "wrong", forwarded_for="203.0.113.5")
    assert set(FailedLogin.objects.values_list("address", flat=True)) == {"203.0.113.5"}
    forged = sign_in(client, "analyst", PASSWORD, forwarded_for="198.51.100.1, 203.0.113.5")
    assert LOCKED in forged.content.decode()
    assert sign_in(client, "analyst", PASSWORD, forwarded_for="198.51.100.1").status_code == 302
    assert signed_in(client)


def test_clients_whose_forwarded_address_cannot_be_read_are_throttled_as_the_proxy(client):
    """An entry that is no address ends the reading: the proxy's own address counts."""
    staff_user(ANALYST, "analyst", PASSWORD)
    for attempt in range(10):
        sign_in(client, f"guess{attempt}", "wrong", forwarded_for="unknown")
    assert set(FailedLogin.objects.values_list("address", flat=True)) == {"127.0.0.1"}
    assert (
        LOCKED
        in sign_in(client, "analyst", PASSWORD, forwarded_for="203.0.113.5,").content.decode()
    )
    assert sign_in(client, "analyst", PASSWORD, forwarded_for="198.51.100.1").status_code == 302


def test_a_lock_ends_after_the_lockout_and_success_clears_the_count(client):
    staff_user(ANALYST, "analyst", PASSWORD)
    for _ in range(10):
        sign_in(client, "analyst", "wrong")
    FailedLogin.objects.update(attempted_at=timezone.now() - timedelta(minutes=16))
    for _ in range(3):
        sign_in(client, "analyst", "wrong", address="198.51.100.7")
    assert sign_in(client, "analyst", PASSWORD, address="198.51.100.7").status_code == 302
    assert not FailedLogin.objects.filter(username="analyst", address="198.51.100.7").exists()


@pytest.mark.parametrize(
    ("others_fail", "locked_out"),
    [(strangers_fail, ("editor", "192.0.2.1")), (guessers_fail, ("analyst", "203.0.113.5"))],
    ids=["strangers-guessing-the-editor", "a-colleague-guessing-many-accounts"],
)
def test_others_failures_do_not_lock_an_editor_out_where_the_editor_has_signed_in(
    client, others_fail, locked_out
):
    """Strangers guessing at the editor's password lock the account at new addresses; a
    colleague behind the editor's address guessing at many accounts locks it for accounts
    new there. Neither locks the editor out at the address the editor signed in from."""
    staff_user(EDITOR, "editor", PASSWORD)
    staff_user(ANALYST, "analyst", PASSWORD)
    assert signs_in(client, "editor", "203.0.113.5")
    others_fail(client)
    assert is_locked_out(client, *locked_out)
    assert signs_in(client, "editor", "203.0.113.5")


def test_ten_failures_of_an_account_at_a_known_address_lock_it_there(client):
    staff_user(EDITOR, "editor", PASSWORD)
    assert signs_in(client, "editor", "203.0.113.5")
    assert signs_in(client, "editor", "203.0.113.6")
    for attempt in range(1, 11):
        page = sign_in(client, "editor", "wrong", address="203.0.113.5").content.decode()
        assert WRONG in page
        assert (LOCKED in page) is (attempt == 10)
    assert is_locked_out(client, "editor", "203.0.113.5")
    assert is_locked_out(client, "editor", "192.0.2.1")
    assert signs_in(client, "editor", "203.0.113.6")


@pytest.mark.parametrize(("days_ago", "locked"), [(29, False), (31, True)])
def test_an_address_is_known_for_the_configured_number_of_days(client, settings, days_ago, locked):
    settings.LOGIN_KNOWN_ADDRESS_DAYS = 30
    staff_user(EDITOR, "editor", PASSWORD)
    assert signs_in(client, "editor", "203.0.113.5")
    KnownSignInAddress.objects.update(signed_in_at=timezone.now() - timedelta(days=days_ago))
    strangers_fail(client)
    page = sign_in(client, "editor", PASSWORD, address="203.0.113.5").content.decode()
    assert (LOCKED in page) is locked
    assert signed_in(client) is not locked


def test_a_success_clears_the_failures_of_its_account_at_its_address_only(client):
    staff_user(EDITOR, "editor", PASSWORD)
    for _ in range(3):
        sign_in(client, "editor", "wrong", address="203.0.113.5")
        sign_in(client, "editor", "wrong", address="203.0.113.6")
        sign_in(client, "someone", "wrong", address="203.0.113.5")
    assert signs_in(client, "editor", "203.0.113.5")
    assert sorted(FailedLogin.objects.values_list("username", "address")) == [
        ("editor", "203.0.113.6"),
        ("editor", "203.0.113.6"),
        ("editor", "203.0.113.6"),
        ("someone", "203.0.113.5"),
        ("someone", "203.0.113.5"),
        ("someone", "203.0.113.5"),
    ]
    assert KnownSignInAddress.objects.get().address == "203.0.113.5"


@pytest.mark.parametrize(
    ("lock", "search"),
    [(strangers_fail, "editor"), (guessers_fail, "203.0.113.5")],
    ids=["the-account", "the-address"],
)
def test_an_administrator_unlocks_by_deleting_the_failed_sign_ins_found(
    client, admin_client, lock, search
):
    """As the README tells: search *Failed sign-ins* for the username (an account locked)
    or the address (an address locked), and delete the rows found."""
    staff_user(EDITOR, "editor", PASSWORD)
    lock(client)
    assert is_locked_out(client, "editor", "203.0.113.5")
    changelist = "/admin/cooperation/failedlogin/"
    listed = admin_client.get(changelist, {"q": search}).context["cl"].result_list
    assert len(listed) == 10
    confirmed = admin_client.post(
        f"{changelist}?q={search}",
        {
            "action": "delete_selected",
            "_selected_action": [row.pk for row in listed],
            "post": "yes",
        },
    )
    assert confirmed.status_code == 302
    assert not FailedLogin.objects.exists()
    assert signs_in(client, "editor", "203.0.113.5")


@pytest.mark.parametrize(
    "posted_next",
    [None, "https://evil.example/", "//evil.example/admin/"],
    ids=["next-only-in-the-url", "next-in-the-form", "scheme-relative-next-in-the-form"],
)
def test_signing_in_with_a_refused_next_lands_on_the_admin_index(client, posted_next):
    """Another site's `next` is refused; the editor still arrives in the admin, not at
    Django's default /accounts/profile/ (which this site does not have)."""
    staff_user(ANALYST, "analyst", PASSWORD)
    form = {"username": "analyst", "password": PASSWORD}
    if posted_next is not None:
        form["next"] = posted_next
    response = client.post(f"{LOGIN}?next=https://evil.example/", form, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("started_ago", "idle", "message"),
    [
        (60, 31 * 60, "after 30 minutes without activity"),
        (13 * 3600, 10, "after 12 hours"),
    ],
)
def test_a_staff_session_expires(client, started_ago, idle, message):
    client.force_login(staff_user(ANALYST))
    assert client.get("/admin/").status_code == 200
    session = client.session
    now = time.time()
    session[STARTED], session[LAST_SEEN] = now - started_ago, now - idle
    session.save()
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert message in response.content.decode()
    assert not signed_in(client)


def test_an_active_staff_session_stays(client):
    client.force_login(staff_user(ANALYST))
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN] = time.time() - 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session[LAST_SEEN] > time.time() - 60


def test_a_sign_in_without_a_password_does_not_clear_the_failures(client):
    """Nothing is checked without a password, so nothing may count as a success: else a
    guesser could send one after every nine guesses and never be locked."""
    staff_user(ANALYST, "analyst", PASSWORD)
    for _ in range(9):
        sign_in(client, "analyst", "wrong")
    assert "This field is required" in sign_in(client, "analyst", "").content.decode()
    assert FailedLogin.objects.filter(username="analyst").count() == 9
    assert LOCKED in sign_in(client, "analyst", "wrong").content.decode()
