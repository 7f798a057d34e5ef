"""Which requests read from the replica (DATABASE_REPLICA_URL): the public's, while it is
fresh (sinoisrael/db/).

A request reads from the replica when the page cache may answer it (a GET or HEAD,
outside the admin, with no session cookie, so no signed-in staff, and no
`read_primary` cookie) and the replica is usable (reachable, no further behind than
`REPLICA_MAX_LAG`). Everything else reads from the primary.

Read-your-writes: the answer to any request that may write (any method but GET, HEAD
and OPTIONS) sets the `read_primary` cookie for as long as the replica may still miss
the write (`staleness()`: the longest lag the replica is read with, plus the interval
between two checks of it), so the browser that wrote, signed in or signed out reads its
own change from the primary meanwhile.

A read from the replica that fails for want of it (down since the last check) checks it
at once; when it is gone, the request is answered again, from the primary, and the next
ones go there until a check finds it back. `X-Database: replica` or `primary` says where
a response's reads went (a page from the page cache read nothing: `X-Page-Cache: hit`).
"""

import math

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse

from sinoisrael.db.replica_health import health, staleness
from sinoisrael.db.routing import (
    end_route,
    reads_routed_to_replica,
    replica_configured,
    route_reads,
)
from sinoisrael.http.errors import is_database_unavailable
from sinoisrael.http.page_cache import passes_through

READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")


class AnswerFromPrimary(HttpResponse):
    """Stands for the answer of a request whose reads from the replica failed, the
    replica being gone: the middleware answers the request again, from the primary."""

    status_code = 503


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        token = route_reads(to_replica=not passes_through(request) and health.is_usable())
        try:
            response = self.get_response(request)
            if isinstance(response, AnswerFromPrimary):
                route_reads(to_replica=False)
                response = self.get_response(request)
            response["X-Database"] = "replica" if reads_routed_to_replica() else "primary"
        finally:
            end_route(token)
        if request.method not in READ_ONLY_METHODS:
            read_primary_after_a_write(response)
        return response

    def process_exception(self, request, exception):
        """A read from the replica failed: when a check finds it gone (not merely slow, a
        statement timeout), the request is answered again from the primary."""
        if (
            reads_routed_to_replica()
            and is_database_unavailable(exception)
            and not health.check_now()
        ):
            return AnswerFromPrimary()
        return None


def read_primary_after_a_write(response) -> None:
    response.set_cookie(
        settings.READ_PRIMARY_COOKIE_NAME,
        "1",
        max_age=math.ceil(staleness()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
