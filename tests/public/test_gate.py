"""One gate for what the public sees: drafts planted everywhere, then every public page,
select, count and CSV file the site links to is read, and none of them shows a draft.

A crawler follows every link from the home page (lists, pages of results, filtered
views, CSV downloads, details, profiles), so a page added later is walked too.
"""

import csv
import io
import re
from urllib.parse import urljoin, urlsplit

import pytest

from cooperation.exports.columns import Column
from cooperation.exports.joined import Joined
from cooperation.exports.public import public_export, record_on_path
from cooperation.exports.records import EXPORTS
from cooperation.models import Agreement, LiaisonOffice, PublicationStatus, Visit
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
)

pytestmark = pytest.mark.django_db

SECRET = "zzsecret"
DRAFT, REVIEW = PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW
MAX_PAGES = 400


def secret(thing: str) -> dict:
    return {"name": f"{SECRET} {thing}", "slug": f"{SECRET}-{thing}"}


@pytest.fixture
def planted(sample_data):
    """Drafts and records in review naming places, bodies, people, sectors and sources that
    no published record names; and published records pointing at drafts."""
    place = MunicipalityFactory(**secret("city"), name_zh="秘密")
    region = MunicipalityFactory(**secret("province"))
    place.parent = region
    place.save()
    israeli = IsraeliMunicipalityFactory(**secret("town"))
    body = OrganizationFactory(**secret("body"), municipality=place)
    person = PersonFactory(**secret("person"))
    sector = SectorFactory(**secret("sector"))
    source = SourceFactory(title=f"{SECRET} article", url=f"https://news.example.org/{SECRET}")

    office = LiaisonOfficeFactory(
        **secret("office"), status=DRAFT, sponsor=place, host=israeli, sources=[source]
    )
    office.sponsor_organization = body
    office.save()
    office.sectors.add(sector)
    office.staff_roles.create(person=person, role=f"{SECRET} role")
    visit = VisitFactory(
        title=f"{SECRET} delegation",
        slug=f"{SECRET}-delegation",
        status=REVIEW,
        origin=place,
        leader=person,
        purpose=SECRET,
        sources=[source],
    )
    add_places(visit, "destination", israeli)
    visit.sectors.add(sector)
    VisitParticipantFactory(visit=visit, person=person, organization=body, role=SECRET)
    AgreementFactory(
        title=f"{SECRET} agreement",
        slug=f"{SECRET}-agreement",
        status=DRAFT,
        parties=[place, body],
        sources=[source],
    ).sectors.add(sector)

    event = EventFactory(
        title=f"{SECRET} forum",
        slug=f"{SECRET}-forum",
        status=DRAFT,
        place=place,
        organizers=[body, region],
        sources=[source],
    )
    event.participations.create(person=person, role=SECRET, side="chinese", organization=body)
    event.sectors.add(sector)

    # A published agreement signed during the draft visit (its CSV once showed the title)
    # and at the draft event.
    published = Agreement.objects.published().first()
    published.visit, published.event = visit, event
    published.save()
    # A published visit led by someone on the secret record's staff is fine: the person
    # becomes public. Nothing else published names the planted things.
    return {"visit": visit, "person": person, "place": place, "body": body, "sector": sector}


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def links(base: str, body: str) -> list[str]:
    return [urljoin(base, href) for href in re.findall(r'href="([^"#]+)', body)]


