"""What each record type's CSV holds, column by column, in a fixed order."""

from dataclasses import dataclass

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from cooperation.exports.columns import (
    Column,
    choice,
    date_sources,
    joined,
    many_to_many,
    number,
    partial_date,
    text,
)
from cooperation.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementSignatory,
    AgreementState,
    AgreementStatus,
    Country,
    Event,
    EventKind,
    EventOrganizer,
    EventParticipant,
    LiaisonOffice,
    Municipality,
    MunicipalityLevel,
    OfficeStaff,
    OperatingStatus,
    Organization,
    Person,
    PlaceRole,
    PublicationStatus,
    PublisherCountry,
    PublisherKind,
    Side,
    Source,
    Visit,
    VisitParticipant,
    VisitPlace,
)
from cooperation.models.agreements import UNIDENTIFIED
from cooperation.models.places import OrganizationKind
from cooperation.models.sources import Language
from cooperation.models.visits import written_dates
from cooperation.partial_dates import PartialDate


@dataclass(frozen=True)
class RecordExport:
    """One record type's export; `detail_route` names its public page, if it has one."""

    name: str
    model: type
    columns: tuple[Column, ...]
    detail_route: str | None = None


def named_columns(model) -> list[Column]:
    """Its names in the three scripts, then the other names, "; "-joined in entry order."""
    return [
        number("id", "id"),
        text("Name", "name"),
        text("Chinese name", "name_zh"),
        text("Hebrew name", "name_he"),
        joined(
            "Other names",
            model.aliases.rel.related_model.objects.all(),
            outer="owner",
            item=F("name"),
            order=F("id"),
        ),
    ]


def sourced_columns(model) -> list[Column]:
    """The columns every cooperation record ends with: tags, text, citations, status."""
    return [
        many_to_many("Sectors", model, "sectors", item="name", order="name"),
        text("Description", "description"),
        many_to_many("Sources", model, "sources", item="title", order="id"),
        many_to_many("Source URLs", model, "sources", item="url", order="id"),
        text("Evidence grade", "evidence_grade"),
        text("Evidence", "evidence_reason"),
        choice("Publication status", "status", PublicationStatus.choices),
    ]


def name_and_role(through_model, *, outer: str, header: str) -> Column:
    """People linked with their role at the time: "Ying Yong (Mayor of Shanghai)"."""
    return joined(
        header,
        through_model.objects.all(),
        outer=outer,
        item=Concat("person__name", Value(" ("), "role", Value(")")),
        order=F("id"),
    )


VISIT_PLACE_COLUMNS = [
    (PlaceRole.ORIGIN, "Origins"),
    (PlaceRole.DESTINATION, "Destinations"),
    (PlaceRole.HOST, "Hosts"),
    (PlaceRole.INVITER, "Invited by"),
]


def visit_places(role: str, header: str) -> Column:
    """A visit's municipalities and organizations in one role, in entry order."""
    return joined(
        header,
        VisitPlace.objects.filter(role=role),
        outer="visit",
        item=Coalesce("municipality__name", "organization__name"),
        order=F("id"),
    )


def labelled(path: str, choices) -> Case:
    """A choice column's label, computed by the database inside a joined cell."""
    return Case(
        *(When(**{path: value}, then=Value(label)) for value, label in choices),
        default=F(path),
        output_field=CharField(),
    )


OFFICES = RecordExport(
    name="offices",
    model=LiaisonOffice,
    detail_route="cooperation:office-detail",
    columns=(
        *named_columns(LiaisonOffice),
        text("Sponsor", "sponsor__name"),
        text("Sponsor organization", "sponsor_organization__name"),
        text("Host", "host__name"),
        choice("Operating status", "operating_status", OperatingStatus.choices),
        *partial_date("Announced", "announced"),
        *partial_date("Opened", "opened"),
        *partial_date("Closed", "closed"),
        name_and_role(OfficeStaff, outer="office", header="Staff"),
        text("Address", "address"),
        text("Website", "website"),
        *sourced_columns(LiaisonOffice),
    ),
)


def period_columns() -> list[Column]:
    """A visit's or event's period as written ("5-7 June 2018", "date unknown"), then its
    two ends' sortable columns."""
    return [
        Column(
            "Dates",
            date_sources("start") + date_sources("end"),
            lambda *parts: written_dates(PartialDate(*parts[:3]), PartialDate(*parts[3:])),
        ),
        *partial_date("Start", "start", displayed=False),
        *partial_date("End", "end", displayed=False),
    ]


def participants(model, *, outer: str) -> Column:
    """ "name (role, side, body)" of each participant, in entry order."""
    return joined(
        "Participants",
        model.objects.all(),
        outer=outer,
        item=Concat(
            "person__name",
            Value(" ("),
            "role",
            Value(", "),
            labelled("side", Side.choices),
            Case(
                When(
                    organization__isnull=False,
                    then=Concat(Value(", "), "organization__name"),
                ),
                default=Value(""),
            ),
            Value(")"),
        ),
        order=F("id"),
    )


