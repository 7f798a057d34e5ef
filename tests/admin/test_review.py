"""Review of every public change: an analyst's change to what the public sees waits as a
proposed change; the public keeps the published version until an editor approves it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cooperation.models import (
    AgreementParty,
    Municipality,
    PublicationStatus,
    Revision,
    RevisionStatus,
    Visit,
)
from cooperation.partial_dates import Precision, Qualifier
from cooperation.records import revisions
from cooperation.records.roles import ANALYST, EDITOR
from tests.support.admin_pages import analyst, change_url, editor, page_data, staff_user
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
)

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = PublicationStatus.DRAFT, PublicationStatus.PUBLISHED


def review_url(revision) -> str:
    return reverse("admin:cooperation_revision_change", args=[revision.pk])


def post_change(client, obj, **changes):
    data = page_data(client.get(change_url(obj)))
    data.update(changes)
    return client.post(change_url(obj), data, follow=True)


def public_page(client, obj) -> str:
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def new_destination(data: dict, place) -> dict:
    """The change form's fields that add `place` as a destination, below the rows shown."""
    row = int(data["places-TOTAL_FORMS"])
    return {
        "places-TOTAL_FORMS": row + 1,
        f"places-{row}-role": "destination",
        f"places-{row}-municipality": place.pk,
    }


@pytest.fixture
def visit():
    visit = VisitFactory(title="Shanghai delegation", purpose="Trade", start_date=date(2018, 6, 5))
    VisitParticipantFactory(visit=visit, person=PersonFactory(name="Ying Yong"), role="Mayor")
    return visit


def test_an_analysts_change_to_a_published_record_waits_for_review(client, visit):
    entries = visit.history.count()
    response = post_change(analyst(client), visit, purpose="Secret plans", change_reason="typo")
    assert "waits for an editor's review" in response.content.decode()
    visit.refresh_from_db()
    assert visit.purpose == "Trade"
    assert "Secret plans" not in public_page(client.__class__(), visit)
    revision = Revision.objects.get()
    assert (revision.status, revision.proposed_by.username, revision.reason) == (
        RevisionStatus.PENDING,
        "analyst",
        "typo",
    )
    assert revision.base == {"fields": {"purpose": "Trade"}}
    assert revision.proposed == {"fields": {"purpose": "Secret plans"}}
    assert visit.history.count() == entries  # nothing was saved on the record


def test_links_and_rows_of_a_published_record_wait_too(client, visit):
    client = analyst(client)
    new_source, new_place = SourceFactory(), IsraeliMunicipalityFactory()
    data = page_data(client.get(change_url(visit)))
    data.update(
        {
            "title": "Renamed",
            "slug": "renamed",
            **new_destination(data, new_place),
            "Visit_sources-TOTAL_FORMS": 2,
            "Visit_sources-1-source": new_source.pk,
            "participations-0-role": "Mayor of Shanghai",
        }
    )
    assert client.post(change_url(visit), data).status_code == 302
    proposed = Revision.objects.get().proposed
    assert proposed["fields"] == {"title": "Renamed", "slug": "renamed"}
    assert [row["municipality_id"] for row in proposed["rows"]["places"]] == [
        visit.places.get().municipality_id,
        new_place.pk,
    ]
    assert new_source.pk in proposed["links"]["sources"]
    [row] = proposed["rows"]["participations"]
    assert row["role"] == "Mayor of Shanghai"
    visit.refresh_from_db()
    assert (visit.title, visit.slug, visit.destinations) == (
        "Shanghai delegation",
        visit.slug,
        [],
    )
    assert visit.participations.get().role == "Mayor"
    assert visit.sources.count() == 1


def test_an_editor_approves_and_the_public_sees_it_with_one_history_entry(client, visit):
    new_place = IsraeliMunicipalityFactory(name="Haifa")
    analyst_client = analyst(client.__class__())
    data = page_data(analyst_client.get(change_url(visit)))
    data.update(
        {
            "purpose": "Ports",
            **new_destination(data, new_place),
            "participations-0-DELETE": "on",
            "change_reason": "second article",
        }
    )
    assert analyst_client.post(change_url(visit), data).status_code == 302
    revision = Revision.objects.get()
    entries = visit.history.count()

    client = editor(client)
    page = client.get(review_url(revision)).content.decode()
    assert "Published now" in page and "Proposed" in page
    assert "Trade" in page and "Ports" in page and "Haifa" in page
    response = client.post(review_url(revision), {"note": "checked", "_approve": "1"}, follow=True)
    assert "approved" in response.content.decode()

    visit.refresh_from_db()
    assert visit.purpose == "Ports"
    assert visit.destinations == [new_place]
    assert not visit.participations.exists()
    revision.refresh_from_db()
    assert (revision.status, revision.reviewed_by.username, revision.review_note) == (
        RevisionStatus.APPROVED,
        "editor",
        "checked",
    )
    entry = visit.history.first()
    assert entry.history_user.username == "editor"
    assert (
        entry.history_change_reason == f"Change #{revision.pk} by analyst approved: second article"
    )
    assert visit.history.count() == entries + 1
    assert visit.places.get(role="destination").history.get().history_user.username == "editor"
    assert "Ports" in public_page(client.__class__(), visit)


