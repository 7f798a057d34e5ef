"""Review of every public change: an analyst proposes, an editor approves or rejects.

Whoever may not review (`cooperation.review_revision`: editors) cannot change what the public
sees. Their change to a public object (a published record, or a place, body, person, sector
or source a published record names: `published()`) is kept as a `Revision`, and the public
keeps seeing the published version until an editor approves it.

A revision holds only the parts that change, each as it was when proposed (`base`) and as
proposed, in three kinds:
- fields: the object's own columns, by attribute name (`sponsor_id`, `start_date`);
- links: many-to-many fields without rows of their own (sources, sectors, destinations), as
  sorted ids;
- rows: the rows that belong to it and go with it when it is deleted (office staff, visit
  participants, agreement parties), each with its id (None for a new row) and its columns.
Approving applies those parts to the object as it is then, in one transaction, with one
history entry; the parts the revision does not touch keep their current values.
"""

import contextlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from cooperation.backup import plain
from cooperation.models import Agreement, Revision, RevisionStatus
from cooperation.models.agreements import validate_party_count
from cooperation.models.base import Record
from cooperation.records.history import save_without_history, write_history
from cooperation.records.workflow import NO_SOURCE

REVIEW_PERMISSION = "cooperation.review_revision"
NOT_FIELDS = {"status"}  # a revision never publishes or unpublishes
REASON_LENGTH = 100  # django-simple-history's history_change_reason


def may_review(user) -> bool:
    return user.has_perm(REVIEW_PERMISSION)


def is_public(obj) -> bool:
    return type(obj)._default_manager.published().filter(pk=obj.pk).exists()


def needs_review(*, user, obj) -> bool:
    """Whether `user` changing the saved object `obj` must go through review."""
    return obj.pk is not None and not may_review(user) and is_public(obj)


# What a revision can hold, per model.


def own_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in NOT_FIELDS
    ]


def link_fields(model) -> list[models.ManyToManyField]:
    return [
        field for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created
    ]


def row_relations(model) -> list[models.ManyToOneRel]:
    """The reverse relations of the rows that belong to `model` (deleted with it)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is models.CASCADE
        and not relation.related_model._meta.auto_created
    ]


def row_fields(relation) -> list[models.Field]:
    return [field for field in own_fields(relation.related_model) if field != relation.field]


# Snapshots: the same shape from the database and from a submitted change
# (admin/review.py builds one from the change form).


def column_value(field, obj):
    """A column's value as JSON; text with the line ends a browser sends ("\\r\\n") read
    as "\\n", so that saving a form unchanged proposes nothing."""
    value = plain(getattr(obj, field.attname))
    if isinstance(field, models.TextField) and value:
        return value.replace("\r\n", "\n")
    return value


def field_values(obj) -> dict:
    return {field.attname: column_value(field, obj) for field in own_fields(type(obj))}


def row_value(relation, row) -> dict:
    return {
        "id": row.pk,
        **{field.attname: column_value(field, row) for field in row_fields(relation)},
    }


def sorted_rows(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (row["id"] is None, row["id"] or 0, json.dumps(row)))


def snapshot(obj) -> dict:
    """The object as saved: its fields, links and rows."""
    model = type(obj)
    return {
        "fields": field_values(obj),
        "links": {
            field.name: sorted(getattr(obj, field.name).values_list("pk", flat=True))
            for field in link_fields(model)
        },
        "rows": {
            relation.get_accessor_name(): sorted_rows(
                [
                    row_value(relation, row)
                    for row in getattr(obj, relation.get_accessor_name()).all()
                ]
            )
            for relation in row_relations(model)
        },
    }


def difference(base: dict, proposed: dict) -> tuple[dict, dict]:
    """The parts of `proposed` that differ from `base`, and those parts of `base`."""
    before, after = {}, {}
    for kind, values in proposed.items():
        changed = [name for name, value in values.items() if base[kind].get(name) != value]
        if changed:
            before[kind] = {name: base[kind].get(name) for name in changed}
            after[kind] = {name: values[name] for name in changed}
    return before, after


# Proposing, applying, deciding.


def propose(*, obj, state: dict, user, reason: str = "") -> Revision | None:
    """Keep what `state` (a snapshot) would change on the saved, public `obj` as a pending
    revision; None when it would change nothing."""
    base, proposed = difference(snapshot(type(obj)._default_manager.get(pk=obj.pk)), state)
    if not proposed:
        return None
    revision = Revision(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        base=base,
        proposed=proposed,
        reason=reason,
        proposed_by=user,
    )
    revision.full_clean()
    revision.save()
    return revision


def decoded(field, value):
    return field.target_field.to_python(value) if field.is_relation else field.to_python(value)


def set_fields(obj, fields: list[models.Field], values: dict) -> None:
    for field in fields:
        if field.attname in values:
            setattr(obj, field.attname, decoded(field, values[field.attname]))


def apply_rows(obj, relation, rows: list[dict], *, user, reason: str) -> None:
    """Make the object's rows those of `rows`: delete the others, update, then add."""
    fields = row_fields(relation)
    existing = {row.pk: row for row in getattr(obj, relation.get_accessor_name()).all()}
    kept = {row["id"] for row in rows if row["id"] in existing}
    for pk, row in existing.items():
        if pk not in kept:
            row._history_user, row._change_reason = user, reason
            row.delete()
    for values in rows:
        row = existing.get(values["id"]) or relation.related_model(**{relation.field.name: obj})
        set_fields(row, fields, values)
        row.full_clean()
        row._history_user, row._change_reason = user, reason
        row.save()


