"""What one record looks like in the API, declared once: each `Field` has its JSON name,
its JSON Schema, the columns it reads and how it makes its value from them. The responses
and the OpenAPI document (openapi.py) are both made from these declarations, so the
document cannot drift from what is served.

A page is read as rows of values, not model instances (rows.py): the record's own columns
and those of what it names (`sponsor__name`) in one query, and each list it carries
(sectors, sources, staff...) in one more query for the whole page. Building a model
instance per record, municipality, source and person cost most of a harvest's time.

Readers get only what the public pages show: never a source's pasted text, staff notes,
or anything of a draft (the resources' querysets are published only).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cooperation.models import Language, Municipality
from cooperation.partial_dates import Precision, Qualifier, written_date


@dataclass(frozen=True, eq=False)
class Many:
    """A list that a record carries: the rows at `path` from the record (a reverse foreign
    key or a many-to-many), each with `columns` (paths from that row), in the order of
    their ids unless `sort` (a key of a row) says otherwise. Fetched once for a page."""

    path: str
    columns: tuple[str, ...]
    sort: Callable[[dict], Any] | None = None


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict
    read: Callable[[dict, "Links"], Any]  # (a row, the request's links) -> JSON value
    columns: tuple[str, ...] = ()  # what `read` takes from the row
    many: Many | None = field(default=None)  # or the list it reads, under the row's `many`


def nullable(schema: dict) -> dict:
    """OpenAPI 3.1's way to say a value may be null: JSON Schema's type list, or a oneOf."""
    if "$ref" in schema or "type" not in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


TEXT = {"type": "string"}
INTEGER = {"type": "integer"}


def attribute(name: str, schema: dict = TEXT, *, path: str | None = None) -> Field:
    """A column as it is stored (`path` when it differs from the JSON name)."""
    column = path or name
    return Field(name, schema, lambda row, links: row[column], (column,))


def choice(name: str, choices, *, path: str | None = None) -> Field:
    """A choice field's stored value, one of `choices`' values."""
    return attribute(name, {"type": "string", "enum": list(choices.values)}, path=path)


def optional(name: str, schema: dict = TEXT, *, path: str | None = None) -> Field:
    """A column that may be empty: "" and None are both null."""
    column = path or name
    return Field(name, nullable(schema), lambda row, links: row[column] or None, (column,))


PLACEHOLDER = "slug-placeholder"


class Links:
    """The absolute URLs of public pages for one request: the site's root read once, and
    each model's page path reversed once (with a placeholder slug), not once a record: a
    page of 500 records names some 1,500 pages."""

    def __init__(self, request):
        self.root = request.build_absolute_uri("/").removesuffix("/")
        self.paths: dict[type, tuple[str, str]] = {}

    def page(self, model: type, slug: str) -> str:
        if model not in self.paths:
            path = model(slug=PLACEHOLDER).get_absolute_url()
            head, _, tail = path.partition(PLACEHOLDER)
            self.paths[model] = (self.root + head, tail)
        head, tail = self.paths[model]
        return f"{head}{slug}{tail}"


def page(model: type) -> Field:
    """The absolute URL of the record's public page."""
    return Field(
        "url",
        {"type": "string", "format": "uri"},
        lambda row, links: links.page(model, row["slug"]),
        ("slug",),
    )


IDENTITY = [attribute("id", INTEGER), attribute("slug")]
UPDATED = Field(
    "updated_at",
    {"type": "string", "format": "date-time"},
    lambda row, links: row["updated_at"].isoformat(),
    ("updated_at",),
)

PARTIAL_DATE = {
    "type": "object",
    "description": "A date as the article gives it: the first day of the period it names, "
    "how precise it is, how it is known, and how the site writes it.",
    "properties": {
        "value": {"type": "string", "format": "date"},
        "precision": {"type": "string", "enum": list(Precision.values)},
        "qualifier": {"type": "string", "enum": list(Qualifier.values)},
        "as_written": {"type": "string"},
    },
    "required": ["value", "precision", "qualifier", "as_written"],
}


def partial_date(name: str) -> Field:
    """A partial date (its three columns) as an object, or null when the record has none."""
    value, precision, qualifier = f"{name}_date", f"{name}_precision", f"{name}_qualifier"

    def read(row, links):
        day = row[value]
        if day is None:
            return None
        return {
            "value": day.isoformat(),
            "precision": row[precision],
            "qualifier": row[qualifier],
            "as_written": written_date(day, row[precision], row[qualifier]),
        }

    schema = nullable({"$ref": "#/components/schemas/PartialDate"})
    return Field(name, schema, read, (value, precision, qualifier))


