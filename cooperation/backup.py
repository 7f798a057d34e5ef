"""Backup and restore of the whole dataset as one JSON file, between any two databases.

Every model of every installed app is included (records, links, sources, the history
tables, users, groups and their permissions, the admin log), found at run time, so a
model added later is backed up without a change here. Left out: content types and
permissions, which `migrate` creates (rows pointing at them are written by natural
key), and sessions. Values are written as their Python values and read back with the
field's own `to_python`, so nothing is lost between SQLite and PostgreSQL.
"""

import base64
import datetime
import decimal
import json
import uuid
from collections.abc import Iterator
from typing import IO

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.duration import duration_string

from cooperation.records.invalidation import pages_changed

FORMAT = "sinoisrael-dataset"
VERSION = 1
NOT_EXPORTED = {ContentType, Permission, apps.get_model("sessions", "Session")}
# Rows a migration may create (role groups): a restore replaces them without --replace.
SEEDED_BY_MIGRATIONS = {"auth.group", "auth.group_permissions"}


class DatasetError(Exception):
    """The file or the target database does not allow the import; nothing was changed."""


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
    fields = model._meta.concrete_fields
    keys = {}
    for index, field in enumerate(fields):
        if target := natural_key_target(field):
            objects = target._base_manager.using(using)
            keys[index] = {obj.pk: list(obj.natural_key()) for obj in objects}
    rows = (
        model._base_manager.using(using)
        .order_by("pk")
        .values_list(*(field.attname for field in fields))
        .iterator(chunk_size=2000)
    )
    for row in rows:
        yield [
            keys[index][value] if index in keys and value is not None else plain(value)
            for index, value in enumerate(row)
        ]


def export_dataset(out: IO[str], *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Write every exported table to `out`; return the row count per model."""
    counts = {}
    header = {"format": FORMAT, "version": VERSION, "migrations": applied_migrations(using)}
    out.write(json.dumps(header)[:-1] + ', "tables": [\n')
    for number, model in enumerate(dataset_models()):
        columns = [field.attname for field in model._meta.concrete_fields]
        table = json.dumps({"model": label(model), "columns": columns})
        out.write(("," if number else "") + table[:-1] + ', "rows": [\n')
        counts[label(model)] = 0
        for row in table_rows(model, using):
            out.write(("," if counts[label(model)] else "") + json.dumps(row) + "\n")
            counts[label(model)] += 1
        out.write("]}\n")
    out.write("]}\n")
    return counts


def read_dataset(source: IO[str]) -> dict:
    try:
        data = json.load(source)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DatasetError(f"The file is not a dataset export (not JSON: {error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DatasetError("The file is not a dataset export made by `export_dataset`.")
    if data.get("version") != VERSION:
        raise DatasetError(
            f"The file is version {data.get('version')} of the export format; "
            f"this site reads version {VERSION}."
        )
    return data


def check_schema(data: dict, using: str) -> None:
    here, there = set(applied_migrations(using)), set(data["migrations"])
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
    fields = model._meta.concrete_fields
    if columns != [field.attname for field in fields]:
        raise DatasetError(f"The columns of {label(model)} in the file do not match this site.")
    decoders = []
    for field in fields:
        if target := natural_key_target(field):
            ids = {tuple(obj.natural_key()): obj.pk for obj in target._base_manager.using(using)}
            decoders.append(lambda value, ids=ids, target=target: natural_id(ids, value, target))
        elif field.is_relation:
            decoders.append(field.target_field.to_python)
        else:
            decoders.append(field.to_python)
    return decoders


def natural_id(ids: dict, value, target):
    if value is None:
        return None
    try:
        return ids[tuple(value)]
    except KeyError:
        raise DatasetError(
            f"This database has no {target._meta.verbose_name} {value}: run `migrate` first."
        ) from None


def insert_rows(model, columns: list[str], rows: list[list], using: str) -> None:
    decoders = column_decoders(model, columns, using)
    try:
        objects = [
            model.from_db(
                using, columns, [decode(value) for decode, value in zip(decoders, row, strict=True)]
            )
            for row in rows
        ]
    except (ValueError, TypeError, ValidationError) as error:
        raise DatasetError(f"A row of {label(model)} cannot be read: {error}") from error
    fields = model._meta.concrete_fields
    manager = model._base_manager.using(using)
    batch = max(1, connections[using].ops.bulk_batch_size(fields, objects))
    for start in range(0, len(objects), batch):
        # raw: keep created_at/updated_at as exported instead of stamping them now.
        manager._insert(objects[start : start + batch], fields=fields, raw=True, using=using)


def import_dataset(
    source: IO[str], *, using: str = DEFAULT_DB_ALIAS, replace: bool = False
) -> dict[str, int]:
    """Load an export into `using` in one transaction; return the row count per model.

    Refuses a database that already holds data unless `replace`, which deletes it first.
    Any failure (a bad row, a broken link) rolls everything back.
    """
    data = read_dataset(source)
    check_schema(data, using)
    known = {label(model): model for model in dataset_models()}
    unknown = [table["model"] for table in data["tables"] if table["model"] not in known]
    if unknown:
        raise DatasetError(f"The file has tables this site does not know: {unknown}.")
    connection = connections[using]
    with transaction.atomic(using=using):
        occupied = occupied_tables(using)
        if occupied and not replace:
            raise DatasetError(
                "The database already holds data (" + ", ".join(occupied) + "). "
                "Import into an empty database, or pass --replace to delete it first."
            )
        for model in known.values():
            model._base_manager.using(using).all()._raw_delete(using)
        counts = {}
        for table in data["tables"]:
            model = known[table["model"]]
            insert_rows(model, table["columns"], table["rows"], using)
            counts[table["model"]] = len(table["rows"])
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), known.values()):
                cursor.execute(sql)
        connection.check_constraints()
        pages_changed(using)  # rows written in bulk send no signal
    return counts
