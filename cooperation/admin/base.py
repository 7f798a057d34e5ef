"""What every ModelAdmin of the tracker shares."""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic

from cooperation.admin.change_form import error_summary
from cooperation.admin.dates import DateBoxesAdminMixin
from cooperation.admin.exports import CsvExportMixin
from cooperation.admin.forms import AdminForm
from cooperation.admin.history import links_of, with_initial
from cooperation.admin.names import NameSearchMixin
from cooperation.admin.review import ReviewedChangesMixin
from cooperation.records.history import save_without_history, write_history

NAME_SEARCH = ["name", "slug"]
TIMESTAMPS = ["created_at", "updated_at"]
FIRST, LAST = ["save_anyway"], ["change_reason"]


def arranged(fields: list) -> list:
    """The duplicate confirmation first (hidden until a warning shows), the reason for the
    change last."""
    middle = [name for name in fields if name not in FIRST + LAST]
    return [*(n for n in FIRST if n in fields), *middle, *(n for n in LAST if n in fields)]


def row_id(model, text: str):
    """The primary key `text` names, or None when it cannot be one (empty, "abc", "²", or
    beyond the column's range): such values come from hand-made URLs and forms."""
    try:
        return model._meta.pk.clean(text, None)
    except ValidationError:
        return None


class ReadableSelectionMixin:
    """An action posted with a selection that names no row ("", "abc") is refused with a
    message, where Django would fail filtering the primary key by it."""

    def response_action(self, request, queryset, action_location=ActionLocation.CHANGE_LIST):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(row_id(self.model, value) is None for value in selected):
            self.message_user(
                request,
                "The selection could not be read: tick the rows again and choose the action.",
                messages.ERROR,
            )
            return None
        return super().response_action(request, queryset, action_location)


class HistoryAdmin(
    DateBoxesAdminMixin, NameSearchMixin, ReadableSelectionMixin, SimpleHistoryAdmin
):
    """Change forms with a reason for the change, partial dates typed in one box each; one
    history entry per save; only users allowed to change a historical version (editors)
    may revert to it."""

    form = AdminForm
    # A changelist waits for neither the size of the table nor its facets: each facet is a
    # count over every matching row (a changelist of 100,000 offices took 1.3 s with them
    # and the full count, 0.4 s without). "Show counts" asks for them where wanted.
    show_facets = admin.ShowFacets.ALLOW
    show_full_result_count = False
    object_history_list_template = "admin/cooperation/object_history_list.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        """On the page of an earlier version (`obj` is that version's instance) the form
        starts from the version's links too."""
        form = super().get_form(request, obj, change, **kwargs)
        version = to_historic(obj) if obj is not None else None
        return form if version is None else with_initial(form, links_of(version))

    def get_fields(self, request, obj=None):
        return arranged(super().get_fields(request, obj))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """A refused form lists its wrong fields at the top, each linked to the field."""
        context = {
            **context,
            "error_summary": error_summary(context["adminform"], context["inline_admin_formsets"]),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        version = to_historic(obj)
        reverted = version and f"Reverted to the version of {version.history_date:%Y-%m-%d %H:%M}"
        obj._change_reason = form.cleaned_data.get("change_reason") or reverted
        save_without_history(obj)
        super().save_model(request, obj, form, change)

    # The admin logs a save after its many-to-many fields and inlines are saved.
    def log_addition(self, request, obj, message):
        write_history(obj, created=True)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        write_history(obj, created=False)
        return super().log_change(request, obj, message)

    def has_change_history_permission(self, request, obj=None):
        history_opts = self.model.history.model._meta
        codename = get_permission_codename("change", history_opts)
        return request.user.has_perm(f"{history_opts.app_label}.{codename}")

    def revert_disabled(self, request, obj=None):
        return not self.has_change_history_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and self.revert_disabled(request):
            raise PermissionDenied("Only editors can revert to an earlier version.")
        history = self.model.history.model
        if row_id(self.model, object_id) is None or row_id(history, version_id) is None:
            raise Http404("No such version.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class MainModelAdmin(CsvExportMixin, ReviewedChangesMixin, HistoryAdmin):
    """The admins of offices, visits, agreements, municipalities, organizations, people and
    sources: their changelists share the CSV export (action and link), and an analyst's
    change to what the public sees goes to review."""

    readonly_fields = TIMESTAMPS
