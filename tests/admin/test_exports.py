"""Admin CSV export over real HTTP: the changelist link and the action, staff only."""

import pytest
from django.contrib.admin import site
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from cooperation.models import LiaisonOffice, OperatingStatus, PublicationStatus
from tests.support.export_csv import csv_records
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/cooperation/liaisonoffice/"
EXPORT = f"{CHANGELIST}export.csv"
DRAFT, PUBLISHED = PublicationStatus.DRAFT, PublicationStatus.PUBLISHED


@pytest.fixture
def offices(monkeypatch):
    """Five offices, more than a changelist page of two."""
    monkeypatch.setattr(site._registry[LiaisonOffice], "list_per_page", 2)
    rows = [
        ("Alpha office", PUBLISHED, OperatingStatus.OPEN),
        ("Beta office", DRAFT, OperatingStatus.OPEN),
        ("Alphabet office", DRAFT, OperatingStatus.ANNOUNCED),
        ("Gamma office", PUBLISHED, OperatingStatus.ANNOUNCED),
        ("Delta alpha office", PublicationStatus.IN_REVIEW, OperatingStatus.OPEN),
    ]
    return [
        LiaisonOfficeFactory(name=name, status=status, operating_status=operating)
        for name, status, operating in rows
    ]


def names(response) -> list[str]:
    return [row["Name"] for row in csv_records(response)]


def test_link_exports_every_page_with_drafts_in_changelist_order(admin_client, offices):
    changelist = admin_client.get(CHANGELIST).content.decode()
    assert f'href="{EXPORT}?"' in changelist and ">Export CSV</a>" in changelist
    # The changelist's order: the most recently changed first.
    assert names(admin_client.get(EXPORT)) == [office.name for office in reversed(offices)]


def test_link_keeps_the_search_filters_and_ordering(admin_client, offices):
    query = "?q=alpha&status__exact=draft&o=-1"
    changelist = admin_client.get(CHANGELIST + query).content.decode()
    assert f'href="{EXPORT}?o=-1&amp;q=alpha&amp;status__exact=draft"' in changelist
    assert names(admin_client.get(EXPORT + query)) == ["Alphabet office"]
    assert names(admin_client.get(f"{EXPORT}?q=alpha&o=-1")) == [
        "Delta alpha office",
        "Alphabet office",
        "Alpha office",
    ]
    assert names(admin_client.get(f"{EXPORT}?operating_status__exact=open&o=1")) == [
        "Alpha office",
        "Beta office",
        "Delta alpha office",
    ]


def test_action_exports_the_selected_rows(admin_client, offices):
    chosen = [offices[1], offices[3]]
    response = admin_client.post(
        CHANGELIST,
        {"action": "export_selected_csv", "_selected_action": [office.pk for office in chosen]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert names(response) == ["Gamma office", "Beta office"]
    changelist = admin_client.get(CHANGELIST).content.decode()
    assert '<option value="export_selected_csv">Export selected to CSV</option>' in changelist


def test_action_across_all_pages_takes_the_search(admin_client, offices):
    response = admin_client.post(
        f"{CHANGELIST}?q=alpha",
        {"action": "export_selected_csv", "select_across": "1", "_selected_action": ["0"]},
    )
    assert names(response) == ["Delta alpha office", "Alphabet office", "Alpha office"]


def staff(username: str, *permissions: str):
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return user


def test_staff_who_may_view_may_export_and_others_may_not(client, offices):
    assert client.get(EXPORT).status_code == 302  # anonymous: to the login page
    client.force_login(staff("editor", "view_municipality"))
    assert client.get(EXPORT).status_code == 403
    client.force_login(staff("analyst", "view_liaisonoffice"))
    assert len(names(client.get(EXPORT))) == len(offices)


def test_a_filter_the_changelist_does_not_know_answers_400(admin_client, offices):
    response = admin_client.get(f"{EXPORT}?no_such_field=1")
    assert response.status_code == 400
    assert "These filters do not apply" in response.content.decode()
