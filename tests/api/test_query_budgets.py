"""An API page costs the same number of queries for 1 record as for many: what a record's
representation reads is fetched for the whole page (resources.py). Offices are checked at
the largest page, 500; the other types, whose rows cost more to make, at 40."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.api.resources import RESOURCES
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    EventParticipantFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_signatories_and_statuses,
    cite,
)

pytestmark = pytest.mark.django_db


def offices(n):
    for office in LiaisonOfficeFactory.create_batch(n):
        office.sectors.add(SectorFactory())
        office.staff_roles.create(person=PersonFactory(), role="Director")
        cite(office, "sponsor", "A delegation from Chengdu")


def visits(n):
    for visit in VisitFactory.create_batch(n, destinations=[MunicipalityFactory()]):
        VisitParticipantFactory(visit=visit, organization=OrganizationFactory())


def events(n):
    for event in EventFactory.create_batch(n, organizers=[MunicipalityFactory()]):
        EventParticipantFactory(event=event)


def agreements(n):
    for agreement in AgreementFactory.create_batch(n):
        add_signatories_and_statuses(agreement, 2)


def municipalities(n):
    for place in MunicipalityFactory.create_batch(n, parent=MunicipalityFactory()):
        LiaisonOfficeFactory(sponsor=place)


def organizations(n):
    for body in OrganizationFactory.create_batch(n, municipality=MunicipalityFactory()):
        VisitParticipantFactory(organization=body)


def people(n):
    VisitParticipantFactory.create_batch(n)


def sources(n):
    LiaisonOfficeFactory(sources=SourceFactory.create_batch(n))


def sectors(n):
    LiaisonOfficeFactory().sectors.add(*SectorFactory.create_batch(n))


MAKE = {
    "offices": offices,
    "visits": visits,
    "events": events,
    "agreements": agreements,
    "municipalities": municipalities,
    "organizations": organizations,
    "people": people,
    "sources": sources,
    "sectors": sectors,
}


def queries_of_a_page(client, path) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/{path}/", {"page_size": 500})
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("path", [resource.path for resource in RESOURCES])
def test_a_full_page_costs_what_a_page_of_1_does(client, path):
    size = 500 if path == "offices" else 40
    MAKE[path](1)
    one, rows = queries_of_a_page(client, path)
    assert rows >= 1
    MAKE[path](size - 1)
    many, rows = queries_of_a_page(client, path)
    assert rows >= size
    assert many == one
