"""Admins of what records point to: municipalities, organizations, people, sectors, sources."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join

from cooperation.admin.actions import merge_two
from cooperation.admin.base import (
    NAME_SEARCH,
    TIMESTAMPS,
    HistoryAdmin,
    MainModelAdmin,
)
from cooperation.admin.forms import MunicipalityForm, SourceForm
from cooperation.admin.review import ReviewedChangesMixin
from cooperation.models import Municipality, Organization, Person, Sector, Source


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


@admin.register(Person)
class PersonAdmin(MainModelAdmin):
    list_display = ["name", "native_name", "native_language"]
    list_filter = ["native_language"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name"]}
    actions = [merge_two]


@admin.register(Sector)
class SectorAdmin(ReviewedChangesMixin, HistoryAdmin):
    list_display = ["name", "slug", "created_at"]
    list_filter = [("created_at", admin.DateFieldListFilter)]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS


CITING = [("liaisonoffice", "office"), ("visit", "visit"), ("agreement", "agreement")]


@admin.register(Source)
class SourceAdmin(MainModelAdmin):
    form = SourceForm
    list_display = [
        "title",
        "publisher",
        "published_as_written",
        "language",
        "url",
    ]
    list_filter = ["language", "publisher"]
    search_fields = ["title", "publisher", "url", "excerpt"]
    date_hierarchy = "published_date"
    readonly_fields = ["cite_it", *TIMESTAMPS]

    @admin.display(description="Published", ordering="published_date")
    def published_as_written(self, source):
        return str(source.published)

    @admin.display(description="Cite it in")
    def cite_it(self, source):
        """Links to add a record that cites this source, with the source already filled in."""
        if source.pk is None:
            return "Save the source first, then add the records it reports from here."
        links = (
            (reverse(f"admin:cooperation_{model}_add"), source.pk, f"a new {label}")
            for model, label in CITING
        )
        return format_html_join(", ", '<a href="{}?cite={}">{}</a>', links)
