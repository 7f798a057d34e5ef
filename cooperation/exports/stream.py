"""The CSV file: RFC 4180, UTF-8 with a byte-order mark, streamed in chunks of rows.

Admin and public exports both go through `csv_response`: one query (a server-side
cursor on PostgreSQL), rows written a chunk at a time, so memory does not grow with
the row count. While a chunk is converted and written, a second thread already reads
the next one (`read_ahead`), so the database and Python work at the same time.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import batched

from django.db import connections, transaction
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from cooperation.exports.columns import Column
from cooperation.exports.read_ahead import read_ahead
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


def chunk_converter(columns, places):
    """A function from a chunk of selected rows to its rows of cells.

    It works a column at a time: each converted column is one `map` over the chunk, and a
    column written as selected costs nothing, so no Python loop runs once per row.
    """
    plan = [(column.convert, indexes) for column, indexes in zip(columns, places, strict=True)]

    def convert_chunk(chunk):
        selected = list(zip(*chunk, strict=True))
        return zip(
            *(
                selected[indexes[0]]
                if convert is None
                else map(convert, *(selected[index] for index in indexes))
                for convert, indexes in plan
            ),
            strict=True,
        )

    return convert_chunk


def tune_for_export(connection) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in POSTGRESQL_EXPORT_SETTINGS:
                cursor.execute(statement)


def csv_chunks(export: RecordExport, queryset, request) -> Iterator[bytes]:
    columns = export_columns(export, request)
    select, places = select_list(columns)
    convert_chunk = chunk_converter(columns, places)
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
        for chunk in read_ahead(batched(rows, CHUNK_ROWS)):
            writer.writerows(convert_chunk(chunk))
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
