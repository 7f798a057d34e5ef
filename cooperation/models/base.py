"""Abstract building blocks shared by the models: timestamps, names, publication."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class TimeStamped(models.Model):
    """Creation and last-change times, plus a full change history of the record."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class NativeLanguage(models.TextChoices):
    CHINESE = "zh", "Chinese"
    HEBREW = "he", "Hebrew"


class Named(TimeStamped):
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


class Record(TimeStamped):
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

    class Meta:
        abstract = True
