"""The admin of the people records name (with merging)."""

from django.contrib import admin

from cooperation.admin.actions import merge_two
from cooperation.admin.base import NAME_SEARCH, MainModelAdmin
from cooperation.admin.forms import NamedForm
from cooperation.admin.inlines import PersonAliasesInline
from cooperation.admin.names import MissingNameFilter
from cooperation.admin.quality import QualityFilter
from cooperation.models import Person


@admin.register(Person)
class PersonAdmin(MainModelAdmin):
    form = NamedForm
    list_display = ["name", "name_zh", "name_he"]
    list_filter = [MissingNameFilter, QualityFilter]
    search_fields = NAME_SEARCH
    name_search_paths = ("",)
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasesInline]
    actions = [merge_two]
