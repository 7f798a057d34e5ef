"""Which database a query goes to, once DATABASE_REPLICA_URL adds a read replica.

Writes, migrations, and everything outside a request (management commands, the shell)
use the primary. Reads use the replica only while the current request says they may
(sinoisrael/http/replica_reads.py marks a public GET or HEAD, the replica being fresh), and
never inside a transaction on the primary: those reads must see the transaction's writes.
The mark is a context variable, so each request's thread has its own.
"""

from contextvars import ContextVar, Token

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

PRIMARY = DEFAULT_DB_ALIAS
REPLICA = "replica"

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def route_reads(*, to_replica: bool) -> Token:
    """Send the current request's reads to the replica or to the primary from now on; the
    request's middleware ends the route with the first token when the request ends."""
    return _reads_from_replica.set(to_replica)


def end_route(token: Token) -> None:
    _reads_from_replica.reset(token)


def reads_routed_to_replica() -> bool:
    return _reads_from_replica.get()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if reads_routed_to_replica() and not connections[PRIMARY].in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        # Explicitly, or Django would save an object read from the replica back there.
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY  # the replica follows the primary's migrations by streaming
