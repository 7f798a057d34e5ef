"""Municipalities on either side, and the organizations that are not municipalities."""

from functools import reduce
from operator import or_

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from cooperation.models.base import Named, NamedByRecordsQuerySet


class Country(models.TextChoices):
    """ISO 3166-1 alpha-2 codes of the countries the tracker covers."""

    CHINA = "CN", "China"
    ISRAEL = "IL", "Israel"


class MunicipalityLevel(models.TextChoices):
    PROVINCE = "province", "Province"
    PROVINCIAL_MUNICIPALITY = "provincial_municipality", "Province-level municipality"
    PREFECTURE_CITY = "prefecture_city", "Prefecture-level city"
    COUNTY_CITY = "county_city", "County-level city"
    CITY = "city", "City"
    DISTRICT = "district", "District"
    REGIONAL_COUNCIL = "regional_council", "Regional council"


# The lookups from a municipality to itself and to the regions it lies in: a district lies in
# a city, the city in a province, and no deeper (the tracker records no finer places).
SELF_AND_REGIONS = ("", "parent__", "parent__parent__")


class MunicipalityQuerySet(NamedByRecordsQuerySet):
    record_paths = (
        "offices_sponsored",
        "offices_hosted",
        "visit_places__visit",
        "agreement_parties__agreement",
        "events",
        "events_organized__event",
    )

    def published(self):
        """Municipalities a published record names, and the regions they lie in (up to two
        levels up: a district's city and province), so a city's page can link its region."""
        named = self.model._default_manager.filter(self.named_by_published_records())
        return self.filter(
            reduce(or_, (Q(pk__in=named.values(f"{path}pk")) for path in SELF_AND_REGIONS))
        )

    def within(self, place):
        """The municipality `place` (its slug, or the object) and the ones inside it: its
        children and theirs (a province, its cities and their districts).

        The one rule by which a region stands for what lies in it, on its profile and in every
        filter and search: a reader asking for Yunnan expects Pu'er's records. It selects
        places, not records: whoever uses it still shows only published records.
        """
        field, value = ("slug", place) if isinstance(place, str) else ("pk", place.pk)
        return self.filter(
            reduce(or_, (Q(**{f"{path}{field}": value}) for path in SELF_AND_REGIONS))
        )


class Municipality(Named):
    country = models.CharField(max_length=2, choices=Country.choices)
    level = models.CharField(max_length=30, choices=MunicipalityLevel.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The region it belongs to, e.g. Guangdong for Dongguan.",
    )
    population = models.PositiveBigIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year the population figure refers to.",
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q956.")],
    )
    description = models.TextField(blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta(Named.Meta):
        verbose_name_plural = "municipalities"
        constraints = [
            models.CheckConstraint(
                name="municipality_not_own_parent", condition=~Q(parent=F("pk"))
            ),
            models.CheckConstraint(
                name="municipality_latitude_range",
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            ),
            models.CheckConstraint(
                name="municipality_longitude_range",
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            ),
        ]

    def get_absolute_url(self):
        return reverse("cooperation:municipality-detail", kwargs={"slug": self.slug})


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", "Government body"
    SCIENCE_PARK = "science_park", "Science or industrial park"
    COMPANY = "company", "Company"
    DIPLOMATIC = "diplomatic", "Embassy or consulate"
    PORT = "port", "Port"
    OTHER = "other", "Other"


class OrganizationQuerySet(NamedByRecordsQuerySet):
    record_paths = (
        "offices",
        "visit_places__visit",
        "participations__visit",
        "agreement_parties__agreement",
        "events_organized__event",
        "event_participations__event",
    )


class Organization(Named):
    kind = models.CharField(max_length=20, choices=OrganizationKind.choices)
    country = models.CharField(max_length=2, choices=Country.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        help_text="The municipality it belongs to or is run by, if any.",
    )
    website = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)

    objects = OrganizationQuerySet.as_manager()
