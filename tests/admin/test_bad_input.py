"""Odd values in admin URLs and forms get a page or a message, never a server error."""

import pytest
from django.urls import reverse

from tests.support.admin_pages import analyst, editor
from tests.support.factories import SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db

ADD_OFFICE = reverse("admin:cooperation_liaisonoffice_add")


@pytest.mark.parametrize("cite", ["²", "99999999999999999999999", "-1", "0", "12abc"])
def test_an_unreadable_or_unknown_cited_source_opens_an_empty_add_form(client, cite):
    SourceFactory()
    response = analyst(client).get(ADD_OFFICE, {"cite": cite})
    assert response.status_code == 200
    [sources] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix.endswith("_sources")
    ]
    assert [form.initial.get("source") for form in sources.forms] == [None]


def test_a_known_cited_source_fills_in_the_first_row(client):
    source = SourceFactory()
    response = analyst(client).get(ADD_OFFICE, {"cite": str(source.pk)})
    [sources] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix.endswith("_sources")
    ]
    assert sources.forms[0].initial["source"] == source.pk


@pytest.mark.parametrize("version", ["abc", "99999999999999999999999", "1.5", "²"])
def test_an_unreadable_version_of_a_record_is_not_found(client, version):
    visit = VisitFactory()
    url = f"/admin/cooperation/visit/{visit.pk}/history/{version}/"
    assert editor(client).get(url).status_code == 404


@pytest.mark.parametrize("selected", [[""], ["abc"], ["99999999999999999999999"], ["1", ""]])
@pytest.mark.parametrize(
    "changelist", ["admin:cooperation_visit_changelist", "admin:auth_user_changelist"]
)
def test_an_action_on_an_unreadable_selection_says_so(admin_client, changelist, selected):
    VisitFactory()
    response = admin_client.post(
        reverse(changelist),
        {"action": "delete_selected", "index": "0", "_selected_action": selected},
        follow=True,
    )
    assert response.status_code == 200
    assert "The selection could not be read" in response.content.decode()
