"""A read replica (DATABASE_REPLICA_URL): the public reads it, staff and writers the
primary, and a replica that is down or too far behind is not read.

gunicorn serves the site over a primary and a streaming replica of it that the test makes
(tests/support/replica.py). Replay on the replica is paused to tell the two apart: a
record published on the primary meanwhile shows in a page read from the primary only.
Each server's `X-Database` header says where its reads went; the tests check the page too.
"""

import math
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from psycopg import sql

from cooperation.models import LiaisonOffice, PublicationStatus
from tests.support.admin_pages import PASSWORD
from tests.support.network import wait_for
from tests.support.replica import (
    replay_paused,
    stopped,
    streaming_pair,
    wait_until_replayed,
)
from tests.support.server import production_env, run_python, serving

EDITOR = "editor"
LOGIN, LOGOUT = "/admin/login/", "/admin/logout/"
OFFICES_ADMIN = "/admin/cooperation/liaisonoffice/"
ORIGIN = {"Origin": "https://localhost"}  # as a browser sends with a form, over https
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# Drafts on the primary, one for each test to publish.
DRAFTS = {
    "visitor": "Office the visitor waits for",
    "lagging": "Office published while the replica lags",
    "staff": "Office its editor sees at once",
    "writer": "Office its publisher reads back",
    "stored": "Office stored from the primary",
    "caught_up": "Office stored from the replica",
}
PREPARE = """
import django; django.setup()
from django.core.management import call_command
from cooperation.models import PublicationStatus
from cooperation.records.roles import EDITOR
from tests.support.admin_pages import PASSWORD, staff_user
from tests.support.factories import LiaisonOfficeFactory
call_command("migrate", verbosity=0)
staff_user(EDITOR, {editor!r}, PASSWORD)
for name in {drafts!r}:
    LiaisonOfficeFactory(name=name, status=PublicationStatus.DRAFT)
"""
# Reads the replica however far behind it falls: its lag is checked at the first request
# only (and again after a read from it fails).
FOREVER = {"DATABASE_REPLICA_MAX_LAG": "3600", "DATABASE_REPLICA_CHECK_SECONDS": "3600"}
# Reads it only while it is at most a second behind, checked every half second.
STRICT = {"DATABASE_REPLICA_MAX_LAG": "1", "DATABASE_REPLICA_CHECK_SECONDS": "0.5"}
CACHE_OFF, CACHE_ON = {"DJANGO_PAGE_CACHE": "off"}, {"DJANGO_PAGE_CACHE": "on"}


@pytest.fixture(scope="module")
def databases():
    """(primary, replica): the site's tables and the drafts on the primary, replayed on
    the replica."""
    with streaming_pair() as (primary, replica):
        script = PREPARE.format(editor=EDITOR, drafts=list(DRAFTS.values()))
        prepared = run_python(script, production_env(DATABASE_URL=primary.url()))
        assert prepared.returncode == 0, prepared.stderr
        wait_until_replayed(primary, replica)
        yield primary, replica


@pytest.fixture(scope="module")
def start_server(databases, static_root, tmp_path_factory):
    """Starts gunicorn over the primary and the replica, with `env`; stops it at the end."""
    primary, replica = databases
    logs = tmp_path_factory.mktemp("replica-servers")

    def start(name, **env):
        return serving(
            database_url=primary.url(),
            static_root=static_root,
            log=logs / f"{name}.log",
            DATABASE_REPLICA_URL=replica.url(),
            **env,
        )

    return start


def served_site(name, **env):
    """A fixture: the site, served for the module with `env` by gunicorn."""

    @pytest.fixture(scope="module", name=name)
    def serve(start_server):
        with start_server(name, **env) as started:
            yield started

    return serve


site = served_site("site", **CACHE_OFF, **FOREVER)
strict_site = served_site("strict_site", **CACHE_OFF, **STRICT)
cached_site = served_site("cached_site", **CACHE_ON, **FOREVER)
cached_strict_site = served_site("cached_strict_site", **CACHE_ON, **STRICT)


@pytest.fixture
def paused(databases):
    """The replica has replayed all the primary wrote so far, and replays nothing more
    until the test ends."""
    primary, replica = databases
    wait_until_replayed(primary, replica)
    with replay_paused(replica):
        yield


class Browser:
    """One browser on one server: it sends back the cookies it was given and drops those
    a response expires."""

    def __init__(self, server):
        self.server = server
        self.cookies = SimpleCookie()

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{name}={m.value}" for name, m in self.cookies.items())}
        body = None
        if form is not None:
            headers |= ORIGIN | FORM
            body = urlencode({"csrfmiddlewaretoken": self.cookies["csrftoken"].value, **form})
        response = self.server.request(method, path, headers=headers, body=body)
        for header in response.headers.get("set-cookie", []):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, **form):
        return self.request("POST", path, form=form)

    def sign_in(self):
        self.get(LOGIN)  # the CSRF cookie
        signed_in = self.post(LOGIN, username=EDITOR, password=PASSWORD)
        assert signed_in.status == 302, signed_in.body

    def publish(self, office_id):
        published = self.post(OFFICES_ADMIN, action="publish", _selected_action=office_id, index=0)
        assert published.status == 302, published.body
        return published


def office_id(primary, name) -> int:
    table = sql.Identifier(LiaisonOffice._meta.db_table)
    return primary.query(sql.SQL("SELECT id FROM {} WHERE name = %s").format(table), name)[0][0]


def publish_on_primary(primary, name) -> None:
    table = sql.Identifier(LiaisonOffice._meta.db_table)
    statement = sql.SQL("UPDATE {} SET status = %s WHERE name = %s").format(table)
    primary.query(statement, PublicationStatus.PUBLISHED.value, name)


