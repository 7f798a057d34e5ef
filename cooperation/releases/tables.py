"""The tables of a release: each type the public site offers as a CSV, written by that export.

A release holds what the public lists export (offices, visits, events, agreements,
municipalities), with the same columns and the same publication gate
(`cooperation/exports/public.py`), every published row, oldest id first. Places, bodies,
people, sectors and sources are in them by name, as on the pages; their own columns (a
source's notes, a person's notes) are not public anywhere, so they are not released either.

The JSON file holds the same rows, read back from the CSV files just written, so the two
cannot differ; a cell becomes a number or null where the column's schema says so.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import models
from django.db.models.constants import LOOKUP_SEP

from cooperation.exports.columns import Column
from cooperation.exports.public import public_export
from cooperation.exports.records import EXPORTS, RecordExport
from cooperation.exports.stream import csv_chunks, export_columns
from cooperation.public.views import lists

TABLES = tuple(
    page.record_type
    for page in (lists.OFFICES, lists.VISITS, lists.EVENTS, lists.AGREEMENTS, lists.MUNICIPALITIES)
)


@dataclass(frozen=True)
class SiteAddress:
    """Where the public site is served, "https://tracker.example.org": the root the
    export's `Public URL` column is built on when there is no request to ask."""

    root: str

    def build_absolute_uri(self, path: str) -> str:
        return self.root.rstrip("/") + path


def released_export(name: str) -> RecordExport:
    return public_export(EXPORTS[name])


def rows_of(name: str):
    """Every published row of the type, oldest first."""
    return EXPORTS[name].model.objects.published().order_by("pk")


def write_csv(name: str, site: SiteAddress, path: Path) -> None:
    """The type's CSV, byte for byte what the public export writes (UTF-8 with a BOM)."""
    with path.open("wb") as file:
        for chunk in csv_chunks(released_export(name), rows_of(name), site):
            file.write(chunk)


# Table Schema types (https://specs.frictionlessdata.io/table-schema/) of the model fields a
# column may write as they are; any converted cell (names, labels, joined lists) is text.
FIELD_TYPES = (
    (models.DateTimeField, "datetime"),
    (models.DateField, "date"),
    (models.IntegerField, "integer"),
    (models.AutoField, "integer"),
    (models.DecimalField, "number"),
    (models.FloatField, "number"),
)


def model_field(model, path: str) -> models.Field:
    *relations, last = path.split(LOOKUP_SEP)
    for name in relations:
        model = model._meta.get_field(name).related_model
    return model._meta.get_field(last)


def field_type(model, column: Column) -> str:
    """A column written unconverted has its model field's type; every other one is text."""
    if column.convert is not None or not isinstance(column.sources[0], str):
        return "string"
    field = model_field(model, column.sources[0])
    return next((kind for cls, kind in FIELD_TYPES if isinstance(field, cls)), "string")


def schema(name: str, site: SiteAddress) -> dict:
    """The Table Schema of the type's CSV: each column's header and type, keyed by `id`."""
    export = released_export(name)
    return {
        "fields": [
            {"name": column.header, "type": field_type(export.model, column)}
            for column in export_columns(export, site)
        ],
        "primaryKey": ["id"],
    }


READERS = {"integer": int, "number": float}


def typed_rows(path: Path, table_schema: dict) -> Iterator[dict]:
    """The rows of a CSV written by `write_csv`, each a dict by header: numbers as numbers,
    an empty cell as null (as "" in a text column)."""
    types = [field["type"] for field in table_schema["fields"]]
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        for cells in reader:
            yield {
                name: (READERS.get(kind, str)(cell) if cell else ("" if kind == "string" else None))
                for name, kind, cell in zip(header, types, cells, strict=True)
            }
