"""The API's record types: for each, its path, its published rows with what the response
reads fetched up front (a fixed number of queries per page, whatever its size), the
public list's FilterSet when it has one, and its fields (fields.py)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from cooperation.api.fields import (
    IDENTITY,
    PAGE,
    SOURCE_FIELDS,
    UPDATED,
    Field,
    attribute,
    choice,
    evidence,
    named,
    nullable,
    optional,
    partial_date,
    reference,
    references,
    rows,
)
from cooperation.models import (
    AgreementKind,
    AgreementState,
    Country,
    EventKind,
    EventParticipant,
    MunicipalityLevel,
    OfficeStaff,
    OperatingStatus,
    Organization,
    Person,
    Sector,
    Side,
    Source,
    VisitParticipant,
)
from cooperation.models.agreements import signatories_and_statuses
from cooperation.models.places import OrganizationKind
from cooperation.public import queries
from cooperation.public.views.lists import AGREEMENTS, EVENTS, MUNICIPALITIES, OFFICES, VISITS


@dataclass(frozen=True, kw_only=True)
class Resource:
    path: str  # offices, visits, ...
    noun: str  # for the document: "liaison office"
    rows: Callable[[], QuerySet]  # published, with what `fields` read
    fields: list[Field]
    filterset_class: type | None = None

    def represent(self, obj, links) -> dict:
        return {field.name: field.read(obj, links) for field in self.fields}


def cited(queryset: QuerySet) -> QuerySet:
    """A record's sectors, sources and citations, a query each for the whole page."""
    citations = queryset.model.citations.rel.related_model.objects.order_by("pk")
    return queryset.prefetch_related(
        Prefetch("sectors", Sector.objects.order_by("pk"), to_attr="listed_sectors"),
        Prefetch("sources", Source.objects.order_by("pk"), to_attr="listed_sources"),
        Prefetch("citations", citations, to_attr="listed_citations"),
    )


PERSON_ROW = {
    "type": "object",
    "properties": {
        "person": {"$ref": "#/components/schemas/Named"},
        "role": {"type": "string"},
        "side": nullable({"type": "string", "enum": list(Side.values)}),
        "organization": nullable({"$ref": "#/components/schemas/Named"}),
    },
    "required": ["person", "role", "side", "organization"],
}


def person_row(row, links) -> dict:
    """A participant or a member of staff: who, as what, for which side and body."""
    return {
        "person": named(row.person, links),
        "role": row.role,
        "side": getattr(row, "side", "") or None,
        "organization": named(getattr(row, "organization", None), links),
    }


def people_rows(name: str) -> Field:
    """Staff or participants, prefetched into `listed_people`."""
    return rows(name, PERSON_ROW, person_row, lambda obj: obj.listed_people)


PARTY_ROW = {
    "type": "object",
    "properties": {
        "party": nullable({"$ref": "#/components/schemas/Named"}),
        "name_as_written": {"type": "string"},
    },
    "required": ["party", "name_as_written"],
}


def party_row(row, links) -> dict:
    return {"party": named(row.party, links), "name_as_written": row.name_as_written}


def record_fields(*own: Field) -> list[Field]:
    return [*IDENTITY, PAGE, *own, attribute("description"), *evidence(), UPDATED]


def offices() -> QuerySet:
    staff = OfficeStaff.objects.select_related("person").order_by("pk")
    return cited(queries.offices()).prefetch_related(
        Prefetch("staff_roles", staff, to_attr="listed_people")
    )


def visits() -> QuerySet:
    participants = VisitParticipant.objects.select_related("person", "organization")
    return cited(queries.visits()).prefetch_related(
        Prefetch("participations", participants.order_by("pk"), to_attr="listed_people")
    )


SIGNATORY_ROW = {
    "type": "object",
    "properties": {
        "person": {"$ref": "#/components/schemas/Named"},
        "role": {"type": "string"},
        "signed_for": nullable({"$ref": "#/components/schemas/Named"}),
    },
    "required": ["person", "role", "signed_for"],
}


def signatory_row(row, links) -> dict:
    return {
        "person": named(row.person, links),
        "role": row.role,
        "signed_for": named(row.municipality or row.organization, links),
    }


