"""Admins of places and bodies: municipalities (with merging) and organizations."""

from django.contrib import admin

from cooperation.admin.actions import merge_two
from cooperation.admin.base import NAME_SEARCH, MainModelAdmin
from cooperation.admin.forms import MunicipalityForm
from cooperation.models import Municipality, Organization


@admin.register(Municipality)
class MunicipalityAdmin(MainModelAdmin):
    form = MunicipalityForm
    list_display = ["name", "native_name", "country", "level", "parent"]
    list_filter = ["country", "level"]
    list_select_related = ["parent"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [merge_two]


@admin.register(Organization)
class OrganizationAdmin(MainModelAdmin):
    list_display = ["name", "native_name", "kind", "country", "municipality"]
    list_filter = ["kind", "country"]
    list_select_related = ["municipality"]
    search_fields = [*NAME_SEARCH, "municipality__name"]
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
