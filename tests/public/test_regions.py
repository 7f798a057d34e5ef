"""A province (or any region) stands for what lies in it: its profile, the lists' filters,
search and CSV reach its cities and their districts, and never their drafts."""

import re

import pytest
from django.utils.html import escape

from cooperation.models import MunicipalityLevel, PublicationStatus
from tests.support.export_csv import csv_records
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    VisitFactory,
    add_places,
)
from tests.support.public_pages import result_titles

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT
# Records of Yunnan, of Pu'er (a city in it) and of Simao (a district of Pu'er).
OFFICES = ["Yunnan office", "Pu'er office", "Simao office"]
VISITS_OUT = ["Delegation from Pu'er", "Delegation from Simao"]
VISITS_IN = ["Delegation to Pu'er", "Delegation to Simao"]
AGREEMENTS = ["Pu'er - Haifa twin cities", "Simao - Technion agreement"]
ELSEWHERE = ["Chengdu office", "Delegation from Chengdu", "Chengdu agreement"]
DRAFTS = ["Draft Simao office", "Draft delegation from Pu'er", "Draft Pu'er agreement"]


@pytest.fixture
def yunnan():
    """Yunnan > Pu'er > Simao, each with published records; drafts of every kind inside;
    and Sichuan's Chengdu, a city of another province, with records of its own."""
    province = MunicipalityFactory(
        name="Yunnan",
        slug="yunnan",
        level=MunicipalityLevel.PROVINCE,
        name_zh="云南",
    )
    puer = MunicipalityFactory(
        name="Pu'er", slug="puer", parent=province, level=MunicipalityLevel.PREFECTURE_CITY
    )
    simao = MunicipalityFactory(
        name="Simao", slug="simao", parent=puer, level=MunicipalityLevel.DISTRICT
    )
    chengdu = MunicipalityFactory(name="Chengdu", slug="chengdu", parent=MunicipalityFactory())
    haifa, tel_aviv = IsraeliMunicipalityFactory(slug="haifa"), IsraeliMunicipalityFactory()
    technion = OrganizationFactory(slug="technion", name="Technion")

    for name, sponsor in zip(OFFICES, [province, puer, simao], strict=True):
        LiaisonOfficeFactory(name=name, sponsor=sponsor, host=tel_aviv)
    for title, origin in zip(VISITS_OUT, [puer, simao], strict=True):
        add_places(VisitFactory(title=title, origin=origin), "destination", tel_aviv)
    for title, destination in zip(VISITS_IN, [puer, simao], strict=True):
        add_places(VisitFactory(title=title, origin=haifa), "destination", destination)
    AgreementFactory(title=AGREEMENTS[0], parties=[puer, haifa])
    AgreementFactory(title=AGREEMENTS[1], kind="mou", parties=[simao, technion])

    LiaisonOfficeFactory(name=ELSEWHERE[0], sponsor=chengdu)
    add_places(VisitFactory(title=ELSEWHERE[1], origin=chengdu), "destination", tel_aviv)
    AgreementFactory(title=ELSEWHERE[2], parties=[chengdu, tel_aviv])

    EventFactory(title="Forum in Pu'er", place=puer)
    EventFactory(title="Expo organized by Simao", place=haifa, organizers=[simao])
    EventFactory(title="Chengdu fair", place=chengdu)
    EventFactory(title="Draft forum in Simao", place=simao, status=DRAFT)

    LiaisonOfficeFactory(name=DRAFTS[0], sponsor=simao, status=DRAFT)
    add_places(VisitFactory(title=DRAFTS[1], origin=puer, status=DRAFT), "destination", tel_aviv)
    AgreementFactory(title=DRAFTS[2], parties=[puer, tel_aviv], status=DRAFT)
    return {"province": province, "puer": puer, "simao": simao, "haifa": haifa}


def html_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading: str) -> str:
    """The part of a profile under its `<h2>` that starts with `heading`."""
    return re.split(r"<h2>", html.split(f"<h2>{heading}", 1)[1], maxsplit=1)[0]


def linked(html: str) -> list[str]:
    """The records a profile's section links to, with the places it says they involve."""
    return [
        re.sub(r"<[^>]+>", "", item).replace("&#x27;", "'")
        for item in re.findall(r"<li>(.*?)</li>", html)
    ]


