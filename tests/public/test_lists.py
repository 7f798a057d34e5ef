"""Each filter of each list, alone and combined, against the sample data and factories."""

from datetime import date

import pytest

from cooperation.models import OperatingStatus, PublicationStatus
from cooperation.partial_dates import Precision
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    VisitFactory,
    VisitParticipantFactory,
)
from tests.support.public_pages import count_heading, result_titles

pytestmark = pytest.mark.django_db

Z_PARK_OFFICE = "Zhongguancun Science Park liaison office in Tel Aviv"
DONGGUAN_OFFICE = "Dongguan Economic and Trade Office in Israel"
BEIJING_VISIT = "Beijing delegation to Tel Aviv led by vice mayor Yin Hejun"
SHANGHAI_VISIT = "Shanghai mayor Ying Yong's delegation to Israel"


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return result_titles(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("sponsor=beijing", [Z_PARK_OFFICE]),
        ("sponsor=haifa", []),
        ("host=tel-aviv-yafo", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("province=guangdong", [DONGGUAN_OFFICE]),
        ("province=dongguan", [DONGGUAN_OFFICE]),
        ("status=open", [DONGGUAN_OFFICE]),
        ("status=announced", [Z_PARK_OFFICE]),
        ("sector=life-sciences", [DONGGUAN_OFFICE]),
        ("year_min=2018&year_max=2018", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("year_max=2017", []),
        ("sponsor=beijing&status=announced&sector=technology&year_min=2018", [Z_PARK_OFFICE]),
        ("sponsor=beijing&status=open", []),
        ("ordering=name", [DONGGUAN_OFFICE, Z_PARK_OFFICE]),
        ("ordering=-name", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("ordering=sponsor", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("ordering=year", [DONGGUAN_OFFICE, Z_PARK_OFFICE]),
    ],
)
def test_office_filters(client, sample_data, query, expected):
    assert titles(client, f"/offices/?{query}") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [SHANGHAI_VISIT, BEIJING_VISIT]),
        ("origin=shanghai", [SHANGHAI_VISIT]),
        ("destination=haifa", [SHANGHAI_VISIT]),
        ("destination=tel-aviv-yafo", [SHANGHAI_VISIT, BEIJING_VISIT]),
        ("person=yin-hejun", [BEIJING_VISIT]),
        ("person=eyal-propper", [SHANGHAI_VISIT]),
        ("sector=biomedicine", [SHANGHAI_VISIT]),
        ("sector=education", [BEIJING_VISIT]),
        ("year_min=2019", []),
        (
            "origin=beijing&destination=tel-aviv-yafo&person=doron-sapir&year_max=2018",
            [BEIJING_VISIT],
        ),
        ("origin=beijing&destination=haifa", []),
        ("ordering=year", [BEIJING_VISIT, SHANGHAI_VISIT]),
        ("ordering=origin", [BEIJING_VISIT, SHANGHAI_VISIT]),
    ],
)
def test_visit_filters(client, sample_data, query, expected):
    assert titles(client, f"/visits/?{query}") == expected


TWIN_BEIJING = "Beijing - Tel Aviv-Yafo twin cities"
TWIN_SHANGHAI = "Shanghai - Haifa twin cities"
STC = (
    "Shanghai Science and Technology Commission - Israel Innovation Authority "
    "cooperation agreements on technological innovation"
)
SIPG = "Shanghai International Port Co terminal project at the port of Haifa"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=twinning", [TWIN_BEIJING, TWIN_SHANGHAI]),
        ("kind=contract", [SIPG]),
        ("party=haifa", [TWIN_SHANGHAI]),
        ("party=israel-innovation-authority", [STC]),
        ("party=port-of-haifa&kind=contract", [SIPG]),
        ("sector=ports", [SIPG, TWIN_SHANGHAI]),
        ("year_max=1995", [TWIN_SHANGHAI]),
        ("year_min=1995&year_max=2000", [TWIN_BEIJING]),
        ("kind=twinning&party=beijing&sector=education&year_min=1990", [TWIN_BEIJING]),
        ("ordering=year", [TWIN_SHANGHAI, TWIN_BEIJING, STC, SIPG]),
        ("ordering=-title", [STC, SIPG, TWIN_SHANGHAI, TWIN_BEIJING]),
    ],
)
def test_agreement_filters(client, sample_data, query, expected):
    assert titles(client, f"/agreements/?{query}") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=IL", ["Haifa", "Tel Aviv-Yafo"]),
        ("level=province", ["Guangdong"]),
        ("country=CN&level=provincial_municipality", ["Beijing", "Shanghai"]),
        ("q=东莞", ["Dongguan"]),
        ("ordering=-name&country=IL", ["Tel Aviv-Yafo", "Haifa"]),
    ],
)
def test_municipality_filters(client, sample_data, query, expected):
    assert titles(client, f"/municipalities/?{query}") == expected


def test_count_is_shown(client, sample_data):
    assert count_heading(client.get("/offices/")) == "2 liaison offices"
    assert count_heading(client.get("/offices/?sponsor=beijing")) == "1 liaison office"


def test_empty_state_says_what_to_change(client, sample_data):
    page = client.get("/visits/?year_min=2030").content.decode()
    assert "No visits match these filters." in page
    assert "clear all filters" in page