def is_public_page(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.netloc and not parts.path.startswith(("/admin/", "/static/"))


def crawl(client) -> dict[str, str]:
    """Every public URL reachable from the home page, with its body as text."""
    seen, queue = {}, ["/"]
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        seen[url] = body = body_of(response)
        queue += [link for link in links(url, body) if is_public_page(link) and link not in seen]
    assert len(seen) < MAX_PAGES, "the crawl did not finish"
    return seen


def test_no_public_page_or_file_shows_anything_only_drafts_name(client, planted):
    pages = crawl(client)
    assert any(url.endswith("export.csv") for url in pages)
    assert any(url.startswith("/municipalities/") and url.count("/") == 3 for url in pages)
    for url, body in pages.items():
        assert SECRET not in body.lower(), url
        assert "秘密" not in body, url


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (f"/visits/?person={SECRET}-person", "person"),
        (f"/visits/?origin={SECRET}-city", "origin"),
        (f"/visits/?destination={SECRET}-town", "destination"),
        (f"/offices/?sponsor={SECRET}-city", "sponsor"),
        (f"/offices/?province={SECRET}-province", "province"),
        (f"/visits/?province={SECRET}-province", "province"),
        (f"/agreements/?province={SECRET}-city", "province"),
        (f"/agreements/?party={SECRET}-body", "party"),
        (f"/offices/?sector={SECRET}-sector", "sector"),
    ],
)
def test_a_name_only_drafts_use_is_refused_like_one_that_does_not_exist(
    client, planted, url, field
):
    planted_answer = client.get(url)
    unknown_answer = client.get(url.replace(SECRET, "nothing"))
    assert planted_answer.status_code == unknown_answer.status_code == 400
    assert f'id="id_{field}_error"' in planted_answer.content.decode()
    # The same page, but for the slug the visitor typed, which it repeats in its message.
    assert planted_answer.content.decode().replace(SECRET, "nothing") == (
        unknown_answer.content.decode()
    )


@pytest.mark.parametrize("url", ["/municipalities/", "/municipalities/export.csv"])
def test_the_directory_of_municipalities_lists_only_public_ones(client, planted, url):
    body = body_of(client.get(url))
    assert "Guangdong" in body  # a region is public through the cities in it
    assert SECRET not in body.lower()


def test_profiles_of_places_only_drafts_name_are_404(client, planted):
    for slug in ("city", "province", "town"):
        assert client.get(f"/municipalities/{SECRET}-{slug}/").status_code == 404


def test_publishing_the_record_makes_what_it_names_public(client, planted):
    visit = planted["visit"]
    Visit.objects.filter(pk=visit.pk).update(status=PublicationStatus.PUBLISHED)
    assert client.get(f"/visits/?person={SECRET}-person").status_code == 200
    assert client.get(f"/municipalities/{SECRET}-city/").status_code == 200
    # The region above the city now has a profile, the body is shown on the city's.
    region = client.get(f"/municipalities/{SECRET}-province/").content.decode()
    assert f"{SECRET} city" in region
    assert f"{SECRET} body" in client.get(f"/municipalities/{SECRET}-city/").content.decode()


def every_column() -> list[tuple[str, Column]]:
    return [(name, column) for name, export in EXPORTS.items() for column in export.columns]


@pytest.mark.parametrize(("export_name", "column"), every_column(), ids=lambda value: str(value))
def test_every_public_column_reads_other_records_through_the_gate(export_name, column):
    """A path through another record is gated; a subquery joins no record's table."""
    export = EXPORTS[export_name]
    gated = {c.header: c for c in public_export(export).columns}[column.header]
    record_tables = {model._meta.db_table for model in (LiaisonOffice, Visit, Agreement)}
    for source, public_source in zip(column.sources, gated.sources, strict=True):
        if isinstance(source, str):
            assert (record_on_path(export.model, source) is None) == (source == public_source)
        else:
            assert isinstance(source, Joined)
            tables = {join.table_name for join in source.query.alias_map.values()}
            others = record_tables - {export.model._meta.db_table}  # not the row itself
            assert not tables & others, (column.header, tables & others)


def test_the_agreements_csv_leaves_a_draft_visit_out(client, planted):
    rows = list(csv.DictReader(io.StringIO(body_of(client.get("/agreements/export.csv")))))
    shown = {row["Signed during visit"] for row in rows}
    assert shown <= {"", "Shanghai mayor Ying Yong's delegation to Israel"}
    assert any(row["Signed during visit"] == "" for row in rows)
