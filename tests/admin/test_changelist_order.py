"""The records' changelists wait for no size of table: the most recently changed first, read
from an index; a year filter in place of the date hierarchy, which read every row; the
sources' autocomplete searched on indexed columns only."""

import json
from datetime import date

import pytest

from cooperation.models import LiaisonOffice, PublicationStatus
from tests.support.admin_pages import analyst
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    SourceFactory,
    VisitFactory,
)
from tests.support.query_plans import plan

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    ("liaisonoffice", LiaisonOfficeFactory, "opened_date", "office"),
    ("visit", VisitFactory, "start_date", "visit"),
    ("agreement", AgreementFactory, "signed_date", "agreement"),
    ("event", EventFactory, "start_date", "event"),
]


def shown(response) -> list[int]:
    return [row.pk for row in response.context["cl"].result_list]


def year_choices(response) -> list[str]:
    filters = response.context["cl"].filter_specs
    year = next(spec for spec in filters if getattr(spec, "parameter_name", "") == "year")
    return [value for value, _ in year.lookup_choices]


@pytest.mark.parametrize(("model", "factory", "date_column", "record"), CHANGELISTS)
def test_the_most_recently_changed_comes_first_read_from_an_index(
    client, model, factory, date_column, record
):
    first, second, third = factory.create_batch(3)
    first.save()  # changed last
    response = analyst(client).get(f"/admin/cooperation/{model}/")
    assert shown(response) == [first.pk, third.pk, second.pk]
    assert f"{record}_changed" in plan(response.context["cl"].queryset[:100])


@pytest.mark.parametrize(("model", "factory", "date_column", "record"), CHANGELISTS)
def test_the_year_filter_offers_each_year_of_the_main_dates_and_keeps_that_year(
    client, model, factory, date_column, record
):
    old = factory(**{date_column: date(2009, 5, 1)})
    draft = factory(**{date_column: date(2016, 2, 1)}, status=PublicationStatus.DRAFT)
    factory(**{date_column: None})
    browser = analyst(client)
    response = browser.get(f"/admin/cooperation/{model}/")
    assert year_choices(response) == [str(year) for year in range(date.today().year, 2008, -1)]
    assert shown(browser.get(f"/admin/cooperation/{model}/", {"year": "2009"})) == [old.pk]
    assert shown(browser.get(f"/admin/cooperation/{model}/", {"year": "2016"})) == [draft.pk]
    assert shown(browser.get(f"/admin/cooperation/{model}/", {"year": "2012"})) == []


@pytest.mark.parametrize("year", ["99999", "0", "abc", "-2018"])
def test_a_year_no_record_could_have_lists_everything_and_never_fails(client, year):
    LiaisonOfficeFactory.create_batch(2)
    response = analyst(client).get("/admin/cooperation/liaisonoffice/", {"year": year})
    assert response.status_code == 200
    assert len(shown(response)) == LiaisonOffice.objects.count()


def test_the_year_range_reaches_a_main_date_after_this_year(client):
    LiaisonOfficeFactory(opened_date=None, announced_date=date(date.today().year + 2, 1, 1))
    response = analyst(client).get("/admin/cooperation/liaisonoffice/")
    assert year_choices(response)[0] == str(date.today().year + 2)


def test_the_sources_autocomplete_searches_titles_publishers_and_urls_not_the_text(client):
    SourceFactory(title="Harbour talks", text="nothing of note")
    SourceFactory(title="Another article", text="the harbour was mentioned in passing")
    browser = analyst(client)
    found = browser.get(
        "/admin/autocomplete/",
        {
            "app_label": "cooperation",
            "model_name": "officecitation",
            "field_name": "source",
            "term": "harbour",
        },
    )
    assert found.status_code == 200
    results = json.loads(found.content)["results"]
    assert len(results) == 1 and "Harbour talks" in results[0]["text"]
    listed = browser.get("/admin/cooperation/source/", {"q": "harbour"})
    assert len(shown(listed)) == 2, "the changelist still searches the text"
