"""The API's lists take the public lists' filters: the same parameters give the same
records as the HTML list, and the same refusals, as JSON naming the parameter."""

from datetime import date

import pytest

from cooperation.partial_dates import Precision, Qualifier
from tests.support.factories import LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db

# (list path, parameters): each filter alone, and combined.
CASES = [
    ("offices", {}),
    ("offices", {"host": "haifa"}),
    ("offices", {"sponsor": "beijing"}),
    ("offices", {"sponsor": "beijing", "host": "haifa"}),
    ("offices", {"q": "北京"}),
    ("offices", {"sector": "ports", "year_min": "2018", "year_max": "2018"}),
    ("visits", {"origin": "shanghai"}),
    ("visits", {"destination": "haifa", "sector": "ports"}),
    ("visits", {"q": "haifa"}),
    ("agreements", {"party": "haifa"}),
    ("agreements", {"kind": "twinning", "party": "beijing"}),
    ("events", {"place": "haifa"}),
    ("events", {"kind": "forum", "q": "port"}),
    ("municipalities", {"country": "IL"}),
    ("municipalities", {"q": "上海"}),
]


def api_ids(client, path, parameters) -> list[int]:
    response = client.get(f"/api/v1/{path}/", {**parameters, "page_size": 500})
    assert response.status_code == 200, response.content
    assert response.json()["next"] is None
    return [row["id"] for row in response.json()["results"]]


def html_ids(client, path, parameters) -> list[int]:
    response = client.get(f"/{path}/", parameters)
    assert response.status_code == 200
    return [row.pk for row in response.context["page_obj"].paginator.object_list]


@pytest.mark.parametrize(("path", "parameters"), CASES)
def test_a_filter_gives_the_records_of_the_html_list(client, ties, path, parameters):
    expected = html_ids(client, path, parameters)
    assert sorted(api_ids(client, path, parameters)) == sorted(expected)
    if parameters:  # a filter that filters nothing would prove nothing
        assert len(expected) < len(html_ids(client, path, {}))


@pytest.mark.parametrize(
    ("path", "parameters", "named"),
    [
        ("offices", {"host": "nowhere"}, "host"),
        ("offices", {"year_min": "19x8"}, "year_min"),
        ("offices", {"year_min": "2019", "year_max": "2018"}, "year_max"),
        ("visits", {"q": "tab\there"}, "q"),
        ("agreements", {"kind": "alliance"}, "kind"),
        ("offices", {"page_size": "0"}, "page_size"),
        ("offices", {"page_size": "501"}, "page_size"),
        ("visits", {"page_size": "ten"}, "page_size"),
        ("events", {"updated_since": "yesterday"}, "updated_since"),
        ("sectors", {"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_a_value_that_cannot_be_used_is_a_400_naming_its_parameter(
    client, ties, path, parameters, named
):
    response = client.get(f"/api/v1/{path}/", parameters)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()["errors"]
    assert list(errors) == [named] and errors[named][0]


def test_the_html_lists_message_is_the_apis(client, ties):
    html = client.get("/offices/", {"year_min": "19x8"})
    api = client.get("/api/v1/offices/", {"year_min": "19x8"})
    (message,) = html.context["filterset"].errors["year_min"]
    assert api.json()["errors"]["year_min"] == [message]


def test_unknown_parameters_and_ordering_are_ignored(client, ties):
    plain = client.get("/api/v1/offices/").json()
    assert client.get("/api/v1/offices/", {"colour": "red", "ordering": "-name"}).json() == plain


def test_a_record_by_id_and_a_missing_one(client, ties):
    office = ties["offices"][0]
    response = client.get(f"/api/v1/offices/{office.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["slug"], body["name"]) == (office.pk, office.slug, office.name)
    assert body["url"] == f"http://testserver/offices/{office.slug}/"
    assert body["host"]["slug"] == "haifa" and body["host"]["name_he"] == "חיפה"
    for missing in (0, office.pk + 1000, 2**63):
        response = client.get(f"/api/v1/offices/{missing}/")
        assert response.status_code == 404
        assert response.json()["errors"]["id"]
    assert client.get("/api/v1/nothing-here/").json()["errors"]["path"]


def test_partial_dates_are_objects_with_how_the_site_writes_them(client, db):
    visit = VisitFactory(
        start_date=date(2018, 6, 5),
        start_qualifier=Qualifier.INFERRED,
        end_date=date(2018, 6, 7),
        end_qualifier=Qualifier.INFERRED,
    )
    office = LiaisonOfficeFactory(
        opened_date=date(1998, 1, 1),
        opened_precision=Precision.YEAR,
        opened_qualifier=Qualifier.APPROXIMATE,
        announced_date=None,
    )
    body = client.get(f"/api/v1/visits/{visit.pk}/").json()
    assert body["start"] == {
        "value": "2018-06-05",
        "precision": "day",
        "qualifier": "inferred",
        "as_written": "5 June [2018]",
    }
    assert body["end"]["value"] == "2018-06-07"
    body = client.get(f"/api/v1/offices/{office.pk}/").json()
    assert body["opened"]["as_written"] == "c. 1998"
    assert body["opened"]["precision"] == "year"
    assert body["announced"] is None


@pytest.mark.parametrize("moment", ["0001-01-01T00:20:44+16:02", "9999-12-31T23:00:00-05:00"])
def test_a_moment_beyond_the_calendar_is_a_400(client, db, moment):
    response = client.get("/api/v1/offices/", {"updated_since": moment})
    assert response.status_code == 400
    assert response.json()["errors"]["updated_since"]


def test_reading_the_document_leaves_the_lists_filters_working(client, ties):
    """The document reads each filter's form field from a copy: built on the FilterSet
    class itself it would keep the choices of that moment (none) for every request."""
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/offices/", {"sponsor": "beijing"}).status_code == 200
    assert client.get("/api/v1/offices/", {"sponsor": "beijing"}).status_code == 200
