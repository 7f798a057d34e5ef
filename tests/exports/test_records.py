"""What each record type's CSV holds: columns in a fixed order, readable values."""

import csv
from datetime import date

import pytest
from django.apps import apps

from cooperation.devdata.sample_data import CHINA_KNOWLEDGE, ECNS, XEBERSAATI
from cooperation.models import Municipality, Organization, Person
from cooperation.partial_dates import Precision, Qualifier
from tests.support.export_csv import csv_body, csv_records, csv_table
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
)

pytestmark = pytest.mark.django_db

NAMED = ["id", "Name", "Chinese name", "Hebrew name", "Other names"]
RECORD = [
    "Sectors",
    "Description",
    "Sources",
    "Source URLs",
    "Evidence grade",
    "Evidence",
    "Publication status",
]


def partial_date(label):
    return [label, f"{label} date", f"{label} precision", f"{label} qualifier"]


HEADERS = {
    "liaisonoffice": [
        *NAMED,
        "Sponsor",
        "Sponsor organization",
        "Host",
        "Operating status",
        *partial_date("Announced"),
        *partial_date("Opened"),
        *partial_date("Closed"),
        "Staff",
        "Address",
        "Website",
        *RECORD,
        "Public URL",
    ],
    "visit": [
        "id",
        "Title",
        "Origins",
        "Destinations",
        "Hosts",
        "Invited by",
        "Dates",
        "Start date",
        "Start precision",
        "Start qualifier",
        "End date",
        "End precision",
        "End qualifier",
        "Leader",
        "Participants",
        "Purpose",
        *RECORD,
        "Public URL",
    ],
    "agreement": [
        "id",
        "Title",
        "Kind",
        "Parties",
        *partial_date("Signed"),
        *partial_date("Ended"),
        "Signed during visit",
        "Signed at event",
        "Signatories",
        "Status history",
        *RECORD,
        "Public URL",
    ],
    "municipality": [
        *NAMED,
        "Country",
        "Level",
        "Part of",
        "Population",
        "Population year",
        "Latitude",
        "Longitude",
        "Wikidata id",
        "Description",
        "Public URL",
    ],
    "organization": [*NAMED, "Kind", "Country", "Municipality", "Website", "Description"],
    "person": [*NAMED, "Notes"],
    "source": [
        "id",
        "Title",
        "URL",
        "Publisher",
        *partial_date("Published"),
        "Language",
        "Publisher kind",
        "Publisher country",
        "Excerpt",
        "Notes",
    ],
}


def export(admin_client, model_name: str, query: str = ""):
    return admin_client.get(f"/admin/cooperation/{model_name}/export.csv{query}")


def row_where(records, column, value):
    (row,) = [record for record in records if record[column] == value]
    return row


def test_header_row_in_fixed_order_and_one_row_per_record(admin_client, sample_data):
    for model_name, header in HEADERS.items():
        table = csv_table(export(admin_client, model_name))
        assert table[0] == header, model_name
        model = apps.get_model("cooperation", model_name)
        assert len(table) - 1 == model.objects.count(), model_name
        assert {len(row) for row in table} == {len(header)}, model_name


