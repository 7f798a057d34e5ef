"""Figures public pages read that cost a scan to compute and change only with the public
data: a list's count, the choices of its filters (every municipality, person and sector
the public may see: each a subquery over every published record), the home page's counts
by year.

Each is kept in the shared cache under the query it reads and the generation of the public
data (sinoisrael/http/page_cache.py), which every change the public can see moves on: a
figure is never read after a change, so it is exact, and it is computed once per
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

from sinoisrael.http.page_cache import CACHE_UNREACHABLE, current_generation, replica_may_lack

logger = logging.getLogger(__name__)


def figure_key(name: str, queryset: QuerySet, generation: int) -> str:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a query that selects nothing (`pk__in=[]`) has no SQL
        sql, params = f"nothing of {queryset.model._meta.label}", ()
    query = repr((queryset.db, sql, params)).encode()
    return f"public-figure:{name}:{generation}:{hashlib.sha256(query).hexdigest()}"


def kept[T](name: str, queryset: QuerySet, read: Callable[[QuerySet], T]) -> T:
    """`read(queryset)`, from the cache when this generation of the data has it already."""
    try:
        generation = current_generation()
        key = figure_key(name, queryset, generation)
        figure = cache.get(key)
    except CACHE_UNREACHABLE as error:
        logger.warning("Cache unreachable, reading %s from the database (%s)", name, error)
        return read(queryset)
    if figure is None:
        figure = read(queryset)
        if replica_may_lack(generation):  # read from a replica that may not have the change
            return figure
        try:
            cache.set(key, figure, timeout=settings.PAGE_CACHE_SECONDS)
        except CACHE_UNREACHABLE as error:
            logger.warning("Cache unreachable, %s not kept (%s)", name, error)
    return figure


def count(queryset: QuerySet) -> int:
    """`queryset.count()`, whatever its order."""
    return kept("count", queryset.order_by(), QuerySet.count)


def published(model):
    """`model.objects.published()`, for the municipalities and the sectors: as the ids it
    selects, kept per generation. Each is public through the published records that name
    it, a subquery over all of them (250 ms for the municipalities at 100,000 offices);
    they are few (hundreds), so their ids make a short list. (Sources, people and bodies
    can be as many as the records: not for them.)"""
    ids = kept(
        "published", model.objects.published(), lambda rows: list(rows.values_list("pk", flat=True))
    )
    return model.objects.filter(pk__in=ids)
