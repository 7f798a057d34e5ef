"""Only what the public may see: no draft or in-review record, nothing named only by one,
and a published record's published version while a change to it waits for review."""

import pytest

from cooperation.api.resources import RESOURCES
from cooperation.models import PublicationStatus
from cooperation.records.revisions import propose, snapshot
from cooperation.records.roles import ANALYST
from tests.support.admin_pages import staff_user
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
)

pytestmark = pytest.mark.django_db


def every_body(client) -> str:
    """Every list of the API, every page, as one text."""
    text = []
    for resource in RESOURCES:
        url = f"/api/v1/{resource.path}/?page_size=500"
        while url:
            response = client.get(url)
            assert response.status_code == 200
            text.append(response.content.decode())
            url = response.json()["next"]
    return "\n".join(text)


def test_drafts_and_what_only_they_name_are_nowhere(client):
    LiaisonOfficeFactory(name="Published office")
    hidden_place = MunicipalityFactory(name="Secret city")
    hidden_source = SourceFactory(title="Unpublished article")
    hidden_sector = SectorFactory(name="Secret sector")
    draft = LiaisonOfficeFactory(
        name="Draft office",
        sponsor=hidden_place,
        status=PublicationStatus.DRAFT,
        sources=[hidden_source],
    )
    draft.sectors.add(hidden_sector)
    VisitParticipantFactory(
        visit=VisitFactory(title="Visit in review", status=PublicationStatus.IN_REVIEW),
        person=PersonFactory(name="Hidden person"),
        organization=OrganizationFactory(name="Hidden body"),
    )
    AgreementFactory(title="Draft agreement", status=PublicationStatus.DRAFT)
    EventFactory(title="Draft forum", status=PublicationStatus.DRAFT)
    text = every_body(client)
    assert "Published office" in text
    for secret in (
        "Draft office",
        "Secret city",
        "Unpublished article",
        "Secret sector",
        "Visit in review",
        "Hidden person",
        "Hidden body",
        "Draft agreement",
        "Draft forum",
    ):
        assert secret not in text
    assert client.get(f"/api/v1/offices/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/municipalities/{hidden_place.pk}/").status_code == 404


def test_a_change_waiting_for_review_is_not_shown(client):
    office = LiaisonOfficeFactory(name="Office as published", description="As published.")
    state = snapshot(office)
    state["fields"] = {**state["fields"], "description": "Proposed, not yet approved."}
    propose(obj=office, state=state, user=staff_user(ANALYST), reason="second article")
    text = every_body(client)
    assert "As published." in text and "Proposed, not yet approved." not in text


def test_a_source_s_pasted_text_and_staff_notes_are_never_served(client):
    source = SourceFactory(text="The whole article, for staff only.", notes="Staff note.")
    LiaisonOfficeFactory(sources=[source])
    person = PersonFactory(notes="A private remark.")
    VisitParticipantFactory(person=person)
    text = every_body(client)
    assert source.title in text and person.name in text
    for private in ("The whole article, for staff only.", "Staff note.", "A private remark."):
        assert private not in text
