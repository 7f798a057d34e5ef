"""schema.org JSON-LD: an Event on visits and events with dates to their precision, a Place
on profiles, breadcrumbs on every detail page; a record's text cannot break out of the
script, and what is not public never shows in it."""

from datetime import date
from decimal import Decimal

import pytest

from cooperation.models import PlaceRole
from cooperation.partial_dates import Precision, Qualifier
from tests.public.metadata_pages import SECRET, json_ld, of_type, pending_change
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

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def documents_of(client, record) -> list[dict]:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    documents = json_ld(response)
    assert all(document["@context"] == "https://schema.org" for document in documents)
    return documents


def test_a_visit_is_an_event_with_its_days_destinations_and_hosts(client):
    haifa = IsraeliMunicipalityFactory(name="Haifa")
    host = OrganizationFactory(name="Haifa Port Company")
    visit = VisitFactory(
        title="Shanghai delegation to Haifa",
        start_date=date(2018, 6, 5),
        end_date=date(2018, 6, 7),
        destinations=[haifa],
    )
    add_places(visit, PlaceRole.HOST, host)
    add_places(visit, PlaceRole.INVITER, IsraeliMunicipalityFactory(name="Tel Aviv"))
    event = of_type(documents_of(client, visit), "Event")
    assert event["name"] == "Shanghai delegation to Haifa"
    assert event["url"] == f"{HOST}{visit.get_absolute_url()}"
    assert (event["startDate"], event["endDate"]) == ("2018-06-05", "2018-06-07")
    assert event["location"] == [
        {"@type": "Place", "name": "Haifa", "url": f"{HOST}{haifa.get_absolute_url()}"}
    ]
    assert event["organizer"] == [{"@type": "Organization", "name": "Haifa Port Company"}]


def test_a_visit_without_hosts_is_organized_by_those_who_invited_it(client):
    inviter = IsraeliMunicipalityFactory(name="Tel Aviv")
    visit = VisitFactory()
    add_places(visit, PlaceRole.INVITER, inviter)
    event = of_type(documents_of(client, visit), "Event")
    assert event["organizer"] == [
        {
            "@type": "GovernmentOrganization",
            "name": "Tel Aviv",
            "url": f"{HOST}{inviter.get_absolute_url()}",
        }
    ]


@pytest.mark.parametrize(
    ("precision", "qualifier", "written"),
    [
        (Precision.DAY, Qualifier.EXACT, "2018-06-05"),
        (Precision.MONTH, Qualifier.EXACT, "2018-06"),
        (Precision.YEAR, Qualifier.EXACT, "2018"),
        (Precision.MONTH, Qualifier.INFERRED, "2018-06"),
    ],
)
def test_dates_keep_their_precision(client, precision, qualifier, written):
    visit = VisitFactory(
        start_date=date(2018, 6, 5), start_precision=precision, start_qualifier=qualifier
    )
    visit.full_clean()  # stores the first day of the period, as the admin does
    visit.save()
    event = of_type(documents_of(client, visit), "Event")
    assert event["startDate"] == written
    assert "endDate" not in event


@pytest.mark.parametrize("qualifier", [Qualifier.APPROXIMATE, Qualifier.NO_LATER_THAN])
def test_a_rough_date_or_a_bound_is_left_out(client, qualifier):
    visit = VisitFactory(start_date=date(1998, 1, 1), start_precision=Precision.YEAR)
    visit.start_qualifier = qualifier
    visit.save()
    assert "startDate" not in of_type(documents_of(client, visit), "Event")


def test_an_undated_visit_has_no_dates(client):
    visit = VisitFactory(start_date=None)
    event = of_type(documents_of(client, visit), "Event")
    assert "startDate" not in event and "endDate" not in event


def test_an_event_is_an_event_held_in_its_place_by_its_organizers(client):
    kunming = MunicipalityFactory(name="Kunming")
    body = OrganizationFactory(name="Yunnan Science Department")
    forum = EventFactory(
        title="6th China (Yunnan)-Israel Innovation Cooperation Forum",
        place=kunming,
        start_date=date(2019, 6, 1),
        start_precision=Precision.MONTH,
        organizers=[body, kunming],
    )
    event = of_type(documents_of(client, forum), "Event")
    assert event["name"] == forum.title
    assert event["startDate"] == "2019-06"
    assert event["location"] == [
        {"@type": "Place", "name": "Kunming", "url": f"{HOST}{kunming.get_absolute_url()}"}
    ]
    assert [organizer["name"] for organizer in event["organizer"]] == [body.name, "Kunming"]
    assert event["organizer"][1]["@type"] == "GovernmentOrganization"


