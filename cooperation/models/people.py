"""People named in the articles; their titles live on the links (role at the time)."""

from django.db import models

from cooperation.models.base import Named, NamedByRecordsQuerySet


class PersonQuerySet(NamedByRecordsQuerySet):
    record_paths = (
        "offices",
        "visits_led",
        "visits",
        "signatures__agreement",
        "event_participations__event",
    )


class Person(Named):
    notes = models.TextField(
        blank=True,
        help_text="What the sources say of the person outside the records they are linked to.",
    )

    objects = PersonQuerySet.as_manager()

    class Meta(Named.Meta):
        verbose_name_plural = "people"
