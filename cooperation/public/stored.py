"""Figures public pages read that cost a scan to compute and change only with the public
data: a list's count, the choices of its filters (every municipality, person and sector
the public may see: each a subquery over every published record), the home page's counts
by year.

Each is kept in the shared cache under a name for what it reads and the generation of the
public data (sinoisrael/http/page_cache.py), which every change the public can see moves
on: a figure is never read after a change, so it is exact, and it is computed once per
generation instead of once per request. A cache that cannot be reached costs the query;
so does a figure read while a read replica may not have the generation's change yet
(sinoisrael/http/page_cache.py), which is not kept.
"""

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from sinoisrael.http.page_cache import (
    CACHE_UNREACHABLE,
    generation_of_this_request,
    replica_may_lack,
)

logger = logging.getLogger(__name__)


def kept[T](name: str, read: Callable[[], T]) -> T:
    """`read()`, from the cache when this generation of the data has it already.

    `name` says what `read` reads, whole: one name, one figure. It is given rather than
    derived from the query, which costs the query's compilation (milliseconds for the
    subqueries that say what is public) on every request, and `read` builds its query only
    when the figure is not kept. The generation is the one this request read first
    (`generation_of_this_request`), before any data: a figure read after a change began is
    kept under a generation that the change ends.
    """
    try:
        generation = generation_of_this_request()
        key = f"public-figure:{generation}:{name}"
        figure = cache.get(key)
    except CACHE_UNREACHABLE as error:
        logger.warning("Cache unreachable, reading %s from the database (%s)", name, error)
        return read()
    if figure is None:
        figure = read()
        if replica_may_lack(generation):  # read from a replica that may not have the change
            return figure
        try:
            cache.set(key, figure, timeout=settings.PAGE_CACHE_SECONDS)
        except CACHE_UNREACHABLE as error:
            logger.warning("Cache unreachable, %s not kept (%s)", name, error)
    return figure


def query_name(queryset: QuerySet) -> str:
    """A name for what `queryset` selects: a hash of its SQL and parameters."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a query that selects nothing (`pk__in=[]`) has no SQL
        sql, params = f"nothing of {queryset.model._meta.label}", ()
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def count(queryset: QuerySet) -> int:
    """`queryset.count()`, whatever its order. A list's count depends on its filters, so it
    is named by its query (compiled once more: a count's SQL is short)."""
    queryset = queryset.order_by()
    return kept(f"count:{query_name(queryset)}", queryset.count)


def published(model):
    """`model.objects.published()`, for the municipalities and the sectors: as the ids it
    selects, kept per generation. Each is public through the published records that name
    it, a subquery over all of them (250 ms for the municipalities at 100,000 offices);
    they are few (hundreds), so their ids make a short list. (Sources, people and bodies
    can be as many as the records: not for them.)"""
    ids = kept(
        f"published:{model._meta.label}",
        lambda: list(model.objects.published().values_list("pk", flat=True)),
    )
    return model.objects.filter(pk__in=ids)
