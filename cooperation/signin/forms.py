"""The admin's sign-in form, throttled (cooperation/signin/throttle.py)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from cooperation.signin.throttle import begin_attempt, lockout_message, succeeded
from sinoisrael.http.client_address import client_address


class ThrottledLoginForm(AdminAuthenticationForm):
    """Each sign-in is written down before its password is checked (signin/throttle.py)."""

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
