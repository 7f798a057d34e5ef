"""Staff previews: a draft, or a change waiting for review, seen at its public URL.

Someone signed in to the admin who may view a record sees it at its public address even
while it is not published, and `?revision=<id>` shows a pending change applied to it (in a
transaction that is rolled back: exactly what approving would publish). The page says so
in a banner, asks not to be indexed and is never cached. Everyone else gets the public
site as it is: a 404 for the draft, the published version whatever `revision` says.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from cooperation.models import PublicationStatus, Revision, RevisionStatus

NOINDEX = "noindex, nofollow"
UNPUBLISHED = {PublicationStatus.DRAFT: "a draft", PublicationStatus.IN_REVIEW: "in review"}


@dataclass(frozen=True)
class Preview:
    """What the banner of a previewed page says, and where the change is reviewed."""

    message: str
    review_url: str = ""


def may_preview(user, model) -> bool:
    opts = model._meta
    return (
        user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def pending_revision(obj, text: str) -> Revision | None:
    """The pending revision of `obj` that `?revision=` names, if it names one."""
    if not (text.isascii() and text.isdigit() and len(text) < 19):
        return None
    return (
        Revision.objects.filter(
            pk=int(text),
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            status=RevisionStatus.PENDING,
        )
        .select_related("proposed_by")
        .first()
    )


def revision_preview(revision: Revision) -> Preview:
    return Preview(
        f"Preview of change #{revision.pk} proposed by {revision.proposed_by}: the public "
        "site shows it only once an editor approves it.",
        reverse("admin:cooperation_revision_change", args=[revision.pk]),
    )


def unpublished_preview(obj) -> Preview:
    state = UNPUBLISHED.get(getattr(obj, "status", None), "named by no published record yet")
    return Preview(
        f"Preview: this {obj._meta.verbose_name} is {state}, so the public cannot see it."
    )


def kept_private(response):
    """Never cached, never indexed: the page shows what the public may not see."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = NOINDEX
    return response