def test_office_and_visit_values(admin_client, sample_data):
    records = csv_records(export(admin_client, "liaisonoffice"))
    dongguan = row_where(records, "Sponsor", "Dongguan")
    assert dongguan["Name"] == "Dongguan Economic and Trade Office in Israel"
    assert dongguan["Host"] == "Tel Aviv-Yafo"
    assert dongguan["Operating status"] == "Open"
    assert dongguan["Opened"] == "January [2018]"
    assert dongguan["Opened date"] == "2018-01-01"
    assert dongguan["Opened precision"] == "month"
    assert dongguan["Opened qualifier"] == "inferred"
    assert dongguan["Announced"] == dongguan["Announced date"] == ""
    assert dongguan["Announced precision"] == dongguan["Announced qualifier"] == ""
    assert dongguan["Staff"] == "Eric (Qian) Wang (Deputy director)"
    assert dongguan["Sectors"] == (
        "Advanced manufacturing; Internet of things; Life sciences; Smart logistics; "
        "Trade and investment"
    )
    assert dongguan["Source URLs"] == CHINA_KNOWLEDGE
    assert dongguan["Publication status"] == "Published"
    assert dongguan["Public URL"] == (
        "http://testserver/offices/dongguan-economic-and-trade-office-in-israel/"
    )
    z_park = row_where(records, "Sponsor", "Beijing")
    assert z_park["Sponsor organization"] == "Zhongguancun Science Park"
    assert z_park["Announced"] == "April [2018]"
    assert z_park["Source URLs"] == f"{ECNS}; {XEBERSAATI}"
    assert z_park["Sources"].split("; ", 1)[0] == (
        "China's \"Silicon Valley\" to open liaison office in Israel's Tel Aviv"
    )
    assert z_park["Other names"].startswith("Z-Park Tel Aviv liaison office; ")

    records = csv_records(export(admin_client, "visit"))
    shanghai = row_where(records, "Origins", "Shanghai")
    assert shanghai["Dates"] == "5-7 June [2018]"
    assert (shanghai["Start date"], shanghai["Start precision"]) == ("2018-06-05", "day")
    assert (shanghai["End date"], shanghai["End precision"]) == ("2018-06-07", "day")
    assert shanghai["Start qualifier"] == shanghai["End qualifier"] == "inferred"
    assert shanghai["Destinations"] == "Haifa; Tel Aviv-Yafo"
    assert shanghai["Leader"] == "Ying Yong"
    participants = shanghai["Participants"].split("; ")
    # Each with role, side and the body represented, when the article names one.
    assert participants[0] == "Ying Yong (Mayor of Shanghai, Chinese side)"
    assert "Yona Yahav (Mayor of Haifa, Israeli side)" in participants
    assert (shanghai["Hosts"], shanghai["Invited by"]) == ("", "")
    beijing = row_where(records, "Origins", "Beijing")
    assert beijing["Dates"] == "April [2018]"
    assert beijing["End date"] == beijing["End precision"] == beijing["End qualifier"] == ""


def test_agreement_municipality_organization_person_and_source_values(admin_client, sample_data):
    records = csv_records(export(admin_client, "agreement"))
    twinning = row_where(records, "Parties", "Beijing; Tel Aviv-Yafo")
    assert twinning["Kind"] == "Friendship city, twinning (formal tie)"
    assert twinning["Signed"] == "c. 1998"
    assert (twinning["Signed date"], twinning["Signed precision"]) == ("1998-01-01", "year")
    assert twinning["Signed qualifier"] == "approximate"
    assert twinning["Signed during visit"] == ""
    terminal = row_where(records, "Parties", "Shanghai International Port Group; Port of Haifa")
    assert terminal["Kind"] == "Commercial contract"
    assert terminal["Signed"] == "June [2018]"
    assert terminal["Signed during visit"] == "Shanghai mayor Ying Yong's delegation to Israel"
    assert (
        terminal["Public URL"] == "http://testserver/agreements/sipg-haifa-port-terminal-project/"
    )


