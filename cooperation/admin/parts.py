"""Admins of the rows that link people and parties to records, for searching across them
(they are entered as inlines of their record)."""

from django.contrib import admin

from cooperation.admin.base import HistoryAdmin
from cooperation.models import AgreementParty, OfficeStaff, VisitParticipant


@admin.register(OfficeStaff)
class OfficeStaffAdmin(HistoryAdmin):
    list_display = ["person", "role", "office"]
    list_filter = ["office__status", "office__operating_status"]
    list_select_related = ["person", "office"]
    search_fields = [
        "person__name",
        "person__native_name",
        "person__aliases",
        "role",
        "office__name",
    ]
    autocomplete_fields = ["office", "person"]


@admin.register(VisitParticipant)
class VisitParticipantAdmin(HistoryAdmin):
    list_display = ["person", "role", "side", "organization", "visit"]
    list_filter = ["side", "visit__status"]
    list_select_related = ["person", "organization", "visit"]
    search_fields = [
        "person__name",
        "person__native_name",
        "person__aliases",
        "role",
        "visit__title",
    ]
    autocomplete_fields = ["visit", "person", "organization"]


@admin.register(AgreementParty)
class AgreementPartyAdmin(HistoryAdmin):
    list_display = ["agreement", "municipality", "organization"]
    list_filter = ["agreement__kind", "agreement__status"]
    list_select_related = ["agreement", "municipality", "organization"]
    search_fields = ["agreement__title", "municipality__name", "organization__name"]
    autocomplete_fields = ["agreement", "municipality", "organization"]
