"""A database outage: every page answers 503 quickly, and the site recovers by itself.

The shared PostgreSQL server is never stopped: gunicorn reaches it through a TCP proxy
this test starts and stops. On SQLite the database file's directory disappears instead.
A network partition (the connection stays open, no packet gets through) is simulated by
dropping every packet to the proxy's own loopback address (`NetworkPath`).
"""

import contextlib
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.db import OperationalError, connection, transaction
from django.urls import include, path

from cooperation.models import Visit
from sinoisrael.http.errors import server_error
from tests.support.network import TcpProxy, network_path, wait_for
from tests.support.server import (
    BASE,
    database_url_of_test_database,
    production_env,
    serving,
)

# Pages rendered during the outage: a page the cache stored before it is still served
# (test_a_stored_page_outlives_an_outage_and_an_unstored_one_answers_503).
UNCACHED = {"DJANGO_PAGE_CACHE": "off"}


@contextlib.contextmanager
def interruptible_database(tmp_path):
    """(database URL for gunicorn, stop(), start())."""
    if connection.vendor == "postgresql":
        proxy = TcpProxy((connection.settings_dict["HOST"] or "127.0.0.1", 5432))
        try:
            yield database_url_of_test_database(tmp_path, port=proxy.port), proxy.stop, proxy.start
        finally:
            proxy.stop()
    else:
        url = database_url_of_test_database(tmp_path / "db")
        down = tmp_path / "db-down"
        yield url, lambda: (tmp_path / "db").rename(down), lambda: down.rename(tmp_path / "db")


@pytest.mark.django_db(transaction=True)
def test_outage_answers_503_quickly_and_the_site_recovers_by_itself(
    tmp_path, static_root, sample_data
):
    pages = ["/", "/offices/", Visit.objects.published().first().get_absolute_url()]
    pages += ["/municipalities/"]
    with (
        interruptible_database(tmp_path) as (url, stop, start),
        serving(
            database_url=url, static_root=static_root, log=tmp_path / "log", **UNCACHED
        ) as server,
    ):
        assert [server.get(page).status for page in pages] == [200, 200, 200, 200]
        stop()
        for page in pages:
            response = server.get(page)
            assert response.status == 503, (page, response.status)
            assert response.header("Retry-After") == "30"
            assert response.elapsed < 2, (page, response.elapsed)
            assert "The records are temporarily unavailable" in response.body
            assert 'class="site-header"' in response.body
        health = server.get("/healthz")
        assert (health.status, health.elapsed < 2) == (503, True)
        assert server.get("/admin/login/").status == 200, "the login form needs no database"
        start()
        assert wait_for(lambda: server.get("/healthz").status == 200, timeout=15)
        assert [server.get(page).status for page in pages] == [200, 200, 200, 200]


@pytest.mark.django_db(transaction=True)
def test_a_stored_page_outlives_an_outage_and_an_unstored_one_answers_503(
    tmp_path, static_root, sample_data
):
    """The page cache answers for the database while it is down: nothing can change the
    public data meanwhile, so a stored page is still the page (sinoisrael/http/page_cache.py).
    What it never stored needs the database, and says it is unavailable."""
    with (
        interruptible_database(tmp_path) as (url, stop, start),
        serving(database_url=url, static_root=static_root, log=tmp_path / "log") as server,
    ):
        assert server.get("/offices/").header("X-Page-Cache") == "miss"
        stop()
        stored = server.get("/offices/")
        assert (stored.status, stored.header("X-Page-Cache")) == (200, "hit")
        assert server.get("/visits/").status == 503
        assert server.get("/healthz").status == 503, "a load balancer still sees the outage"
        start()
        assert wait_for(lambda: server.get("/visits/").status == 200, timeout=15)


