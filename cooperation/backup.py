"""Backup and restore of the whole dataset as one JSON file, between any two databases.

Every model of every installed app is included (records, links, sources, the history
tables, users, groups and their permissions, the admin log), found at run time, so a
model added later is backed up without a change here. Left out: content types and
permissions, which `migrate` creates (rows pointing at them are written by natural
key), sessions, and generated columns, which the database computes again. Values are
written as their Python values and read back with the field's own `to_python`, so nothing
is lost between SQLite and PostgreSQL.

Both directions stream: the export writes a table's rows as the database gives them, and
the import parses the file as it reads it (ijson) and inserts each table's rows in batches,
so neither holds more than a batch of rows, whatever the size of the dataset.
"""

import base64
import datetime
import decimal
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from itertools import batched
from typing import IO

import ijson
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.duration import duration_string

from cooperation.models.base import lift_statement_timeout, written_fields
from cooperation.records.invalidation import pages_changed

FORMAT = "sinoisrael-dataset"
VERSION = 1
NOT_EXPORTED = {ContentType, Permission, apps.get_model("sessions", "Session")}
# Rows a migration may create (role groups): a restore replaces them without --replace.
SEEDED_BY_MIGRATIONS = {"auth.group", "auth.group_permissions"}
# What `export_dataset` writes before `tables`, so a file is checked before a row is written.
HEADER = ("format", "version", "migrations")
ROWS_PER_BATCH = 2000  # rows decoded and inserted at a time (fewer where the database says)
PROGRESS_EVERY = 20_000  # rows between two reports of progress; a multiple of ROWS_PER_BATCH
OPENS, CLOSES = {"start_map", "start_array"}, {"end_map", "end_array"}

# `progress(table, rows)`: a table starts (rows = 0), or has reached `rows` rows.
Progress = Callable[[str, int], None]


def json_parser():
    """ijson's C parser (yajl), several times faster than its pure Python one, when built."""
    try:
        return ijson.get_backend("yajl2_c")
    except ImportError:
        return ijson


JSON = json_parser()


class DatasetError(Exception):
    """The file or the target database does not allow the import; nothing was changed."""


def no_progress(table: str, rows: int) -> None:
    """The default `progress`: report nothing."""


def reported(rows: Iterable, table: str, progress: Progress) -> Iterator:
    """`rows`, calling `progress` when the table starts and after every PROGRESS_EVERY."""
    progress(table, 0)
    for count, row in enumerate(rows, start=1):
        yield row
        if count % PROGRESS_EVERY == 0:
            progress(table, count)


def dataset_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model not in NOT_EXPORTED and model._meta.managed and not model._meta.proxy
    ]


def label(model) -> str:
    return model._meta.label_lower


def applied_migrations(using: str) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def natural_key_target(field):
    """The related model, when a column points at rows that are matched by natural key."""
    if field.is_relation and field.related_model in NOT_EXPORTED:
        return field.related_model
    return None


def plain(value):
    """A JSON value for a database value; `to_python` of the same field reads it back."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.timedelta):
        return duration_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def table_rows(model, using: str) -> Iterator[list]:
    fields = written_fields(model)
    keys = {}
    for index, field in enumerate(fields):
        if target := natural_key_target(field):
            objects = target._base_manager.using(using)
            keys[index] = {obj.pk: list(obj.natural_key()) for obj in objects}
    rows = (
        model._base_manager.using(using)
        .order_by("pk")
        .values_list(*(field.attname for field in fields))
        .iterator(chunk_size=ROWS_PER_BATCH)
    )
    for row in rows:
        yield [
            keys[index][value] if index in keys and value is not None else plain(value)
            for index, value in enumerate(row)
        ]


def export_dataset(
    out: IO[str], *, using: str = DEFAULT_DB_ALIAS, progress: Progress = no_progress
) -> dict[str, int]:
    """Write every exported table to `out`, header first; return the row count per model.

    The header (HEADER) comes before `tables` because the import checks it before it
    writes anything. `progress` is called as in `reported`.
    """
    counts = {}
    header = {"format": FORMAT, "version": VERSION, "migrations": applied_migrations(using)}
    out.write(json.dumps(header)[:-1] + ', "tables": [\n')
    for number, model in enumerate(dataset_models()):
        columns = [field.attname for field in written_fields(model)]
        table = json.dumps({"model": label(model), "columns": columns})
        out.write(("," if number else "") + table[:-1] + ', "rows": [\n')
        counts[label(model)] = 0
        for row in reported(table_rows(model, using), label(model), progress):
            out.write(("," if counts[label(model)] else "") + json.dumps(row) + "\n")
            counts[label(model)] += 1
        out.write("]}\n")
    out.write("]}\n")
    return counts


# Reading a file: its parse events (ijson's `basic_parse`, one pass), each read once by the
# functions below in the order the file gives them.


def parse_error(error: ijson.JSONError) -> str:
    """ijson's reason, first line (yajl draws where it is below, and some come as bytes)."""
    reason = error.args[0] if error.args else ""
    if isinstance(reason, bytes):
        reason = reason.decode(errors="replace")
    lines = str(reason).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def expect(events: Iterator, event: str, complaint: str) -> None:
    if next(events)[0] != event:
        raise DatasetError(complaint)


