"""The OpenAPI 3.1 document of the API, made from the same declarations that make the
responses: the resources' fields (fields.py, resources.py) and the public lists' FilterSets
(cooperation/public/filters.py). A filter added to a list, or a field to a resource, is in
the document without anyone writing it there.
"""

import copy

import django_filters
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator

from cooperation.api.fields import COMPONENTS
from cooperation.api.pages import CURSOR_HELP, MAX_PAGE_SIZE
from cooperation.api.resources import RESOURCES
from cooperation.public.typed_names import TypedNameFilter

ERROR = {
    "type": "object",
    "description": "What was refused: each parameter named, with its messages.",
    "properties": {
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
    },
    "required": ["errors"],
}


def error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


PAGING = [
    {
        "name": "page_size",
        "in": "query",
        "description": f"Records per page, 1 to {MAX_PAGE_SIZE}; 25 when not given.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 25},
    },
    {
        "name": "cursor",
        "in": "query",
        "description": f"Where the page starts. {CURSOR_HELP}",
        "schema": {"type": "string"},
    },
    {
        "name": "updated_since",
        "in": "query",
        "description": "Only records changed at or after this moment (ISO 8601; UTC when "
        "no time zone is given), for incremental harvesting.",
        "schema": {"type": "string", "format": "date-time"},
    },
]


def filter_schema(filter_) -> dict:
    """A filter's values: a fixed choice's enum, a year's range, a search's length.

    Read from a copy of the class's filter: building the form field of the class's own
    (`.field` caches it) would freeze its choices for every later request.
    """
    field = copy.deepcopy(filter_).field
    if isinstance(filter_, django_filters.ChoiceFilter):
        choices = filter_.extra.get("choices")
        if choices and not callable(choices):
            return {"type": "string", "enum": [value for value, _ in choices]}
        return {"type": "string", "description": "A slug, as the list's select offers them."}
    number = isinstance(filter_, django_filters.NumberFilter)
    schema = {"type": "integer" if number else "string"}
    for validator in field.validators:
        if isinstance(validator, MinValueValidator):
            schema["minimum"] = validator.limit_value
        elif isinstance(validator, MaxValueValidator):
            schema["maximum"] = validator.limit_value
        elif isinstance(validator, MaxLengthValidator):
            schema["maxLength"] = validator.limit_value
    if isinstance(filter_, TypedNameFilter):
        schema["description"] = (
            f"A {filter_.extra['noun']}'s slug, or its name in English (in any case), "
            "Chinese or Hebrew."
        )
    return schema


def filter_parameters(filterset_class) -> list[dict]:
    if filterset_class is None:
        return []
    return [
        {
            "name": name,
            "in": "query",
            "description": " ".join(
                str(part) for part in (filter_.label, filter_.extra.get("help_text")) if part
            ),
            "schema": filter_schema(filter_),
        }
        for name, filter_ in filterset_class.base_filters.items()
        if name != "ordering"
    ]


def record_schema(resource) -> dict:
    return {
        "type": "object",
        "properties": {field.name: field.schema for field in resource.fields},
        "required": [field.name for field in resource.fields],
    }


def schema_name(resource) -> str:
    return resource.noun.title().replace(" ", "")


def json_content(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def list_operation(resource) -> dict:
    item = {"$ref": f"#/components/schemas/{schema_name(resource)}"}
    page = {
        "type": "object",
        "properties": {
            "results": {"type": "array", "items": item},
            "next": {"type": ["string", "null"], "format": "uri"},
        },
        "required": ["results", "next"],
    }
    filtered = " with the filters of its public list" if resource.filterset_class else ""
    return {
        "operationId": f"list_{resource.path}",
        "summary": f"Published {resource.noun} records{filtered}, in the order of their last "
        "change",
        "parameters": [*filter_parameters(resource.filterset_class), *PAGING],
        "responses": {
            "200": {"description": "A page of records.", "content": json_content(page)},
            "304": {"description": "Not modified since the ETag or date the client gave."},
            "400": error_response("A parameter cannot be used; the body names it."),
        },
    }


def detail_operation(resource) -> dict:
    return {
        "operationId": f"get_{resource.noun.replace(' ', '_')}",
        "summary": f"One published {resource.noun}",
        "parameters": [
            {"name": "pk", "in": "path", "required": True, "schema": {"type": "integer"}}
        ],
        "responses": {
            "200": {
                "description": f"The {resource.noun}.",
                "content": json_content({"$ref": f"#/components/schemas/{schema_name(resource)}"}),
            },
            "304": {"description": "Not modified since the ETag or date the client gave."},
            "404": error_response(f"No published {resource.noun} has this id."),
        },
    }


def document(request) -> dict:
    paths = {}
    for resource in RESOURCES:
        paths[f"/api/v1/{resource.path}/"] = {"get": list_operation(resource)}
        paths[f"/api/v1/{resource.path}/{{pk}}/"] = {"get": detail_operation(resource)}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Sino-Israeli cooperation tracker API",
            "version": "1",
            "description": "Read-only. Published records only. GET from any origin.",
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": paths,
        "components": {
            "schemas": {
                **COMPONENTS,
                "Error": ERROR,
                **{schema_name(resource): record_schema(resource) for resource in RESOURCES},
            }
        },
    }
