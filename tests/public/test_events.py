"""Events: a public list with the lists' conventions, detail pages, CSV, profiles."""

import pytest

from cooperation.models import EventParticipant, MunicipalityLevel, PublicationStatus, Side
from cooperation.models.citations import fact_key
from tests.support.export_csv import csv_records
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    cite,
)
from tests.support.public_pages import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def yunnan_forum():
    yunnan = MunicipalityFactory(
        name="Yunnan", slug="yunnan", name_zh="云南", level=MunicipalityLevel.PROVINCE
    )
    kunming = MunicipalityFactory(name="Kunming", slug="kunming", parent=yunnan)
    body = OrganizationFactory(name="Israel Innovation Authority", slug="iia")
    forum = EventFactory(
        title="6th China (Yunnan)-Israel Innovation Cooperation Forum",
        place=kunming,
        organizers=[yunnan, body],
    )
    EventParticipant.objects.create(
        event=forum,
        person=PersonFactory(name="Speaker One"),
        role="Speaker",
        side=Side.ISRAELI,
        organization=body,
    )
    return forum


def test_the_list_filters_by_place_province_kind_and_search(client, yunnan_forum):
    EventFactory(title="Tel Aviv expo", kind="expo", place=IsraeliMunicipalityFactory())
    EventFactory(title="Secret forum", status=PublicationStatus.DRAFT)
    assert sorted(result_titles(client.get("/events/"))) == [
        "6th China (Yunnan)-Israel Innovation Cooperation Forum",
        "Tel Aviv expo",
    ]
    for query in (
        {"province": "yunnan"},
        {"place": "yunnan"},  # a province holds its cities' events
        {"kind": "forum"},
        {"q": "云南"},
        {"q": "Innovation Authority"},
    ):
        titles = result_titles(client.get("/events/", query))
        assert titles == ["6th China (Yunnan)-Israel Innovation Cooperation Forum"], query


@pytest.mark.parametrize(
    "query", [{"kind": "party"}, {"place": "atlantis"}, {"year_min": "soon"}, {"evidence": "E"}]
)
def test_invalid_values_answer_400(client, query):
    assert client.get("/events/", query).status_code == 400
    assert client.get("/events/export.csv", query).status_code == 400


def test_the_page_shows_organizers_participants_agreements_and_notes(client, yunnan_forum):
    _, body = yunnan_forum.organizer_list
    AgreementFactory(title="Letter of intent", event=yunnan_forum)
    AgreementFactory(title="Draft letter", event=yunnan_forum, status=PublicationStatus.DRAFT)
    cite(yunnan_forum, fact_key("organizer", body), "city officials")
    html = client.get(yunnan_forum.get_absolute_url()).content.decode()
    assert "<dt>Held in</dt>" in html and ">Kunming</bdi>" in html
    assert 'href="/municipalities/yunnan/"' in html and "Israel Innovation Authority" in html
    assert "Speaker</bdi>, for <bdi>Israel Innovation Authority" in html
    assert "Letter of intent" in html and "Draft letter" not in html
    assert 'href="#note-1"' in html


def test_a_draft_event_is_nowhere_public(client):
    body = OrganizationFactory(name="Only in a draft")
    draft = EventFactory(status=PublicationStatus.DRAFT, organizers=[body])
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert csv_records(client.get("/events/export.csv")) == []
    agreement = AgreementFactory(event=draft)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Signed at" not in page
    (row,) = csv_records(client.get("/agreements/export.csv"))
    assert row["Signed at event"] == ""


def test_the_csv_and_the_province_profile(client, yunnan_forum):
    (row,) = csv_records(client.get("/events/export.csv?province=yunnan"))
    assert row["Kind"] == "Forum" and row["Place"] == "Kunming"
    assert row["Organizers"] == "Yunnan; Israel Innovation Authority"
    assert row["Participants"] == "Speaker One (Speaker, Israeli side, Israel Innovation Authority)"
    assert row["Dates"] == "3 May 2019"
    profile = client.get("/municipalities/yunnan/").content.decode()
    assert yunnan_forum.get_absolute_url() in profile
