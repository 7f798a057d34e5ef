"""Changes proposed to something the public sees, waiting for an editor's review.

An analyst's change to a published record (or to a place, body, person, sector or source a
published record names) is not saved on it: it is kept here, and the public keeps seeing
the published version until an editor approves it (cooperation/records/revisions.py).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Revision(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # Only the parts that change: {"fields": {...}, "links": {...}, "rows": {...}}, as they
    # were when proposed (base) and as proposed; see cooperation/records/revisions.py.
    base = models.JSONField()
    proposed = models.JSONField()
    reason = models.CharField("reason for the change", max_length=100, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="revisions_proposed"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10,
        choices=RevisionStatus.choices,
        default=RevisionStatus.PENDING,
        db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(
        max_length=300, blank=True, help_text="Why it was approved or rejected."
    )

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = "proposed change"
        permissions = [("review_revision", "Can approve or reject proposed changes")]
        indexes = [models.Index(fields=["content_type", "object_id", "status"])]
        constraints = [
            models.CheckConstraint(
                name="revision_reviewed_when_decided",
                condition=Q(status=RevisionStatus.PENDING, reviewed_by__isnull=True)
                | (~Q(status=RevisionStatus.PENDING) & Q(reviewed_by__isnull=False)),
                violation_error_message="A decided change names its reviewer; a pending one none.",
            ),
        ]

    def __str__(self):
        return f"Change #{self.pk} to {self.content_type.name} “{self.target or '(deleted)'}”"

    @property
    def is_pending(self) -> bool:
        return self.status == RevisionStatus.PENDING
