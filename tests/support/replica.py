"""A private PostgreSQL primary and a streaming replica of it, made for a test and removed
after it.

The machine's PostgreSQL refuses replication connections (its pg_hba.conf has no
replication line, and stays as it is), so the test makes its own pair: `initdb -A trust`
of a primary in a temporary directory, its pg_hba.conf trusting 127.0.0.1 for connections
and for replication, started on a free port; `pg_basebackup -R -X stream` of it into a
second directory (`-R` writes the standby's `primary_conninfo`), started on another port
as a hot standby streaming from the primary. PostgreSQL refuses to run as root, so both
run as `postgres` when the tests run as root. The two CI runs side by side each make
their own pair: the directories are new temporary ones and the ports the system's choice.
"""

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg

from tests.support.server import reserve_port

PG_BIN = Path(
    subprocess.run(
        ["pg_config", "--bindir"], capture_output=True, text=True, check=True
    ).stdout.strip()
)
OWNER = "postgres"
# Run as the owner when the tests run as root; as whoever runs them otherwise.
AS_OWNER = ["runuser", "-u", OWNER, "--"] if os.geteuid() == 0 else []
DATABASE = "sinoisrael"
HBA = """\
local all         all                 trust
host  all         all   127.0.0.1/32  trust
host  replication all   127.0.0.1/32  trust
"""
START_ATTEMPTS = 5  # another process may bind the free port first


class PostgresServer:
    """A PostgreSQL server of the test's own: a data directory, a log beside it, a port."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.log = directory.with_suffix(".log")
        self.port = 0

    def run(self, program: str, *arguments) -> None:
        """A PostgreSQL program, as the directory's owner; its output in the error."""
        result = subprocess.run(
            [*AS_OWNER, PG_BIN / program, *map(str, arguments)],
            cwd=self.directory.parent,  # the owner may not enter the project's folder
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{program} failed:\n{result.stdout}{result.stderr}{log}")

    def start(self, port: int | None = None) -> None:
        """Start on `port`, or on a free one (another if the first is taken meanwhile)."""
        for attempt in range(START_ATTEMPTS):
            if port is None:
                with reserve_port() as reserved:
                    self.port = reserved.getsockname()[1]
            else:
                self.port = port
            # No fsync: the data lives as long as the test.
            options = (
                f"-p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c unix_socket_directories={self.directory.parent}"
            )
            try:
                self.run(
                    "pg_ctl", "start", "-w", "-D", self.directory, "-l", self.log, "-o", options
                )
                return
            except RuntimeError as error:
                if port or attempt == START_ATTEMPTS - 1 or "already in use" not in str(error):
                    raise

    def stop(self) -> None:
        self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", self.directory)

    def url(self) -> str:
        return f"postgres://{OWNER}@127.0.0.1:{self.port}/{DATABASE}"

    def query(self, sql: str, *params, database: str = DATABASE) -> list[tuple]:
        """The rows of one statement, run in a transaction of its own."""
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=OWNER, dbname=database, autocommit=True
        ) as connection:
            cursor = connection.execute(sql, params or None)
            return cursor.fetchall() if cursor.description else []


def owned_directory() -> Path:
    """A new temporary directory the servers' owner may write in (short: it holds the
    servers' Unix sockets, whose paths may not exceed 107 bytes)."""
    directory = Path(tempfile.mkdtemp(prefix="sinoisrael-pg-"))
    owner = pwd.getpwnam(OWNER)
    if AS_OWNER:
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    return directory


@contextlib.contextmanager
def streaming_pair() -> Iterator[tuple[PostgresServer, PostgresServer]]:
    """(primary, replica), both started, with an empty database `sinoisrael` on the
    primary that the replica follows; both stopped and their files removed at the end,
    whatever happened."""
    with contextlib.ExitStack() as cleanup:
        base = owned_directory()
        cleanup.callback(shutil.rmtree, base, ignore_errors=True)
        primary = PostgresServer(base / "primary")
        primary.run("initdb", "-A", "trust", "-U", OWNER, "--no-sync", "-D", primary.directory)
        (primary.directory / "pg_hba.conf").write_text(HBA)
        primary.start()
        cleanup.callback(primary.stop)
        primary.query(f"CREATE DATABASE {DATABASE}", database="postgres")
        replica = PostgresServer(base / "replica")
        replica.run(
            "pg_basebackup", "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
            "-h", "127.0.0.1", "-p", primary.port, "-U", OWNER, "-D", replica.directory,
        )  # fmt: skip
        replica.start()
        cleanup.callback(stop_if_running, replica)
        yield primary, replica


def stop_if_running(server: PostgresServer) -> None:
    """Stop `server` unless a test left it stopped."""
    if (server.directory / "postmaster.pid").exists():
        server.stop()


def wait_until_replayed(primary: PostgresServer, replica: PostgresServer, timeout=30) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    ((written,),) = primary.query("SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + timeout
    while not replica.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", written)[0][0]:
        if time.monotonic() > deadline:
            raise AssertionError(f"the replica did not replay {written} in {timeout} s")
        time.sleep(0.1)


@contextlib.contextmanager
def replay_paused(replica: PostgresServer) -> Iterator[None]:
    """While inside, the replica applies nothing it receives: it shows the data as it was."""
    replica.query("SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        replica.query("SELECT pg_wal_replay_resume()")


@contextlib.contextmanager
def stopped(server: PostgresServer) -> Iterator[None]:
    """While inside, `server` is down; it is started again, on its port, after."""
    server.stop()
    try:
        yield
    finally:
        server.start(server.port)
