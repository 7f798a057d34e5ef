"""The sectors records are tagged with (technology, ports, education...)."""

from django.db import models

from cooperation.models.base import CitedByRecordsQuerySet, Tracked


class Sector(Tracked):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = CitedByRecordsQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