def test_a_province_profile_lists_the_records_of_its_cities_and_districts(client, yunnan):
    html = html_of(client, "/municipalities/yunnan/")
    assert linked(section(html, "Liaison offices")) == [
        "Pu'er office, 1 January 2018 (Pu'er)",
        "Simao office, 1 January 2018 (Simao)",
        "Yunnan office, 1 January 2018",
    ]
    assert linked(section(html, "Visits from")) == [
        "Delegation from Pu'er, 5 June 2018 (Pu'er)",
        "Delegation from Simao, 5 June 2018 (Simao)",
    ]
    assert linked(section(html, "Visits to")) == [
        "Delegation to Pu'er, 5 June 2018 (Pu'er)",
        "Delegation to Simao, 5 June 2018 (Simao)",
    ]
    assert linked(section(html, "Agreements")) == [
        "Pu'er - Haifa twin cities, 1 January 1998 (Pu'er)",
        "Simao - Technion agreement, 1 January 1998 (Simao)",
    ]
    assert sorted(linked(section(html, "Events"))) == [
        "Expo organized by Simao, 3 May 2019 (Simao)",  # held in Haifa
        "Forum in Pu'er, 3 May 2019 (Pu'er)",
    ]
    assert "No published" not in html


def test_the_city_a_record_involves_links_to_its_profile(client, yunnan):
    agreements = section(html_of(client, "/municipalities/yunnan/"), "Agreements")
    assert f'(<a href="/municipalities/puer/"><bdi>{escape("Pu'er")}</bdi></a>)' in agreements


def test_a_city_profile_reaches_its_districts_but_not_its_province(client, yunnan):
    html = html_of(client, "/municipalities/puer/")
    assert linked(section(html, "Liaison offices")) == [
        "Pu'er office, 1 January 2018",
        "Simao office, 1 January 2018 (Simao)",
    ]


def twin_cities(html: str) -> str:
    match = re.search(r"<dt>Twin cities</dt><dd>(.*?)</dd>", html)
    return match.group(1) if match else ""


def test_a_twin_city_of_a_city_is_not_its_provinces(client, yunnan):
    haifa = 'href="/municipalities/haifa/"'
    assert haifa in twin_cities(html_of(client, "/municipalities/puer/"))
    assert twin_cities(html_of(client, "/municipalities/yunnan/")) == ""


def titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return sorted(result_titles(response))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("/offices/?province=yunnan", OFFICES),
        ("/offices/?province=puer", OFFICES[1:]),
        ("/offices/?sponsor=yunnan", OFFICES[:1]),  # sponsor and host match exactly
        ("/visits/?origin=yunnan", VISITS_OUT),
        ("/visits/?origin=puer", VISITS_OUT),
        ("/visits/?origin=simao", VISITS_OUT[1:]),
        ("/visits/?destination=yunnan", VISITS_IN),
        ("/visits/?province=yunnan", VISITS_OUT + VISITS_IN),
        ("/visits/?province=simao", VISITS_OUT[1:] + VISITS_IN[1:]),
        ("/agreements/?party=yunnan", AGREEMENTS),
        ("/agreements/?party=puer", AGREEMENTS),
        ("/agreements/?party=technion", AGREEMENTS[1:]),
        ("/agreements/?province=yunnan", AGREEMENTS),
        ("/agreements/?province=simao", AGREEMENTS[1:]),
    ],
)
def test_a_region_in_a_filter_reaches_its_cities_and_districts(client, yunnan, query, expected):
    assert titles(client, query) == sorted(expected)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/offices/", OFFICES), ("/visits/", VISITS_OUT + VISITS_IN), ("/agreements/", AGREEMENTS)],
)
@pytest.mark.parametrize("text", ["Yunnan", "云南"])
def test_a_search_for_a_province_finds_its_cities_records(client, yunnan, path, text, expected):
    assert titles(client, f"{path}?q={text}") == sorted(expected)


@pytest.mark.parametrize(
    "url",
    [
        "/municipalities/yunnan/",
        "/municipalities/puer/",
        "/offices/?province=yunnan",
        "/visits/?province=yunnan",
        "/visits/?origin=yunnan",
        "/agreements/?province=yunnan",
        "/agreements/?party=yunnan",
        "/offices/?q=Yunnan",
        "/visits/?q=Yunnan",
        "/agreements/?q=Yunnan",
    ],
)
def test_drafts_inside_a_region_never_show(client, yunnan, url):
    html = html_of(client, url)
    assert "Yunnan" in html  # the page is about the region ...
    assert "Draft" not in html  # ... and none of the drafts planted inside it shows


def test_the_csv_of_a_province_filter_includes_its_cities_agreements(client, yunnan):
    rows = csv_records(client.get("/agreements/export.csv?province=yunnan"))
    assert sorted(row["Title"] for row in rows) == AGREEMENTS


def test_an_organization_is_no_province(client, yunnan):
    assert client.get("/agreements/?province=technion").status_code == 400
