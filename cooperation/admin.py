"""The analysts' workplace: every model, with search, filters and inline links."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cooperation.forms import AgreementPartyFormSet
from cooperation.models import (
    Agreement,
    AgreementParty,
    LiaisonOffice,
    Municipality,
    OfficeStaff,
    Organization,
    Person,
    Sector,
    Source,
    Visit,
    VisitParticipant,
)

NAME_SEARCH = ["name", "native_name", "aliases", "slug"]
TIMESTAMPS = ["created_at", "updated_at"]


class HistoryAdmin(SimpleHistoryAdmin):
    readonly_fields = TIMESTAMPS


@admin.register(Municipality)
class MunicipalityAdmin(HistoryAdmin):
    list_display = ["name", "native_name", "country", "level", "parent"]
    list_filter = ["country", "level"]
    list_select_related = ["parent"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    list_display = ["name", "native_name", "kind", "country", "municipality"]
    list_filter = ["kind", "country"]
    list_select_related = ["municipality"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "native_name"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Sector)
class SectorAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["title", "publisher", "published_date", "language", "url"]
    list_filter = ["language", "publisher"]
    search_fields = ["title", "publisher", "url", "excerpt"]
    date_hierarchy = "published_date"


class OfficeStaffInline(admin.TabularInline):
    model = OfficeStaff
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(LiaisonOffice)
class LiaisonOfficeAdmin(HistoryAdmin):
    list_display = ["name", "sponsor", "host", "operating_status", "status"]
    list_filter = ["status", "operating_status", "sectors"]
    list_select_related = ["sponsor", "host"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["sponsor", "sponsor_organization", "host", "sources", "sectors"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OfficeStaffInline]


class VisitParticipantInline(admin.TabularInline):
    model = VisitParticipant
    autocomplete_fields = ["person", "organization"]
    extra = 0


@admin.register(Visit)
class VisitAdmin(HistoryAdmin):
    list_display = ["title", "origin", "start_date", "status"]
    list_filter = ["status", "sectors"]
    list_select_related = ["origin"]
    search_fields = ["title", "slug", "origin__name", "origin__native_name"]
    autocomplete_fields = ["origin", "destinations", "leader", "sources", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "start_date"
    inlines = [VisitParticipantInline]


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    formset = AgreementPartyFormSet
    autocomplete_fields = ["municipality", "organization"]
    extra = 2


@admin.register(Agreement)
class AgreementAdmin(HistoryAdmin):
    list_display = ["title", "kind", "signed_date", "status"]
    list_filter = ["status", "kind", "sectors"]
    search_fields = ["title", "slug"]
    autocomplete_fields = ["visit", "sources", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "signed_date"
    inlines = [AgreementPartyInline]
