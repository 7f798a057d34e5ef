"""Atom feeds of the public lists (with the lists' filters) and of municipality profiles:
valid Atom, the same records as the page, published versions only, no staff names."""

import html
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import AgreementKind, PublicationStatus
from cooperation.records import revisions
from cooperation.records.roles import ANALYST, EDITOR
from tests.support import factories
from tests.support.admin_pages import staff_user

pytestmark = pytest.mark.django_db

DRAFT, IN_REVIEW = PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def entry_paths(feed) -> list[str]:
    paths = []
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/"), entry.link
        paths.append(entry.link.removeprefix("http://testserver"))
    return paths


def page_paths(client, url) -> set[str]:
    """The records a list page (its result list) or a profile links to."""
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    if 'class="result-list"' in page:
        page = page.split('<ol class="result-list">', 1)[1].split("</ol>", 1)[0]
        return set(re.findall(r'<h3><a href="([^"]+)">', page))
    links = re.findall(r'<li><a href="(/(?:offices|visits|events|agreements)/[^"]+)">', page)
    return set(links)


@pytest.fixture
def cities():
    """Two Chinese cities (one inside a province), two Israeli ones, a sector."""
    guangdong = factories.MunicipalityFactory(name="Guangdong", slug="guangdong", level="province")
    return {
        "beijing": factories.MunicipalityFactory(name="Beijing", slug="beijing"),
        "guangdong": guangdong,
        "dongguan": factories.MunicipalityFactory(
            name="Dongguan", slug="dongguan", parent=guangdong
        ),
        "haifa": factories.IsraeliMunicipalityFactory(name="Haifa", slug="haifa"),
        "tel-aviv": factories.IsraeliMunicipalityFactory(name="Tel Aviv", slug="tel-aviv"),
        "water": factories.SectorFactory(name="Water", slug="water"),
    }


@pytest.fixture
def records(cities):
    """Published records of every type between the cities, and drafts among them."""
    c = cities
    office = factories.LiaisonOfficeFactory(
        name="Beijing office in Haifa", sponsor=c["beijing"], host=c["haifa"]
    )
    office.sectors.add(c["water"])
    factories.LiaisonOfficeFactory(
        name="Dongguan office", sponsor=c["dongguan"], host=c["tel-aviv"]
    )
    factories.LiaisonOfficeFactory(
        name="Draft office in Haifa", sponsor=c["beijing"], host=c["haifa"], status=DRAFT
    )
    visit = factories.VisitFactory(title="Dongguan delegation to Haifa", origin=c["dongguan"])
    factories.add_places(visit, "destination", c["haifa"])
    draft_visit = factories.VisitFactory(
        title="Review visit to Haifa", origin=c["beijing"], status=IN_REVIEW
    )
    factories.add_places(draft_visit, "destination", c["haifa"])
    factories.VisitFactory(title="Beijing delegation", origin=c["beijing"])
    factories.AgreementFactory(title="Beijing-Haifa twinning", parties=[c["beijing"], c["haifa"]])
    factories.AgreementFactory(
        title="Dongguan memorandum",
        kind=AgreementKind.MOU,
        parties=[c["dongguan"], factories.OrganizationFactory()],
    )
    factories.AgreementFactory(
        title="Draft agreement", parties=[c["beijing"], c["haifa"]], status=DRAFT
    )
    factories.EventFactory(title="Haifa water forum", place=c["haifa"])
    factories.EventFactory(title="Beijing expo", place=c["beijing"], organizers=[c["dongguan"]])
    factories.EventFactory(title="Draft forum", place=c["haifa"], status=DRAFT)


LIST_QUERIES = [
    "/offices/",
    "/offices/?host=haifa",
    "/offices/?province=guangdong",
    "/offices/?q=haifa&sector=water",
    "/offices/?year_min=2000&ordering=name",
    "/visits/",
    "/visits/?destination=haifa",
    "/visits/?origin=guangdong",
    "/agreements/?party=haifa",
    "/agreements/?kind=mou",
    "/events/?place=haifa",
    "/events/?province=guangdong",
    "/events/?q=forum",
]


