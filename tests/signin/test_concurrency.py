"""Concurrent wrong passwords at a real server: the failure limit holds across threads.

pytest-django's live server answers each request in a thread of its own, with a database
connection of its own, so thirty sign-ins sent at once really are checked side by side,
as they would be by gunicorn's threads and processes.
"""

import http.client
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest

from cooperation.models import FailedLogin
from cooperation.records.roles import EDITOR
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, staff_user

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 30
LOGIN = "/admin/login/"
LOCKED = "Too many failed sign-ins (10)"
WRONG = "Please enter the correct username and password"


class LoginPage:
    """The admin login of the live server, with the CSRF cookie and token a browser gets."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        client = self.connected()
        client.request("GET", LOGIN)
        reply = client.getresponse()
        body = reply.read().decode()
        client.close()
        assert reply.status == 200, body
        self.cookie = re.search(r"csrftoken=([^;]+)", reply.getheader("Set-Cookie")).group(1)
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    def connected(self) -> http.client.HTTPConnection:
        client = http.client.HTTPConnection(self.host, self.port, timeout=60)
        client.connect()
        return client

    def sign_in(self, username, password, forwarded_for=None) -> Callable[[], str]:
        """A sign-in on a connection opened now, sent when called; it returns the page.

        `forwarded_for` is what the TLS proxy on this host would add. The connection is
        open before the form is sent because the live server accepts only a few waiting
        connections (its listen backlog): thirty at once would be reset by the kernel.
        """
        client = self.connected()
        form = {"csrfmiddlewaretoken": self.token, "username": username, "password": password}
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={self.cookie}",
        }
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for

        def send() -> str:
            try:
                client.request("POST", LOGIN, urlencode(form), headers)
                reply = client.getresponse()
                body = reply.read().decode()
            finally:
                client.close()
            assert reply.status == 200, body
            return body

        return send


def at_once(calls: list[Callable[[], str]]) -> list[str]:
    """Run every call in a thread of its own, all released at the same moment."""
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.mark.parametrize(
    "forwarded_for",
    [lambda attempt: None, lambda attempt: f"198.51.100.{attempt}"],
    ids=["from-one-address", "from-thirty-addresses"],
)
def test_thirty_concurrent_wrong_passwords_get_at_most_ten_password_checks(
    live_server, settings, forwarded_for
):
    settings.PASSWORD_HASHERS = FAST_HASHERS  # instant checks: the race is the database's
    staff_user(EDITOR, "editor", PASSWORD)
    page = LoginPage(live_server.url)
    pages = at_once(
        [page.sign_in("editor", "wrong", forwarded_for(attempt)) for attempt in range(ATTEMPTS)]
    )
    said_wrong = sum(WRONG in body for body in pages)
    refused = sum(LOCKED in body and WRONG not in body for body in pages)
    checked = FailedLogin.objects.count()  # a row for every password found wrong
    assert checked <= 10, f"{checked} of {ATTEMPTS} wrong passwords were checked"
    assert checked == said_wrong, "every check says so, and a refused sign-in leaves no row"
    assert said_wrong + refused == ATTEMPTS
