"""A database outage: every page answers 503 quickly, and the site recovers by itself.

The shared PostgreSQL server is never stopped: gunicorn reaches it through a TCP proxy
this test starts and stops. On SQLite the database file's directory disappears instead.
"""

import contextlib
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.db import OperationalError, connection
from django.urls import include, path

from cooperation.models import Visit
from sinoisrael.errors import server_error
from tests.test_deploy import BASE, database_url_of_test_database, production_env, serving


class TcpProxy:
    """Forwards 127.0.0.1:<port> to the database; `stop()` drops every connection."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.start()

    def start(self):
        if self.listener.fileno() == -1:
            self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        with contextlib.suppress(OSError):
            while True:
                client, _ = listener.accept()
                upstream = socket.create_connection(self.target)
                self.connections += [client, upstream]
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)

    def stop(self):
        # shutdown() first: close() alone leaves a socket listening while accept() blocks.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.connections = []


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


def wait_for(check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.django_db(transaction=True)
def test_outage_answers_503_quickly_and_the_site_recovers_by_itself(
    tmp_path, static_root, sample_data
):
    pages = ["/", "/offices/", Visit.objects.published().first().get_absolute_url()]
    pages += ["/municipalities/"]
    with (
        interruptible_database(tmp_path) as (url, stop, start),
        serving(database_url=url, static_root=static_root, log=tmp_path / "log") as server,
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


SLOW_QUERY = """
import time, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.test_outage", ALLOWED_HOSTS=["testserver"]):
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