@pytest.mark.parametrize("url", LIST_QUERIES)
def test_a_feed_holds_the_records_of_its_list_with_the_same_filters(client, records, url):
    path, _, query = url.partition("?")
    feed = read_feed(client, f"{path}feed.atom?{query}")
    assert set(entry_paths(feed)) == page_paths(client, url)
    assert feed.entries, "each query above keeps at least one record"
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.updated_parsed
        assert "Draft" not in entry.title and "Review" not in entry.title


def test_entries_say_type_places_and_dates_as_the_site_writes_them(client, records):
    feed = read_feed(client, "/offices/feed.atom?host=haifa")
    [entry] = feed.entries
    assert entry.title == "Beijing office in Haifa"
    assert entry.summary == (
        "Liaison office of Beijing in Haifa, opened 1 January 2018; status: unknown."
    )
    [visit] = read_feed(client, "/visits/feed.atom?destination=haifa").entries
    assert html.unescape(visit.summary) == "Visit from Dongguan to Haifa; 5 June 2018."
    [agreement] = read_feed(client, "/agreements/feed.atom?party=haifa").entries
    assert (
        agreement.summary
        == "Friendship city, twinning (formal tie): Beijing, Haifa; signed 1 January 1998."
    )


def test_feed_titles_say_what_is_filtered(client, records):
    assert read_feed(client, "/offices/feed.atom").feed.title == "Liaison offices"
    feed = read_feed(client, "/offices/feed.atom?host=haifa&sector=water&q=bei")
    assert feed.feed.title == "Liaison offices: matching “bei”, host Haifa, sector Water"
    assert feed.feed.link == "http://testserver/offices/?host=haifa&sector=water&q=bei"
    assert feed.feed.author == "Sino-Israeli municipal cooperation tracker"


def test_entries_are_newest_first_by_their_latest_public_version(client, cities):
    first, *_ = (
        factories.LiaisonOfficeFactory(name=name, sponsor=cities["beijing"], host=cities["haifa"])
        for name in ("First", "Second", "Third")
    )
    assert [e.title for e in read_feed(client, "/offices/feed.atom").entries] == [
        "Third",
        "Second",
        "First",
    ]
    first.address = "Corrected address"
    first.save()
    assert [e.title for e in read_feed(client, "/offices/feed.atom").entries] == [
        "First",
        "Third",
        "Second",
    ]


def test_a_pending_revision_leaves_the_published_version_in_the_feed(client, cities):
    office = factories.LiaisonOfficeFactory(name="Published name", sponsor=cities["beijing"])
    older = factories.LiaisonOfficeFactory(name="Older office", sponsor=cities["beijing"])
    older.address = "Corrected"
    older.save()
    state = revisions.snapshot(office)
    state["fields"]["name"] = "Secret proposed name"
    revision = revisions.propose(
        obj=office, state=state, user=staff_user(ANALYST, "wang.analyst"), reason="private"
    )
    assert revision is not None
    response = client.get("/offices/feed.atom")
    text = response.content.decode()
    assert "Secret proposed name" not in text and "wang.analyst" not in text
    feed = read_feed(client, "/offices/feed.atom")
    assert [entry.title for entry in feed.entries] == ["Older office", "Published name"]


def test_an_approved_change_names_no_one(client, cities):
    office = factories.LiaisonOfficeFactory(name="Office before", sponsor=cities["beijing"])
    state = revisions.snapshot(office)
    state["fields"]["name"] = "Office after"
    revision = revisions.propose(
        obj=office, state=state, user=staff_user(ANALYST, "wang.analyst"), reason="typo"
    )
    revisions.approve(revision=revision, user=staff_user(EDITOR, "levi.editor"))
    text = client.get("/offices/feed.atom").content.decode()
    assert "Office after" in text and "Office before" not in text
    assert "wang.analyst" not in text and "levi.editor" not in text