def test_an_analysts_change_of_a_date_qualifier_waits_for_review_like_any_field(client):
    agreement = AgreementFactory(
        signed_date=date(1998, 1, 1),
        signed_precision=Precision.YEAR,
        signed_qualifier=Qualifier.APPROXIMATE,
    )
    response = post_change(analyst(client), agreement, signed="[1998]")
    assert "waits for an editor's review" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.signed_qualifier == Qualifier.APPROXIMATE
    assert "<dt>Signed</dt><dd>c. 1998</dd>" in public_page(client.__class__(), agreement)
    revision = Revision.objects.get()
    assert revision.base == {"fields": {"signed_qualifier": "approximate"}}
    assert revision.proposed == {"fields": {"signed_qualifier": "inferred"}}

    reviewer = editor(client.__class__())
    page = reviewer.get(review_url(revision)).content.decode()
    assert "Approximate (c.)" in page and "Inferred ([year])" in page
    reviewer.post(review_url(revision), {"note": "year from the article's date", "_approve": "1"})
    agreement.refresh_from_db()
    assert agreement.signed_qualifier == Qualifier.INFERRED
    assert "<dt>Signed</dt><dd>[1998]</dd>" in public_page(client.__class__(), agreement)


def test_an_editor_rejects_with_a_reason_and_nothing_changes(client, visit):
    post_change(analyst(client.__class__()), visit, purpose="Wrong")
    revision = Revision.objects.get()
    client = editor(client)
    response = client.post(review_url(revision), {"note": "", "_reject": "1"})
    assert "Say why the change is rejected" in response.content.decode()
    revision.refresh_from_db()
    assert revision.is_pending
    client.post(review_url(revision), {"note": "not in the article", "_reject": "1"})
    revision.refresh_from_db()
    assert (revision.status, revision.review_note) == (
        RevisionStatus.REJECTED,
        "not in the article",
    )
    visit.refresh_from_db()
    assert visit.purpose == "Trade"
    history = client.get(reverse("admin:cooperation_visit_history", args=[visit.pk]))
    assert "not in the article" in history.content.decode()


