"""Factories for every model; records are published unless a test says otherwise."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from cooperation import models
from cooperation.models import Country, MunicipalityLevel, PublicationStatus, Side
from cooperation.models import PlaceRole as Role
from cooperation.models.places import OrganizationKind


@factory.post_generation
def aliases(obj, create, extracted, **kwargs):
    """`aliases=["Tel Aviv", "תל אביב"]`: other names, saved as rows (language from script)."""
    if create:
        for name in extracted or ():
            obj.aliases.create(name=name)


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = models.Municipality
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Municipality {n}")
    slug = factory.Sequence(lambda n: f"municipality-{n}")
    country = Country.CHINA
    level = MunicipalityLevel.CITY
    aliases = aliases


class IsraeliMunicipalityFactory(MunicipalityFactory):
    country = Country.ISRAEL


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = OrganizationKind.GOVERNMENT
    country = Country.CHINA
    aliases = aliases


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    aliases = aliases


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = models.Sector

    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")


# An article written for the tests (no other site's text goes into the repository).
ARTICLE = """Haifa, 3 May 2019. A delegation from Chengdu, led by deputy mayor Liu Wei, \
arrived in Haifa on Monday for three days of talks with city officials.

The visitors toured the port and a start-up campus. "We came to learn how a port city \
turns research into companies," Liu said at a reception hosted by the municipality.

Both sides agreed to meet again in Chengdu next spring."""


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = models.Source

    url = factory.Sequence(lambda n: f"https://news.example.org/articles/{n}")
    title = factory.Sequence(lambda n: f"Article {n}")
    publisher = "Example News"
    published_date = date(2018, 4, 10)
    text = ARTICLE


def cite(record, fact: str, quote: str, *, source=None, quote_en: str = ""):
    """A citation of `fact` of `record`, checked as the admin checks one."""
    citation = record.citations.model(
        record=record,
        fact=fact,
        source=source or record.sources.first(),
        quote=quote,
        quote_en=quote_en,
    )
    citation.full_clean()
    citation.save()
    return citation


class RecordFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if create:
            self.sources.set(extracted if extracted is not None else [SourceFactory()])


class LiaisonOfficeFactory(RecordFactory):
    class Meta:
        model = models.LiaisonOffice

    name = factory.Sequence(lambda n: f"Office {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    sponsor = factory.SubFactory(MunicipalityFactory)
    host = factory.SubFactory(IsraeliMunicipalityFactory)
    opened_date = date(2018, 1, 1)
    aliases = aliases


def add_places(visit, role, *places) -> None:
    """Add municipalities or organizations to a visit in `role` ("origin", "destination")."""
    for place in places:
        field = "municipality" if isinstance(place, models.Municipality) else "organization"
        models.VisitPlace.objects.create(visit=visit, role=role, **{field: place})


class VisitFactory(RecordFactory):
    class Meta:
        model = models.Visit

    title = factory.Sequence(lambda n: f"Visit {n}")
    slug = factory.Sequence(lambda n: f"visit-{n}")
    start_date = date(2018, 6, 5)

    @factory.post_generation
    def origin(self, create, extracted, **kwargs):
        """`origin=place` (a municipality or an organization; a new city by default)."""
        if create:
            add_places(self, Role.ORIGIN, extracted or MunicipalityFactory())

    @factory.post_generation
    def destinations(self, create, extracted, **kwargs):
        if create:
            add_places(self, Role.DESTINATION, *(extracted or ()))


class VisitParticipantFactory(DjangoModelFactory):
    class Meta:
        model = models.VisitParticipant

    visit = factory.SubFactory(VisitFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Mayor"
    side = Side.CHINESE


class AgreementFactory(RecordFactory):
    class Meta:
        model = models.Agreement

    title = factory.Sequence(lambda n: f"Agreement {n}")
    slug = factory.Sequence(lambda n: f"agreement-{n}")
    kind = models.AgreementKind.TWINNING
    signed_date = date(1998, 1, 1)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            for party in extracted or [MunicipalityFactory(), IsraeliMunicipalityFactory()]:
                field = "municipality" if isinstance(party, models.Municipality) else "organization"
                models.AgreementParty.objects.create(agreement=self, **{field: party})


def add_signatories_and_statuses(agreement, n: int) -> None:
    """n signatories, each for one of the first n parties, and n statuses."""
    for party, person in zip(agreement.party_list[:n], PersonFactory.create_batch(n), strict=True):
        field = "municipality" if isinstance(party, models.Municipality) else "organization"
        agreement.signatories.create(person=person, role="Mayor", **{field: party})
        agreement.statuses.create(state=models.AgreementState.IN_FORCE, source=SourceFactory())


class EventFactory(RecordFactory):
    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    kind = models.EventKind.FORUM
    start_date = date(2019, 5, 3)
    place = factory.SubFactory(MunicipalityFactory)

    @factory.post_generation
    def organizers(self, create, extracted, **kwargs):
        """`organizers=[place or body, ...]`."""
        for party in extracted or ():
            field = "municipality" if isinstance(party, models.Municipality) else "organization"
            models.EventOrganizer.objects.create(event=self, **{field: party})


class EventParticipantFactory(DjangoModelFactory):
    class Meta:
        model = models.EventParticipant

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Speaker"
    side = Side.ISRAELI
