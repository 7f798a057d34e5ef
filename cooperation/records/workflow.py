"""Moving offices, visits, events and agreements between draft, review and published.

Analysts move records between draft and review; only editors (who hold the model's
`publish_<model>` permission) publish and unpublish. The admin's forms and actions both
go through `check_status_change`, so the rule holds whatever the browser sends.
"""

from django.core.exceptions import ValidationError

from cooperation.models import PublicationStatus

DRAFT, REVIEW, PUBLISHED = (
    PublicationStatus.DRAFT,
    PublicationStatus.IN_REVIEW,
    PublicationStatus.PUBLISHED,
)
ONLY_EDITORS_PUBLISH = (
    "Only editors can publish. Set it to “In review” and an editor will publish it."
)
ONLY_EDITORS_UNPUBLISH = "Only editors can take a published record off the public site."
NO_SOURCE = "Cite at least one source before publishing."


def can_publish(user, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def allowed_statuses(*, user, model, current: str) -> list[str]:
    """The statuses `user` may give a record of `model` whose status is now `current`."""
    if can_publish(user, model):
        return [DRAFT, REVIEW, PUBLISHED]
    return [PUBLISHED] if current == PUBLISHED else [DRAFT, REVIEW]


def check_status_change(*, user, model, current: str, new: str) -> None:
    if new in allowed_statuses(user=user, model=model, current=current):
        return
    raise ValidationError(ONLY_EDITORS_PUBLISH if new == PUBLISHED else ONLY_EDITORS_UNPUBLISH)


def set_status(*, record, status: str, user, reason: str = "") -> None:
    """Give `record` a new publication status, as `user`, with the reason kept in history."""
    check_status_change(user=user, model=type(record), current=record.status, new=status)
    if status == PUBLISHED and not record.sources.exists():
        raise ValidationError(NO_SOURCE)
    record.status = status
    record.full_clean()
    record._history_user = user
    record._change_reason = reason or f"Status set to “{record.get_status_display()}”"
    record.save()


def submit_for_review(*, record, user, reason: str = "") -> None:
    set_status(record=record, status=REVIEW, user=user, reason=reason)


def publish(*, record, user, reason: str = "") -> None:
    set_status(record=record, status=PUBLISHED, user=user, reason=reason)


def return_to_draft(*, record, user, reason: str = "") -> None:
    set_status(record=record, status=DRAFT, user=user, reason=reason)