STATUS_ROW = {
    "type": "object",
    "description": "The agreement's status as of a date, with the source that says so.",
    "properties": {
        "state": {"type": "string", "enum": list(AgreementState.values)},
        "as_of": nullable({"$ref": "#/components/schemas/PartialDate"}),
        "source": {"type": ["integer", "null"]},
    },
    "required": ["state", "as_of", "source"],
}
AS_OF = partial_date("as_of")


def status_row(row, links) -> dict:
    return {"state": row.state, "as_of": AS_OF.read(row, links), "source": row.source_id}


def agreements() -> QuerySet:
    return cited(queries.agreements()).prefetch_related(*signatories_and_statuses())


def events() -> QuerySet:
    participants = EventParticipant.objects.select_related("person", "organization")
    return cited(queries.events()).prefetch_related(
        Prefetch("participations", participants.order_by("pk"), to_attr="listed_people")
    )


RESOURCES = [
    Resource(
        path="offices",
        noun="liaison office",
        rows=offices,
        filterset_class=OFFICES.filterset_class,
        fields=record_fields(
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            reference("sponsor"),
            reference("sponsor_organization"),
            reference("host"),
            choice("operating_status", OperatingStatus),
            partial_date("announced"),
            partial_date("opened"),
            partial_date("closed"),
            attribute("address"),
            optional("website", {"type": "string", "format": "uri"}),
            people_rows("staff"),
        ),
    ),
    Resource(
        path="visits",
        noun="visit",
        rows=visits,
        filterset_class=VISITS.filterset_class,
        fields=record_fields(
            attribute("title"),
            references("origins", lambda visit: visit.origins),
            references("destinations", lambda visit: visit.destinations),
            reference("leader"),
            people_rows("participants"),
            partial_date("start"),
            partial_date("end"),
            attribute("purpose"),
        ),
    ),
    Resource(
        path="events",
        noun="event",
        rows=events,
        filterset_class=EVENTS.filterset_class,
        fields=record_fields(
            attribute("title"),
            choice("kind", EventKind),
            reference("place"),
            references("organizers", lambda event: event.organizer_list),
            people_rows("participants"),
            partial_date("start"),
            partial_date("end"),
        ),
    ),
    Resource(
        path="agreements",
        noun="agreement",
        rows=agreements,
        filterset_class=AGREEMENTS.filterset_class,
        fields=record_fields(
            attribute("title"),
            choice("kind", AgreementKind),
            rows("parties", PARTY_ROW, party_row, lambda agreement: agreement.parties.all()),
            rows("signatories", SIGNATORY_ROW, signatory_row, lambda a: a.signatories.all()),
            partial_date("signed"),
            partial_date("ended"),
            rows("status_history", STATUS_ROW, status_row, lambda a: a.statuses.all()),
            optional("visit", {"type": "integer"}, path="visit_id"),
            optional("event", {"type": "integer"}, path="event_id"),
        ),
    ),
    Resource(
        path="municipalities",
        noun="municipality",
        rows=MUNICIPALITIES.queryset,
        filterset_class=MUNICIPALITIES.filterset_class,
        fields=[
            *IDENTITY,
            PAGE,
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            choice("country", Country),
            choice("level", MunicipalityLevel),
            reference("parent"),
            optional("population", {"type": "integer"}),
            optional("population_year", {"type": "integer"}),
            optional("latitude", {"type": "number"}),
            optional("longitude", {"type": "number"}),
            optional("wikidata_id"),
            attribute("description"),
            UPDATED,
        ],
    ),
    Resource(
        path="organizations",
        noun="organization",
        rows=lambda: Organization.objects.published().select_related("municipality"),
        fields=[
            *IDENTITY,
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            choice("kind", OrganizationKind),
            optional("country"),
            reference("municipality"),
            optional("website", {"type": "string", "format": "uri"}),
            attribute("description"),
            UPDATED,
        ],
    ),
    Resource(
        path="people",
        noun="person",
        rows=lambda: Person.objects.published(),
        fields=[
            *IDENTITY,
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            UPDATED,
        ],
    ),
    Resource(
        path="sources",
        noun="source",
        rows=lambda: Source.objects.published(),
        fields=[*SOURCE_FIELDS, UPDATED],
    ),
    Resource(
        path="sectors",
        noun="sector",
        rows=lambda: Sector.objects.published(),
        fields=[*IDENTITY, attribute("name"), UPDATED],
    ),
]