VISITS = RecordExport(
    name="visits",
    model=Visit,
    detail_route="cooperation:visit-detail",
    columns=(
        number("id", "id"),
        text("Title", "title"),
        *(visit_places(role, header) for role, header in VISIT_PLACE_COLUMNS),
        *period_columns(),
        text("Leader", "leader__name"),
        participants(VisitParticipant, outer="visit"),
        text("Purpose", "purpose"),
        *sourced_columns(Visit),
    ),
)

EVENTS = RecordExport(
    name="events",
    model=Event,
    detail_route="cooperation:event-detail",
    columns=(
        number("id", "id"),
        text("Title", "title"),
        choice("Kind", "kind", EventKind.choices),
        text("Place", "place__name"),
        joined(
            "Organizers",
            EventOrganizer.objects.all(),
            outer="event",
            item=Coalesce("municipality__name", "organization__name"),
            order=F("id"),
        ),
        *period_columns(),
        participants(EventParticipant, outer="event"),
        *sourced_columns(Event),
    ),
)

AGREEMENTS = RecordExport(
    name="agreements",
    model=Agreement,
    detail_route="cooperation:agreement-detail",
    columns=(
        number("id", "id"),
        text("Title", "title"),
        choice("Kind", "kind", AgreementKind.choices),
        joined(
            "Parties",
            AgreementParty.objects.all(),
            outer="agreement",
            item=Coalesce(
                "municipality__name",
                "organization__name",
                Concat(Value("“"), "name_as_written", Value(f"” ({UNIDENTIFIED})")),
            ),
            order=F("id"),
        ),
        *partial_date("Signed", "signed"),
        *partial_date("Ended", "ended"),
        text("Signed during visit", "visit__title"),
        text("Signed at event", "event__title"),
        joined(
            "Signatories",
            AgreementSignatory.objects.all(),
            outer="agreement",
            item=Concat(
                "person__name",
                Value(" ("),
                "role",
                Case(
                    When(
                        Q(municipality__isnull=False) | Q(organization__isnull=False),
                        then=Concat(
                            Value(", for "), Coalesce("municipality__name", "organization__name")
                        ),
                    ),
                    default=Value(""),
                ),
                Value(")"),
            ),
            order=F("id"),
        ),
        joined(
            "Status history",
            AgreementStatus.objects.all(),
            outer="agreement",
            item=Concat(
                labelled("state", AgreementState.choices),
                Case(
                    When(
                        as_of_date__isnull=False,
                        then=Concat(
                            Value(" "),
                            Cast("as_of_date", CharField()),
                            Value(" ("),
                            "as_of_precision",
                            Value(", "),
                            "as_of_qualifier",
                            Value(")"),
                        ),
                    ),
                    default=Value(""),
                ),
            ),
            order=F("id"),  # as entered: SQLite and PostgreSQL sort undated apart
        ),
        *sourced_columns(Agreement),
    ),
)

MUNICIPALITIES = RecordExport(
    name="municipalities",
    model=Municipality,
    detail_route="cooperation:municipality-detail",
    columns=(
        *named_columns(Municipality),
        choice("Country", "country", Country.choices),
        choice("Level", "level", MunicipalityLevel.choices),
        text("Part of", "parent__name"),
        number("Population", "population"),
        number("Population year", "population_year"),
        number("Latitude", "latitude"),
        number("Longitude", "longitude"),
        text("Wikidata id", "wikidata_id"),
        text("Description", "description"),
    ),
)

ORGANIZATIONS = RecordExport(
    name="organizations",
    model=Organization,
    columns=(
        *named_columns(Organization),
        choice("Kind", "kind", OrganizationKind.choices),
        choice("Country", "country", Country.choices),
        text("Municipality", "municipality__name"),
        text("Website", "website"),
        text("Description", "description"),
    ),
)

PEOPLE = RecordExport(
    name="people",
    model=Person,
    columns=(*named_columns(Person), text("Notes", "notes")),
)

SOURCES = RecordExport(
    name="sources",
    model=Source,
    columns=(
        number("id", "id"),
        text("Title", "title"),
        text("URL", "url"),
        text("Publisher", "publisher"),
        *partial_date("Published", "published"),
        choice("Language", "language", Language.choices),
        choice("Publisher kind", "publisher_kind", PublisherKind.choices),
        choice("Publisher country", "publisher_country", PublisherCountry.choices),
        text("Excerpt", "excerpt"),
        text("Notes", "notes"),
    ),
)

EXPORTS = {
    export.name: export
    for export in (
        OFFICES,
        VISITS,
        EVENTS,
        AGREEMENTS,
        MUNICIPALITIES,
        ORGANIZATIONS,
        PEOPLE,
        SOURCES,
    )
}
BY_MODEL = {export.model: export for export in EXPORTS.values()}
