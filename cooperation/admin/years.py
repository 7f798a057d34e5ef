"""The records' changelists by year, in place of Django's date hierarchy.

The date hierarchy reads the table to draw itself: the earliest and latest date, then
every distinct year (`SELECT DISTINCT DATE_TRUNC('year', ...)`), 330 ms at 1,000,000
offices, on every request whether or not the analyst looks at it. This filter offers each
year from the earliest main date to the latest (or this year), newest first, found in one
query of two probes per publication status of the index that every list already has
(status, main date: cooperation/models/list_order.py), so its cost does not grow with the
table. A year without records is offered too and lists none; it is by the same main date,
and takes the same years, as the public lists' `year_min` and `year_max` (an office's
opening, else its announcement).
"""

from datetime import date

from django.contrib import admin
from django.db.models import Subquery

from cooperation.models import PublicationStatus
from cooperation.public.filters import FIRST_YEAR, LAST_YEAR


def year_range(queryset) -> tuple[int, int] | None:
    """The earliest and latest main dates' years: one query of two index probes per status
    (the first and the last dated row of each), each reading one entry of the index."""
    dated = queryset.order_by().filter(main_date__isnull=False)
    probes = {
        f"{end}_{number}": Subquery(
            dated.filter(status=status).order_by(order).values("main_date")[:1]
        )
        for number, status in enumerate(PublicationStatus.values)
        for end, order in (("first", "main_date"), ("last", "-main_date"))
    }
    row = queryset.model._default_manager.order_by().annotate(**probes).values(*probes).first()
    found = [value for value in (row or {}).values() if value is not None]
    if not found:
        return None
    return min(found).year, max(date.today().year, max(found).year)


class YearFilter(admin.SimpleListFilter):
    title = "year (main date)"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = year_range(model_admin.model._default_manager.all())
        if years is None:
            return []
        first, last = years
        return [(str(year), str(year)) for year in range(last, first - 1, -1)]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if not (value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR):
            return queryset  # no year, or none a record could have: the whole list
        year = int(value)
        return queryset.filter(main_date__gte=date(year, 1, 1), main_date__lt=date(year + 1, 1, 1))
