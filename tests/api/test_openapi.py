"""The OpenAPI document says what the API really does: every filter of every list is a
documented parameter, and every response the tests can provoke matches its schema."""

import pytest
from jsonschema import Draft202012Validator

from cooperation.api.resources import RESOURCES

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"] == "3.1.0"
    return body


def validator(document, schema: dict) -> Draft202012Validator:
    """A validator of `schema` whose `#/components/...` references resolve in `document`."""
    return Draft202012Validator({**schema, "components": document["components"]})


def response_schema(document, path: str, status: str) -> dict:
    operation = document["paths"][path]["get"]
    return operation["responses"][status]["content"]["application/json"]["schema"]


def test_every_filter_of_a_list_is_a_documented_parameter(document):
    for resource in RESOURCES:
        operation = document["paths"][f"/api/v1/{resource.path}/"]["get"]
        documented = {parameter["name"] for parameter in operation["parameters"]}
        assert {"cursor", "page_size", "updated_since"} <= documented
        if resource.filterset_class is not None:
            filters = set(resource.filterset_class.base_filters) - {"ordering"}
            assert filters and filters <= documented


def test_every_list_and_record_matches_its_schema(client, document, ties):
    for resource in RESOURCES:
        path = f"/api/v1/{resource.path}/"
        body = client.get(path).json()
        assert body["results"], resource.path  # the fixture gives every type a record
        validator(document, response_schema(document, path, "200")).validate(body)
        record = client.get(f"{path}{body['results'][0]['id']}/").json()
        schema = response_schema(document, f"{path}{{pk}}/", "200")
        validator(document, schema).validate(record)


def test_a_schema_refuses_what_it_does_not_describe(document, ties):
    """The check above could not pass on a schema that accepts anything."""
    schema = response_schema(document, "/api/v1/visits/{pk}/", "200")
    errors = list(validator(document, schema).iter_errors({"id": "one"}))
    assert errors


def test_refusals_match_the_error_schema(client, document, ties):
    refused = client.get("/api/v1/offices/", {"host": "nowhere"})
    schema = response_schema(document, "/api/v1/offices/", "400")
    validator(document, schema).validate(refused.json())
    missing = client.get("/api/v1/offices/999999/")
    schema = response_schema(document, "/api/v1/offices/{pk}/", "404")
    validator(document, schema).validate(missing.json())


def test_the_page_for_people_lists_every_path(client, document):
    page = client.get("/api/v1/").content.decode()
    for path in document["paths"]:
        assert f"GET {path}" in page
