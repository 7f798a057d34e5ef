"""Events where cooperation is made: forums, expos, conferences (the 6th China
(Yunnan)-Israel Innovation Cooperation Forum), with their organizers and participants.
Agreements may be signed at one."""

from django.db import models
from django.db.models import F
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import (
    PARTIES,
    MunicipalityOrOrganization,
    PlainText,
    Record,
    changed_index,
    harvest_index,
    in_role,
    one_party_constraint,
    party_once,
)
from cooperation.models.citations import fact_key
from cooperation.models.list_order import list_indexes, main_date_field
from cooperation.models.visits import Side, check_period, period_constraints, written_dates
from cooperation.partial_dates import (
    PartialDateAttribute,
    partial_date_fields,
)


class EventKind(models.TextChoices):
    FORUM = "forum", "Forum"
    EXPO = "expo", "Expo or fair"
    CONFERENCE = "conference", "Conference"
    OTHER = "other", "Other"


class Event(Record):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    place = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        help_text="Where it was held, if the article says.",
    )
    start_date, start_precision, start_qualifier = partial_date_fields("start")
    end_date, end_precision, end_qualifier = partial_date_fields("end")
    start = PartialDateAttribute()
    end = PartialDateAttribute()
    main_date_from = ("start",)
    main_date = main_date_field(*main_date_from)

    class Meta:
        # Latest first, undated last (PostgreSQL would put them first).
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        permissions = [("publish_event", "Can publish and unpublish events")]
        indexes = [harvest_index("event"), changed_index("event"), *list_indexes("event", "title")]
        constraints = period_constraints("event", "An event")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:event-detail", kwargs={"slug": self.slug})

    @property
    def dates(self) -> str:
        return written_dates(self.start, self.end)

    @property
    def main_date_as_written(self) -> str:
        return self.dates

    @property
    def organizer_list(self) -> list:
        return [row.party for row in self.organizers.all()]

    @classmethod
    def fact_relations(cls):
        organizers = EventOrganizer.objects.select_related("municipality", "organization")
        participations = EventParticipant.objects.select_related("person", "organization")
        return ["place"], [
            models.Prefetch("organizers", organizers.order_by("pk")),
            models.Prefetch("participations", participations.order_by("pk")),
        ]

    def facts(self) -> list[tuple[str, str]]:
        facts = [("dates", f"Dates: {self.dates}")] if self.start_date else []
        if self.place_id:
            facts.append(("place", f"Held in: {self.place}"))
        if self.pk is None:
            return facts
        facts += [
            (fact_key("organizer", party), f"Organized by: {party}")
            for party in self.organizer_list
        ]
        facts += [
            (fact_key("participant", row.person), f"Took part: {row.person}, {row.role}")
            for row in self.participations.all()
        ]
        return facts

    def clean(self):
        super().clean()
        check_period(self, "event")


class EventOrganizer(MunicipalityOrOrganization):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizers")
    municipality = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_organized",
    )
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_organized",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            one_party_constraint(
                name="event_organizer_is_one_thing",
                message="An organizer is either a municipality or an organization.",
            ),
            *(
                party_once(party, within=["event"], name=f"event_{party}_organizer_once")
                for party in PARTIES
            ),
        ]

    def __str__(self):
        return str(self.party)


class EventParticipant(PlainText):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "cooperation.Person", on_delete=models.PROTECT, related_name="event_participations"
    )
    role = models.CharField(
        max_length=200, help_text="The title at the time, or the part taken (speaker)."
    )
    side = models.CharField(max_length=10, choices=Side.choices)
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_participations",
        help_text="The body the person represented, if the article names one.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_participant_once")
        ]

    def __str__(self):
        return in_role(self.person, self.role, self.organization if self.organization_id else None)
