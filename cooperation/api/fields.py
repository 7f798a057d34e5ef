"""What one record looks like in the API, declared once: each `Field` has its JSON name,
its JSON Schema and how it is read from a loaded record. The responses and the OpenAPI
document (openapi.py) are both made from these declarations, so the document cannot drift
from what is served.

Readers get only what the public pages show: never a source's pasted text, staff notes,
or anything of a draft (the resources' querysets are published only).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cooperation.models import Language
from cooperation.partial_dates import Precision, Qualifier


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict
    read: Callable[[Any, "Links"], Any]  # (record, the request's links) -> JSON value


def nullable(schema: dict) -> dict:
    """OpenAPI 3.1's way to say a value may be null: JSON Schema's type list, or a oneOf."""
    if "$ref" in schema or "type" not in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


TEXT = {"type": "string"}
INTEGER = {"type": "integer"}


def attribute(name: str, schema: dict = TEXT, *, path: str | None = None) -> Field:
    """A plain attribute (`path` when it differs from the JSON name)."""
    attr = path or name
    return Field(name, schema, lambda obj, links: getattr(obj, attr))


def choice(name: str, choices, *, path: str | None = None) -> Field:
    """A choice field's stored value, one of `choices`' values."""
    return attribute(name, {"type": "string", "enum": list(choices.values)}, path=path)


def optional(name: str, schema: dict = TEXT, *, path: str | None = None) -> Field:
    """An attribute that may be empty: "" and None are both null."""
    attr = path or name
    return Field(name, nullable(schema), lambda obj, links: getattr(obj, attr) or None)


PLACEHOLDER = "slug-placeholder"


class Links:
    """The absolute URLs of public pages for one request: the site's root read once, and
    each model's page path reversed once (with a placeholder slug), not once a record: a
    page of 500 records names some 1,500 pages."""

    def __init__(self, request):
        self.root = request.build_absolute_uri("/").removesuffix("/")
        self.paths: dict[type, str] = {}

    def page(self, obj) -> str:
        model = type(obj)
        if model not in self.paths:
            self.paths[model] = model(slug=PLACEHOLDER).get_absolute_url()
        return self.root + self.paths[model].replace(PLACEHOLDER, obj.slug)


PAGE = Field("url", {"type": "string", "format": "uri"}, lambda obj, links: links.page(obj))
IDENTITY = [attribute("id", INTEGER), attribute("slug")]
UPDATED = Field(
    "updated_at",
    {"type": "string", "format": "date-time"},
    lambda obj, links: obj.updated_at.isoformat(),
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
    """A partial date as an object, or null when the record has none."""

    def read(obj, links):
        date = getattr(obj, name)
        if not date:
            return None
        return {
            "value": date.value.isoformat(),
            "precision": date.precision,
            "qualifier": date.qualifier,
            "as_written": str(date),
        }

    return Field(name, nullable({"$ref": "#/components/schemas/PartialDate"}), read)


NAMES = {
    "id": INTEGER,
    "slug": TEXT,
    "name": TEXT,
    "name_zh": TEXT,
    "name_he": TEXT,
}


def named(thing, links) -> dict | None:
    """A municipality, organization or person where a record names it: its id, slug and
    names in three scripts; a municipality also its public page."""
    if thing is None:
        return None
    reference = {key: getattr(thing, key) for key in NAMES}
    if hasattr(thing, "get_absolute_url"):
        reference["url"] = links.page(thing)
    return reference


NAMED = {
    "type": "object",
    "properties": {**NAMES, "url": {"type": "string", "format": "uri"}},
    "required": list(NAMES),
}


def reference(name: str, *, path: str | None = None) -> Field:
    """One named thing, or null."""
    attr = path or name
    return Field(
        name,
        nullable({"$ref": "#/components/schemas/Named"}),
        lambda obj, links: named(getattr(obj, attr), links),
    )


def references(name: str, things: Callable[[Any], list]) -> Field:
    """Named things, in the record's order."""
    return Field(
        name,
        {"type": "array", "items": {"$ref": "#/components/schemas/Named"}},
        lambda obj, links: [named(thing, links) for thing in things(obj)],
    )


def rows(name: str, item: dict, read_row: Callable[[Any, Any], dict], all_rows) -> Field:
    """Rows of a record (participants, parties), each an object of `item`'s schema."""
    return Field(
        name,
        {"type": "array", "items": item},
        lambda obj, links: [read_row(row, links) for row in all_rows(obj)],
    )


def item_of(fields: list[Field]) -> tuple[dict, Callable]:
    """An object made of `fields`, inside a record: its schema, and how to read it."""
    schema = {
        "type": "object",
        "properties": {field.name: field.schema for field in fields},
        "required": [field.name for field in fields],
    }
    return schema, lambda obj, links: {field.name: field.read(obj, links) for field in fields}


# A source as a record cites it, and as /api/v1/sources/ lists it (with its last change).
SOURCE_FIELDS = [
    attribute("id", INTEGER),
    attribute("title"),
    attribute("publisher"),
    attribute("url", {"type": "string", "format": "uri"}),
    partial_date("published"),
    choice("language", Language),
]
SOURCE_ITEM, source_item = item_of(SOURCE_FIELDS)


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


def citation_item(citation, links) -> dict:
    return {
        "fact": citation.fact,
        "source": citation.source_id,
        "quote": citation.quote,
        "quote_en": citation.quote_en or None,
    }


def evidence() -> list[Field]:
    """What every record carries: its grade, sectors, sources and cited facts (prefetched
    into lists by resources.cited: a related manager per record and relation would cost
    more than the rest of the record)."""
    return [
        optional("evidence_grade"),
        Field(
            "sectors",
            {"type": "array", "items": TEXT},
            lambda obj, links: [sector.slug for sector in obj.listed_sectors],
        ),
        rows("sources", SOURCE_ITEM, source_item, lambda obj: obj.listed_sources),
        rows("citations", CITATION_ITEM, citation_item, lambda obj: obj.listed_citations),
    ]


COMPONENTS = {"PartialDate": PARTIAL_DATE, "Named": NAMED}
