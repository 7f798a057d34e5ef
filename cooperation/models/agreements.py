"""Agreements between municipalities and organizations: twinnings, MoUs, contracts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models.base import (
    PARTIES,
    MunicipalityOrOrganization,
    PlainText,
    Record,
    changed_index,
    harvest_index,
    party_once,
)
from cooperation.models.citations import fact_key
from cooperation.models.list_order import list_indexes, main_date_field
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
    """Chinese friendship associations count two tiers of city ties apart: formal
    friendship cities (友好城市, twin or sister cities) and informal friendly-exchange
    relations (友好交流城市)."""

    TWINNING = "twinning", "Friendship city, twinning (formal tie)"
    FRIENDLY_EXCHANGE = "friendly_exchange", "Friendly-exchange relations (informal tie)"
    LETTER_OF_INTENT = "letter_of_intent", "Letter of intent"
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
    main_date = main_date_field(*main_date_from)
    visit = models.ForeignKey(
        "cooperation.Visit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="The visit it was signed during, if any.",
    )
    event = models.ForeignKey(
        "cooperation.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="The forum, expo or conference it was signed at, if any.",
    )

    class Meta:
        ordering = ["-signed_date", "title"]
        permissions = [("publish_agreement", "Can publish and unpublish agreements")]
        indexes = [
            harvest_index("agreement"),
            changed_index("agreement"),
            *list_indexes("agreement", "title"),
        ]
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
        """The municipalities and organizations that are parties, in entry order; a party
        known only by the article's words is its row, shown as written."""
        return [party.party or party for party in self.parties.all()]

    @classmethod
    def fact_relations(cls):
        parties = AgreementParty.objects.select_related("municipality", "organization")
        return ["visit", "event"], [
            models.Prefetch("parties", parties),
            *signatories_and_statuses(),
        ]

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
        if self.event_id:
            facts.append(("event", "Signed at an event"))
        if self.pk is not None:
            facts += [
                (fact_key("signatory", row.person), f"Signed by: {row}")
                for row in self.signatories.all()
            ]
            facts += [(fact_key("status", row), f"Status: {row}") for row in self.statuses.all()]
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


UNIDENTIFIED = "not identified"


class AgreementParty(MunicipalityOrOrganization):
    """A party: a municipality or an organization, or, when the article names it in words
    that identify no record ("an Israeli city", a garbled name), those words, flagged as
    not identified until an editor chooses the record."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    name_as_written = models.CharField(
        "named in the article as",
        max_length=200,
        blank=True,
        help_text="Only when no municipality or organization can be chosen: the article's "
        "words for the party. It is shown as written and listed as not identified.",
    )
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
            models.CheckConstraint(
                name="agreement_party_is_one_thing",
                condition=Q(municipality__isnull=False, organization__isnull=True)
                | Q(municipality__isnull=True, organization__isnull=False)
                | (
                    Q(municipality__isnull=True, organization__isnull=True) & ~Q(name_as_written="")
                ),
                violation_error_message="A party is a municipality, an organization, or, "
                "when neither can be chosen, the article's words for it.",
            ),
            *(
                party_once(party, within=["agreement"], name=f"agreement_{party}_once")
                for party in PARTIES
            ),
        ]

    def __str__(self):
        if self.party is None:
            return f"“{self.name_as_written}” ({UNIDENTIFIED})"
        return str(self.party)

    def stands_without_party(self) -> bool:
        return (
            not self.municipality_id
            and not self.organization_id
            and bool(self.name_as_written.strip())
        )

    def clean(self):
        super().clean()
        if self.name_as_written and (self.municipality_id or self.organization_id):
            raise ValidationError(
                {
                    "name_as_written": "Leave this empty once a municipality or organization "
                    "is chosen: the party is identified."
                }
            )


class AgreementSignatory(PlainText):
    """Who signed, with the title at the time and the party they signed for (if the
    article says)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    person = models.ForeignKey(
        "cooperation.Person", on_delete=models.PROTECT, related_name="signatures"
    )
    role = models.CharField(max_length=200, help_text="The title at the time, e.g. Mayor of Pu'er.")
    municipality = models.ForeignKey(
        "cooperation.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        help_text="The party signed for, when it is a municipality.",
    )
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        help_text="The party signed for, when it is an organization.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "agreement signatories"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "person"], name="signatory_once"),
            models.CheckConstraint(
                name="signatory_signs_for_one_party",
                condition=Q(municipality__isnull=True) | Q(organization__isnull=True),
                violation_error_message="A signatory signs for one party: a municipality or "
                "an organization.",
            ),
        ]

    def __str__(self):
        signed_for = self.municipality or self.organization
        return f"{self.person}, {self.role}" + (f", for {signed_for}" if signed_for else "")

    @property
    def signed_for(self):
        return self.municipality or self.organization

    def clean(self):
        super().clean()
        if self.municipality_id and self.organization_id:
            raise ValidationError(
                "Choose the municipality or the organization signed for, not both."
            )


class AgreementState(models.TextChoices):
    SIGNED = "signed", "Signed"
    IN_FORCE = "in_force", "In force"
    DORMANT = "dormant", "Dormant"
    TERMINATED = "terminated", "Terminated"


class AgreementStatus(PlainText):
    """The agreement's status over time: signed, in force, dormant, terminated, each as of
    a partial date and with the source that says so."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="statuses")
    state = models.CharField("status", max_length=10, choices=AgreementState.choices)
    as_of_date, as_of_precision, as_of_qualifier = partial_date_fields("as of")
    as_of = PartialDateAttribute()
    source = models.ForeignKey(
        "cooperation.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_statuses",
        help_text="The article that reports this status.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "agreement status"
        verbose_name_plural = "agreement statuses"
        ordering = [models.F("as_of_date").asc(nulls_last=True), "pk"]
        constraints = qualifier_constraints("agreement_status", "as_of")

    def __str__(self):
        return (
            f"{self.get_state_display()}, {self.as_of}" if self.as_of else self.get_state_display()
        )

    def clean(self):
        super().clean()
        normalize_partial_dates(self, "as_of")


def signatories_and_statuses() -> list[models.Prefetch]:
    """An agreement's signatories and statuses with what their lines name, a query each."""
    signatories = AgreementSignatory.objects.select_related(
        "person", "municipality", "organization"
    )
    return [
        models.Prefetch("signatories", signatories),
        models.Prefetch("statuses", AgreementStatus.objects.select_related("source")),
    ]
