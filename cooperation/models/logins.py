"""Sign-ins to the admin: failures, counted to lock an account, an address or the two, and
the addresses each account signed in from (see cooperation/signin/throttle.py).

A sign-in is written down as a failure before its password is checked, so a row may also
be an attempt still being checked; a right password deletes it a moment later.
"""

from django.db import models
from django.utils import timezone


class FailedLogin(models.Model):
    username = models.CharField(
        max_length=150, db_index=True, help_text="As typed, case-folded; may not be a real user."
    )
    address = models.GenericIPAddressField(
        "IP address",
        db_index=True,
        help_text="The client's, read through the trusted proxies; 0.0.0.0 when the server "
        "was not told who connected.",
    )
    attempted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-attempted_at"]
        verbose_name = "failed sign-in"

    def __str__(self):
        return f"{self.username or '(no username)'} from {self.address}"


class KnownSignInAddress(models.Model):
    """An address an account signed in from successfully, remembered for
    LOGIN_KNOWN_ADDRESS_DAYS: failures from other addresses, or for other accounts, do not
    lock the account there (see login_throttle)."""

    username = models.CharField(max_length=150, help_text="Case-folded, as in failed sign-ins.")
    address = models.GenericIPAddressField("IP address")
    signed_in_at = models.DateTimeField("last signed in", db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["username", "address"], name="known_sign_in_address_once"
            )
        ]
        ordering = ["username", "address"]
        verbose_name = "known sign-in address"

    def __str__(self):
        return f"{self.username} from {self.address}"
