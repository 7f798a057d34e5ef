"""Admins of places and bodies: municipalities and organizations (each with merging)."""

from django.contrib import admin

from cooperation.admin.actions import merge_two
from cooperation.admin.base import NAME_SEARCH, MainModelAdmin
from cooperation.admin.forms import NamedForm
from cooperation.admin.inlines import MunicipalityAliasesInline, OrganizationAliasesInline
from cooperation.admin.names import MissingNameFilter
from cooperation.admin.quality import QualityFilter
from cooperation.models import Municipality, Organization


@admin.register(Municipality)
class MunicipalityAdmin(MainModelAdmin):
    form = NamedForm
    list_display = ["name", "name_zh", "name_he", "country", "level", "parent"]
    list_filter = ["country", "level", MissingNameFilter, QualityFilter]
    list_select_related = ["parent"]
    search_fields = NAME_SEARCH
    name_search_paths = ("",)
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MunicipalityAliasesInline]
    actions = [merge_two]


@admin.register(Organization)
class OrganizationAdmin(MainModelAdmin):
    form = NamedForm
    list_display = ["name", "name_zh", "name_he", "kind", "country", "municipality"]
    list_filter = ["kind", "country", MissingNameFilter, QualityFilter]
    list_select_related = ["municipality"]
    search_fields = NAME_SEARCH
    name_search_paths = ("", "municipality__")
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAliasesInline]
    actions = [merge_two]
