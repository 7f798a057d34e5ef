"""The site served as in production, for tests and benchmarks: production environment
variables, gunicorn started with gunicorn.conf.py (as `make serve`) on a socket the test
opens for it, plain HTTP requests to it, and a copy of the test database another process
can open.
"""

import contextlib
import http.client
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

BASE = Path(__file__).resolve().parents[2]  # the project
GUNICORN = Path(sys.executable).with_name("gunicorn")
PRODUCTION_HOSTS = "127.0.0.1,localhost"
# The test run's own page cache (tests/conftest.py): a server shares it with the tests, as
# the servers of one site share theirs, and never with another run's.
RUN_CACHE = ("DJANGO_CACHE_DIR", "DJANGO_CACHE_KEY_PREFIX", "DJANGO_PAGE_CACHE_SECONDS")


def production_env(**extra) -> dict[str, str]:
    """The environment of a production server: debug off, a real key, our hosts."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "GUNICORN_")) or key in RUN_CACHE
    }
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "sinoisrael.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": PRODUCTION_HOSTS,
        "DATABASE_URL": "postgres://tracker:secret@db.internal:5432/sinoisrael",
        **extra,
    }


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE, capture_output=True, text=True
    )


def reserve_port() -> socket.socket:
    """A socket bound to a free port, not listening: connections to it are refused."""
    reserved = socket.socket()
    reserved.bind(("127.0.0.1", 0))
    return reserved


def listening_socket() -> socket.socket:
    """A socket listening on a free port, for gunicorn to inherit (`--bind fd://N`).

    The port is the system's choice and stays ours from the first moment: two test runs
    side by side (CI runs SQLite and PostgreSQL at once) can never be given the same one,
    as they could when a free port was found, released, then bound by gunicorn.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.set_inheritable(True)
    return listener


def database_url_of_test_database(
    directory: Path, port: int | None = None, host: str | None = None
) -> str:
    """A URL another process can open to see this test's (committed) data.

    SQLite's test database lives in memory, so it is copied to a file; PostgreSQL's is
    reached directly, through `host` and `port` when given (a proxy).
    """
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        path = directory / "site.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = host or db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


def collect_static(root: Path) -> Path:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", "--skip-checks"],
        env=production_env(DJANGO_STATIC_ROOT=str(root)),
        cwd=BASE,
        check=True,
    )
    return root


class Response:
    def __init__(self, status, headers, body, elapsed):
        self.status, self.headers, self.body, self.elapsed = status, headers, body, elapsed

    def header(self, name):
        values = self.headers.get(name.lower())
        return values[-1] if values else None


class Server:
    """gunicorn serving the site with gunicorn.conf.py and production settings.

    One worker unless `workers` says otherwise (None: gunicorn.conf.py's number).
    """

    def __init__(
        self, *, database_url: str, static_root: Path, log: Path, workers: int | None = 1, **env
    ):
        listener = listening_socket()
        self.port = listener.getsockname()[1]
        self.log = log
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py", "--bind", f"fd://{listener.fileno()}"],
            pass_fds=[listener.fileno()],
            env=production_env(
                DATABASE_URL=database_url,
                DJANGO_STATIC_ROOT=str(static_root),
                **({"GUNICORN_WORKERS": str(workers)} if workers else {}),
                **env,
            ),
            cwd=BASE,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        listener.close()  # gunicorn holds it now
        self.warm_up()

    def warm_up(self, timeout=60):
        """The first request, which loads the URLconf and views: the socket holds it until
        gunicorn has booted, or fails it when gunicorn exits."""
        try:
            self.request("GET", "/no-such-page/", timeout=timeout)
        except OSError as error:
            self.stop()
            raise RuntimeError(
                f"gunicorn did not serve ({error}):\n{self.log.read_text()}"
            ) from None

    def request(self, method, path, *, https=True, headers=None, body=None, timeout=10) -> Response:
        """One request; `https` adds the header the TLS proxy sets."""
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        sent = {"Host": "localhost", **({"X-Forwarded-Proto": "https"} if https else {})}
        started = time.monotonic()
        client.request(method, path, body=body, headers={**sent, **(headers or {})})
        reply = client.getresponse()
        content = reply.read().decode("utf-8", "replace")
        elapsed = time.monotonic() - started
        client.close()
        collected: dict[str, list[str]] = {}
        for name, value in reply.getheaders():
            collected.setdefault(name.lower(), []).append(value)
        return Response(reply.status, collected, content, elapsed)

    def get(self, path, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def raw(self, data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(data)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@contextlib.contextmanager
def serving(**kwargs):
    server = Server(**kwargs)
    try:
        yield server
    finally:
        server.stop()
