"""Delegation visits: from one or more places or bodies to others, hosted and invited by
others again."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import (
    PARTIES,
    MunicipalityOrOrganization,
    PlainText,
    PublishableQuerySet,
    Record,
    changed_index,
    harvest_index,
    in_role,
    one_party_constraint,
    party_once,
)
from cooperation.models.citations import fact_key
from cooperation.models.list_order import list_indexes, main_date_field
from cooperation.partial_dates import (
    PartialDate,
    PartialDateAttribute,
    format_span,
    in_order_constraint,
    normalize_partial_dates,
    order_errors,
    partial_date_fields,
    qualifier_constraints,
)

DATE_UNKNOWN = "date unknown"


def period_constraints(record: str, noun: str) -> list[models.CheckConstraint]:
    """The database rules of a period from `start` to `end` (a visit's, an event's):
    it ends after it starts, an end needs a start, and both qualifiers are known."""
    return [
        in_order_constraint(
            name=f"{record}_ends_after_start",
            first="start",
            then="end",
            message=f"{noun} cannot end before it starts.",
        ),
        models.CheckConstraint(
            name=f"{record}_end_needs_start",
            condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
            violation_error_message=f"{noun} with an end date needs a start date.",
        ),
        *qualifier_constraints(record, "start", "end"),
    ]


def check_period(obj, record: str) -> None:
    """Validation twin of `period_constraints`, in words, beside the dates."""
    normalize_partial_dates(obj, "start", "end")
    errors = order_errors(
        obj,
        first="start",
        then="end",
        message=f"The {record} cannot end ({{then}}) before it starts ({{first}}).",
    )
    if obj.end_date and not obj.start_date:
        errors["end_date"] = (
            f"Enter when the {record} started too, or leave both dates empty: a {record} is "
            "dated by its start. If the article gives only the end, enter it as the start "
            "with the qualifier “No later than”."
        )
    if errors:
        raise ValidationError(errors)


def written_dates(start: PartialDate, end: PartialDate) -> str:
    """A visit's period as written, "5-7 June 2018", or "date unknown" when no article
    dates it: pages and files say so rather than leave a blank where a date is expected."""
    return format_span(start, end) or DATE_UNKNOWN


class Side(models.TextChoices):
    CHINESE = "chinese", "Chinese side"
    ISRAELI = "israeli", "Israeli side"


class PlaceRole(models.TextChoices):
    ORIGIN = "origin", "From"
    DESTINATION = "destination", "To"
    HOST = "host", "Hosted by"
    INVITER = "inviter", "Invited by"


def validate_origin_count(count: int) -> None:
    """A delegation comes from somewhere; the rule spans rows, so forms call this."""
    if count < 1:
        raise ValidationError(
            "Say where the delegation came from: add at least one place or body “From”."
        )


class VisitQuerySet(PublishableQuerySet):
    def with_places(self):
        """Fetch every visit's places and bodies, with their names, in two queries."""
        places = VisitPlace.objects.select_related("municipality", "organization").order_by("pk")
        return self.prefetch_related(models.Prefetch("places", queryset=places))


class Visit(Record):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    start_date, start_precision, start_qualifier = partial_date_fields("start")
    end_date, end_precision, end_qualifier = partial_date_fields("end")
    start = PartialDateAttribute()
    end = PartialDateAttribute()
    main_date_from = ("start",)
    main_date = main_date_field(*main_date_from)
    leader = models.ForeignKey(
        "cooperation.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits_led",
    )
    participants = models.ManyToManyField(
        "cooperation.Person", through="VisitParticipant", related_name="visits", blank=True
    )
    purpose = models.TextField(blank=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        # Latest first, undated last (PostgreSQL would put them first).
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        permissions = [("publish_visit", "Can publish and unpublish visits")]
        indexes = [harvest_index("visit"), changed_index("visit"), *list_indexes("visit", "title")]
        constraints = period_constraints("visit", "A visit")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:visit-detail", kwargs={"slug": self.slug})

    @property
    def dates(self) -> str:
        """The period as written: "5-7 June 2018", "date unknown"."""
        return written_dates(self.start, self.end)

    @property
    def main_date_as_written(self) -> str:
        """A visit is written as its whole period, "5-7 June 2018"."""
        return self.dates

    def places_in(self, role: str) -> list:
        """The municipalities and organizations in `role`, in entry order (from the
        prefetched `places` when the query fetched them)."""
        return [place.party for place in self.places.all() if place.role == role]

    @property
    def places_by_role(self) -> list[tuple[str, str, list]]:
        """(role, label, places) for each role the visit has places in: From, To, Hosted
        by, Invited by."""
        return [
            (role.value, role.label, places)
            for role in PlaceRole
            if (places := self.places_in(role))
        ]

    @property
    def origins(self) -> list:
        return self.places_in(PlaceRole.ORIGIN)

    @property
    def destinations(self) -> list:
        return self.places_in(PlaceRole.DESTINATION)

    @classmethod
    def fact_relations(cls):
        places = VisitPlace.objects.select_related("municipality", "organization")
        participations = VisitParticipant.objects.select_related("person")
        return ["leader"], [
            models.Prefetch("places", places.order_by("pk")),
            models.Prefetch("participations", participations),
        ]

    def facts(self) -> list[tuple[str, str]]:
        if self.pk is None:
            return [("dates", "Dates")]
        facts = [("dates", f"Dates: {self.dates}")] if self.start_date else []
        facts += [
            (fact_key(place.role, place.party), f"{place.get_role_display()}: {place.party}")
            for place in self.places.all()
        ]
        if self.leader_id:
            facts.append(("leader", f"Led by: {self.leader}"))
        facts += [
            (fact_key("participant", row.person), f"Took part: {row.person}, {row.role}")
            for row in self.participations.all()
        ]
        if self.purpose:
            facts.append(("purpose", "Purpose"))
        return facts

    def clean(self):
        super().clean()
        check_period(self, "visit")


class VisitParticipant(PlainText):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "cooperation.Person", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(max_length=200, help_text="The title at the time, e.g. Mayor of Haifa.")
    side = models.CharField(max_length=10, choices=Side.choices)
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The body the person represented, if the article names one.",
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["visit", "person"], name="visit_participant_once")
        ]

    def __str__(self):
        return in_role(self.person, self.role, self.organization if self.organization_id else None)


class VisitPlace(MunicipalityOrOrganization):
    """One place or body of a visit, in one role: a delegation may come from a city, from
    two cities travelling together, or from a body (the Union of Local Authorities in
    Israel); it goes to cities or bodies, hosted and invited by others."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="places")
    role = models.CharField(max_length=12, choices=PlaceRole.choices)
    municipality = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visit_places",
    )
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visit_places",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "place or body of a visit"
        verbose_name_plural = "places and bodies of visits"
        ordering = ["pk"]
        constraints = [
            one_party_constraint(
                name="visit_place_is_one_thing",
                message="A place is either a municipality or an organization.",
            ),
            *(
                party_once(
                    party,
                    within=["visit", "role"],
                    name=f"visit_{party}_once_per_role",
                    message=f"This {party} is already listed in this role.",
                )
                for party in PARTIES
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.party}"
