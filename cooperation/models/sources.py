"""The articles records are taken from."""

from django.db import models

from cooperation.models.base import CitedByRecordsQuerySet, Tracked
from cooperation.models.citations import citation_models
from cooperation.partial_dates import (
    PartialDateAttribute,
    normalize_partial_dates,
    partial_date_fields,
    qualifier_constraints,
)


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    CHINESE = "zh", "Chinese"
    HEBREW = "he", "Hebrew"
    OTHER = "other", "Other"


class PublisherKind(models.TextChoices):
    """Who speaks through a source: the evidence grade counts official sources on each side
    and independent publishers (cooperation/records/grades.py)."""

    GOVERNMENT = "government", "Official government"
    STATE_MEDIA = "state_media", "State or party media"
    INDEPENDENT = "independent", "Independent media"
    ORGANIZATION = "organization", "Company or organization"
    OTHER = "other", "Other"


class PublisherCountry(models.TextChoices):
    CHINA = "CN", "China"
    ISRAEL = "IL", "Israel"
    OTHER = "other", "Another country"


class Source(Tracked):
    url = models.URLField("URL", max_length=500, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    published_date, published_precision, published_qualifier = partial_date_fields(
        "publication date"
    )
    published = PartialDateAttribute()
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)
    publisher_kind = models.CharField(
        max_length=12, choices=PublisherKind.choices, default=PublisherKind.OTHER
    )
    publisher_country = models.CharField(
        max_length=5,
        choices=PublisherCountry.choices,
        blank=True,
        help_text="Where the publisher is based; leave empty when unknown.",
    )
    text = models.TextField(
        "article text",
        blank=True,
        help_text="The article as published, pasted whole. Quotes cited from this source are "
        "checked against it. Staff alone read it: the public sees quotes and the link.",
    )
    excerpt = models.TextField(blank=True, help_text="The passage the records rely on.")
    notes = models.TextField(blank=True)

    objects = CitedByRecordsQuerySet.as_manager()

    class Meta:
        ordering = ["-published_date", "title"]
        constraints = qualifier_constraints("source", "published")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        normalize_partial_dates(self, "published")


def citations_of(source: Source) -> list:
    """Every citation of the source, with the record it supports."""
    return [
        citation
        for model in citation_models()
        for citation in model.objects.filter(source=source).select_related("record")
    ]
