"""Harvesting: cursor pages in the order of the last change, stable while records are added
and corrected; `updated_since` for what changed; conditional GETs; any origin may read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cooperation.models import LiaisonOffice
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db


def harvest(client, url, params, *, between_pages=lambda: None) -> list[int]:
    """Every id, following `next` to the end; `between_pages` runs after each page."""
    seen, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        seen += [row["id"] for row in body["results"]]
        between_pages()
        if body["next"] is None:
            return seen
        response = client.get(body["next"])


def test_pages_follow_the_last_change_and_end(client):
    offices = LiaisonOfficeFactory.create_batch(7)
    assert harvest(client, "/api/v1/offices/", {"page_size": 3}) == [o.pk for o in offices]


def test_records_added_and_corrected_while_harvesting_are_seen_once_or_at_the_end(client):
    offices = LiaisonOfficeFactory.create_batch(6)
    added, corrected = [], offices[0]

    def meanwhile():
        if not added:
            corrected.description = "Corrected after a second article."
            corrected.save()
        if len(added) < 2:
            added.append(LiaisonOfficeFactory())

    seen = harvest(client, "/api/v1/offices/", {"page_size": 2}, between_pages=meanwhile)
    # Nothing skipped, nothing but the corrected record twice: it moved to the end.
    assert seen == [o.pk for o in offices] + [corrected.pk, added[0].pk, added[1].pk]


def test_updated_since_gives_what_changed_at_or_after_it(client):
    old, recent = LiaisonOfficeFactory(), LiaisonOfficeFactory()
    moment = timezone.now() - timedelta(days=30)
    LiaisonOffice.objects.filter(pk=old.pk).update(updated_at=moment - timedelta(days=1))
    LiaisonOffice.objects.filter(pk=recent.pk).update(updated_at=moment)
    since = moment.isoformat()
    assert harvest(client, "/api/v1/offices/", {"updated_since": since}) == [recent.pk]
    naive = (moment - timedelta(days=2)).replace(tzinfo=None).isoformat()  # read as UTC
    assert harvest(client, "/api/v1/offices/", {"updated_since": naive}) == [old.pk, recent.pk]


def test_a_conditional_get_that_matches_is_a_304(client):
    office = LiaisonOfficeFactory()
    url = f"/api/v1/offices/{office.pk}/"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    office.description = "Corrected."
    office.save()
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    page = client.get("/api/v1/offices/")
    not_modified = client.get("/api/v1/offices/", headers={"If-None-Match": page["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == "*"


def test_any_origin_may_read_and_nothing_else_is_allowed(client):
    office = LiaisonOfficeFactory()
    url = f"/api/v1/offices/{office.pk}/"
    origin = {"Origin": "https://research.example.org"}
    assert client.get(url, headers=origin)["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(url, headers={**origin, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response.json()["errors"]["method"]
    assert LiaisonOffice.objects.filter(pk=office.pk).exists()
