"""The public lists' order, kept by the database: a record's main date as a stored column,
and indexes in the orders the lists offer, among published rows.

A list sorts by the main date (latest first, records without a date last), then by name
or title, then by id. Computed per request (`COALESCE(opened, announced)`), no index
could serve it: every page sorted every published row (59 ms at 100,000 offices). Stored
(`GeneratedField`: the database writes it with the row, so it can never disagree with the
dates), an index in the same order hands out a page by reading 25 index entries,
and a deep page by skipping entries without visiting the table (cooperation/public/
paginator.py).
"""

import copy

from django.db import models
from django.db.models import F, OrderBy
from django.db.models.functions import Coalesce


def main_date_field(*dates: str) -> models.GeneratedField:
    """`main_date`: the first known of the partial dates `dates` (their `<name>_date`
    columns), what a record is listed, counted and filtered by."""
    columns = [F(f"{name}_date") for name in dates]
    return models.GeneratedField(
        expression=Coalesce(*columns) if len(columns) > 1 else columns[0],
        output_field=models.DateField(null=True),
        db_persist=True,
        verbose_name="main date",
    )


class LatestFirstIndex(models.Index):
    """An index with a column sorted descending and empty values last.

    PostgreSQL puts NULL first in a descending index unless told `NULLS LAST`; SQLite
    sorts NULL lowest, so a plain descending index already puts it last, and it refuses
    `NULLS LAST` in an index. The index is declared once, with `nulls_last`, and written
    without it where the database would refuse it.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        index = self
        if schema_editor.connection.vendor != "postgresql":
            index = copy.copy(self)
            index.expressions = tuple(map(without_nulls_last, self.expressions))
        return super(LatestFirstIndex, index).create_sql(model, schema_editor, using, **kwargs)


def without_nulls_last(expression):
    if isinstance(expression, OrderBy):
        expression = copy.copy(expression)
        expression.nulls_last = None
    return expression


def list_indexes(record: str, named_by: str) -> list[models.Index]:
    """The lists' orders among published rows: latest first (the default: main date, then
    `named_by`, then id), earliest first (`?ordering=year`), and by `named_by`. The other
    orderings start like one of these (PostgreSQL sorts only the ties, incrementally) or
    sort by a related name, which no index of this table can serve.

    Each starts with the status rather than being partial (`WHERE status = 'published'`):
    SQLite uses a partial index only for a query that names the same value in its text,
    and Django sends the status as a parameter.
    """
    return [
        LatestFirstIndex(
            F("status"),
            F("main_date").desc(nulls_last=True),
            F(named_by),
            F("id"),
            name=f"{record}_list_latest",
        ),
        models.Index(fields=["status", "main_date", "id"], name=f"{record}_list_earliest"),
        models.Index(fields=["status", named_by, "id"], name=f"{record}_list_{named_by}"),
    ]
