"""Named query budgets: a changelist or change form costs no more queries for 50 rows than
its budget, which 1 row also stays within (no query per row, per inline row, per choice)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import FailedLogin
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
    add_places,
    add_signatories_and_statuses,
    cite,
)

pytestmark = pytest.mark.django_db


def municipalities(n):
    MunicipalityFactory.create_batch(n, parent=MunicipalityFactory())


def organizations(n):
    OrganizationFactory.create_batch(n, municipality=MunicipalityFactory())


def offices(n):
    for office in LiaisonOfficeFactory.create_batch(n):
        office.sectors.add(SectorFactory())


def visits(n):
    leader = PersonFactory()
    for visit in VisitFactory.create_batch(n, leader=leader):
        VisitParticipantFactory(visit=visit)
        visit.sectors.add(SectorFactory())


def participants(n):
    VisitParticipantFactory.create_batch(n, organization=OrganizationFactory())


def cited_from_each_source(record):
    """The record's main date cited from each of its sources: n citation rows."""
    fact = (
        "opened" if hasattr(record, "opened") else "dates" if hasattr(record, "dates") else "kind"
    )
    for source in record.sources.all():
        cite(record, fact, "three days of talks", source=source)
    return record


def office_with_staff(n):
    office = LiaisonOfficeFactory(
        sources=SourceFactory.create_batch(n), aliases=[f"Office alias {i}" for i in range(n)]
    )
    office.sectors.set(SectorFactory.create_batch(n))
    for person in PersonFactory.create_batch(n):
        office.staff_roles.create(person=person, role="Director")
    return cited_from_each_source(office)


def visit_with_participants(n):
    visit = VisitFactory(sources=SourceFactory.create_batch(n), leader=PersonFactory())
    add_places(visit, "destination", *MunicipalityFactory.create_batch(n))
    visit.sectors.set(SectorFactory.create_batch(n))
    VisitParticipantFactory.create_batch(n, visit=visit, organization=OrganizationFactory())
    return cited_from_each_source(visit)


def event_with_participants(n):
    event = EventFactory(
        sources=SourceFactory.create_batch(n), organizers=OrganizationFactory.create_batch(n)
    )
    EventParticipantFactory.create_batch(n, event=event, organization=OrganizationFactory())
    return cited_from_each_source(event)


def events(n):
    for event in EventFactory.create_batch(n, organizers=[OrganizationFactory()]):
        event.sectors.add(SectorFactory())


def municipality_with_aliases(n):
    return MunicipalityFactory(
        parent=MunicipalityFactory(), aliases=[f"Other name {i}" for i in range(n)]
    )


def agreement_with_parties(n):
    agreement = AgreementFactory(
        sources=SourceFactory.create_batch(n),
        parties=MunicipalityFactory.create_batch(n),
        visit=VisitFactory(),
    )
    add_signatories_and_statuses(agreement, n)
    return cited_from_each_source(agreement)


def failed_logins(n):
    FailedLogin.objects.bulk_create(
        FailedLogin(username=f"user{i}", address="192.0.2.1") for i in range(n)
    )


# Measured with the filters' counts shown (`?_facets=True`, the "Show counts" link: off by
# default, see test_a_changelist_counts_its_facets_only_when_asked).
# The "name missing in" filter's facets are one query on the changelists of named things;
# a source's publisher kind and country one each, and a record's evidence grade and data
# quality one each (with the sector and place choices Django reads again for each facet:
# three); "likely duplicates" reads the names once more. A record's year filter reads its
# range of years in one query, again for each facet (Django builds every filter anew for
# each), where the date hierarchy it replaced read the whole table twice.
CHANGELISTS = {
    "municipality": (municipalities, 9),
    "organization": (organizations, 10),
    "person": (PersonFactory.create_batch, 8),
    "sector": (SectorFactory.create_batch, 6),
    "source": (SourceFactory.create_batch, 12),
    "liaisonoffice": (offices, 35),
    "visit": (visits, 22),
    "agreement": (AgreementFactory.create_batch, 22),
    "visitparticipant": (participants, 7),
    "officestaff": (lambda n: office_with_staff(n), 7),
    "agreementparty": (AgreementFactory.create_batch, 7),
    "failedlogin": (failed_logins, 8),
    "event": (events, 24),
}
# Each change form lists the proposed changes waiting for review: one query; other names
# are one more. The evidence rows are one, and the record's facts to cite one query and one
# for each relation of rows they name (staff; places and participants; parties, signatories
# and statuses); an agreement's signatories and statuses one each.
CHANGE_FORMS = {
    "municipality": (municipality_with_aliases, 6),
    "liaisonoffice": (office_with_staff, 14),
    "visit": (visit_with_participants, 15),
    "agreement": (agreement_with_parties, 16),
    "event": (event_with_participants, 15),
}


def measured_get(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # a session's first request records when it started
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize("model_name", CHANGELISTS)
def test_changelist_query_budget(admin_client, django_assert_max_num_queries, model_name, rows):
    make, budget = CHANGELISTS[model_name]
    make(rows)
    url = reverse(f"admin:cooperation_{model_name}_changelist") + "?_facets=True"
    response = measured_get(admin_client, url, budget, django_assert_max_num_queries)
    assert len(response.context["cl"].result_list) >= rows


def changelist_queries(client, url) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_changelist_counts_its_facets_only_when_asked(admin_client):
    offices(3)
    url = reverse("admin:cooperation_liaisonoffice_changelist")
    plain, page = changelist_queries(admin_client, url)
    counted, counted_page = changelist_queries(admin_client, url + "?_facets=True")
    assert plain < counted
    assert "Show counts" in page and "Hide counts" in counted_page
    _, searched = changelist_queries(admin_client, url + "?q=Office")
    assert "Show all" in searched and " total<" not in searched, "no full count of the table"


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize("model_name", CHANGE_FORMS)
def test_change_form_query_budget(admin_client, django_assert_max_num_queries, model_name, rows):
    make, budget = CHANGE_FORMS[model_name]
    record = make(rows)
    url = reverse(f"admin:cooperation_{model_name}_change", args=[record.pk])
    response = measured_get(admin_client, url, budget, django_assert_max_num_queries)
    inline_rows = [
        len(inline.formset.forms) for inline in response.context["inline_admin_formsets"]
    ]
    assert max(inline_rows) >= rows
