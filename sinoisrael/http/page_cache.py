"""The shared page cache: whole public responses, kept until the public data changes.

What is stored: the answer to a GET (or a HEAD: the view renders the same body, which the
server drops) from someone who is not signed in (no session cookie: staff, and the
previews only editors see, never pass through it) and has not just written (no
`read_primary` cookie, sinoisrael/http/replica_reads.py: a writer is never served a page
older than its write), outside the admin, answered 200 in full (not streamed: CSV exports
and release files stream) and no larger than `PAGE_CACHE_MAX_BYTES` (a harvester's
500-row API pages are read once each; stored, they would push out the pages that every
reader shares), setting no cookie, not marked private or no-store (`never_cache`), and
using no CSP nonce. Everything else passes through.

Invalidation: every page is stored under the current *generation* of the public data, a
number kept in the same cache, so every worker and every server that shares the cache
(Redis, with `REDIS_URL`) reads the same one. Every write to what public pages show moves
it on (cooperation/records/invalidation.py), which makes every page stored before the
write unreachable at once; none waits for a timeout (stale entries expire or are evicted
unread). The generation moves when the write is made and again when its transaction
commits: a page rendered in between, from the data before the commit, is stored under a
generation that the commit ends.

With a read replica (DATABASE_REPLICA_URL), a page rendered from it just after a change
could show the data before the change, and be stored under the generation that the change
began. So while a generation is younger than the replica may be behind
(`replica_health.staleness()`: its allowed lag plus the interval between two checks of
it), the pages the cache stores are rendered from the primary; later ones are rendered
from the replica, which has the change by then. (Not storing pages in that window would
instead render every request on the replica until it ends, and show the change later.)

A stored page carries an ETag (its body's hash) and Last-Modified (when its generation
began), so a conditional GET that matches answers 304, and a Cache-Control that lets a
CDN keep it for `PAGE_CACHE_CDN_SECONDS` and serve it stale while it revalidates.
`DJANGO_PAGE_CACHE=off` turns all of this off.
"""

import hashlib
import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from redis import RedisError

from sinoisrael.db.replica_health import staleness
from sinoisrael.db.routing import replica_configured, route_reads

logger = logging.getLogger(__name__)
# A cache that cannot be reached. Reading, the page is served fresh; writing (a change to
# the data), the error stands: a change that could not make the stored pages stale must
# not be saved, or they would be served again once the cache is back.
CACHE_UNREACHABLE = (RedisError, OSError)
GENERATION_KEY = "page-cache:generation"
STAFF_ONLY = ("/admin/",)
NOT_STORED = ("private", "no-cache", "no-store")
# What one request read of the generation (`generation_of_this_request`); None outside one.
this_request: ContextVar[dict | None] = ContextVar("page_cache_request", default=None)


def public_data_changed() -> None:
    """Make every stored page stale, on every server: a new generation, later than any
    before (a nanosecond clock, and never less than the last one plus one)."""
    last = cache.get(GENERATION_KEY) or 0
    cache.set(GENERATION_KEY, max(time.time_ns(), last + 1), timeout=None)
    if (read := this_request.get()) is not None:
        read.clear()  # what this request reads next is read after the change


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:  # never set, or evicted: a new one, so no old page returns
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


@contextmanager
def one_generation_per_request():
    """Within it, `generation_of_this_request` reads the generation once (a cache GET)."""
    token = this_request.set({})
    try:
        yield
    finally:
        this_request.reset(token)


def generation_of_this_request() -> int:
    """The generation as this request first read it, before any data it shows: a figure
    read after a change began is then kept under a generation the change ends, never under
    the one after it. Outside a request (a command, a test), read each time."""
    read = this_request.get()
    if read is None:
        return current_generation()
    if "generation" not in read:
        read["generation"] = current_generation()
    return read["generation"]


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @classmethod
    def of(cls, response) -> "StoredPage":
        return cls(response.status_code, tuple(response.items()), response.content)

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for header, value in self.headers:
            response[header] = value
        return response


def page_key(request, generation: int) -> str:
    """The page's URL as the reader asked for it (scheme, host, path and query: links in
    a page are absolute) under the generation."""
    url = request.build_absolute_uri().encode()
    return f"page-cache:{generation}:{hashlib.sha256(url).hexdigest()}"


def passes_through(request) -> bool:
    """Whether the request is one the cache never answers nor stores."""
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.READ_PRIMARY_COOKIE_NAME in request.COOKIES
        or request.path.startswith(STAFF_ONLY)
    )


def replica_may_lack(generation: int) -> bool:
    """Whether a read replica may not have the change that began `generation` yet."""
    return replica_configured() and time.time_ns() - generation < staleness() * 1e9


def storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
        and not response.cookies
        and not any(word in cache_control for word in NOT_STORED)
        and not get_nonce(request)
    )


def mark_public(response, generation: int) -> None:
    """ETag, Last-Modified (the generation's start) and what a CDN and a browser may do
    with it."""
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(generation // 1_000_000_000)
    # A browser asks again each time (a 304 when nothing changed) unless the view said how
    # long it may keep the page: without a max-age it would guess from Last-Modified.
    browser = {} if "max-age" in response.get("Cache-Control", "") else {"max_age": 0}
    patch_cache_control(
        response,
        public=True,
        s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        stale_while_revalidate=settings.PAGE_CACHE_CDN_SECONDS,
        **browser,
    )


def answered(request, response, state: str):
    """`response`, or 304 when the request's conditions match it (with the headers of the
    full response but those of its body: a 304 to a cross-origin GET still says who may
    read it); `X-Page-Cache` says whether it came from the cache (hit) or was stored just
    now (miss)."""
    response["X-Page-Cache"] = state
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified")),
        response=response,
    )
    if conditional is not response:
        for header, value in response.items():
            if not header.lower().startswith("content-"):
                conditional[header] = value
    return conditional


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation_per_request():
            return self.respond(request)

    def respond(self, request):
        if not settings.PAGE_CACHE or passes_through(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)  # a CDN must not keep it either
            return response
        try:
            generation = generation_of_this_request()
            key = page_key(request, generation)
            stored = cache.get(key)
        except CACHE_UNREACHABLE as error:
            logger.warning("Page cache unreachable, serving fresh (%s)", error)
            return self.get_response(request)
        if stored is not None:
            return answered(request, stored.response(), "hit")
        if replica_may_lack(generation):
            route_reads(to_replica=False)  # for the rest of the request
        response = self.get_response(request)
        if not storable(request, response):
            return response
        mark_public(response, generation)
        try:
            cache.set(key, StoredPage.of(response), timeout=settings.PAGE_CACHE_SECONDS)
        except CACHE_UNREACHABLE as error:
            logger.warning("Page cache unreachable, page not stored (%s)", error)
            return response
        return answered(request, response, "miss")
