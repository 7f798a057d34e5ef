"""People named in the articles; their titles live on the links (role at the time)."""

from django.db import models

from cooperation.models.base import Named


class Person(Named):
    notes = models.TextField(
        blank=True,
        help_text="What the sources say of the person outside the records they are linked to.",
    )

    class Meta(Named.Meta):
        verbose_name_plural = "people"