def test_a_profile_is_a_place_with_its_names_coordinates_and_region(client):
    guangdong = MunicipalityFactory(name="Guangdong", name_zh="广东")
    dongguan = MunicipalityFactory(
        name="Dongguan",
        name_zh="东莞",
        parent=guangdong,
        latitude=Decimal("23.020673"),
        longitude=Decimal("113.751799"),
        wikidata_id="Q15069",
    )
    LiaisonOfficeFactory(sponsor=dongguan)
    place = of_type(documents_of(client, dongguan), "Place")
    assert place["name"] == "Dongguan"
    assert place["alternateName"] == [{"@value": "东莞", "@language": "zh"}]
    assert place["url"] == f"{HOST}{dongguan.get_absolute_url()}"
    assert place["address"] == {"@type": "PostalAddress", "addressCountry": "CN"}
    assert place["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 23.020673,
        "longitude": 113.751799,
    }
    assert place["containedInPlace"] == {
        "@type": "Place",
        "name": "Guangdong",
        "url": f"{HOST}{guangdong.get_absolute_url()}",
    }
    assert place["sameAs"] == "https://www.wikidata.org/wiki/Q15069"


def test_a_profile_without_coordinates_or_region_says_neither(client):
    haifa = IsraeliMunicipalityFactory(name="Haifa", name_he="חיפה")
    VisitFactory(destinations=[haifa])
    place = of_type(documents_of(client, haifa), "Place")
    assert place["alternateName"] == [{"@value": "חיפה", "@language": "he"}]
    assert place["address"]["addressCountry"] == "IL"
    assert "geo" not in place and "containedInPlace" not in place and "sameAs" not in place


@pytest.mark.parametrize(
    ("make", "list_name", "list_url"),
    [
        (LiaisonOfficeFactory, "Liaison offices", "/offices/"),
        (VisitFactory, "Visits", "/visits/"),
        (EventFactory, "Events", "/events/"),
        (AgreementFactory, "Agreements", "/agreements/"),
        (lambda: VisitFactory().origins[0], "Municipalities", "/municipalities/"),
    ],
)
def test_every_detail_page_has_its_breadcrumbs(client, make, list_name, list_url):
    record = make()
    trail = of_type(documents_of(client, record), "BreadcrumbList")["itemListElement"]
    assert trail == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{HOST}/"},
        {"@type": "ListItem", "position": 2, "name": list_name, "item": f"{HOST}{list_url}"},
        {
            "@type": "ListItem",
            "position": 3,
            "name": str(record),
            "item": f"{HOST}{record.get_absolute_url()}",
        },
    ]


def test_offices_and_agreements_have_breadcrumbs_only(client):
    for record in (LiaisonOfficeFactory(), AgreementFactory()):
        assert [document["@type"] for document in documents_of(client, record)] == [
            "BreadcrumbList"
        ]


HOSTILE = 'Visit </script><script>alert("x")</script> <!-- & </SCRIPT >'


def test_a_hostile_title_stays_inside_its_script(client):
    visit = VisitFactory(title=HOSTILE)
    response = client.get(visit.get_absolute_url())
    page = response.content.decode()
    head = page.split("</head>", 1)[0]
    assert "<script>" not in head and "</SCRIPT" not in head and "<!--" not in head
    assert of_type(json_ld(response), "Event")["name"] == HOSTILE
    assert of_type(json_ld(response), "BreadcrumbList")["itemListElement"][2]["name"] == HOSTILE


def test_the_policy_stays_strict_on_a_page_with_json_ld(client):
    """JSON-LD is data, not a script the browser runs: the page needs no inline script
    allowance (and gets none, so the scripts' text could not run even if it broke out)."""
    response = client.get(VisitFactory().get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "nonce-" not in policy
    assert json_ld(response)


def test_a_change_waiting_for_review_is_not_in_the_json_ld(client):
    visit = VisitFactory(title="Published title")
    pending_change(visit, title=f"{SECRET} title")
    response = client.get(visit.get_absolute_url())
    assert of_type(json_ld(response), "Event")["name"] == "Published title"
    assert SECRET not in response.content.decode()