def test_a_feed_has_at_most_50_entries(client, cities):
    source = factories.SourceFactory()
    factories.LiaisonOfficeFactory.create_batch(
        51, sponsor=cities["beijing"], host=cities["haifa"], sources=[source]
    )
    assert len(read_feed(client, "/offices/feed.atom").entries) == 50


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/offices/feed.atom?year_min=abc", "year_min"),
        ("/offices/feed.atom?sponsor=nowhere", "sponsor"),
        ("/visits/feed.atom?evidence=Z", "evidence"),
        ("/agreements/feed.atom?ordering=secret", "ordering"),
        ("/events/feed.atom?q=tab%09here", "q"),
        ("/events/feed.atom?year_min=2020&year_max=2010", "year_max"),
    ],
)
def test_invalid_filters_answer_400_in_plain_words_naming_the_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"“{parameter}”" in response.content.decode()


def test_unknown_parameters_are_ignored_as_on_the_list(client, records):
    feed = read_feed(client, "/offices/feed.atom?utm_source=x&page=9")
    assert set(entry_paths(feed)) == page_paths(client, "/offices/")


def test_a_slug_named_only_by_a_draft_is_refused_like_an_unknown_one(client):
    factories.LiaisonOfficeFactory(
        sponsor=factories.MunicipalityFactory(slug="secret-city"), status=DRAFT
    )
    assert client.get("/offices/feed.atom?sponsor=secret-city").status_code == 400


@pytest.mark.parametrize(
    ("url", "feed"),
    [
        ("/offices/?host=haifa&page=1", "/offices/feed.atom?host=haifa"),
        (
            "/visits/?origin=guangdong&sector=water",
            "/visits/feed.atom?origin=guangdong&sector=water",
        ),
        ("/agreements/", "/agreements/feed.atom?"),
        ("/events/?q=forum", "/events/feed.atom?q=forum"),
    ],
)
def test_each_list_links_its_feed_keeping_the_filters(client, records, url, feed):
    page = client.get(url).content.decode()
    links = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', page
    )
    assert [html.unescape(link) for link in links] == [feed]
    assert client.get(html.unescape(links[0])).status_code == 200


def test_the_municipalities_list_has_no_feed(client, records):
    assert "application/atom+xml" not in client.get("/municipalities/").content.decode()
    assert client.get("/municipalities/feed.atom").status_code == 404


@pytest.mark.parametrize("slug", ["haifa", "beijing", "guangdong", "dongguan"])
def test_a_profile_feed_holds_the_records_the_profile_lists(client, records, slug):
    feed = read_feed(client, f"/municipalities/{slug}/feed.atom")
    paths = entry_paths(feed)
    assert len(paths) == len(set(paths))
    assert set(paths) == page_paths(client, f"/municipalities/{slug}/")
    assert all("draft" not in path and "review" not in path for path in paths)


def test_a_profile_feed_is_titled_and_linked_from_the_profile(client, records):
    feed = read_feed(client, "/municipalities/guangdong/feed.atom")
    assert feed.feed.title == "Records involving Guangdong"
    assert "Dongguan office" in [entry.title for entry in feed.entries]
    page = client.get("/municipalities/guangdong/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Records involving Guangdong '
        '(Atom feed)" href="/municipalities/guangdong/feed.atom">'
    ) in page


def test_a_municipality_named_only_by_drafts_has_no_feed(client):
    factories.LiaisonOfficeFactory(
        sponsor=factories.MunicipalityFactory(slug="secret-city"), status=DRAFT
    )
    assert client.get("/municipalities/secret-city/feed.atom").status_code == 404


def feed_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        read_feed(client, url)
    return len(captured)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/offices/feed.atom?q=Office", lambda: factories.LiaisonOfficeFactory()),
        (
            "/visits/feed.atom",
            lambda: factories.add_places(
                factories.VisitFactory(), "destination", factories.IsraeliMunicipalityFactory()
            ),
        ),
        ("/agreements/feed.atom", lambda: factories.AgreementFactory()),
        (
            "/events/feed.atom",
            lambda: factories.EventFactory(organizers=[factories.OrganizationFactory()]),
        ),
    ],
)
def test_a_list_feed_costs_the_same_queries_at_one_and_many_entries(client, url, make):
    make()
    one = feed_queries(client, url)
    for _ in range(10):
        make()
    assert feed_queries(client, url) == one
