"""Delegation visits from one municipality to others."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import PlainText, Record
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
END_WITHOUT_START = (
    "Enter when the visit started too, or leave both dates empty: a visit is dated by its "
    "start. If the article gives only the end, enter it as the start with the qualifier "
    "“No later than”."
)


def written_dates(start: PartialDate, end: PartialDate) -> str:
    """A visit's period as written, "5-7 June 2018", or "date unknown" when no article
    dates it: pages and files say so rather than leave a blank where a date is expected."""
    return format_span(start, end) or DATE_UNKNOWN


class Side(models.TextChoices):
    CHINESE = "chinese", "Chinese side"
    ISRAELI = "israeli", "Israeli side"


class Visit(Record):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    origin = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        related_name="visits_out",
        help_text="The municipality the delegation came from.",
    )
    destinations = models.ManyToManyField(
        "cooperation.Municipality", related_name="visits_in", blank=True
    )
    start_date, start_precision, start_qualifier = partial_date_fields("start")
    end_date, end_precision, end_qualifier = partial_date_fields("end")
    start = PartialDateAttribute()
    end = PartialDateAttribute()
    main_date_from = ("start",)
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

    _history_m2m_fields = ["sources", "sectors", "destinations"]

    class Meta:
        # Latest first, undated last (PostgreSQL would put them first).
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        permissions = [("publish_visit", "Can publish and unpublish visits")]
        constraints = [
            in_order_constraint(
                name="visit_ends_after_start",
                first="start",
                then="end",
                message="A visit cannot end before it starts.",
            ),
            models.CheckConstraint(
                name="visit_end_needs_start",
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                violation_error_message="A visit with an end date needs a start date.",
            ),
            *qualifier_constraints("visit", "start", "end"),
        ]

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

    def clean(self):
        super().clean()
        normalize_partial_dates(self, "start", "end")
        errors = order_errors(
            self,
            first="start",
            then="end",
            message="The visit cannot end ({then}) before it starts ({first}).",
        )
        if self.end_date and not self.start_date:
            errors["end_date"] = END_WITHOUT_START
        if errors:
            raise ValidationError(errors)


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
        return f"{self.person}, {self.role}"
