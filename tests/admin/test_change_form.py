"""A record's change form reads like an article: its title, who, where, when, what, the
evidence, its publication; the dates' help once; a refused form's top names and links each
wrong field; every saved row says what it is."""

from datetime import date

import pytest
from django.urls import reverse

from cooperation.admin.dates import DATE_BOX_HELP
from cooperation.models import AgreementState, PublicationStatus
from tests.support.admin_pages import analyst, change_url, page_data
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    EventParticipantFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
)

pytestmark = pytest.mark.django_db


def in_order(html: str, *markers: str) -> bool:
    positions = [html.index(marker) for marker in markers]
    return positions == sorted(positions)


def test_a_visits_form_reads_title_who_where_when_what_evidence_publication(client):
    visit = VisitFactory(status=PublicationStatus.DRAFT)
    html = analyst(client).get(change_url(visit)).content.decode()
    assert in_order(
        html,
        'id="id_title"',
        'id="id_leader"',
        'id="places-group"',
        'id="participations-group"',
        'id="id_dates"',
        'id="id_purpose"',
        'id="id_description"',
        "Evidence grade",
        'id="Visit_sources-group"',
        'id="citations-group"',
        'id="id_status"',
        'id="id_change_reason"',
    )


@pytest.mark.parametrize(
    ("model", "first", "who", "when"),
    [
        ("liaisonoffice", "id_name", "staff_roles-group", "id_opened"),
        ("event", "id_title", "participations-group", "id_dates"),
        ("agreement", "id_title", "parties-group", "id_signed"),
    ],
)
def test_every_records_form_names_it_first_and_its_publication_last(
    client, model, first, who, when
):
    html = analyst(client).get(reverse(f"admin:cooperation_{model}_add")).content.decode()
    assert in_order(
        html,
        f'id="{first}"',
        f'id="{who}"',
        f'id="{when}"',
        'id="id_description"',
        "_sources-group",
        'id="citations-group"',
        'id="id_status"',
    )


@pytest.mark.parametrize("model", ["liaisonoffice", "visit", "event", "agreement"])
def test_the_dates_help_is_said_once_above_the_dates(client, model):
    html = analyst(client).get(reverse(f"admin:cooperation_{model}_add")).content.decode()
    assert html.count(DATE_BOX_HELP[:60]) == 1
    assert f'<div class="description">{DATE_BOX_HELP[:60]}' in html


def refused_visit(client):
    """A visit posted with no title, a participant without a role and its one source
    removed."""
    visit = VisitFactory(status=PublicationStatus.DRAFT)
    VisitParticipantFactory(visit=visit)
    client = analyst(client)
    data = page_data(client.get(change_url(visit)))
    data.update({"title": "", "participations-0-role": "", "Visit_sources-0-DELETE": "on"})
    response = client.post(change_url(visit), data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_refused_forms_top_links_each_wrong_field_and_inline_row(client):
    html = refused_visit(client)
    top = html[html.index('class="errornote"') : html.index("<fieldset")]
    assert '<a href="#id_title">Title</a>: This field is required.' in top
    assert (
        '<a href="#id_participations-0-role">Visit participant 1: Role</a>: '
        "This field is required." in top
    )
    assert '<a href="#Visit_sources-group">Sources cited</a>: Cite at least one source' in top
    for anchor in ('id="id_title"', 'id="id_participations-0-role"', 'id="Visit_sources-group"'):
        assert anchor in html


def test_a_rows_rule_broken_is_linked_to_its_row(client):
    agreement = AgreementFactory(status=PublicationStatus.DRAFT)
    client = analyst(client)
    data = page_data(client.get(change_url(agreement)))
    data["parties-0-organization"] = OrganizationFactory().pk  # and its municipality
    html = client.post(change_url(agreement), data).content.decode()
    top = html[html.index('class="errornote"') : html.index("<fieldset")]
    assert '<a href="#parties-0">Agreement party 1</a>: Choose either' in top


def test_a_form_without_errors_has_no_list_of_them(client):
    html = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    assert "error-summary" not in html


@pytest.fixture
def records_with_rows():
    shine = SourceFactory(publisher="Shine", published_date=date(2018, 6, 6))
    shanghai = OrganizationFactory(name="Shanghai Municipal Government")
    visit = VisitFactory(sources=[shine], status=PublicationStatus.DRAFT)
    VisitParticipantFactory(
        visit=visit, person=PersonFactory(name="Ying Yong"), role="leader", organization=shanghai
    )
    office = LiaisonOfficeFactory(sources=[shine])
    office.staff_roles.create(person=PersonFactory(), role="Director")
    agreement = AgreementFactory(sources=[shine])
    agreement.signatories.create(
        person=PersonFactory(), role="Mayor", municipality=agreement.party_list[0]
    )
    agreement.statuses.create(state=AgreementState.IN_FORCE, source=shine)
    event = EventFactory(sources=[shine], organizers=[MunicipalityFactory()])
    EventParticipantFactory(event=event)
    return [visit, office, agreement, event]


def test_every_saved_row_says_what_it_is(admin_client, records_with_rows):
    for record in records_with_rows:
        html = admin_client.get(change_url(record)).content.decode()
        assert "object (" not in html, record
        assert "Shine, 6 June 2018" in html  # the row of its sources
    visit = records_with_rows[0]
    html = admin_client.get(change_url(visit)).content.decode()
    assert "Ying Yong, leader (Shanghai Municipal Government)" in html
