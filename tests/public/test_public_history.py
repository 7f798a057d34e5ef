"""A record's public history on its page: first published, last corrected, and each public
correction (what, when, why), from published versions only and naming no one."""

import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import Agreement, LiaisonOffice, PublicationStatus, Revision, Visit
from cooperation.records import workflow
from cooperation.records.roles import ANALYST, EDITOR
from tests.public.test_query_budgets import DETAIL_BUDGET
from tests.support.admin_pages import change_url, page_data, staff_user
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    PersonFactory,
    SectorFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

EDITOR_NAME, ANALYST_NAME = "levi.editor", "wang.analyst"


@pytest.fixture
def editor_client(client):
    client.force_login(staff_user(EDITOR, EDITOR_NAME))
    return client


@pytest.fixture
def analyst_client(client):
    other = client.__class__()
    other.force_login(staff_user(ANALYST, ANALYST_NAME))
    return other


def history_section(record) -> str:
    """The history section of the record's public page (an anonymous reader's), as text."""
    response = Client().get(record.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    match = re.search(r'<section [^>]*class="public-history">(.*?)</section>', page, re.S)
    assert match, "the page has no history section"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).split())


def save_in_admin(client, obj, **changes):
    data = page_data(client.get(change_url(obj)))
    data.update(changes)
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def approve_in_admin(client, revision):
    url = reverse("admin:cooperation_revision_change", args=[revision.pk])
    response = client.post(url, {"note": "checked", "_approve": "1"})
    assert response.status_code == 302


def test_a_record_never_corrected_says_when_it_was_published(editor_client):
    visit = VisitFactory(title="Haifa delegation", purpose="Ports")
    text = history_section(visit)
    assert text.startswith("History of this record First published")
    assert "not corrected since" in text
    assert "Corrections" not in text


def test_the_sample_records_were_published_whole_and_never_corrected(sample_data):
    records = [
        *LiaisonOffice.objects.published(),
        *Visit.objects.published(),
        *Agreement.objects.published(),
    ]
    assert len(records) >= 6
    for record in records:
        assert "not corrected since" in history_section(record), record


def test_edits_made_while_a_draft_never_show(editor_client):
    office = LiaisonOfficeFactory(
        name="Z-Park office", address="Draft street 1", status=PublicationStatus.DRAFT
    )
    save_in_admin(editor_client, office, address="Rothschild 22", change_reason="typo in draft")
    office.refresh_from_db()
    workflow.publish(record=office, user=staff_user(EDITOR, "another.editor"))
    text = history_section(office)
    assert "not corrected since" in text
    assert "Draft street" not in text and "typo in draft" not in text


def test_an_editors_correction_shows_what_changed_when_and_why(editor_client):
    office = LiaisonOfficeFactory(name="Z-Park office", address="Old street 1")
    save_in_admin(
        editor_client,
        office,
        address="Rothschild 22",
        change_reason="corrected address from second source",
    )
    text = history_section(office)
    assert "last corrected" in text and "Corrections" in text
    assert "corrected address from second source" in text
    assert "Address: Old street 1 → Rothschild 22" in text
    assert EDITOR_NAME not in text


def test_an_analysts_change_shows_its_own_reason_once_approved(editor_client, analyst_client):
    visit = VisitFactory(title="Shanghai delegation", purpose="Trade")
    save_in_admin(analyst_client, visit, purpose="Ports", change_reason="second article")
    revision = Revision.objects.get()
    assert "Ports" not in history_section(visit)  # pending: not public yet

    approve_in_admin(editor_client, revision)
    text = history_section(visit)
    assert "Purpose: Trade → Ports" in text
    assert "second article" in text
    assert visit.history.first().history_change_reason.startswith(f"Change #{revision.pk} by")
    assert "Change #" not in text
    assert ANALYST_NAME not in text and EDITOR_NAME not in text


def test_a_pending_change_never_shows(analyst_client):
    agreement = AgreementFactory(title="Twinning of Haifa and Shanghai")
    save_in_admin(
        analyst_client, agreement, title="Secret new title", change_reason="private reason"
    )
    assert Revision.objects.filter(object_id=agreement.pk).exists()
    text = history_section(agreement)
    assert "Secret new title" not in text and "private reason" not in text
    assert "not corrected since" in text


def test_republishing_after_a_draft_shows_only_what_the_public_saw_change(editor_client):
    event = EventFactory(title="Innovation forum", description="First version")
    user = staff_user(EDITOR, "third.editor")
    workflow.return_to_draft(record=event, user=user)
    for description in ("Half-done draft text", "Second version"):
        event.description = description
        event.save()
    workflow.publish(record=event, user=user)
    text = history_section(event)
    assert "What happened: First version → Second version" in text
    assert "Half-done" not in text


def test_internal_fields_are_not_corrections(editor_client):
    office = LiaisonOfficeFactory()
    office.evidence_reason = "recomputed"
    office.save()
    assert "not corrected since" in history_section(office)


def test_a_reason_that_names_its_author_is_left_out(editor_client):
    office = LiaisonOfficeFactory(address="Old street 1")
    save_in_admin(
        editor_client, office, address="New street 2", change_reason=f"fixed by {EDITOR_NAME}"
    )
    text = history_section(office)
    assert "Address: Old street 1 → New street 2" in text
    assert EDITOR_NAME not in text


def test_linked_names_dates_and_sectors_are_written_as_the_page_writes_them(editor_client):
    visit = VisitFactory(leader=PersonFactory(name="Ying Yong"))
    visit.leader = PersonFactory(name="Li Qiang")
    visit.start_precision = "month"
    visit.save()
    visit.sectors.add(SectorFactory(name="Water"))
    visit.save()
    text = history_section(visit)
    assert "Led by: Ying Yong → Li Qiang" in text
    assert "Dates: 5 June 2018 → June 2018" in text
    assert "Sectors: (none) → Water" in text


def page_queries(url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "factory", [LiaisonOfficeFactory, VisitFactory, EventFactory, AgreementFactory]
)
def test_the_history_costs_the_same_queries_at_one_and_many_versions(factory):
    record = factory(description="Version 0")
    record.sectors.add(SectorFactory())
    one = page_queries(record.get_absolute_url())
    for number in range(1, 30):
        record.description = f"Version {number}"
        record.save()
        record.sectors.add(SectorFactory())
    many = page_queries(record.get_absolute_url())
    assert one == many <= DETAIL_BUDGET
    assert "Version 0 → Version 1" in history_section(record)
