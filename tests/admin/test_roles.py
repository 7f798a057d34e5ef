"""The role matrix: analysts cannot publish, unpublish or delete, editors can; forged
POSTs (change form, add form, actions) are refused with a message."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.models import PublicationStatus, Revision, Visit
from cooperation.records import workflow
from cooperation.records.roles import ANALYST, EDITOR, define_roles
from tests.support.admin_pages import analyst, editor, page_data, staff_user, visit_origin
from tests.support.factories import MunicipalityFactory, SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = (
    PublicationStatus.DRAFT,
    PublicationStatus.IN_REVIEW,
    PublicationStatus.PUBLISHED,
)
CHANGELIST = reverse("admin:cooperation_visit_changelist")


def change_url(visit):
    return reverse("admin:cooperation_visit_change", args=[visit.pk])


def post_change(client, visit, **changes):
    data = page_data(client.get(change_url(visit)))
    data.update(changes)
    return client.post(change_url(visit), data)


def run_action(client, action, *records):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [record.pk for record in records]},
        follow=True,
    )


def test_both_roles_have_their_permissions():
    Group.objects.all().delete()
    define_roles(apps)  # what the roles migration runs
    analyst_perms = set(
        Group.objects.get(name=ANALYST).permissions.values_list("codename", flat=True)
    )
    editor_perms = set(
        Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True)
    )
    assert {"add_visit", "change_visit", "add_municipality", "change_source"} <= analyst_perms
    assert not {"delete_visit", "publish_visit", "delete_municipality"} & analyst_perms
    assert analyst_perms < editor_perms
    assert {"delete_visit", "publish_visit", "change_historicalvisit"} <= editor_perms


def test_an_analyst_is_offered_draft_and_review_only(client):
    response = analyst(client).get(change_url(VisitFactory(status=DRAFT)))
    offered = [
        value for value, _ in response.context["adminform"].form.fields["status"].widget.choices
    ]
    assert offered == [DRAFT, REVIEW]


def test_an_analyst_posting_published_on_the_change_form_is_refused(client):
    visit = VisitFactory(status=REVIEW, title="Beijing delegation")
    response = post_change(analyst(client), visit, status=PUBLISHED, title="Changed")
    assert response.status_code == 200
    assert workflow.ONLY_EDITORS_PUBLISH in response.content.decode()
    visit.refresh_from_db()
    assert (visit.status, visit.title) == (REVIEW, "Beijing delegation")


def test_an_analyst_posting_published_on_the_add_form_is_refused(client):
    client = analyst(client)
    data = page_data(client.get(reverse("admin:cooperation_visit_add")))
    data.update(
        title="Forged",
        slug="forged",
        **visit_origin(MunicipalityFactory()),
        start_date="2018-06-05",
        status=PUBLISHED,
        **{"Visit_sources-0-source": SourceFactory().pk},
    )
    response = client.post(reverse("admin:cooperation_visit_add"), data)
    assert response.status_code == 200
    assert workflow.ONLY_EDITORS_PUBLISH in response.content.decode()
    assert not Visit.objects.exists()
    data["status"] = REVIEW
    assert client.post(reverse("admin:cooperation_visit_add"), data).status_code == 302
    assert Visit.objects.get().status == REVIEW


def test_an_analyst_cannot_unpublish_and_a_correction_waits_for_review(client):
    visit = VisitFactory(status=PUBLISHED, title="Published title")
    client = analyst(client)
    response = post_change(client, visit, status=DRAFT)
    assert workflow.ONLY_EDITORS_UNPUBLISH in response.content.decode()
    assert post_change(client, visit, title="Corrected title").status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.title) == (PUBLISHED, "Published title")
    assert Revision.objects.get().proposed == {"fields": {"title": "Corrected title"}}


def test_analysts_see_no_publish_or_delete_action_and_forged_ones_do_nothing(client):
    client = analyst(client)
    actions = [
        name for name, _ in client.get(CHANGELIST).context["action_form"].fields["action"].choices
    ]
    assert "submit_for_review" in actions and "return_to_draft" in actions
    assert "publish" not in actions and "delete_selected" not in actions
    visit = VisitFactory(status=REVIEW)
    response = run_action(client, "publish", visit)
    assert "No action selected" in response.content.decode()
    run_action(client, "delete_selected", visit)
    visit.refresh_from_db()
    assert visit.status == REVIEW


def test_an_analyst_submits_for_review_but_cannot_return_a_published_record(client):
    client = analyst(client)
    draft, published = VisitFactory(status=DRAFT), VisitFactory(status=PUBLISHED)
    response = run_action(client, "submit_for_review", draft)
    assert "1 visit submitted for review" in response.content.decode()
    response = run_action(client, "return_to_draft", published)
    assert workflow.ONLY_EDITORS_UNPUBLISH in response.content.decode()
    draft.refresh_from_db(), published.refresh_from_db()
    assert (draft.status, published.status) == (REVIEW, PUBLISHED)
    entry = draft.history.first()
    assert (entry.history_user.username, entry.history_change_reason) == (
        "analyst",
        "Status set to “In review”",
    )


def test_an_analyst_cannot_delete(client):
    visit = VisitFactory()
    delete = reverse("admin:cooperation_visit_delete", args=[visit.pk])
    assert analyst(client).post(delete, {"post": "yes"}).status_code == 403
    assert Visit.objects.filter(pk=visit.pk).exists()


def test_an_editor_publishes_unpublishes_and_deletes(client):
    client = editor(client)
    actions = [
        name for name, _ in client.get(CHANGELIST).context["action_form"].fields["action"].choices
    ]
    assert {"publish", "delete_selected"} <= set(actions)
    visit = VisitFactory(status=REVIEW)
    assert "1 visit published" in run_action(client, "publish", visit).content.decode()
    visit.refresh_from_db()
    assert visit.status == PUBLISHED
    assert post_change(client, visit, status=DRAFT).status_code == 302
    visit.refresh_from_db()
    assert visit.status == DRAFT
    delete = reverse("admin:cooperation_visit_delete", args=[visit.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Visit.objects.filter(pk=visit.pk).exists()


def test_publishing_needs_a_source_and_the_right_role():
    visit = VisitFactory(status=REVIEW, sources=[])
    with pytest.raises(ValidationError, match="Cite at least one source"):
        workflow.publish(record=visit, user=staff_user(EDITOR))
    visit.sources.add(SourceFactory())
    with pytest.raises(ValidationError, match="Only editors can publish"):
        workflow.publish(record=visit, user=staff_user(ANALYST))
    visit.refresh_from_db()
    assert visit.status == REVIEW
