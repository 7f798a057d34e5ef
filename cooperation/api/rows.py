"""A page of records read as rows of values: one query for the records (with what they
name through a foreign key, `sponsor__name`), one for each list they carry, whatever the
page's size. Each row is a dict of its columns; the lists sit under `row["many"]`, keyed
by their `Many` (fields.py)."""

from django.db.models import QuerySet

from cooperation.api.fields import Field, Many

KEYS = ("id", "updated_at")  # what a page's order and its cursor read (pages.py)


def columns_of(fields: list[Field]) -> tuple[str, ...]:
    """The record's columns that `fields` read, each once, with the page's keys."""
    return tuple(dict.fromkeys((*KEYS, *(column for f in fields for column in f.columns))))


def lists_of(fields: list[Field]) -> tuple[Many, ...]:
    """The lists that `fields` read, each once (a visit's origins and destinations read
    the same places)."""
    return tuple(dict.fromkeys(field.many for field in fields if field.many is not None))


def attach_lists(model: type, rows: list[dict], lists: tuple[Many, ...]) -> None:
    """Put each list of every row under `row["many"]`: a query a list for all the rows.

    A LEFT JOIN from the record to the list's rows, in the order of their ids; a record
    with none gives one row of nulls, skipped."""
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["many"] = {rows_: [] for rows_ in lists}
    for rows_ in lists:
        prefix = f"{rows_.path}__"
        query = (
            model._base_manager.filter(pk__in=by_id)
            .order_by("pk", f"{prefix}pk")
            .values_list("pk", f"{prefix}pk", *(prefix + column for column in rows_.columns))
        )
        for record_id, item_id, *values in query:
            if item_id is not None:
                item = dict(zip(rows_.columns, values, strict=True))
                item["pk"] = item_id
                by_id[record_id]["many"][rows_].append(item)
        if rows_.sort is not None:
            for row in rows:
                row["many"][rows_].sort(key=rows_.sort)


def values(queryset: QuerySet, fields: list[Field]) -> QuerySet:
    """`queryset`'s records as rows of what `fields` read (its prefetches dropped: the
    lists come from `attach_lists`)."""
    return queryset.prefetch_related(None).values(*columns_of(fields))
