"""Named query budgets: a list page runs a fixed number of queries whatever its size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import MunicipalityLevel
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    EventParticipantFactory,
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
    add_signatories_and_statuses,
    cite,
)

pytestmark = pytest.mark.django_db

LIST_BUDGET = 7  # including the count and the ids of the page (cooperation/public/paginator.py)
DETAIL_BUDGET = 12  # the ceiling for a detail page; a profile with its other names takes 12


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def make_offices(n):
    sector = SectorFactory()
    for _ in range(n):
        LiaisonOfficeFactory().sectors.add(sector)


def make_visits(n):
    for _ in range(n):
        visit = VisitFactory(leader=PersonFactory())
        add_places(visit, "destination", IsraeliMunicipalityFactory())
        VisitParticipantFactory(visit=visit)


def make_agreements(n):
    for _ in range(n):
        AgreementFactory(parties=[MunicipalityFactory(), OrganizationFactory()])


def make_events(n):
    for _ in range(n):
        EventFactory(organizers=[MunicipalityFactory(), OrganizationFactory()])


def make_municipalities(n):
    """Municipalities the public may see: each is the origin of a published visit."""
    parent = MunicipalityFactory()
    for _ in range(n):
        VisitFactory(origin=MunicipalityFactory(parent=parent))


LISTS = [
    ("/offices/?q=Office&year_min=2000", make_offices),
    ("/visits/?q=Visit&year_max=2100", make_visits),
    ("/agreements/?q=Agreement", make_agreements),
    ("/events/?q=Forum&year_min=2000", make_events),
    ("/municipalities/?q=Municipality", make_municipalities),
]


@pytest.mark.parametrize(("url", "make"), LISTS)
def test_list_queries_do_not_grow_with_the_page(client, url, make):
    make(1)
    one = queries(client, url)
    make(24)
    full_page = queries(client, url)
    assert one == full_page <= LIST_BUDGET


def cite_every_fact(record) -> None:
    """Each fact cited, from the record's sources in turn: as many notes as facts."""
    sources = list(record.sources.all())
    for number, (fact, _) in enumerate(record.facts()):
        cite(record, fact, "three days of talks", source=sources[number % len(sources)])


def office_with(n):
    office = LiaisonOfficeFactory(sources=SourceFactory.create_batch(n))
    for _ in range(n):
        office.staff_roles.create(person=PersonFactory(), role="Staff")
        office.sectors.add(SectorFactory())
        visit = VisitFactory(origin=office.sponsor)
        add_places(visit, "destination", office.host)
        AgreementFactory(parties=[office.sponsor, office.host])
    cite_every_fact(office)
    return office.get_absolute_url()


def visit_with(n):
    visit = VisitFactory(sources=SourceFactory.create_batch(n))
    for _ in range(n):
        VisitParticipantFactory(visit=visit, organization=OrganizationFactory())
        add_places(visit, "destination", IsraeliMunicipalityFactory())
        AgreementFactory(visit=visit)
    cite_every_fact(visit)
    return visit.get_absolute_url()


def agreement_with(n):
    parties = [MunicipalityFactory() for _ in range(n)] + [OrganizationFactory()]
    agreement = AgreementFactory(parties=parties, sources=SourceFactory.create_batch(n))
    agreement.sectors.add(*SectorFactory.create_batch(n))
    add_signatories_and_statuses(agreement, n)
    cite_every_fact(agreement)
    return agreement.get_absolute_url()


def event_with(n):
    organizers = [MunicipalityFactory() for _ in range(n)] + [OrganizationFactory()]
    event = EventFactory(organizers=organizers, sources=SourceFactory.create_batch(n))
    for _ in range(n):
        EventParticipantFactory(event=event, organization=OrganizationFactory())
        AgreementFactory(event=event)
    cite_every_fact(event)
    return event.get_absolute_url()


def municipality_with(n):
    place = MunicipalityFactory()
    for _ in range(n):
        MunicipalityFactory(parent=place)
        OrganizationFactory(municipality=place)
        LiaisonOfficeFactory(sponsor=place)
        add_places(VisitFactory(origin=place), "destination", IsraeliMunicipalityFactory())
        add_places(VisitFactory(), "destination", place)
        AgreementFactory(parties=[place, IsraeliMunicipalityFactory()])
    return place.get_absolute_url()


def region_with(n):
    """A province of n cities, each with a district; each of them with an office, a visit
    out, a visit in and an agreement, all on the province's profile."""
    province = MunicipalityFactory(level=MunicipalityLevel.PROVINCE)
    LiaisonOfficeFactory(sponsor=province)
    for _ in range(n):
        city = MunicipalityFactory(parent=province)
        for place in (city, MunicipalityFactory(parent=city, level=MunicipalityLevel.DISTRICT)):
            LiaisonOfficeFactory(sponsor=place)
            add_places(VisitFactory(origin=place), "destination", IsraeliMunicipalityFactory())
            add_places(VisitFactory(), "destination", place, IsraeliMunicipalityFactory())
            AgreementFactory(parties=[place, IsraeliMunicipalityFactory()])
    return province.get_absolute_url()


@pytest.mark.parametrize(
    "make", [office_with, visit_with, event_with, agreement_with, municipality_with, region_with]
)
def test_detail_queries_do_not_grow_with_related_records(client, make):
    one = queries(client, make(1))
    many = queries(client, make(25))
    assert one == many <= DETAIL_BUDGET
