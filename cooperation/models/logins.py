"""Failed sign-ins to the admin, counted to lock an account or an address (see login_throttle).

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