def read_value(events: Iterator, event: str, value):
    """The whole JSON value that starts with (`event`, `value`), read from `events`."""
    if event not in OPENS:
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    while depth:
        event, value = next(events)
        builder.event(event, value)
        depth += (event in OPENS) - (event in CLOSES)
    return builder.value


def keys_before(events: Iterator, stop: str | None) -> tuple[dict, bool]:
    """The keys and values of the object being read, up to the key `stop` (whose value is
    then next in `events`) or the object's end; and whether `stop` was reached."""
    keys = {}
    for event, key in events:
        if event == "end_map":
            break
        if key == stop:
            return keys, True
        keys[key] = read_value(events, *next(events))
    return keys, False


def read_header(events: Iterator) -> dict:
    """The file's keys before `tables`, checked; `events` is left at the start of `tables`.

    A file whose tables come before its header is refused: it was not written by
    `export_dataset`, and reading it would mean writing rows before knowing the file fits.
    """
    expect(events, "start_map", "The file is not a dataset export made by `export_dataset`.")
    header, at_tables = keys_before(events, "tables")
    if at_tables and (missing := [name for name in HEADER if name not in header]):
        raise DatasetError(
            f"The file's tables come before its {', '.join(missing)}: an export made by "
            "`export_dataset` gives them first, and the import reads them before any table."
        )
    check_header(header)
    if not at_tables:
        raise DatasetError("The file has no tables: it is not a whole dataset export.")
    return header


def check_header(header: dict) -> None:
    if header.get("format") != FORMAT:
        raise DatasetError("The file is not a dataset export made by `export_dataset`.")
    if header.get("version") != VERSION:
        raise DatasetError(
            f"The file is version {header.get('version')} of the export format; "
            f"this site reads version {VERSION}."
        )
    migrations = header.get("migrations")
    if not isinstance(migrations, list) or not all(isinstance(m, str) for m in migrations):
        raise DatasetError("The file's list of migrations cannot be read.")


def read_tables(events: Iterator) -> Iterator[tuple]:
    """Each table of `tables` as (model label, columns), once its rows are next in `events`.

    The caller reads the rows (`read_rows`) before asking for the next table. A table must
    give its model and columns before its rows, as `export_dataset` writes them, since
    they say how to read each row.
    """
    expect(events, "start_array", "The file's tables are not a list.")
    for event, _ in events:
        if event == "end_array":
            return
        if event != "start_map":
            raise DatasetError("A table in the file is not an object with model, columns, rows.")
        table, at_rows = keys_before(events, "rows")
        if not at_rows or "model" not in table or "columns" not in table:
            raise DatasetError(
                "Each table in the file gives its model and columns, then its rows; "
                f"{table.get('model', 'one')} does not."
            )
        yield table["model"], table["columns"]
        keys_before(events, None)  # what follows the rows in a table is not used


def read_rows(events: Iterator) -> Iterator:
    """A table's rows, each as it is read."""
    expect(events, "start_array", "A table's rows in the file are not a list.")
    for event, value in events:
        if event == "end_array":
            return
        yield read_row(events) if event == "start_array" else read_value(events, event, value)


def read_row(events: Iterator) -> list:
    """The values of a row whose `[` was just read. Most are plain values, taken as they
    come; a list or an object (a natural key, a JSON field's value) is read whole."""
    row = []
    for event, value in events:
        if event == "end_array":
            break
        row.append(read_value(events, event, value) if event in OPENS else value)
    return row


def read_to_end(events: Iterator) -> None:
    """Whatever follows `tables` is not used, but the file must end as JSON does: a file
    cut short after its last row, or with text after its end, is refused too."""
    for _ in events:
        pass


def check_schema(header: dict, using: str) -> None:
    here, there = set(applied_migrations(using)), set(header["migrations"])
    if here != there:
        missing = ", ".join(sorted(there - here)) or "none"
        extra = ", ".join(sorted(here - there)) or "none"
        raise DatasetError(
            "The file was exported from a database with other migrations than this one "
            f"(missing here: {missing}; not in the file: {extra}). Bring both to the same "
            "code version and run `manage.py migrate` before importing."
        )


def occupied_tables(using: str) -> list[str]:
    return [
        label(model)
        for model in dataset_models()
        if label(model) not in SEEDED_BY_MIGRATIONS and model._base_manager.using(using).exists()
    ]


