"""Whether the read replica may be read: reachable, and no further behind the primary
than `REPLICA_MAX_LAG` seconds.

Each server process asks the replica at most every `REPLICA_CHECK_SECONDS`, in the
request that finds the last answer out of date; other requests meanwhile go by the last
answer, so none waits on another's check. The check is one query, on a connection of its
own (not the pool's, which would wait out its timeout on a replica that refuses
connections at once), with the pool's connect timeout and a short statement timeout. Its
lag is 0 when the replica has replayed all the WAL it received, else the time since the
last transaction it replayed was committed, which is never less than how far behind it
is; not streaming at all (no WAL received, or not a standby) counts as too far behind. A
replica that is down or too far behind is not read until a check finds it well again;
each change is logged once, and the replica's pool is closed when it fails (a new one
connects at once when it is back, where psycopg's would still be backing off).

Between two checks the replica may fall behind by the interval at most, so what it shows
is never older than `staleness()`: the read-your-writes cookie and the page cache wait
that long after a change.
"""

import contextlib
import logging
import math
import threading
import time

import psycopg
from django.conf import settings
from django.db import connections

from sinoisrael.db.routing import REPLICA

logger = logging.getLogger(__name__)

CHECK_STATEMENT_TIMEOUT_MS = 1000
LAG_SECONDS = """
SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END
"""


class ReplicaHealth:
    """The last answer of this process's checks, and when it was given."""

    def __init__(self):
        self.usable: bool | None = None  # not known before a first check: not used
        self.checked_at = -math.inf
        self.checking = threading.Lock()

    def is_usable(self) -> bool:
        """The last answer; checked again first when it is out of date and no other thread
        is checking."""
        due = time.monotonic() - self.checked_at >= settings.REPLICA_CHECK_SECONDS
        if due and self.checking.acquire(blocking=False):
            try:
                self.record(*check())
            finally:
                self.checking.release()
        return bool(self.usable)

    def check_now(self) -> bool:
        """A fresh answer, after a read from the replica failed."""
        with self.checking:
            self.record(*check())
        return bool(self.usable)

    def record(self, usable: bool, reason: str) -> None:
        self.checked_at = time.monotonic()
        if usable == self.usable:
            return
        self.usable = usable
        if usable:
            logger.info("Read replica in use: %s", reason)
        else:
            logger.warning("Read replica not used, public reads go to the primary: %s", reason)
            close_replica_pool()


def check() -> tuple[bool, str]:
    """(usable, why) from one question to the replica."""
    try:
        lag = measured_lag()
    except psycopg.Error as error:
        return False, "unreachable: " + " ".join(str(error).split())
    if lag is None:
        return False, "not streaming from a primary (lag unknown)"
    if lag > settings.REPLICA_MAX_LAG:
        return False, f"{lag:.1f} s behind (DATABASE_REPLICA_MAX_LAG={settings.REPLICA_MAX_LAG:g})"
    return True, f"{lag:.1f} s behind"


def measured_lag() -> float | None:
    params = connections[REPLICA].get_connection_params()
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(f"SET statement_timeout = {CHECK_STATEMENT_TIMEOUT_MS}")
        (lag,) = connection.execute(LAG_SECONDS).fetchone()
    return None if lag is None else float(lag)


def close_replica_pool() -> None:
    with contextlib.suppress(KeyError):  # another thread closed it first
        connections[REPLICA].close_pool()


def staleness() -> float:
    """The most seconds the replica's data may be behind the primary's while it is read."""
    return settings.REPLICA_MAX_LAG + settings.REPLICA_CHECK_SECONDS


health = ReplicaHealth()