@contextlib.contextmanager
def export_query_failing(database_url: str):
    """While inside, the offices export's own query fails, and the list page (whose filters
    read sectors and municipalities) does not: the table of the sources offices cite is read
    by the export alone. On PostgreSQL the export waits on a lock past its statement
    timeout; in SQLite the table is gone."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("LOCK TABLE cooperation_liaisonoffice_sources IN ACCESS EXCLUSIVE MODE")
            yield
    else:
        path = database_url.removeprefix("sqlite:///")
        with contextlib.closing(sqlite3.connect(path)) as database:
            database.execute("ALTER TABLE cooperation_liaisonoffice_sources RENAME TO hidden")
            database.commit()
            yield


@pytest.mark.django_db(transaction=True)
def test_an_export_whose_query_fails_answers_503_not_a_file_cut_after_its_header(
    tmp_path, static_root, sample_data
):
    """The export reads its first rows before the response starts: a failing database is
    a 503 with its page, never a 200 whose file stops after the header row."""
    url = database_url_of_test_database(tmp_path)
    with serving(
        database_url=url, static_root=static_root, log=tmp_path / "log",
        DJANGO_DB_STATEMENT_TIMEOUT="1",
    ) as server:  # fmt: skip
        assert server.get("/offices/export.csv").status == 200
        with export_query_failing(url):
            response = server.get("/offices/export.csv")
            assert server.get("/offices/").status == 200
        assert response.status == 503
        assert response.header("Retry-After") == "30"
        assert "The records are temporarily unavailable" in response.body


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the relay fronts PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_frozen_database_connection_answers_503_within_seconds_and_recovers(
    tmp_path, static_root, sample_data
):
    """The database's connection stays open but passes nothing: libpq's TCP user timeout
    and keepalives end the wait (statement_timeout, enforced by the server, cannot)."""
    pages = ["/", "/offices/", Visit.objects.published().first().get_absolute_url()]
    with network_path() as path:
        proxy = TcpProxy((connection.settings_dict["HOST"] or "127.0.0.1", 5432), path.address)
        url = database_url_of_test_database(tmp_path, port=proxy.port, host=path.address)
        try:
            with serving(
                database_url=url, static_root=static_root, log=tmp_path / "log", **UNCACHED
            ) as server:
                assert [server.get(page).status for page in ["/healthz", *pages]] == [200] * 4
                path.freeze()
                frozen = time.monotonic()
                with ThreadPoolExecutor(max_workers=4) as requests:
                    answers = list(requests.map(server.get, ["/healthz", *pages]))
                assert [answer.status for answer in answers] == [503] * 4, server.log.read_text()
                assert time.monotonic() - frozen < 5
                assert "The records are temporarily unavailable" in answers[1].body
                path.thaw()
                assert wait_for(lambda: server.get("/healthz").status == 200, timeout=5)
                assert [server.get(page).status for page in pages] == [200] * 3
        finally:
            proxy.stop()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="libpq's settings")
@pytest.mark.django_db
def test_keepalives_end_a_wait_on_a_database_gone_silent():
    """A query already sent (and acknowledged) waits for an answer that cannot come: only
    the keepalive probes of settings.py notice, and end the wait within seconds."""
    database = connection.settings_dict
    network = ["tcp_user_timeout", "keepalives", "keepalives_idle", "keepalives_interval"]
    libpq = {name: database["OPTIONS"][name] for name in [*network, "keepalives_count"]}
    with network_path() as path:
        proxy = TcpProxy((database["HOST"] or "127.0.0.1", 5432), path.address)
        try:
            with (
                psycopg.connect(
                    host=path.address,
                    port=proxy.port,
                    user=database["USER"],
                    dbname=database["NAME"],
                    **libpq,
                ) as silent,
                ThreadPoolExecutor(max_workers=1) as runner,
            ):
                backend = silent.info.backend_pid
                waiting = runner.submit(silent.execute, "SELECT pg_sleep(20)")
                time.sleep(0.5)
                path.freeze()
                frozen = time.monotonic()
                try:
                    with pytest.raises(psycopg.OperationalError):
                        waiting.result(timeout=15)
                    assert time.monotonic() - frozen < 10
                finally:
                    with connection.cursor() as cursor:  # the server still runs the sleep
                        cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
                    path.thaw()
        finally:
            proxy.stop()


SLOW_QUERY = """
import time, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.deploy.test_outage", ALLOWED_HOSTS=["testserver"]):
    started = time.monotonic()
    response = Client().get("/slow")
    print(response.status_code, response["Retry-After"], round(time.monotonic() - started, 2))
    print("temporarily unavailable" in response.content.decode())
"""


def slow_query(request):
    from django.db import connection as request_connection

    with request_connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(30)")


def postgres_url() -> str:
    if connection.vendor == "postgresql":
        return database_url_of_test_database(None)
    return "postgres://postgres@127.0.0.1:5432/postgres"


urlpatterns = [path("slow", slow_query), path("", include("sinoisrael.urls"))]


@pytest.mark.django_db
def test_statement_timeout_turns_a_slow_query_into_a_clean_503(static_root):
    env = production_env(
        DATABASE_URL=postgres_url(),
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_DB_STATEMENT_TIMEOUT="0.5",
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    result = subprocess.run(
        [sys.executable, "-c", SLOW_QUERY], env=env, cwd=BASE, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    status, retry_after, seconds = result.stdout.split()[:3]
    assert (status, retry_after) == ("503", "30")
    assert float(seconds) < 10, "the query was cut at 0.5 s, not run for its 30 s"
    assert result.stdout.split()[3] == "True"
    assert "canceling statement due to statement timeout" in result.stderr


def test_a_database_error_outside_a_view_also_answers_503(rf):
    """handler500 sees the exception in flight: one raised by middleware (a session being
    saved, say) while the database is down is a 503 too, not a 500."""
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"The records are temporarily unavailable" in response.content
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(rf.get("/")).status_code == 500
