"""/sitemap.xml: an index of sections listing every published record and municipality with
its last change, the home page and the lists; never a draft, a record in review, a
municipality only they name, or a change waiting for review; a fixed number of queries."""

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import Agreement, Event, LiaisonOffice, Municipality, Visit
from cooperation.public.metadata.sitemaps import PublishedSitemap
from tests.public.metadata_pages import FACTORIES, SECRET, pending_change, plant_unpublished
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"
RECORD_SECTIONS = ["offices", "visits", "events", "agreements", "municipalities"]


def xml(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def section_urls(client, **headers) -> list[str]:
    index = xml(client, "/sitemap.xml", **headers)
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def every_entry(client) -> dict[str, str | None]:
    """Each URL of every section the index lists, with its lastmod."""
    entries = {}
    for section in section_urls(client):
        for url in xml(client, section.removeprefix(HOST)).findall("sm:url", NS):
            lastmod = url.find("sm:lastmod", NS)
            entries[url.find("sm:loc", NS).text] = None if lastmod is None else lastmod.text
    return entries


@pytest.fixture
def published():
    return [factory() for factory in FACTORIES]


def test_the_index_lists_a_sitemap_per_section(client):
    assert section_urls(client) == [
        f"{HOST}{reverse('cooperation:sitemap-section', args=[section])}"
        for section in ["pages", *RECORD_SECTIONS]
    ]


def test_every_published_record_and_municipality_is_listed_with_its_last_change(client, published):
    municipalities = list(Municipality.objects.published())
    assert len(municipalities) == 6  # office 2, visit 1, event 1, agreement 2
    things = [*published, *municipalities]
    # Each last changed on a day of its own, in the past (and after it was created).
    changed = {}
    for day, thing in enumerate(things, start=1):
        changed[thing.get_absolute_url()] = when = datetime(2020, 1, day, 23, 30, tzinfo=UTC)
        type(thing).objects.filter(pk=thing.pk).update(updated_at=when)
    entries = every_entry(client)
    for url, when in changed.items():
        # The day of the last change (W3C date, as Django's sitemap writes it, in UTC).
        assert entries[f"{HOST}{url}"] == when.date().isoformat()


def test_the_home_page_every_list_and_the_data_page_are_listed_and_nothing_else(client, published):
    entries = every_entry(client)
    pages = ["/", "/offices/", "/visits/", "/events/", "/agreements/", "/municipalities/", "/data/"]
    for page in pages:
        assert entries[f"{HOST}{page}"] is None
    records = sum(model.objects.published().count() for model in (LiaisonOffice, Visit, Event))
    records += Agreement.objects.published().count() + Municipality.objects.published().count()
    assert len(entries) == len(pages) + records


def test_no_draft_record_in_review_or_what_only_they_name_is_listed(client, published):
    planted = plant_unpublished()
    entries = every_entry(client)
    assert SECRET not in "".join(entries)
    for record in planted:
        assert f"{HOST}{record.get_absolute_url()}" not in entries


def test_a_change_waiting_for_review_is_not_listed(client, published):
    visit = published[1]
    pending_change(visit, slug=f"{SECRET}-renamed", title="Renamed")
    entries = every_entry(client)
    assert f"{HOST}{visit.get_absolute_url()}" in entries
    assert SECRET not in "".join(entries)


def test_behind_the_tls_proxy_every_address_is_https(client, published):
    headers = {"host": "localhost", "x_forwarded_proto": "https"}
    sections = section_urls(client, **headers)
    assert all(url.startswith("https://localhost/sitemap-") for url in sections)
    visits = xml(client, "/sitemap-visits.xml", **headers)
    assert [loc.text for loc in visits.findall("sm:url/sm:loc", NS)] == [
        f"https://localhost{published[1].get_absolute_url()}"
    ]


def test_the_index_says_when_each_section_last_changed(client, published):
    index = xml(client, "/sitemap.xml")
    lastmods = {
        entry.find("sm:loc", NS).text: entry.find("sm:lastmod", NS)
        for entry in index.findall("sm:sitemap", NS)
    }
    assert lastmods[f"{HOST}/sitemap-pages.xml"] is None
    office = published[0]
    office.refresh_from_db()
    stated = datetime.fromisoformat(lastmods[f"{HOST}/sitemap-offices.xml"].text)
    assert stated == office.updated_at


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("section", ["offices", "municipalities"])
def test_a_section_costs_the_same_queries_with_one_row_and_many(client, section):
    url = f"/sitemap-{section}.xml"
    LiaisonOfficeFactory()
    one = count_queries(client, url)
    LiaisonOfficeFactory.create_batch(30)
    many = count_queries(client, url)
    assert one == many == 2  # its count and its rows


def test_the_index_costs_the_same_queries_with_one_row_and_many(client):
    for factory in FACTORIES:
        factory()
    one = count_queries(client, "/sitemap.xml")
    for factory in FACTORIES:
        factory.create_batch(10)
    many = count_queries(client, "/sitemap.xml")
    assert one == many == 2 * len(RECORD_SECTIONS)  # each section's count and latest change


def test_a_section_past_the_limit_is_split_into_pages_the_index_lists(client, monkeypatch):
    monkeypatch.setattr(PublishedSitemap, "limit", 2)  # the protocol's 50,000, made small
    offices = LiaisonOfficeFactory.create_batch(3)
    assert f"{HOST}/sitemap-offices.xml?p=2" in section_urls(client)
    first = xml(client, "/sitemap-offices.xml").findall("sm:url/sm:loc", NS)
    second = xml(client, "/sitemap-offices.xml?p=2").findall("sm:url/sm:loc", NS)
    listed = [loc.text for loc in [*first, *second]]
    assert listed == [f"{HOST}{office.get_absolute_url()}" for office in offices]
    assert client.get("/sitemap-offices.xml?p=3").status_code == 404


@pytest.mark.parametrize("url", ["/sitemap-drafts.xml", "/sitemap-offices.xml?p=x"])
def test_an_unknown_section_or_page_is_not_found(client, url):
    assert client.get(url).status_code == 404
