"""Agreements between municipalities and organizations: twinnings, MoUs, contracts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import (
    PARTIES,
    MunicipalityOrOrganization,
    Record,
    one_party_constraint,
    party_once,
)
from cooperation.models.citations import fact_key
from cooperation.partial_dates import (
    PartialDateAttribute,
    in_order_constraint,
    normalize_partial_dates,
    order_errors,
    partial_date_fields,
    qualifier_constraints,
)

MINIMUM_PARTIES = 2


class AgreementKind(models.TextChoices):
    TWINNING = "twinning", "Twinning (sister cities)"
    MOU = "mou", "Memorandum of understanding"
    COOPERATION = "cooperation", "Cooperation agreement"
    CONTRACT = "contract", "Commercial contract"
    OTHER = "other", "Other"


class Agreement(Record):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    kind = models.CharField(max_length=20, choices=AgreementKind.choices)
    signed_date, signed_precision, signed_qualifier = partial_date_fields("signed")
    ended_date, ended_precision, ended_qualifier = partial_date_fields("ended")
    signed = PartialDateAttribute()
    ended = PartialDateAttribute()
    main_date_from = ("signed",)
    visit = models.ForeignKey(
        "cooperation.Visit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="The visit it was signed during, if any.",
    )

    class Meta:
        ordering = ["-signed_date", "title"]
        permissions = [("publish_agreement", "Can publish and unpublish agreements")]
        constraints = [
            in_order_constraint(
                name="agreement_ends_after_signed",
                first="signed",
                then="ended",
                message="An agreement cannot end before it was signed.",
            ),
            *qualifier_constraints("agreement", "signed", "ended"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:agreement-detail", kwargs={"slug": self.slug})

    @property
    def party_list(self) -> list:
        """The municipalities and organizations that are parties, in entry order."""
        return [party.party for party in self.parties.all()]

    @classmethod
    def fact_relations(cls):
        parties = AgreementParty.objects.select_related("municipality", "organization")
        return ["visit"], [models.Prefetch("parties", parties)]

    def facts(self) -> list[tuple[str, str]]:
        facts = [("kind", f"Kind: {self.get_kind_display()}")]
        if self.pk is not None:
            facts += [(fact_key("party", party), f"Party: {party}") for party in self.party_list]
        facts += [
            (name, f"{label}: {getattr(self, name)}")
            for name, label in (("signed", "Signed"), ("ended", "Ended"))
            if getattr(self, f"{name}_date")
        ]
        if self.visit_id:  # unnamed: the visit may be a draft the page does not show
            facts.append(("visit", "Signed during a visit"))
        return facts

    def clean(self):
        super().clean()
        normalize_partial_dates(self, "signed", "ended")
        errors = order_errors(
            self,
            first="signed",
            then="ended",
            message="The agreement cannot end ({then}) before it was signed ({first}).",
        )
        if errors:
            raise ValidationError(errors)


def validate_party_count(count: int) -> None:
    """An agreement binds at least two parties; the rule spans rows, so forms call this."""
    if count < MINIMUM_PARTIES:
        raise ValidationError(
            f"An agreement needs at least {MINIMUM_PARTIES} parties "
            f"(municipalities or organizations); it has {count}."
        )


class AgreementParty(MunicipalityOrOrganization):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    municipality = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "agreement parties"
        constraints = [
            one_party_constraint(
                name="agreement_party_is_one_thing",
                message="A party is either a municipality or an organization.",
            ),
            *(
                party_once(party, within=["agreement"], name=f"agreement_{party}_once")
                for party in PARTIES
            ),
        ]

    def __str__(self):
        return str(self.party)
