"""Creating what an analyst confirmed on the intake page: the source, the places, bodies
and people it names that were not known, and the records it reports, as drafts that cite
it fact by fact.

All or nothing, in one transaction: a record that fails validation leaves nothing behind,
and the analyst gets the message with the form as they left it. Nothing here runs before
the analyst confirms (cooperation/admin/intake.py).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import Truncator, slugify

from cooperation.intake.proposals import Party, Proposal
from cooperation.models import (
    Agreement,
    AgreementParty,
    Event,
    EventOrganizer,
    LiaisonOffice,
    Municipality,
    Organization,
    Person,
    PlaceRole,
    Source,
    Visit,
    VisitParticipant,
    VisitPlace,
)
from cooperation.models.citations import fact_key
from cooperation.models.places import MunicipalityLevel, OrganizationKind
from cooperation.records.duplicates import unique_slug

NAMED_MODELS = {"municipality": Municipality, "organization": Organization, "person": Person}


@dataclass(frozen=True)
class NewName:
    """A place, body or person to create, as the analyst confirmed it."""

    key: str
    kind: str
    name: str
    name_zh: str = ""
    name_he: str = ""
    country: str = ""
    level: str = ""
    latitude: float | None = None
    longitude: float | None = None


def slug_for(model, text: str, fallback: str) -> str:
    """A unique slug from `text`, or from `fallback` when `text` has no Latin letters (a
    name typed only in Chinese or Hebrew)."""
    return unique_slug(model, slugify(text)[:180] or fallback)


def degrees(value: float | None) -> Decimal | None:
    """A gazetteer coordinate to the six decimals the model keeps (about 10 cm)."""
    return None if value is None else Decimal(str(round(value, 6)))


def create_named(new: NewName):
    model = NAMED_MODELS[new.kind]
    values = {"name": new.name, "name_zh": new.name_zh, "name_he": new.name_he}
    if new.kind == "municipality":
        values |= {
            "country": new.country,
            "level": new.level or MunicipalityLevel.CITY,
            "latitude": degrees(new.latitude),
            "longitude": degrees(new.longitude),
        }
    if new.kind == "organization":
        values |= {"country": new.country, "kind": OrganizationKind.OTHER}
    thing = model(slug=slug_for(model, new.name, new.kind), **values)
    validated(thing, f"New {new.kind} “{new.name}”")
    thing.save()
    return thing


def validated(obj, label: str) -> None:
    """`full_clean()`, its messages prefixed with what they are about, so that a message
    on the one page of the intake says which of its records it concerns."""
    try:
        obj.full_clean()
    except ValidationError as error:
        messages = [
            f"{label}: {field}: {' '.join(texts)}" if field != "__all__" else f"{label}: {texts}"
            for field, texts in error.message_dict.items()
        ]
        raise ValidationError(messages) from error


class Creator:
    def __init__(self, *, source: Source, things: dict, user):
        self.source, self.things, self.user = source, things, user

    def thing(self, party: Party | None):
        if party is None:
            return None
        return party.record if party.record is not None else self.things[party.key]

    def key_of(self, fact: str) -> str:
        """A proposal's fact key ("origin:new:municipality:haifa") as the record keys it."""
        kind, _, about = fact.partition(":")
        if not about:
            return fact
        model_name, _, pk = about.rpartition(":")
        if about.startswith("new:"):
            return fact_key(kind, self.things[about])
        return f"{kind}:{model_name}:{pk}"

    def save(self, record, proposal: Proposal, label: str):
        record.slug = slug_for(type(record), proposal.title, proposal.type)
        validated(record, label)
        record._history_user = self.user
        # The history keeps 100 characters of a reason; a source's title may be longer.
        reason = f"Created on the intake page from “{self.source}”"
        record._change_reason = Truncator(reason).chars(100)
        record.save()
        record.sources.add(self.source)
        return record

    def cite(self, record, proposal: Proposal) -> None:
        stated = {key for key, _ in type(record).objects.with_facts().get(pk=record.pk).facts()}
        citations = record.citations
        for fact, quote in proposal.quotes.items():
            key = self.key_of(fact)
            if key in stated and quote:
                citation = citations.model(record=record, fact=key, source=self.source, quote=quote)
                validated(citation, f"Quote for “{record}”")
                citation.save()

    def visit(self, proposal: Proposal, label: str, **_):
        f = proposal.fields
        start, end = f.get("start"), f.get("end")
        visit = Visit(title=proposal.title, leader=self.thing(f.get("leader")))
        visit.start_date, visit.start_precision, visit.start_qualifier = parts(start)
        visit.end_date, visit.end_precision, visit.end_qualifier = parts(end)
        if not f["origins"]:
            raise ValidationError(f"{label}: say where the delegation came from.")
        self.save(visit, proposal, label)
        for role, key in ((PlaceRole.ORIGIN, "origins"), (PlaceRole.DESTINATION, "destinations")):
            for party in f.get(key, []):
                thing = self.thing(party)
                place = VisitPlace(visit=visit, role=role, **{party.kind: thing})
                validated(place, label)
                place.save()
        for row in f.get("participants", []):
            participant = VisitParticipant(
                visit=visit, person=self.thing(row["person"]), role=row["role"], side=row["side"]
            )
            validated(participant, label)
            participant.save()
        return visit

    def office(self, proposal: Proposal, label: str, **_):
        f = proposal.fields
        office = LiaisonOffice(
            name=f.get("name") or proposal.title,
            sponsor=self.thing(f.get("sponsor")),
            sponsor_organization=self.thing(f.get("sponsor_organization")),
            host=self.thing(f.get("host")),
            operating_status=f["operating_status"],
        )
        for moment in ("announced", "opened"):
            value = parts(f.get(moment))
            setattr(office, f"{moment}_date", value[0])
            setattr(office, f"{moment}_precision", value[1])
            setattr(office, f"{moment}_qualifier", value[2])
        return self.save(office, proposal, label)

    def agreement(self, proposal: Proposal, label: str, *, visits: list):
        f = proposal.fields
        agreement = Agreement(title=proposal.title, kind=f["kind"])
        agreement.signed_date, agreement.signed_precision, agreement.signed_qualifier = parts(
            f.get("signed")
        )
        # "Signed during the visit": the visit this article reports, when one was created.
        agreement.visit = visits[0] if f.get("visit") and len(visits) == 1 else None
        if len(f["parties"]) < 2:
            raise ValidationError(f"{label}: an agreement needs two parties.")
        self.save(agreement, proposal, label)
        for party in f["parties"]:
            row = AgreementParty(agreement=agreement, **{party.kind: self.thing(party)})
            validated(row, label)
            row.save()
        return agreement

    def event(self, proposal: Proposal, label: str, **_):
        f = proposal.fields
        event = Event(title=proposal.title, kind=f["kind"], place=self.thing(f.get("place")))
        event.start_date, event.start_precision, event.start_qualifier = parts(f.get("start"))
        event.end_date, event.end_precision, event.end_qualifier = parts(f.get("end"))
        self.save(event, proposal, label)
        for party in f.get("organizers", []):
            row = EventOrganizer(event=event, **{party.kind: self.thing(party)})
            validated(row, label)
            row.save()
        return event


def parts(value) -> tuple:
    """The three columns of a partial date, or of none."""
    if not value:
        return None, "day", "exact"
    return value.value, value.precision, value.qualifier


@transaction.atomic
def create_from_article(
    *, source: Source, new_names: list[NewName], proposals: list[Proposal], user
) -> list:
    """Save `source` (unsaved, with its text), create `new_names`, then each of `proposals`
    as a draft citing the source, each filled fact quoted; return the records created.

    Visits come first, so an agreement signed during one links to it.
    """
    validated(source, "Source")
    source.save()
    things = {new.key: create_named(new) for new in new_names}
    creator = Creator(source=source, things=things, user=user)
    order = {"visit": 0, "office": 1, "event": 2, "agreement": 3}
    created, visits = [], []
    for number, proposal in sorted(enumerate(proposals, 1), key=lambda p: order[p[1].type]):
        label = f"Record {number} ({proposal.type}, “{proposal.title}”)"
        record = getattr(creator, proposal.type)(proposal, label, visits=visits)
        if proposal.type == "visit":
            visits.append(record)
        creator.cite(record, proposal)
        created.append(record)
    return created
