import pytest
from django.contrib.auth import get_user_model

from cooperation.models import Visit
from tests.support.admin_pages import page_data
from tests.support.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_history_records_who_changed_what(admin_client):
    visit = VisitFactory(title="Shanghai delegation")
    data = page_data(admin_client.get(f"/admin/cooperation/visit/{visit.pk}/change/"))
    data["title"] = "Shanghai mayor's delegation"
    response = admin_client.post(f"/admin/cooperation/visit/{visit.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    latest, earlier = Visit.history.filter(id=visit.pk).order_by("-history_date")[:2]
    assert latest.history_user == get_user_model().objects.get(username="admin")
    assert latest.history_type == "~"
    delta = latest.diff_against(earlier)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("title", "Shanghai delegation", "Shanghai mayor's delegation")
    ]