def test_records_without_a_date_sort_last_both_ways(client):
    dated = LiaisonOfficeFactory(name="Dated")
    LiaisonOfficeFactory(name="Undated", opened_date=None, announced_date=None)
    assert titles(client, "/offices/?ordering=year") == [dated.name, "Undated"]
    assert titles(client, "/offices/?ordering=-year") == [dated.name, "Undated"]


def test_a_visit_without_a_date_is_listed_last_and_left_out_by_the_year_filters(client):
    VisitFactory(title="A visit of unknown date", start_date=None)
    VisitFactory(title="Older", start_date=date(2017, 3, 1))
    VisitFactory(title="Newer", start_date=date(2018, 6, 5))
    last = "A visit of unknown date"
    assert titles(client, "/visits/") == ["Newer", "Older", last]
    assert titles(client, "/visits/?ordering=year") == ["Older", "Newer", last]
    assert titles(client, "/visits/?ordering=-year") == ["Newer", "Older", last]
    assert titles(client, "/visits/?year_min=1900") == ["Newer", "Older"]
    assert titles(client, "/visits/?year_max=2100") == ["Newer", "Older"]
    assert "<p>date unknown · from " in client.get("/visits/").content.decode()


def test_year_uses_opened_else_announced(client):
    LiaisonOfficeFactory(
        name="Announced 2016, opened 2019",
        announced_date=date(2016, 1, 1),
        opened_date=date(2019, 3, 1),
    )
    LiaisonOfficeFactory(
        name="Announced 2017",
        opened_date=None,
        announced_date=date(2017, 1, 1),
        announced_precision=Precision.YEAR,
        operating_status=OperatingStatus.ANNOUNCED,
    )
    assert titles(client, "/offices/?year_max=2017") == ["Announced 2017"]
    assert titles(client, "/offices/?year_min=2019") == ["Announced 2016, opened 2019"]


def test_pagination_keeps_the_filters(client):
    sponsor = MunicipalityFactory(slug="nanjing", name="Nanjing")
    LiaisonOfficeFactory.create_batch(30, sponsor=sponsor)
    LiaisonOfficeFactory.create_batch(3)
    first = client.get("/offices/?sponsor=nanjing&ordering=name")
    assert count_heading(first) == "30 liaison offices"
    assert len(result_titles(first)) == 25
    page = first.content.decode()
    assert 'href="?sponsor=nanjing&amp;ordering=name&amp;page=2"' in page
    second = client.get("/offices/?sponsor=nanjing&ordering=name&page=2")
    assert len(result_titles(second)) == 5
    assert 'href="?sponsor=nanjing&amp;ordering=name&amp;page=1"' in second.content.decode()


def test_unknown_parameters_are_ignored(client, sample_data):
    assert titles(client, "/offices/?utm_source=mail&sponsor=beijing") == [Z_PARK_OFFICE]


def test_filters_use_factories_for_people_and_parties(client):
    person = PersonFactory(slug="li-qiang")
    VisitParticipantFactory(person=person, visit=VisitFactory(title="With Li"))
    VisitFactory(title="Led by Li", leader=person)
    VisitFactory(title="Without Li")
    assert sorted(titles(client, "/visits/?person=li-qiang")) == ["Led by Li", "With Li"]
    body = OrganizationFactory(slug="tel-aviv-university")
    AgreementFactory(title="With TAU", parties=[body, IsraeliMunicipalityFactory()])
    AgreementFactory(title="Without TAU")
    assert titles(client, "/agreements/?party=tel-aviv-university") == ["With TAU"]


def test_sector_filter_with_factories(client):
    ai = SectorFactory(slug="ai")
    office = LiaisonOfficeFactory(name="AI office")
    office.sectors.add(ai)
    LiaisonOfficeFactory(name="Other office")
    assert titles(client, "/offices/?sector=ai") == ["AI office"]


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW])
def test_lists_and_counts_hide_unpublished_records(client, status):
    LiaisonOfficeFactory(name="Public office")
    LiaisonOfficeFactory(name="Hidden office", status=status)
    VisitFactory(title="Hidden visit", status=status)
    AgreementFactory(title="Hidden agreement", status=status)
    assert titles(client, "/offices/") == ["Public office"]
    assert titles(client, "/visits/") == []
    assert titles(client, "/agreements/") == []
    assert titles(client, "/offices/?q=Hidden") == []
    home = client.get("/").content.decode()
    assert "Hidden" not in home
    assert "<strong>1</strong> liaison office" in home
    assert "<strong>0</strong> visits" in home


@pytest.mark.parametrize(
    ("written", "meant"), [("year,", "year"), (",year", "year"), (",", ""), ("-year,,", "-year")]
)
@pytest.mark.parametrize("path", ["/offices/", "/visits/", "/agreements/"])
def test_an_ordering_with_an_empty_item_skips_it(client, sample_data, path, written, meant):
    assert titles(client, f"{path}?ordering={written}") == titles(
        client, f"{path}?ordering={meant}"
    )
    csv_file = client.get(f"{path}export.csv?ordering={written}")
    assert csv_file.status_code == 200
    assert b"".join(csv_file.streaming_content) == b"".join(
        client.get(f"{path}export.csv?ordering={meant}").streaming_content
    )
