"""The list of failed sign-ins: read-only; deleting rows unlocks (README, "When someone is
locked out")."""

from django.contrib import admin

from cooperation.admin.base import ReadableSelectionMixin
from cooperation.models import FailedLogin


@admin.register(FailedLogin)
class FailedLoginAdmin(ReadableSelectionMixin, admin.ModelAdmin):
    list_display = ["username", "address", "attempted_at"]
    list_filter = [("attempted_at", admin.DateFieldListFilter)]
    search_fields = ["username", "address"]
    date_hierarchy = "attempted_at"
    readonly_fields = ["username", "address", "attempted_at"]
    show_facets = admin.ShowFacets.ALWAYS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
