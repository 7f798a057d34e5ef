"""The admin of the sectors records are tagged with."""

from django.contrib import admin

from cooperation.admin.base import TIMESTAMPS, HistoryAdmin
from cooperation.admin.review import ReviewedChangesMixin
from cooperation.models import Sector


@admin.register(Sector)
class SectorAdmin(ReviewedChangesMixin, HistoryAdmin):
    list_display = ["name", "slug", "created_at"]
    list_filter = [("created_at", admin.DateFieldListFilter)]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS
