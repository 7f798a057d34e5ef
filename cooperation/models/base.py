"""Abstract building blocks shared by the models: timestamps, names, publication."""

import re
import unicodedata
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

# Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI): invisible,
# they reorder the text after them. Marks (LRM, RLM) only attach to a character: allowed.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def direction_control_error(text: str) -> str | None:
    match = DIRECTION_CONTROLS.search(text or "")
    if match is None:
        return None
    char = match.group()
    return (
        f"Remove the invisible direction control U+{ord(char):04X} "
        f"({unicodedata.name(char).lower()}) at character {match.start() + 1}: it would "
        "reverse the text around it on the site. Hebrew and Chinese need no control."
    )


class PlainText(models.Model):
    """Text fields refuse invisible direction controls (pasted from a web page, or planted
    to reverse a heading); the pages also isolate every name (templatetags/scripts.py)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if field.name in errors or field.name in (exclude or ()):
                continue
            if isinstance(field, models.CharField | models.TextField):
                message = direction_control_error(getattr(self, field.attname))
                if message:
                    errors[field.name] = [message]
        if errors:
            raise ValidationError(errors)


class Tracked(PlainText):
    """Creation and last-change times, and the full history of every change."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class NativeLanguage(models.TextChoices):
    CHINESE = "zh", "Chinese"
    HEBREW = "he", "Hebrew"


class Named(Tracked):
    """A named thing with a public slug, its name in Chinese or Hebrew, and other names."""

    name = models.CharField(max_length=200, help_text="The usual English name.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    native_name = models.CharField(
        max_length=200, blank=True, help_text="The name in Chinese or Hebrew script, e.g. 北京."
    )
    native_language = models.CharField(
        max_length=2,
        choices=NativeLanguage.choices,
        blank=True,
        help_text="The language of the native name, so pages mark it for screen readers.",
    )
    aliases = models.TextField(
        blank=True,
        help_text="Other names and spellings, one per line (“Z-Park”, “Tel Aviv”).",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.native_name and not self.native_language:
            raise ValidationError(
                {"native_language": "Say which language the native name is written in."}
            )
        if self.native_language and not self.native_name:
            raise ValidationError(
                {"native_name": "Enter the native name, or leave its language empty."}
            )


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Only what the public may see."""
        return self.filter(status=PublicationStatus.PUBLISHED)


class NamedByRecordsQuerySet(models.QuerySet):
    """Places, bodies, people, sectors and sources: the public sees one only through the
    published records that name it, so a name entered for a draft stays private.

    `record_paths` are the lookups from the model to the records that name it.
    """

    record_paths: tuple[str, ...] = ()

    def named_by_published_records(self) -> Q:
        # One subquery per path, not one join over all of them: joined together the
        # relations would multiply each other's rows.
        manager = self.model._default_manager
        return reduce(
            or_,
            (
                Q(
                    pk__in=manager.filter(
                        **{f"{path}__status": PublicationStatus.PUBLISHED}
                    ).values("pk")
                )
                for path in self.record_paths
            ),
        )

    def published(self):
        """Only what the public may see."""
        return self.filter(self.named_by_published_records())


class CitedByRecordsQuerySet(NamedByRecordsQuerySet):
    """Sources and sectors: public once a published record cites or is tagged with them."""

    record_paths = ("liaisonoffices", "visits", "agreements")


class Record(Tracked):
    """A cooperation record (office, visit, agreement): publishable, cited, tagged by sector."""

    status = models.CharField(
        "publication status",
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Only published records are shown to the public.",
    )
    sources = models.ManyToManyField(
        "cooperation.Source",
        related_name="%(class)ss",
        help_text="The articles this record is taken from.",
    )
    sectors = models.ManyToManyField("cooperation.Sector", related_name="%(class)ss", blank=True)
    description = models.TextField(blank=True)

    objects = PublishableQuerySet.as_manager()

    _history_m2m_fields = ["sources", "sectors"]
    # The partial dates, first that is known, a record is listed, counted and filtered by:
    # an office's opening, else its announcement; a visit's start; an agreement's signature.
    main_date_from: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def main_date_expression(cls):
        """The main date in SQL, for `annotate(main_date=...)` (cooperation/public/queries.py)."""
        columns = [F(f"{name}_date") for name in cls.main_date_from]
        return Coalesce(*columns) if len(columns) > 1 else columns[0]

    @property
    def main_partial_date(self):
        """The main date of this record: the same rule as `main_date_expression()`, in Python."""
        dates = [getattr(self, name) for name in self.main_date_from]
        return next((date for date in dates if date), dates[-1])

    @property
    def main_date_as_written(self) -> str:
        """The main date as the site writes it: "April 2018", "c. 1998"."""
        return str(self.main_partial_date)
