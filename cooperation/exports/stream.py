"""The CSV file: RFC 4180, UTF-8 with a byte-order mark, streamed in chunks of rows.

Admin and public exports both go through `csv_response`: one query (a server-side
cursor on PostgreSQL), rows written a chunk at a time, so memory does not grow with
the row count.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import batched
from operator import itemgetter

from django.db import connections, transaction
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from cooperation.exports.columns import Column
from cooperation.exports.records import RecordExport

CHUNK_ROWS = 2000
# No JIT compilation: on the export's many subqueries it costs seconds and gains nothing.
# SET LOCAL: only for the export's transaction. (The cursor keeps PostgreSQL's default
# cursor_tuple_fraction, under which the subqueries run after the sort, chunk by chunk, so
# the first FETCH does not compute the whole file.)
POSTGRESQL_EXPORT_SETTINGS = ("SET LOCAL jit = off",)
SLUG_PLACEHOLDER = "slug-placeholder"


def public_url_column(export: RecordExport, request) -> Column:
    """Absolute URL of each row's public page, built without a reverse() per row."""
    page = request.build_absolute_uri(
        reverse(export.detail_route, kwargs={"slug": SLUG_PLACEHOLDER})
    )
    head, _, tail = page.partition(SLUG_PLACEHOLDER)
    return Column("Public URL", ("slug",), lambda slug: f"{head}{slug}{tail}")


def export_columns(export: RecordExport, request) -> tuple[Column, ...]:
    if export.detail_route is None:
        return export.columns
    return (*export.columns, public_url_column(export, request))


def select_list(columns) -> tuple[list, list[tuple[int, ...]]]:
    """What to select (each field path once) and where each column finds its values."""
    select, seen, places = [], {}, []
    for column in columns:
        indexes = []
        for source in column.sources:
            key = source if isinstance(source, str) else id(source)
            if key not in seen:
                seen[key] = len(select)
                select.append(source)
            indexes.append(seen[key])
        places.append(tuple(indexes))
    return select, places


def row_maker(columns, places):
    """A function from one selected row to its cells.

    It runs once a row: the values are gathered in one C call, then only the cells that
    need it are converted.
    """
    gather = itemgetter(*(indexes[0] for indexes in places))
    singles, multiples = [], []
    for position, (column, indexes) in enumerate(zip(columns, places, strict=True)):
        if len(indexes) > 1:
            multiples.append((position, column.convert, indexes))
        elif column.convert is not None:
            singles.append((position, column.convert))

    def make_row(row):
        cells = list(gather(row))
        for position, convert in singles:
            cells[position] = convert(cells[position])
        for position, convert, indexes in multiples:
            cells[position] = convert(*[row[index] for index in indexes])
        return cells

    return make_row


def tune_for_export(connection) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in POSTGRESQL_EXPORT_SETTINGS:
                cursor.execute(statement)


def csv_chunks(export: RecordExport, queryset, request) -> Iterator[bytes]:
    columns = export_columns(export, request)
    select, places = select_list(columns)
    make_row = row_maker(columns, places)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> bytes:
        chunk = buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
        return chunk

    writer.writerow([column.header for column in columns])
    yield codecs.BOM_UTF8 + flush()
    # Inside a transaction PostgreSQL's server-side cursor streams rows as they are read
    # (in autocommit Django declares it WITH HOLD, which materializes every row first).
    with transaction.atomic(using=queryset.db):
        tune_for_export(connections[queryset.db])
        rows = queryset.values_list(*select).iterator(chunk_size=CHUNK_ROWS)
        for chunk in batched(rows, CHUNK_ROWS):
            writer.writerows(map(make_row, chunk))
            yield flush()


def file_name(export: RecordExport) -> str:
    return f"{export.name}-{timezone.localdate():%Y-%m-%d}.csv"


def csv_response(export: RecordExport, queryset, request) -> StreamingHttpResponse:
    return StreamingHttpResponse(
        csv_chunks(export, queryset, request),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=file_name(export)
            )
        },
    )