def test_municipality_organization_person_and_source_values(admin_client, sample_data):
    dongguan = row_where(csv_records(export(admin_client, "municipality")), "Name", "Dongguan")
    assert dongguan["Part of"] == "Guangdong"
    assert (dongguan["Population"], dongguan["Population year"]) == ("8200000", "2018")
    assert (dongguan["Country"], dongguan["Level"]) == ("China", "Prefecture-level city")
    assert dongguan["Public URL"] == "http://testserver/municipalities/dongguan/"

    organizations = csv_records(export(admin_client, "organization"))
    z_park = row_where(organizations, "Name", "Zhongguancun Science Park")
    assert z_park["Other names"] == "Z-Park; Zhongguancun; China's Silicon Valley; 中关村"
    assert (z_park["Kind"], z_park["Municipality"]) == ("Science or industrial park", "Beijing")

    eric = row_where(csv_records(export(admin_client, "person")), "Name", "Eric (Qian) Wang")
    assert eric["Other names"] == "Eric Wang; Qian Wang; Wang Qian"
    assert eric["id"] == str(Person.objects.get(slug="eric-qian-wang").pk)

    source = row_where(csv_records(export(admin_client, "source")), "URL", CHINA_KNOWLEDGE)
    assert (source["Published"], source["Published date"]) == ("20 July 2018", "2018-07-20")
    assert (source["Published precision"], source["Language"]) == ("day", "English")
    assert source["Published qualifier"] == "exact"


def test_a_date_known_only_as_a_bound_and_a_visit_without_a_date(admin_client):
    AgreementFactory(
        signed_date=date(2015, 1, 1),
        signed_precision=Precision.YEAR,
        signed_qualifier=Qualifier.NO_LATER_THAN,
    )
    VisitFactory(start_date=None)
    [agreement] = csv_records(export(admin_client, "agreement"))
    assert (agreement["Signed"], agreement["Signed qualifier"]) == ("by 2015", "no_later_than")
    [visit] = csv_records(export(admin_client, "visit"))
    assert visit["Dates"] == "date unknown"
    assert visit["Start date"] == visit["Start precision"] == visit["Start qualifier"] == ""


def test_chinese_and_hebrew_round_trip_through_utf8_sig(admin_client, sample_data, tmp_path):
    path = tmp_path / "municipalities.csv"
    path.write_bytes(csv_body(export(admin_client, "municipality")))
    with path.open(encoding="utf-8-sig", newline="") as file:
        names = {
            row["Name"]: (row["Chinese name"], row["Hebrew name"]) for row in csv.DictReader(file)
        }
    assert names == {
        name: (name_zh, name_he)
        for name, name_zh, name_he in Municipality.objects.values_list("name", "name_zh", "name_he")
    }
    assert names["Beijing"] == ("北京", "בייג'ינג")
    assert names["Tel Aviv-Yafo"] == ("特拉维夫-雅法", "תל אביב-יפו")
    organizations = csv_records(export(admin_client, "organization"))
    port = row_where(organizations, "Name", "Shanghai International Port Group")
    assert port["Hebrew name"] == Organization.objects.get(name=port["Name"]).name_he


def test_rfc_4180_quoting_and_crlf_line_ends(admin_client):
    SourceFactory(title='The "Silicon Valley", in Tel Aviv', notes="Two lines:\nhere")
    body = csv_body(export(admin_client, "source")).decode("utf-8-sig")
    assert body.endswith("\r\n")
    assert '"The ""Silicon Valley"", in Tel Aviv"' in body
    assert ',"Two lines:\nhere"\r\n' in body
    assert body.count("\r\n") == 2


def test_a_visit_from_a_city_and_a_body_lists_both_and_its_participants_body(admin_client):
    ulai = OrganizationFactory(name="Union of Local Authorities in Israel")
    visit = VisitFactory(origin=IsraeliMunicipalityFactory(name="Ma'alot-Tarshiha"))
    add_places(visit, "origin", ulai)
    add_places(visit, "inviter", OrganizationFactory(name="CPAFFC"))
    VisitParticipantFactory(visit=visit, person=PersonFactory(name="A Mayor"), organization=ulai)
    [row] = csv_records(export(admin_client, "visit"))
    assert row["Origins"] == "Ma'alot-Tarshiha; Union of Local Authorities in Israel"
    assert (row["Invited by"], row["Hosts"]) == ("CPAFFC", "")
    assert (
        row["Participants"] == "A Mayor (Mayor, Chinese side, Union of Local Authorities in Israel)"
    )
