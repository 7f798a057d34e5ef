"""The API's record types: for each, its path, its published rows, the public list's
FilterSet when it has one, and its fields (fields.py), read for a whole page in a fixed
number of queries, whatever its size (rows.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import QuerySet

from cooperation.api.fields import (
    IDENTITY,
    PARTY_COLUMNS,
    REFERENCES,
    SOURCE_FIELDS,
    UPDATED,
    Field,
    Many,
    attribute,
    choice,
    evidence,
    many,
    name_columns,
    named,
    nullable,
    optional,
    page,
    partial_date,
    party,
    reference,
)
from cooperation.api.rows import attach_lists, lists_of, values
from cooperation.models import (
    Agreement,
    AgreementKind,
    AgreementState,
    Country,
    Event,
    EventKind,
    LiaisonOffice,
    Municipality,
    MunicipalityLevel,
    OperatingStatus,
    Organization,
    Person,
    PlaceRole,
    Sector,
    Side,
    Source,
    Visit,
)
from cooperation.models.places import OrganizationKind
from cooperation.public import queries, stored
from cooperation.public.views.lists import AGREEMENTS, EVENTS, MUNICIPALITIES, OFFICES, VISITS


@dataclass(frozen=True, kw_only=True)
class Resource:
    path: str  # offices, visits, ...
    noun: str  # for the document: "liaison office"
    rows: Callable[[], QuerySet]  # published
    fields: list[Field]
    filterset_class: type | None = None

    @cached_property
    def lists(self):
        return lists_of(self.fields)

    def values(self, queryset: QuerySet) -> QuerySet:
        """`queryset` (of `rows()`) as rows of what the fields read."""
        return values(queryset, self.fields)

    def represent(self, rows: list[dict], links) -> list[dict]:
        """Each row of `values()` as the API gives it, with its lists fetched for all."""
        attach_lists(self.rows().model, rows, self.lists)
        return [{field.name: field.read(row, links) for field in self.fields} for row in rows]


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
    """A participant or a member of staff: who, as what, for which side and body (staff
    have neither)."""
    return {
        "person": named(row, "person", links),
        "role": row["role"],
        "side": row.get("side") or None,
        "organization": named(row, "organization", links),
    }


STAFF = Many("staff_roles", ("role", *name_columns("person")))
PARTICIPANTS = Many(
    "participations",
    ("role", "side", *name_columns("person"), *name_columns("organization")),
)


def people(name: str, rows: Many) -> Field:
    return many(name, PERSON_ROW, person_row, rows)


PARTY_ROW = {
    "type": "object",
    "properties": {
        "party": nullable({"$ref": "#/components/schemas/Named"}),
        "name_as_written": {"type": "string"},
    },
    "required": ["party", "name_as_written"],
}


def party_row(row, links) -> dict:
    return {"party": party(row, links), "name_as_written": row["name_as_written"]}


def parties(name: str, rows: Many, keep: Callable[[dict], bool] = lambda row: True) -> Field:
    """The municipalities and organizations among `rows` (those `keep` keeps), in order."""
    return Field(
        name,
        REFERENCES,
        lambda row, links: [party(item, links) for item in row["many"][rows] if keep(item)],
        many=rows,
    )


PLACES = Many("places", ("role", *PARTY_COLUMNS))


def in_role(role: str) -> Callable[[dict], bool]:
    return lambda row: row["role"] == role


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
        "person": named(row, "person", links),
        "role": row["role"],
        "signed_for": party(row, links),
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
    return {"state": row["state"], "as_of": AS_OF.read(row, links), "source": row["source"]}


def dated_first(row) -> tuple:
    """An agreement's statuses in the order of their dates, undated ones last (its Meta)."""
    return (row["as_of_date"] is None, row["as_of_date"] or 0, row["pk"])


PARTIES = Many("parties", ("name_as_written", *PARTY_COLUMNS))
SIGNATORIES = Many("signatories", ("role", *name_columns("person"), *PARTY_COLUMNS))
STATUSES = Many("statuses", ("state", "source", *AS_OF.columns), sort=dated_first)
ORGANIZERS = Many("organizers", PARTY_COLUMNS)


def record_fields(model: type, *own: Field) -> list[Field]:
    return [*IDENTITY, page(model), *own, attribute("description"), *evidence(), UPDATED]


RESOURCES = [
    Resource(
        path="offices",
        noun="liaison office",
        rows=queries.offices,
        filterset_class=OFFICES.filterset_class,
        fields=record_fields(
            LiaisonOffice,
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            reference("sponsor", Municipality),
            reference("sponsor_organization"),
            reference("host", Municipality),
            choice("operating_status", OperatingStatus),
            partial_date("announced"),
            partial_date("opened"),
            partial_date("closed"),
            attribute("address"),
            optional("website", {"type": "string", "format": "uri"}),
            people("staff", STAFF),
        ),
    ),
    Resource(
        path="visits",
        noun="visit",
        rows=queries.visits,
        filterset_class=VISITS.filterset_class,
        fields=record_fields(
            Visit,
            attribute("title"),
            parties("origins", PLACES, in_role(PlaceRole.ORIGIN)),
            parties("destinations", PLACES, in_role(PlaceRole.DESTINATION)),
            reference("leader"),
            people("participants", PARTICIPANTS),
            partial_date("start"),
            partial_date("end"),
            attribute("purpose"),
        ),
    ),
    Resource(
        path="events",
        noun="event",
        rows=queries.events,
        filterset_class=EVENTS.filterset_class,
        fields=record_fields(
            Event,
            attribute("title"),
            choice("kind", EventKind),
            reference("place", Municipality),
            parties("organizers", ORGANIZERS),
            people("participants", PARTICIPANTS),
            partial_date("start"),
            partial_date("end"),
        ),
    ),
    Resource(
        path="agreements",
        noun="agreement",
        rows=queries.agreements,
        filterset_class=AGREEMENTS.filterset_class,
        fields=record_fields(
            Agreement,
            attribute("title"),
            choice("kind", AgreementKind),
            many("parties", PARTY_ROW, party_row, PARTIES),
            many("signatories", SIGNATORY_ROW, signatory_row, SIGNATORIES),
            partial_date("signed"),
            partial_date("ended"),
            many("status_history", STATUS_ROW, status_row, STATUSES),
            optional("visit", {"type": "integer"}),
            optional("event", {"type": "integer"}),
        ),
    ),
    Resource(
        path="municipalities",
        noun="municipality",
        rows=MUNICIPALITIES.queryset,
        filterset_class=MUNICIPALITIES.filterset_class,
        fields=[
            *IDENTITY,
            page(Municipality),
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            choice("country", Country),
            choice("level", MunicipalityLevel),
            reference("parent", Municipality),
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
        rows=lambda: Organization.objects.published(),
        fields=[
            *IDENTITY,
            attribute("name"),
            attribute("name_zh"),
            attribute("name_he"),
            choice("kind", OrganizationKind),
            optional("country"),
            reference("municipality", Municipality),
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
        rows=lambda: stored.published(Sector),
        fields=[*IDENTITY, attribute("name"), UPDATED],
    ),
]
