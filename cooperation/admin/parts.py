"""Lists of the rows that link people and parties to records, for editors to search across
them. The rows are entered and changed as inlines of their record, which check the record's
rules (at least two parties, review of a public record's changes); here nobody adds,
changes or deletes one, and analysts do not see these lists at all.

They are not record types, so the admin's index and sidebar do not list them beside the
records: editors reach them from a line of the index (templates/admin/cooperation/index.html).
No autocomplete needs them (autocompletes ask the admin of the model chosen: people, places,
bodies, sources)."""

from django.contrib import admin

from cooperation.admin.base import HistoryAdmin
from cooperation.models import AgreementParty, OfficeStaff, VisitParticipant
from cooperation.records.revisions import may_review


class RecordPartAdmin(HistoryAdmin):
    actions = None

    def has_module_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        return may_review(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficeStaff)
class OfficeStaffAdmin(RecordPartAdmin):
    list_display = ["person", "role", "office"]
    list_filter = ["office__status", "office__operating_status"]
    list_select_related = ["person", "office"]
    search_fields = ["role", "office__name"]
    name_search_paths = ("person__",)


@admin.register(VisitParticipant)
class VisitParticipantAdmin(RecordPartAdmin):
    list_display = ["person", "role", "side", "organization", "visit"]
    list_filter = ["side", "visit__status"]
    list_select_related = ["person", "organization", "visit"]
    search_fields = ["role", "visit__title"]
    name_search_paths = ("person__",)


@admin.register(AgreementParty)
class AgreementPartyAdmin(RecordPartAdmin):
    list_display = ["agreement", "municipality", "organization"]
    list_filter = ["agreement__kind", "agreement__status"]
    list_select_related = ["agreement", "municipality", "organization"]
    search_fields = ["agreement__title", "municipality__name", "organization__name"]