def check_rules_across_rows(obj) -> None:
    """The rules the admin's inlines check across rows, checked on what was applied."""
    if isinstance(obj, Record) and not obj.sources.exists():
        raise ValidationError(NO_SOURCE)
    if isinstance(obj, Agreement):
        validate_party_count(obj.parties.count())


def apply_changes(obj, changes: dict, *, user, reason: str) -> None:
    """Apply a revision's proposed parts to `obj` (call inside a transaction)."""
    model = type(obj)
    set_fields(obj, own_fields(model), changes.get("fields", {}))
    obj.full_clean()
    obj._history_user, obj._change_reason = user, reason[:REASON_LENGTH]
    save_without_history(obj)
    obj.save()
    for name, ids in changes.get("links", {}).items():
        getattr(obj, name).set(ids)
    for relation in row_relations(model):
        accessor = relation.get_accessor_name()
        if accessor in changes.get("rows", {}):
            apply_rows(obj, relation, changes["rows"][accessor], user=user, reason=reason)
    check_rules_across_rows(obj)
    write_history(obj, created=False)


def locked_target(revision: Revision):
    model = revision.content_type.model_class()
    obj = model._default_manager.select_for_update().filter(pk=revision.object_id).first()
    if obj is None:
        raise ValidationError("The record this change was proposed for has been deleted.")
    return obj


def check_reviewer(*, revision: Revision, user) -> None:
    if not may_review(user):
        raise PermissionDenied("Only editors approve or reject proposed changes.")
    if revision.proposed_by_id == user.pk:
        raise PermissionDenied("A change is reviewed by someone other than its author.")
    if not revision.is_pending:
        raise ValidationError(f"This change was already {revision.get_status_display().lower()}.")


def decide(revision: Revision, *, status: str, user, note: str) -> None:
    revision.status = status
    revision.reviewed_by, revision.reviewed_at, revision.review_note = user, timezone.now(), note
    revision.full_clean()
    revision.save()


def approve(*, revision: Revision, user, note: str = "") -> None:
    """Apply the revision to its object, as `user`, with one history entry."""
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        check_reviewer(revision=revision, user=user)
        reason = f"Change #{revision.pk} by {revision.proposed_by} approved" + (
            f": {revision.reason}" if revision.reason else ""
        )
        apply_changes(locked_target(revision), revision.proposed, user=user, reason=reason)
        decide(revision, status=RevisionStatus.APPROVED, user=user, note=note)


def reject(*, revision: Revision, user, note: str) -> None:
    """Refuse the revision, saying why; the object does not change."""
    if not note.strip():
        raise ValidationError("Say why the change is rejected: its author reads it.")
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        check_reviewer(revision=revision, user=user)
        decide(revision, status=RevisionStatus.REJECTED, user=user, note=note)


@contextlib.contextmanager
def applied_for_preview(revision: Revision | None, *, user):
    """Inside the block the database shows the revision applied; afterwards nothing of it
    is kept. What a preview shows is then exactly what approving would publish."""
    if revision is None:
        yield
        return
    with transaction.atomic():
        apply_changes(locked_target(revision), revision.proposed, user=user, reason="Preview")
        yield
        transaction.set_rollback(True)
