"""The articles records are taken from."""

from django.db import models

from cooperation.models.base import CitedByRecordsQuerySet, Tracked
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


class Source(Tracked):
    url = models.URLField("URL", max_length=500, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    published_date, published_precision, published_qualifier = partial_date_fields(
        "publication date"
    )
    published = PartialDateAttribute()
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)
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