def column_decoders(model, columns: list[str], using: str) -> list:
    fields = written_fields(model)
    if columns != [field.attname for field in fields]:
        raise DatasetError(f"The columns of {label(model)} in the file do not match this site.")
    decoders = []
    for field in fields:
        if target := natural_key_target(field):
            ids = {tuple(obj.natural_key()): obj.pk for obj in target._base_manager.using(using)}
            decoders.append(lambda value, ids=ids, target=target: natural_id(ids, value, target))
        elif field.is_relation:
            decoders.append(field.target_field.to_python)
        elif isinstance(field, models.JSONField):
            decoders.append(floats_for_decimals)
        else:
            # ijson reads a number with a fraction or an exponent as a Decimal: exact, and
            # `to_python` of a float field turns it into the float the export wrote.
            decoders.append(field.to_python)
    return decoders


def floats_for_decimals(value):
    """A JSON field's value with the Decimals ijson reads as floats, as `json.load` reads
    them: the value is stored with `json.dumps`, which refuses a Decimal."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list):
        return [floats_for_decimals(item) for item in value]
    if isinstance(value, dict):
        return {key: floats_for_decimals(item) for key, item in value.items()}
    return value


def natural_id(ids: dict, value, target):
    if value is None:
        return None
    try:
        return ids[tuple(value)]
    except KeyError:
        raise DatasetError(
            f"This database has no {target._meta.verbose_name} {value}: run `migrate` first."
        ) from None


def model_of(table, known: dict):
    if not isinstance(table, str) or table not in known:
        raise DatasetError(f"The file has a table this site does not know: {table!r}.")
    return known[table]


def decoded(model, columns: list[str], decoders: list, rows: Iterable, using: str) -> list:
    try:
        return [
            model.from_db(
                using, columns, [decode(value) for decode, value in zip(decoders, row, strict=True)]
            )
            for row in rows
        ]
    except (ValueError, TypeError, ValidationError) as error:
        raise DatasetError(f"A row of {label(model)} cannot be read: {error}") from error


def insert_rows(model, columns: list[str], rows: Iterable, *, using: str) -> int:
    """Insert `rows` as they come, ROWS_PER_BATCH at a time, within what one statement of
    the database takes; return how many. Memory holds one batch, whatever the table."""
    decoders = column_decoders(model, columns, using)
    fields = written_fields(model)
    manager = model._base_manager.using(using)
    count = 0
    for batch in batched(rows, ROWS_PER_BATCH):
        objects = decoded(model, columns, decoders, batch, using)
        size = max(1, connections[using].ops.bulk_batch_size(fields, objects))
        for start in range(0, len(objects), size):
            # raw: keep created_at/updated_at as exported instead of stamping them now.
            manager._insert(objects[start : start + size], fields=fields, raw=True, using=using)
        count += len(objects)
    return count


def empty_database(using: str, *, replace: bool) -> None:
    occupied = occupied_tables(using)
    if occupied and not replace:
        raise DatasetError(
            "The database already holds data (" + ", ".join(occupied) + "). "
            "Import into an empty database, or pass --replace to delete it first."
        )
    for model in dataset_models():
        model._base_manager.using(using).all()._raw_delete(using)


def finish_import(using: str) -> None:
    """What bulk inserts skip: sequences moved past the ids written, links checked (on
    SQLite, or PostgreSQL's deferred ones), and the public pages told the data changed."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), dataset_models()):
            cursor.execute(sql)
    connection.check_constraints()
    pages_changed(using)  # rows written in bulk send no signal


def import_dataset(
    source: IO[bytes],
    *,
    using: str = DEFAULT_DB_ALIAS,
    replace: bool = False,
    progress: Progress = no_progress,
) -> dict[str, int]:
    """Load an export (a binary file) into `using` in one transaction; return the row
    count per model.

    The file is parsed as it is read and each table's rows are inserted in batches, so
    memory does not grow with the file. The header is checked before anything is written;
    a later failure (an unknown table, a bad row, a broken link, a file cut short) rolls
    everything back. Refuses a database that already holds data unless `replace`, which
    deletes it first. `progress` is called as in `reported`.
    """
    events = JSON.basic_parse(source)
    try:
        header = read_header(events)
        check_schema(header, using)
        known = {label(model): model for model in dataset_models()}
        counts = {}
        with transaction.atomic(using=using):
            lift_statement_timeout(connections[using])
            empty_database(using, replace=replace)
            for table, columns in read_tables(events):
                rows = reported(read_rows(events), table, progress)
                counts[table] = insert_rows(model_of(table, known), columns, rows, using=using)
            read_to_end(events)
            finish_import(using)
    except ijson.JSONError as error:
        raise DatasetError(
            f"The file is not a dataset export, or it is cut short ({parse_error(error)})."
        ) from error
    return counts
