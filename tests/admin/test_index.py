"""The admin's index lists the record types, not the rows that link them (agreement parties,
visit participants, office staff); every autocomplete of those rows still answers, and
every admin page names the site's icon."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cooperation.admin.records import RecordAdmin
from cooperation.models import AgreementParty, OfficeStaff, VisitParticipant
from tests.support.admin_pages import analyst, editor
from tests.support.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

LINK_MODELS = [OfficeStaff, VisitParticipant, AgreementParty]


def listed_models(response) -> set[str]:
    return {model["object_name"] for app in response.context["app_list"] for model in app["models"]}


@pytest.mark.parametrize("sign_in", [analyst, editor])
def test_the_index_and_sidebar_list_no_link_model(client, sign_in):
    client = sign_in(client)
    listed = listed_models(client.get(reverse("admin:index")))
    assert {"Visit", "Agreement", "LiaisonOffice", "Event"} <= listed
    assert not {model.__name__ for model in LINK_MODELS} & listed
    sidebar = client.get(reverse("admin:cooperation_visit_changelist")).context["available_apps"]
    assert not {model.__name__ for model in LINK_MODELS} & {
        model["object_name"] for app in sidebar for model in app["models"]
    }


def test_editors_reach_the_lists_of_rows_from_the_index(client):
    html = editor(client).get(reverse("admin:index")).content.decode()
    for model in LINK_MODELS:
        changelist = reverse(f"admin:cooperation_{model._meta.model_name}_changelist")
        assert f'href="{changelist}"' in html
        assert client.get(changelist).status_code == 200


def inline_autocompletes():
    """(row model, field) of every autocomplete in the inlines of the record admins."""
    return sorted(
        {
            (inline.model, field)
            for model_admin in admin.site._registry.values()
            if isinstance(model_admin, RecordAdmin)
            for inline in model_admin.get_inline_instances(request=None)
            for field in inline.autocomplete_fields
        },
        key=lambda pair: (pair[0]._meta.model_name, pair[1]),
    )


def test_an_analyst_uses_every_autocomplete_of_every_row(client):
    MunicipalityFactory(name="Haifa")
    OrganizationFactory(name="Haifa Port")
    PersonFactory(name="Haifa Mayor")
    SourceFactory(title="Haifa news")
    client = analyst(client)
    pairs = inline_autocompletes()
    assert (VisitParticipant, "person") in pairs and (AgreementParty, "organization") in pairs
    for model, field in pairs:
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "cooperation",
                "model_name": model._meta.model_name,
                "field_name": field,
                "term": "Haifa",
            },
        )
        assert response.status_code == 200, (model, field)
        assert response.json()["results"], (model, field)


def test_admin_pages_name_the_sites_icon(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    html = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    assert 'rel="icon"' in html
