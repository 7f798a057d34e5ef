"""The CSV file: RFC 4180, UTF-8 with a byte-order mark, streamed in chunks of rows.

Admin and public exports both go through `csv_response`: one query (a server-side
cursor on PostgreSQL), rows written a chunk at a time, so memory does not grow with
the row count. While a chunk is converted and written, a second thread already reads
the next one (`read_ahead`), so the database and Python work at the same time.

Only a few exports run at once in a server process (`slots`); the first chunk is read
before the response starts, so a database that fails answers 503 (or 500), never a 200
whose file stops after its header; a stalled client cannot keep the transaction open.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import batched

from django.conf import settings
from django.db import connections, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from cooperation.exports.columns import Column
from cooperation.exports.read_ahead import read_ahead
from cooperation.exports.records import RecordExport
from cooperation.exports.slots import Slot, take_slot
from sinoisrael.http.errors import RETRY_AFTER_SECONDS, error_page

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
    """PostgreSQL settings for the export's transaction only.

    A client that stops reading leaves the transaction idle between two reads: the server
    ends the session after `EXPORT_IDLE_TIMEOUT` seconds of that, whatever the web server
    does (gunicorn's worker cuts the client sooner, sinoisrael/server/worker.py).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in POSTGRESQL_EXPORT_SETTINGS:
                cursor.execute(statement)
            idle_ms = round(settings.EXPORT_IDLE_TIMEOUT * 1000)
            cursor.execute(f"SET LOCAL idle_in_transaction_session_timeout = {idle_ms}")


def csv_chunks(export: RecordExport, queryset, request) -> Iterator[bytes]:
    """The file's bytes: the header with the first chunk of rows, then a chunk at a time."""
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
    start = codecs.BOM_UTF8
    # Inside a transaction PostgreSQL's server-side cursor streams rows as they are read
    # (in autocommit Django declares it WITH HOLD, which materializes every row first).
    with transaction.atomic(using=queryset.db):
        tune_for_export(connections[queryset.db])
        rows = queryset.values_list(*select).iterator(chunk_size=CHUNK_ROWS)
        for chunk in read_ahead(batched(rows, CHUNK_ROWS)):
            writer.writerows(convert_chunk(chunk))
            yield start + flush()
            start = b""
    if start:  # no rows: the header alone
        yield start + flush()


class ExportStream:
    """A response's content: the chunks of `csv_chunks`, the first already read.

    Reading the first chunk here, in the view, turns a database error into the view's
    exception (a 503 or 500 page with its status), not a cut stream after a 200. `close()`,
    which the server calls when the download ends or the client goes away, ends the
    transaction (closing the generator) and gives the export's slot back.
    """

    def __init__(self, chunks: Iterator[bytes], slot: Slot):
        self.chunks, self.slot = chunks, slot
        self.first = next(chunks)

    def __iter__(self):
        first, self.first = self.first, b""  # not kept for the whole download
        try:
            yield first
            yield from self.chunks
        finally:
            self.close()

    def close(self):
        try:
            self.chunks.close()
        finally:
            self.slot.release()


def file_name(export: RecordExport) -> str:
    return f"{export.name}-{timezone.localdate():%Y-%m-%d}.csv"


def too_many_exports() -> HttpResponse:
    response = error_page(
        503, template="503_exports.html", context={"retry_after": RETRY_AFTER_SECONDS}
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csv_response(export: RecordExport, queryset, request) -> HttpResponse:
    """The streamed file, or a 503 page when `EXPORT_CONCURRENCY` exports are running."""
    slot = take_slot()
    if slot is None:
        return too_many_exports()
    try:
        content = ExportStream(csv_chunks(export, queryset, request), slot)
    except BaseException:
        slot.release()
        raise
    return StreamingHttpResponse(
        content,
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=file_name(export)
            )
        },
    )
