"""Entering an article's records: from the source to the records citing it, partial dates
explained, every record citing at least one source."""

from datetime import date

import pytest
from django.urls import reverse

from cooperation.models import AgreementState, PublicationStatus, Visit
from cooperation.partial_dates import PartialDate, Precision, Qualifier
from tests.support.admin_pages import analyst, change_url, page_data, visit_origin
from tests.support.factories import (
    AgreementFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    SourceFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_a_source_links_to_new_records_that_already_cite_it(client):
    client = analyst(client)
    source = SourceFactory()
    page = client.get(reverse("admin:cooperation_source_change", args=[source.pk]))
    add_visit = f"{reverse('admin:cooperation_visit_add')}?cite={source.pk}"
    assert f'href="{add_visit}"' in page.content.decode()
    form = page_data(client.get(add_visit))
    assert form["Visit_sources-0-source"] == source.pk


def test_the_date_help_says_how_to_type_a_vague_a_bounded_and_an_inferred_date(client):
    page = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    for example in ("“5-7 June 2018”", "“c. 1998”", "“by 2015”", "“5-7 June [2018]”"):
        assert example in page


@pytest.mark.parametrize(
    ("model", "boxes"),
    [
        ("liaisonoffice", ["announced", "opened", "closed"]),
        ("visit", ["dates"]),
        ("event", ["dates"]),
        ("agreement", ["signed", "ended"]),
        ("source", ["published"]),
    ],
)
def test_each_date_is_one_box_and_no_column_of_it_is_shown(client, model, boxes):
    response = analyst(client).get(reverse(f"admin:cooperation_{model}_add"))
    shown = [
        name for _, options in response.context["adminform"].fieldsets for name in options["fields"]
    ]
    html = response.content.decode()
    for name in boxes:
        assert name in shown
        assert f'<input type="text" name="{name}"' in html
        assert f'id="id_{name}_understood"' in html
    assert "_precision" not in html and "_qualifier" not in html


def test_a_records_boxes_show_its_dates_as_the_site_writes_them(client):
    office = LiaisonOfficeFactory(
        status=PublicationStatus.DRAFT,
        announced_date=date(1998, 1, 1),
        announced_precision=Precision.YEAR,
        announced_qualifier=Qualifier.APPROXIMATE,
        opened_date=date(2013, 5, 1),
        opened_precision=Precision.MONTH,
        opened_qualifier=Qualifier.INFERRED,
    )
    visit = VisitFactory(
        status=PublicationStatus.DRAFT, start_date=date(2018, 6, 5), end_date=date(2018, 6, 7)
    )
    client = analyst(client)
    office_form = page_data(client.get(change_url(office)))
    assert (office_form["announced"], office_form["opened"], office_form["closed"]) == (
        "c. 1998",
        "May [2013]",
        "",
    )
    assert page_data(client.get(change_url(visit)))["dates"] == "5-7 June 2018"


def added_visit(client, dates: str) -> Visit:
    """A visit added by an analyst with `dates` typed in its box."""
    client = analyst(client)
    url = reverse("admin:cooperation_visit_add")
    data = page_data(client.get(url))
    data.update(title="A visit", slug="a-visit", **visit_origin(MunicipalityFactory()))
    data.update({"dates": dates, "Visit_sources-0-source": SourceFactory().pk})
    assert client.post(url, data).status_code == 302
    return Visit.objects.get()


def test_a_period_typed_in_one_box_is_saved_in_its_six_columns(client):
    visit = added_visit(client, "22-25 May [2013]")
    assert (visit.start, visit.end) == (
        PartialDate(date(2013, 5, 22), Precision.DAY, Qualifier.INFERRED),
        PartialDate(date(2013, 5, 25), Precision.DAY, Qualifier.INFERRED),
    )
    assert visit.dates == "22-25 May [2013]"


def test_a_box_not_understood_is_refused_with_what_it_could_not_read(client):
    visit = VisitFactory(status=PublicationStatus.DRAFT, start_date=date(2018, 6, 5))
    client = analyst(client)
    data = page_data(client.get(change_url(visit)))
    data["dates"] = "sometime around the spring festival"
    html = client.post(change_url(visit), data).content.decode()
    top = html[html.index('class="errornote"') : html.index("<fieldset")]
    assert '<a href="#id_dates">Dates</a>: Could not read “sometime around the spring' in top
    visit.refresh_from_db()
    assert visit.start_date == date(2018, 6, 5)


def test_a_box_left_alone_keeps_what_is_saved(client):
    """An end equal to its start is written "5 June 2018", which reads back without an
    end: a box the analyst did not touch does not rewrite the columns."""
    visit = VisitFactory(
        status=PublicationStatus.DRAFT, start_date=date(2018, 6, 5), end_date=date(2018, 6, 5)
    )
    client = analyst(client)
    data = page_data(client.get(change_url(visit)))
    assert data["dates"] == "5 June 2018"
    data["purpose"] = "Ports"
    assert client.post(change_url(visit), data).status_code == 302
    visit.refresh_from_db()
    assert (visit.purpose, visit.end_date) == ("Ports", date(2018, 6, 5))


def test_the_models_rule_on_two_boxes_is_shown_on_the_box_it_names(client):
    office = LiaisonOfficeFactory(status=PublicationStatus.DRAFT)
    client = analyst(client)
    data = page_data(client.get(change_url(office)))
    data.update(opened="2019", closed="March 2018")
    html = client.post(change_url(office), data).content.decode()
    top = html[html.index('class="errornote"') : html.index("<fieldset")]
    assert '<a href="#id_closed">Closed</a>: The office cannot close' in top
    office.refresh_from_db()
    assert office.closed_date is None


def test_a_visit_without_a_date_is_saved(client):
    assert added_visit(client, "").dates == "date unknown"


def test_a_record_without_a_source_is_refused_with_a_message(client):
    client = analyst(client)
    url = reverse("admin:cooperation_visit_add")
    data = page_data(client.get(url))
    data.update(title="No source", slug="no-source", **visit_origin(MunicipalityFactory()))
    data.update({"dates": "5 June 2018", "Visit_sources-0-source": ""})
    response = client.post(url, data)
    assert "Cite at least one source" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_status_rows_date_is_one_box_too(client):
    agreement = AgreementFactory(status=PublicationStatus.DRAFT)
    agreement.statuses.create(state=AgreementState.SIGNED, as_of_date=date(2019, 5, 3))
    client = analyst(client)
    data = page_data(client.get(change_url(agreement)))
    assert data["statuses-0-as_of"] == "3 May 2019"
    data.update(
        {
            "statuses-TOTAL_FORMS": 3,  # a new row, and an extra row left empty
            "statuses-1-state": AgreementState.DORMANT,
            "statuses-1-as_of": "by 2021",
            "statuses-2-state": "",
            "statuses-2-as_of": "",
        }
    )
    assert client.post(change_url(agreement), data).status_code == 302
    assert [str(status) for status in agreement.statuses.all()] == [
        "Signed, 3 May 2019",
        "Dormant, by 2021",
    ]
    assert agreement.statuses.get(state=AgreementState.DORMANT).as_of == PartialDate(
        date(2021, 1, 1), Precision.YEAR, Qualifier.NO_LATER_THAN
    )