def read_from(response) -> tuple[int, str | None]:
    return response.status, response.header("X-Database")


def test_a_visitor_reads_the_replica(databases, site, paused):
    primary, _ = databases
    publish_on_primary(primary, DRAFTS["visitor"])
    for page in ("/offices/", "/api/v1/offices/"):
        response = site.get(page)
        assert read_from(response) == (200, "replica")
        assert DRAFTS["visitor"] not in response.body  # the replica has not replayed it


def test_a_replica_too_far_behind_is_not_read_until_it_catches_up(databases, strict_site):
    primary, replica = databases
    wait_until_replayed(primary, replica)
    assert read_from(strict_site.get("/offices/")) == (200, "replica")
    with replay_paused(replica):
        publish_on_primary(primary, DRAFTS["lagging"])
        assert wait_for(
            lambda: DRAFTS["lagging"] in strict_site.get("/offices/").body, timeout=30
        ), "the page never came from the primary"
        assert read_from(strict_site.get("/offices/")) == (200, "primary")
    assert wait_for(lambda: read_from(strict_site.get("/offices/")) == (200, "replica"), 30)
    assert DRAFTS["lagging"] in strict_site.get("/offices/").body


def test_signed_in_staff_read_the_primary(databases, site, paused):
    primary, _ = databases
    editor = Browser(site)
    editor.sign_in()
    del editor.cookies["read_primary"]  # the sign-in's (see below) has expired: the session
    publish_on_primary(primary, DRAFTS["staff"])
    changelist = editor.get(OFFICES_ADMIN)
    assert read_from(changelist) == (200, "primary")
    assert DRAFTS["staff"] in changelist.body
    public = editor.get("/offices/")
    assert read_from(public) == (200, "primary") and DRAFTS["staff"] in public.body
    assert DRAFTS["staff"] not in site.get("/offices/").body  # a visitor's: the replica's


def test_a_browser_that_wrote_reads_its_change_from_the_primary(databases, site, paused):
    primary, _ = databases
    editor = Browser(site)
    editor.sign_in()
    published = editor.publish(office_id(primary, DRAFTS["writer"]))
    (cookie,) = (c for c in published.headers["set-cookie"] if c.startswith("read_primary="))
    attributes = SimpleCookie(cookie)["read_primary"]
    # As long as the replica may be behind: its allowed lag plus the time between checks.
    assert attributes["max-age"] == str(math.ceil(3600 + 3600))
    assert attributes["httponly"] and attributes["secure"] and attributes["samesite"] == "Lax"

    signed_out = editor.post(LOGOUT)
    assert signed_out.status == 200 and "sessionid" not in editor.cookies
    after = editor.get("/offices/")
    assert read_from(after) == (200, "primary") and DRAFTS["writer"] in after.body
    assert DRAFTS["writer"] not in site.get("/offices/").body  # anyone else: the replica
    del editor.cookies["read_primary"]  # expired
    assert read_from(editor.get("/offices/")) == (200, "replica")


def test_the_page_cache_stores_a_change_from_the_primary_until_the_replica_has_it(
    databases, cached_site, paused
):
    """Replay is paused, but the replica counts as fresh: a page of the change read from it
    would be stored without the change. While the replica may lack the change the pages
    stored are read from the primary, and the writer's own pages pass the cache by."""
    primary, _ = databases
    editor = Browser(cached_site)
    editor.sign_in()
    editor.publish(office_id(primary, DRAFTS["stored"]))

    stored = cached_site.get("/offices/")
    assert (stored.header("X-Page-Cache"), read_from(stored)) == ("miss", (200, "primary"))
    assert DRAFTS["stored"] in stored.body
    served = cached_site.get("/offices/")
    assert served.header("X-Page-Cache") == "hit" and DRAFTS["stored"] in served.body
    editor.post(LOGOUT)
    own = editor.get("/offices/")
    assert own.header("X-Page-Cache") is None and read_from(own) == (200, "primary")


def test_once_the_replica_has_a_change_the_pages_stored_are_read_from_it(
    databases, cached_strict_site
):
    primary, replica = databases
    wait_until_replayed(primary, replica)
    editor = Browser(cached_strict_site)
    editor.sign_in()
    editor.publish(office_id(primary, DRAFTS["caught_up"]))
    asked = []  # pages no one asked for before: none is stored yet

    def stored_from_the_replica():
        asked.append(f"/offices/?asked={len(asked)}")
        response = cached_strict_site.get(asked[-1])
        return (response.header("X-Page-Cache"), read_from(response)) == (
            "miss",
            (200, "replica"),
        )

    assert wait_for(stored_from_the_replica, timeout=30)
    again = cached_strict_site.get(asked[-1])
    assert again.header("X-Page-Cache") == "hit" and DRAFTS["caught_up"] in again.body


def test_pages_come_from_the_primary_while_the_replica_is_down(
    databases, start_server, strict_site
):
    """One server learns it when a read from the replica fails (it would not check the
    replica again for an hour), the other from its next check; the second finds the
    replica back by itself."""
    _, replica = databases
    with start_server("outage", **CACHE_OFF, **FOREVER) as site:
        assert read_from(site.get("/offices/")) == (200, "replica")
        with stopped(replica):
            for server in (site, strict_site):
                for page in ("/offices/", "/", "/api/v1/offices/"):
                    assert read_from(server.get(page)) == (200, "primary"), page
    assert wait_for(lambda: read_from(strict_site.get("/offices/")) == (200, "replica"), 30)
