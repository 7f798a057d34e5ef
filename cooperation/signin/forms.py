"""The admin sign-in with throttling, and the list of failed sign-ins (delete to unlock)."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from cooperation.admin.base import ReadableSelectionMixin
from cooperation.models import FailedLogin
from cooperation.signin.throttle import begin_attempt, lockout_message, succeeded
from sinoisrael.http.client_address import client_address


class ThrottledLoginForm(AdminAuthenticationForm):
    """Each sign-in is written down before its password is checked (login_throttle)."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if not username or not self.cleaned_data.get("password"):
            # No password is checked (the empty field has its error already): not an
            # attempt, and above all not a success that would clear the failures.
            return super().clean()
        attempt = begin_attempt(username=username, address=client_address(self.request))
        if attempt is None:
            raise ValidationError(lockout_message(), code="locked")
        try:
            cleaned = super().clean()
        except ValidationError as wrong:
            if attempt.locks_if_wrong:
                locked = ValidationError(lockout_message(), code="locked")
                raise ValidationError([wrong, locked]) from None
            raise
        succeeded(attempt)
        return cleaned


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
