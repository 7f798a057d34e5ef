"""Liaison offices that Chinese municipalities run in Israeli cities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import (
    Named,
    PlainText,
    Record,
    changed_index,
    harvest_index,
    in_role,
)
from cooperation.models.citations import fact_key
from cooperation.models.list_order import list_indexes, main_date_field
from cooperation.models.places import Country
from cooperation.partial_dates import (
    PartialDateAttribute,
    in_order_constraint,
    normalize_partial_dates,
    order_errors,
    partial_date_fields,
    qualifier_constraints,
)


class OperatingStatus(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    UNKNOWN = "unknown", "Unknown"


class LiaisonOffice(Named, Record):
    sponsor = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        related_name="offices_sponsored",
        help_text="The Chinese municipality that runs the office.",
    )
    sponsor_organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        help_text="The body of the sponsor that runs it, e.g. Zhongguancun Science Park.",
    )
    host = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        related_name="offices_hosted",
        help_text="The Israeli municipality the office is in.",
    )
    operating_status = models.CharField(
        max_length=10, choices=OperatingStatus.choices, default=OperatingStatus.UNKNOWN
    )
    announced_date, announced_precision, announced_qualifier = partial_date_fields("announced")
    opened_date, opened_precision, opened_qualifier = partial_date_fields("opened")
    closed_date, closed_precision, closed_qualifier = partial_date_fields("closed")
    announced = PartialDateAttribute()
    opened = PartialDateAttribute()
    closed = PartialDateAttribute()
    main_date_from = ("opened", "announced")
    main_date = main_date_field(*main_date_from)
    staff = models.ManyToManyField(
        "cooperation.Person", through="OfficeStaff", related_name="offices", blank=True
    )
    address = models.CharField(max_length=300, blank=True)
    website = models.URLField(max_length=500, blank=True)

    class Meta(Named.Meta):
        verbose_name = "liaison office"
        permissions = [("publish_liaisonoffice", "Can publish and unpublish liaison offices")]
        indexes = [
            harvest_index("office"),
            changed_index("office"),
            *list_indexes("office", "name"),
        ]
        constraints = [
            in_order_constraint(
                name="office_closed_after_opened",
                first="opened",
                then="closed",
                message="An office cannot close before it opened.",
            ),
            *qualifier_constraints("office", "announced", "opened", "closed"),
        ]

    def get_absolute_url(self):
        return reverse("cooperation:office-detail", kwargs={"slug": self.slug})

    @classmethod
    def fact_relations(cls):
        staff = OfficeStaff.objects.select_related("person")
        return ["sponsor", "host"], [models.Prefetch("staff_roles", staff)]

    def facts(self) -> list[tuple[str, str]]:
        facts = []
        if self.sponsor_id:
            facts.append(("sponsor", f"Run by: {self.sponsor}"))
        if self.host_id:
            facts.append(("host", f"Located in: {self.host}"))
        facts.append(("operating_status", f"Status: {self.get_operating_status_display()}"))
        facts += [
            (name, f"{name.capitalize()}: {getattr(self, name)}")
            for name in ("announced", "opened", "closed")
            if getattr(self, f"{name}_date")
        ]
        if self.pk is not None:
            facts += [
                (fact_key("staff", row.person), f"Staff: {row.person}, {row.role}")
                for row in self.staff_roles.all()
            ]
        if self.address:
            facts.append(("address", "Address"))
        return facts

    def clean(self):
        super().clean()
        normalize_partial_dates(self, "announced", "opened", "closed")
        errors = order_errors(
            self,
            first="opened",
            then="closed",
            message="The office cannot close ({then}) before it opened ({first}).",
        )
        if self.sponsor_id and self.sponsor.country != Country.CHINA:
            errors["sponsor"] = "The sponsor must be a Chinese municipality."
        if self.host_id and self.host.country != Country.ISRAEL:
            errors["host"] = "The host must be an Israeli municipality."
        if self.operating_status == OperatingStatus.CLOSED and not self.closed_date:
            errors["closed_date"] = "Enter when the office closed, or choose another status."
        if errors:
            raise ValidationError(errors)


class OfficeStaff(PlainText):
    office = models.ForeignKey(LiaisonOffice, on_delete=models.CASCADE, related_name="staff_roles")
    person = models.ForeignKey(
        "cooperation.Person", on_delete=models.PROTECT, related_name="office_roles"
    )
    role = models.CharField(
        max_length=200, help_text="The title at the time, e.g. deputy director."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "office staff member"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "person", "role"], name="office_staff_unique_role"
            )
        ]

    def __str__(self):
        return in_role(self.person, self.role)
