"""Every changelist (plain, searched, and with each choice of each filter) and every add and
change form answers, with the sample data loaded."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from cooperation.models import (
    AgreementParty,
    FailedLogin,
    OfficeStaff,
    Organization,
    Person,
    Revision,
    Visit,
    VisitParticipant,
)
from tests.support.admin_pages import analyst, page_data
from tests.support.factories import EventFactory, EventParticipantFactory

pytestmark = pytest.mark.django_db

MODEL_ADMINS = [
    model_admin
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "cooperation"
]
IDS = [model_admin.opts.model_name for model_admin in MODEL_ADMINS]


def url(model_admin, view: str, *args) -> str:
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


# Listed only: failed sign-ins, proposed changes, and the rows edited in their record.
LISTED_ONLY = {FailedLogin, Revision, OfficeStaff, VisitParticipant, AgreementParty}


@pytest.fixture
def loaded(sample_data, client):
    FailedLogin.objects.create(username="someone", address="192.0.2.1")
    # The four articles report no event: one of the tests' own, with its rows.
    event = EventFactory(organizers=[Organization.objects.first()])
    EventParticipantFactory(event=event, person=Person.objects.first())
    visit = Visit.objects.published().first()
    change = f"/admin/cooperation/visit/{visit.pk}/change/"
    client = analyst(client)
    data = {**page_data(client.get(change)), "purpose": "Proposed for review in Shanghai"}
    assert client.post(change, data).status_code == 302
    assert Revision.objects.exists()


@pytest.mark.parametrize("model_admin", MODEL_ADMINS, ids=IDS)
def test_changelist_with_search_and_every_filter_choice_and_forms(
    admin_client, loaded, model_admin
):
    changelist = url(model_admin, "changelist")
    response = admin_client.get(changelist)
    assert response.status_code == 200
    cl = response.context["cl"]
    assert cl.result_count > 0
    assert cl.filter_specs, "every changelist has filters"
    for term in ["Shanghai", "上海", "tel-aviv"]:
        assert admin_client.get(changelist, {"q": term}).status_code == 200
    queries = [choice["query_string"] for spec in cl.filter_specs for choice in spec.choices(cl)]
    assert len(queries) > len(cl.filter_specs)
    for query in queries:
        response = admin_client.get(changelist + query)
        assert response.status_code == 200, query
        assert "cl" in response.context, f"{query} was refused as an invalid filter"

    if model_admin.model not in LISTED_ONLY:
        assert admin_client.get(url(model_admin, "add")).status_code == 200
    obj = model_admin.model._default_manager.first()
    response = admin_client.get(url(model_admin, "change", obj.pk))
    assert response.status_code == 200
    assert escape(str(obj)) in response.content.decode()
    assert admin_client.get(url(model_admin, "history", obj.pk)).status_code == 200
