"""The admin of the people records name (with merging)."""

from django.contrib import admin

from cooperation.admin.actions import merge_two
from cooperation.admin.base import NAME_SEARCH, MainModelAdmin
from cooperation.models import Person


@admin.register(Person)
class PersonAdmin(MainModelAdmin):
    list_display = ["name", "native_name", "native_language"]
    list_filter = ["native_language"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name"]}
    actions = [merge_two]
