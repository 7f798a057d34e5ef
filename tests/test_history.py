import pytest
from django.contrib.auth import get_user_model

from cooperation.models import Visit
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_history_records_who_changed_what(admin_client):
    visit = VisitFactory(title="Shanghai delegation")
    response = admin_client.get(f"/admin/cooperation/visit/{visit.pk}/change/")
    form = response.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        title="Shanghai mayor's delegation",
        sources=[source.pk for source in visit.sources.all()],
        **{
            f"participations-{key}": value
            for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()
        },
    )
    response = admin_client.post(f"/admin/cooperation/visit/{visit.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    latest, earlier = Visit.history.filter(id=visit.pk).order_by("-history_date")[:2]
    assert latest.history_user == get_user_model().objects.get(username="admin")
    assert latest.history_type == "~"
    delta = latest.diff_against(earlier)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("title", "Shanghai delegation", "Shanghai mayor's delegation")
    ]
