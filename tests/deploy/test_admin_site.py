"""The admin's "View on site" shortcut (/admin/r/<type>/<id>/) tells only those who may see
the record where it is: a staff account without a role learns nothing, not even a slug."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from cooperation.models import PublicationStatus, Visit
from tests.support.admin_pages import analyst
from tests.support.factories import SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db


def shortcut(model, pk) -> str:
    return f"/admin/r/{ContentType.objects.get_for_model(model).pk}/{pk}/"


@pytest.fixture
def draft():
    return VisitFactory(title="Secret delegation", slug="secret-delegation", status="draft")


def test_a_staff_account_without_a_role_is_not_told_where_a_draft_is(client, draft):
    client.force_login(get_user_model().objects.create_user("nobody", is_staff=True))
    response = client.get(shortcut(Visit, draft.pk))
    assert response.status_code == 404
    assert "secret-delegation" not in response.content.decode()
    assert "Location" not in response.headers


def test_an_analyst_is_sent_to_the_page_of_a_record_they_may_see(client, draft):
    response = analyst(client).get(shortcut(Visit, draft.pk))
    assert response.status_code == 302
    assert response["Location"] == "/visits/secret-delegation/"


@pytest.mark.parametrize("pk", ["999999", "abc", ""])
def test_an_unknown_record_is_not_found(client, pk):
    assert analyst(client).get(shortcut(Visit, pk)).status_code == 404


def test_an_unknown_type_or_one_without_a_page_is_not_found(client):
    client = analyst(client)
    for unknown in ("999999", "99999999999999999999", "abc", "²"):
        assert client.get(f"/admin/r/{unknown}/1/").status_code == 404
    assert client.get(shortcut(type(SourceFactory()), 1)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(shortcut(Visit, draft.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert draft.status == PublicationStatus.DRAFT