NAMES = {
    "id": INTEGER,
    "slug": TEXT,
    "name": TEXT,
    "name_zh": TEXT,
    "name_he": TEXT,
}
# The municipalities and organizations a record names: only municipalities have a page.
PARTIES = (("municipality", Municipality), ("organization", None))


def name_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}__{key}" for key in NAMES)


def named(row: dict, prefix: str, links, model: type | None = None) -> dict | None:
    """The thing at `prefix` (a municipality, organization or person a record names): its
    id, slug and names in three scripts, and the public page of a `model` that has one;
    null when the row names none."""
    if row.get(f"{prefix}__id") is None:
        return None
    reference = {key: row[f"{prefix}__{key}"] for key in NAMES}
    if model is not None:
        reference["url"] = links.page(model, reference["slug"])
    return reference


def party(row: dict, links, prefix: str = "") -> dict | None:
    """The municipality or else the organization a row names."""
    for name, model in PARTIES:
        reference = named(row, f"{prefix}{name}", links, model)
        if reference is not None:
            return reference
    return None


PARTY_COLUMNS = name_columns("municipality") + name_columns("organization")

NAMED = {
    "type": "object",
    "properties": {**NAMES, "url": {"type": "string", "format": "uri"}},
    "required": list(NAMES),
}
REFERENCE = nullable({"$ref": "#/components/schemas/Named"})
REFERENCES = {"type": "array", "items": {"$ref": "#/components/schemas/Named"}}


def reference(name: str, model: type | None = None) -> Field:
    """One named thing (with its page when it is a `model` that has one), or null."""
    return Field(
        name, REFERENCE, lambda row, links: named(row, name, links, model), name_columns(name)
    )


def many(name: str, schema: dict, read_row: Callable, rows: Many) -> Field:
    """A list of the record's `rows`, each made by `read_row(row, links)`."""
    return Field(
        name,
        {"type": "array", "items": schema},
        lambda row, links: [read_row(item, links) for item in row["many"][rows]],
        many=rows,
    )


def item_of(fields: list[Field]) -> tuple[dict, Callable, tuple[str, ...]]:
    """An object made of `fields`, inside a record: its schema, how to read it from a row,
    and the columns that takes."""
    schema = {
        "type": "object",
        "properties": {field.name: field.schema for field in fields},
        "required": [field.name for field in fields],
    }
    columns = tuple(column for field in fields for column in field.columns)
    return (
        schema,
        lambda row, links: {field.name: field.read(row, links) for field in fields},
        columns,
    )


# A source as a record cites it, and as /api/v1/sources/ lists it (with its last change).
SOURCE_FIELDS = [
    attribute("id", INTEGER),
    attribute("title"),
    attribute("publisher"),
    attribute("url", {"type": "string", "format": "uri"}),
    partial_date("published"),
    choice("language", Language),
]
SOURCE_ITEM, source_item, SOURCE_COLUMNS = item_of(SOURCE_FIELDS)


CITATION_ITEM = {
    "type": "object",
    "description": "A fact of the record with the words of a source that support it.",
    "properties": {
        "fact": TEXT,
        "source": INTEGER,
        "quote": TEXT,
        "quote_en": nullable(TEXT),
    },
    "required": ["fact", "source", "quote", "quote_en"],
}


def citation_item(row, links) -> dict:
    return {
        "fact": row["fact"],
        "source": row["source"],
        "quote": row["quote"],
        "quote_en": row["quote_en"] or None,
    }


SECTORS = Many("sectors", ("slug",))
SOURCES = Many("sources", SOURCE_COLUMNS)
CITATIONS = Many("citations", ("fact", "source", "quote", "quote_en"))


def evidence() -> list[Field]:
    """What every record carries: its grade, sectors, sources and cited facts."""
    return [
        optional("evidence_grade"),
        many("sectors", TEXT, lambda row, links: row["slug"], SECTORS),
        many("sources", SOURCE_ITEM, source_item, SOURCES),
        many("citations", CITATION_ITEM, citation_item, CITATIONS),
    ]


COMPONENTS = {"PartialDate": PARTIAL_DATE, "Named": NAMED}
