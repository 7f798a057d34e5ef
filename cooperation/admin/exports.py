"""CSV export from the admin: an action for the selected rows and a changelist link."""

from django.contrib import admin
from django.contrib.admin import ActionLocation
from django.contrib.admin.options import IS_POPUP_VAR, IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.urls import path

from cooperation.exports.records import BY_MODEL
from cooperation.exports.stream import csv_response

ACTION_NAME = "export_selected_csv"


class CsvExportMixin:
    """Mix into a ModelAdmin of an exportable model (see `records.EXPORTS`).

    Anyone who may view the model may export it, drafts included. The changelist link
    exports every row of the current search, filters and ordering, on all pages.
    """

    change_list_template = "admin/export_change_list.html"

    @property
    def csv_export(self):
        return BY_MODEL[self.model]

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_export_csv"
        view = self.admin_site.admin_view(self.export_csv_view)
        return [path("export.csv", view, name=name), *super().get_urls()]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        """The export action joins whatever actions the ModelAdmin declares."""
        actions = super().get_actions(request, action_location=action_location)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        action = self.get_action(ACTION_NAME, action_location)
        if action and self.has_view_permission(request):
            actions[ACTION_NAME] = action
        return actions

    @admin.action(description="Export selected to CSV", permissions=["view"])
    def export_selected_csv(self, request, queryset):
        return csv_response(self.csv_export, queryset, request)

    def export_csv_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest(
                "These filters do not apply to this list; go back to the list and choose again.",
                content_type="text/plain; charset=utf-8",
            )
        return csv_response(self.csv_export, changelist.queryset, request)
