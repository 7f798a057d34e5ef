"""History through the admin: one entry per save with author, reason and the final sources;
the history page puts each change's before and after side by side; editors revert."""

from datetime import date

import pytest
from django.urls import reverse

from cooperation.models import Visit
from tests.support.admin_pages import analyst, editor, page_data, visit_origin
from tests.support.factories import (
    MunicipalityFactory,
    SectorFactory,
    SourceFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def change_url(visit):
    return reverse("admin:cooperation_visit_change", args=[visit.pk])


def version_url(visit, entry):
    return reverse("admin:cooperation_visit_simple_history", args=[visit.pk, entry.history_id])


def test_a_save_is_one_history_entry_with_its_reason_and_final_sources(client):
    first, second = SourceFactory(title="First article"), SourceFactory(title="Second article")
    # A draft: an analyst's change to a published visit waits for review (admin/test_review).
    visit = VisitFactory(
        title="Shanghai delegation", start_date=date(2018, 6, 1), sources=[first], status="draft"
    )
    entries = visit.history.count()
    client = analyst(client)
    data = page_data(client.get(change_url(visit)))
    data.update(
        {
            "dates": "5 June 2018",
            "change_reason": "corrected date from second source",
            "Visit_sources-TOTAL_FORMS": 2,
            "Visit_sources-1-source": second.pk,
        }
    )
    assert client.post(change_url(visit), data).status_code == 302

    latest, earlier = visit.history.all()[:2]
    assert visit.history.count() == entries + 1
    assert (latest.history_user.username, latest.history_change_reason) == (
        "analyst",
        "corrected date from second source",
    )
    changes = {change.field: change for change in latest.diff_against(earlier).changes}
    assert set(changes) == {"start_date", "sources"}
    assert changes["start_date"].new == date(2018, 6, 5)
    assert [row["source"] for row in changes["sources"].new] == [first.pk, second.pk]

    page = client.get(reverse("admin:cooperation_visit_history", args=[visit.pk])).content.decode()
    assert "corrected date from second source" in page
    assert '<th scope="col">Before</th><th scope="col">After</th>' in page
    assert "<td>2018-06-01</td><td>2018-06-05</td>" in page


def test_adding_through_the_admin_writes_one_created_entry_with_its_source(client):
    client = analyst(client)
    source = SourceFactory()
    origin = MunicipalityFactory()
    data = page_data(client.get(reverse("admin:cooperation_visit_add")))
    data.update(
        title="New visit",
        slug="new-visit",
        **visit_origin(origin),
        start_date="2018-06-05",
        **{"Visit_sources-0-source": source.pk},
    )
    assert client.post(reverse("admin:cooperation_visit_add"), data).status_code == 302
    [entry] = Visit.objects.get(slug="new-visit").history.all()
    assert entry.history_type == "+"
    assert [row.source_id for row in entry.sources.all()] == [source.pk]


def test_an_editor_reverts_to_an_earlier_version(client):
    visit = VisitFactory(title="Original title", start_date=date(2018, 6, 5))
    original = visit.history.earliest()
    visit.title, visit.start_date = "Wrong title", date(2019, 1, 1)
    visit.save()
    client = editor(client)
    data = page_data(client.get(version_url(visit, original)))
    assert data["title"] == "Original title"
    assert client.post(version_url(visit, original), data).status_code == 302
    visit.refresh_from_db()
    assert (visit.title, visit.start_date) == ("Original title", date(2018, 6, 5))
    assert visit.history.first().history_change_reason.startswith("Reverted to the version of ")


def test_reverting_restores_the_sources_and_sectors_of_that_version(client):
    kept_source, later_source = SourceFactory(), SourceFactory()
    kept_sector, later_sector = SectorFactory(), SectorFactory()
    visit = VisitFactory(sources=[kept_source])
    visit.sectors.set([kept_sector])
    kept = visit.history.first()
    visit.sources.set([later_source])
    visit.sectors.set([later_sector])

    client = editor(client)
    page = client.get(version_url(visit, kept))
    data = page_data(page)
    # The version's links, not today's, and its sources as a field (no inlines here).
    assert [int(pk) for pk in data["sources"]] == [kept_source.pk]
    assert [int(pk) for pk in data["sectors"]] == [kept_sector.pk]
    assert 'name="sources"' in page.content.decode()

    assert client.post(version_url(visit, kept), data).status_code == 302
    assert list(visit.sources.all()) == [kept_source]
    assert list(visit.sectors.all()) == [kept_sector]
    reverted = visit.history.first()
    assert [row.source_id for row in reverted.sources.all()] == [kept_source.pk]
    assert reverted.history_change_reason.startswith("Reverted to the version of ")


def test_an_analyst_may_view_an_earlier_version_but_not_revert_to_it(client):
    visit = VisitFactory(title="Original title")
    original = visit.history.earliest()
    visit.title = "Current title"
    visit.save()
    client = analyst(client)
    response = client.get(version_url(visit, original))
    assert response.status_code == 200
    assert response.context["revert_disabled"] is True
    data = page_data(response)
    assert client.post(version_url(visit, original), data).status_code == 403
    visit.refresh_from_db()
    assert visit.title == "Current title"
