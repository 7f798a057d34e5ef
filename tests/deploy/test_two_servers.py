"""Two app servers over one database and one Redis, as behind a load balancer: a page
stored by one is served by the other, a record published through one shows at once
through the other, a session opened on one is valid on the other, and failed sign-ins
through one lock the account on the other."""

import os
import re
import secrets
import socket
import uuid
from contextlib import ExitStack
from urllib.parse import urlencode

import pytest

from cooperation.models import PublicationStatus
from cooperation.records.roles import EDITOR
from tests.support.admin_pages import PASSWORD, staff_user
from tests.support.factories import LiaisonOfficeFactory
from tests.support.server import database_url_of_test_database, serving

pytestmark = pytest.mark.django_db(transaction=True)

REDIS = ("127.0.0.1", 6379)
LOGIN = "/admin/login/"
ORIGIN = {"Origin": "https://localhost"}  # as a browser sends with a form, over https
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def redis_url() -> str:
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        message = "Redis is not running at 127.0.0.1:6379 (.ci/run starts it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return "redis://127.0.0.1:6379/0"


class Visitor:
    """A browser's cookies, on whichever server answers."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, server, method, path, *, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            headers |= ORIGIN | FORM
            body = urlencode({"csrfmiddlewaretoken": self.cookies["csrftoken"], **form})
        response = server.request(method, path, headers=headers, body=body)
        for cookie in response.headers.get("set-cookie", []):
            name, value = cookie.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return response

    def sign_in(self, server, username, password):
        self.request(server, "GET", LOGIN)  # the CSRF cookie
        return self.request(
            server, "POST", LOGIN, form={"username": username, "password": password}
        )


def test_two_servers_share_pages_changes_sessions_and_sign_in_locks(
    tmp_path, static_root, redis_url
):
    staff_user(EDITOR, "editor", PASSWORD)
    staff_user(EDITOR, "guessed", PASSWORD)
    draft = LiaisonOfficeFactory(name="Published through one", status=PublicationStatus.DRAFT)
    LiaisonOfficeFactory(name="Already public")
    shared = {
        "database_url": database_url_of_test_database(tmp_path),
        "static_root": static_root,
        "REDIS_URL": redis_url,
        "DJANGO_CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # one site: one key signs sessions
    }
    with ExitStack() as stack:
        one = stack.enter_context(serving(log=tmp_path / "one.log", **shared))
        other = stack.enter_context(serving(log=tmp_path / "other.log", **shared))

        stored = one.get("/offices/")
        assert (stored.status, stored.header("X-Page-Cache")) == (200, "miss")
        served = other.get("/offices/")
        assert served.header("X-Page-Cache") == "hit"  # the first server's page
        assert served.body == stored.body and "Published through one" not in served.body

        editor = Visitor()
        signed_in = editor.sign_in(one, "editor", PASSWORD)
        assert signed_in.status == 302, signed_in.body
        assert editor.request(other, "GET", "/admin/").status == 200  # the same session
        published = editor.request(
            one,
            "POST",
            "/admin/cooperation/liaisonoffice/",
            form={"action": "publish", "_selected_action": draft.pk, "index": 0},
        )
        assert published.status == 302, published.body

        fresh = other.get("/offices/")
        assert fresh.header("X-Page-Cache") == "miss"
        assert "Published through one" in fresh.body

        guesser = Visitor()
        for _ in range(10):
            wrong = guesser.sign_in(one, "guessed", "not the password")
            assert "correct username and password" in wrong.body
        locked = Visitor().sign_in(other, "guessed", PASSWORD)
        assert locked.status == 200 and re.search(r"Too many failed sign-ins", locked.body)
