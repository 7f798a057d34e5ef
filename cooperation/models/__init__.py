"""The data model: places and bodies, people, sources, and the cooperation records."""

from cooperation.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementSignatory,
    AgreementState,
    AgreementStatus,
)
from cooperation.models.aliases import (
    MunicipalityAlias,
    OfficeAlias,
    OrganizationAlias,
    PersonAlias,
)
from cooperation.models.base import NameLanguage, PublicationStatus, cited_source_str
from cooperation.models.citations import (
    AgreementCitation,
    EventCitation,
    OfficeCitation,
    VisitCitation,
)
from cooperation.models.events import Event, EventKind, EventOrganizer, EventParticipant
from cooperation.models.logins import FailedLogin, KnownSignInAddress
from cooperation.models.offices import LiaisonOffice, OfficeStaff, OperatingStatus
from cooperation.models.people import Person
from cooperation.models.places import Country, Municipality, MunicipalityLevel, Organization
from cooperation.models.revisions import Revision, RevisionStatus
from cooperation.models.sectors import Sector
from cooperation.models.sources import Language, PublisherCountry, PublisherKind, Source
from cooperation.models.visits import PlaceRole, Side, Visit, VisitParticipant, VisitPlace

# The cooperation records: published, cited, graded.
RECORD_MODELS = (LiaisonOffice, Visit, Event, Agreement)

# Django creates the rows of `Record.sources` itself, with no `__str__` of their own.
for _record_model in RECORD_MODELS:
    _record_model.sources.through.__str__ = cited_source_str

__all__ = [
    "RECORD_MODELS",
    "Agreement",
    "AgreementCitation",
    "AgreementKind",
    "AgreementParty",
    "AgreementSignatory",
    "AgreementState",
    "AgreementStatus",
    "Country",
    "Event",
    "EventCitation",
    "EventKind",
    "EventOrganizer",
    "EventParticipant",
    "FailedLogin",
    "KnownSignInAddress",
    "Language",
    "LiaisonOffice",
    "Municipality",
    "MunicipalityAlias",
    "MunicipalityLevel",
    "NameLanguage",
    "OfficeAlias",
    "OfficeCitation",
    "OfficeStaff",
    "OperatingStatus",
    "Organization",
    "OrganizationAlias",
    "Person",
    "PersonAlias",
    "PlaceRole",
    "PublicationStatus",
    "PublisherCountry",
    "PublisherKind",
    "Revision",
    "RevisionStatus",
    "Sector",
    "Side",
    "Source",
    "Visit",
    "VisitCitation",
    "VisitParticipant",
    "VisitPlace",
]
