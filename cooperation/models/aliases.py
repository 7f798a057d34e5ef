"""Other names of municipalities, organizations, people and offices, each tagged by language."""

from django.db import models

from cooperation.models.base import Alias, alias_once


class MunicipalityAlias(Alias):
    owner = models.ForeignKey(
        "cooperation.Municipality", on_delete=models.CASCADE, related_name="aliases"
    )

    class Meta(Alias.Meta):
        verbose_name = "other name of a municipality"
        constraints = [alias_once("municipality")]


class OrganizationAlias(Alias):
    owner = models.ForeignKey(
        "cooperation.Organization", on_delete=models.CASCADE, related_name="aliases"
    )

    class Meta(Alias.Meta):
        verbose_name = "other name of an organization"
        constraints = [alias_once("organization")]


class PersonAlias(Alias):
    owner = models.ForeignKey(
        "cooperation.Person", on_delete=models.CASCADE, related_name="aliases"
    )

    class Meta(Alias.Meta):
        verbose_name = "other name of a person"
        constraints = [alias_once("person")]


class OfficeAlias(Alias):
    owner = models.ForeignKey(
        "cooperation.LiaisonOffice", on_delete=models.CASCADE, related_name="aliases"
    )

    class Meta(Alias.Meta):
        verbose_name = "other name of an office"
        constraints = [alias_once("office")]