def test_an_analysts_forged_approval_of_their_own_change_is_refused(client, visit):
    client = analyst(client)
    post_change(client, visit, purpose="Self-approved")
    revision = Revision.objects.get()
    assert client.get(review_url(revision)).status_code == 200  # they may read it
    response = client.post(review_url(revision), {"note": "", "_approve": "1"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        revisions.approve(revision=revision, user=revision.proposed_by)
    revision.refresh_from_db()
    visit.refresh_from_db()
    assert (revision.status, visit.purpose) == (RevisionStatus.PENDING, "Trade")


def test_an_editor_cannot_approve_a_change_of_their_own(visit):
    revision = Revision.objects.create(
        content_type_id=revisions.ContentType.objects.get_for_model(Visit).pk,
        object_id=visit.pk,
        base={"fields": {"purpose": "Trade"}},
        proposed={"fields": {"purpose": "Mine"}},
        proposed_by=staff_user(EDITOR),
    )
    with pytest.raises(PermissionDenied, match="someone other than its author"):
        revisions.approve(revision=revision, user=revision.proposed_by)


def test_editors_and_analysts_on_drafts_change_records_at_once(client, visit):
    post_change(editor(client.__class__()), visit, purpose="Edited by an editor")
    visit.refresh_from_db()
    assert visit.purpose == "Edited by an editor"
    draft = VisitFactory(status=DRAFT, purpose="Draft")
    post_change(analyst(client), draft, purpose="Still a draft")
    draft.refresh_from_db()
    assert draft.purpose == "Still a draft"
    assert not Revision.objects.exists()


def test_a_public_place_waits_for_review_and_a_private_one_does_not(client):
    office = LiaisonOfficeFactory(sponsor=MunicipalityFactory(name="Beijing"))
    private = MunicipalityFactory(name="Not yet named by a record")
    client = analyst(client)
    post_change(client, office.sponsor, name="Peking")
    post_change(client, private, name="Renamed at once")
    assert Municipality.objects.get(pk=office.sponsor.pk).name == "Beijing"
    assert Municipality.objects.get(pk=private.pk).name == "Renamed at once"
    assert Revision.objects.get().proposed == {"fields": {"name": "Peking"}}


def test_saving_a_form_unchanged_proposes_nothing(client, visit):
    visit.description = "Two lines\nof text"
    visit.save()
    client = analyst(client)
    data = page_data(client.get(change_url(visit)))
    data["description"] = "Two lines\r\nof text"  # as a browser sends a textarea
    response = client.post(change_url(visit), data, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert not Revision.objects.exists()


def test_approving_applies_only_what_the_change_changes(client, visit):
    post_change(analyst(client.__class__()), visit, purpose="Ports")
    Visit.objects.filter(pk=visit.pk).update(title="Retitled by an editor meanwhile")
    revisions.approve(revision=Revision.objects.get(), user=staff_user(EDITOR))
    visit.refresh_from_db()
    assert (visit.title, visit.purpose) == ("Retitled by an editor meanwhile", "Ports")


def test_a_change_that_would_break_a_rule_across_rows_is_not_approved():
    """The inline refuses fewer than two parties; the same rule holds on what is applied."""
    agreement = AgreementFactory()
    [kept, dropped] = agreement.parties.order_by("pk")
    rows = revisions.snapshot(agreement)["rows"]["parties"]
    revision = Revision.objects.create(
        content_type_id=revisions.ContentType.objects.get_for_model(agreement).pk,
        object_id=agreement.pk,
        base={"rows": {"parties": rows}},
        proposed={"rows": {"parties": [row for row in rows if row["id"] == kept.pk]}},
        proposed_by=staff_user(ANALYST),
    )
    with pytest.raises(ValidationError, match="needs at least 2 parties"):
        revisions.approve(revision=revision, user=staff_user(EDITOR))
    revision.refresh_from_db()
    assert revision.is_pending
    assert set(agreement.parties.all()) == {kept, dropped}


def test_the_review_page_says_when_a_part_changed_since_it_was_proposed(client):
    agreement = AgreementFactory()
    newcomer = IsraeliMunicipalityFactory()
    client = analyst(client)
    data = page_data(client.get(change_url(agreement)))
    data.update({"parties-TOTAL_FORMS": 3, "parties-2-municipality": newcomer.pk})
    assert client.post(change_url(agreement), data).status_code == 302
    revision = Revision.objects.get()
    reviewer = editor(client.__class__())
    assert "changed by someone else" not in reviewer.get(review_url(revision)).content.decode()
    AgreementParty.objects.create(agreement=agreement, organization=OrganizationFactory())
    page = reviewer.get(review_url(revision)).content.decode()
    assert "changed by someone else since it was proposed" in page


def test_the_change_form_says_when_saves_go_to_review_and_what_waits(client, visit):
    client = analyst(client)
    page = client.get(change_url(visit)).content.decode()
    assert "goes to an editor for review" in page
    post_change(client, visit, purpose="Ports")
    page = client.get(change_url(visit)).content.decode()
    assert f"change #{Revision.objects.get().pk}</a> by analyst" in page


def test_analysts_cannot_reach_the_lists_of_a_records_rows(client):
    agreement = AgreementFactory()
    changelist = reverse("admin:cooperation_agreementparty_changelist")
    client = analyst(client)
    assert client.get(changelist).status_code == 403
    party_ids = list(agreement.parties.values_list("pk", flat=True))
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": party_ids, "post": "yes"}
    )
    assert response.status_code == 403
    assert agreement.parties.count() == 2
    assert "Agreement parties" not in client.get("/admin/").content.decode()


def test_editors_list_a_records_rows_but_change_them_in_the_record(client):
    AgreementFactory()
    client = editor(client)
    response = client.get(reverse("admin:cooperation_agreementparty_changelist"))
    assert response.status_code == 200
    assert response.context["action_form"] is None or "delete_selected" not in str(
        response.context["action_form"]
    )
    assert reverse("admin:cooperation_agreementparty_add") not in response.content.decode()


def test_both_roles_have_the_review_permissions_they_need():
    assert staff_user(ANALYST, "a").has_perm("cooperation.view_revision")
    assert not staff_user(ANALYST, "b").has_perm("cooperation.review_revision")
    assert staff_user(EDITOR, "c").has_perm("cooperation.review_revision")
