"""Merging two records of one municipality (or one person) into the one kept.

Every link to the removed record (offices, visits, destinations, parties, organizations,
child municipalities, staff and participant rows) moves to the kept one; its names become
aliases of the kept one and its details fill the kept one's blanks, or are appended to
its texts. All in one transaction, each change written to history with the reason.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction

from cooperation.models import Municipality, Person
from cooperation.records.duplicates import name_key

MERGEABLE = (Municipality, Person)
NAME_FIELDS = {"name", "slug", "native_name", "aliases"}


def merge(*, keep, remove, user) -> int:
    """Fold `remove` into `keep` and delete it; returns how many links moved."""
    check_mergeable(keep=keep, remove=remove)
    reason = f"Merged “{remove}” into “{keep}”"
    with transaction.atomic():
        moved = move_links(keep=keep, remove=remove, user=user, reason=reason)
        # A municipality merged into its own region does not become its own parent.
        inside = {"parent"} if getattr(remove, "parent_id", None) == keep.pk else set()
        absorb(keep, remove, skip=NAME_FIELDS | inside)
        keep.aliases = merged_aliases(keep, remove)
        if not keep.native_name:
            keep.native_name, keep.native_language = remove.native_name, remove.native_language
        save(keep, user=user, reason=reason)
        remove._history_user, remove._change_reason = user, reason
        remove.delete()
    return moved


def check_mergeable(*, keep, remove) -> None:
    if type(keep) is not type(remove) or not isinstance(keep, MERGEABLE):
        raise ValidationError("Only two municipalities, or two people, can be merged.")
    if keep.pk == remove.pk:
        raise ValidationError("Choose two different records to merge.")
    if isinstance(keep, Municipality) and keep.country != remove.country:
        raise ValidationError(
            f"{keep} and {remove} are in different countries, so they are not the same place."
        )


def save(obj, *, user, reason: str) -> None:
    obj.full_clean()
    obj._history_user, obj._change_reason = user, reason
    obj.save()


def move_links(*, keep, remove, user, reason: str) -> int:
    moved = 0
    for relation in type(remove)._meta.related_objects:
        if relation.many_to_many:
            # A many-to-many with its own row model (staff, participants) moves as those rows.
            if relation.through._meta.auto_created:
                moved += move_many_to_many(
                    relation, keep=keep, remove=remove, user=user, reason=reason
                )
            continue
        field = relation.field
        for linked in relation.related_model._default_manager.filter(**{field.name: remove}):
            moved += 1
            if linked == keep:  # the kept municipality was in the removed one
                keep.parent = remove.parent
                continue
            twin = existing_twin(linked, field.name, keep)
            if twin is None:
                setattr(linked, field.name, keep)
                save(linked, user=user, reason=reason)
            else:
                absorb(twin, linked, skip={field.name})
                save(twin, user=user, reason=reason)
                linked._history_user, linked._change_reason = user, reason
                linked.delete()
    return moved


def move_many_to_many(relation, *, keep, remove, user, reason: str) -> int:
    """E.g. visits whose destinations include the removed municipality."""
    linked = relation.related_model._default_manager.filter(**{relation.field.name: remove})
    for record in linked:
        record._history_user, record._change_reason = user, reason
        related = getattr(record, relation.field.name)
        related.remove(remove)
        related.add(keep)
    return len(linked)


def existing_twin(linked, field_name: str, keep):
    """The row that, once `linked` points to `keep`, it would duplicate (same unique key)."""
    for constraint in linked._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and field_name in constraint.fields:
            lookup = {name: getattr(linked, name) for name in constraint.fields}
            lookup[field_name] = keep
            return type(linked)._default_manager.filter(**lookup).exclude(pk=linked.pk).first()
    return None


def absorb(target, source, *, skip: set) -> None:
    """Fill the target's blank fields from the source; append differing free texts."""
    for field in target._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name in skip:
            continue
        mine, theirs = getattr(target, field.attname), getattr(source, field.attname)
        if theirs in field.empty_values or theirs == mine:
            continue
        if mine in field.empty_values:
            setattr(target, field.attname, theirs)
        elif isinstance(field, models.TextField):
            setattr(target, field.attname, f"{mine}\n\n{theirs}")
        elif isinstance(field, models.CharField) and not field.choices:
            setattr(target, field.attname, f"{mine}; {theirs}")


def merged_aliases(keep, remove) -> str:
    """The kept aliases, then the removed record's names, each once."""
    names = [
        *keep.alias_list,
        remove.name,
        *([remove.native_name] if keep.native_name else []),
        *remove.alias_list,
    ]
    seen = {name_key(keep.name), name_key(keep.native_name)}
    kept = []
    for name in names:
        if name and name_key(name) not in seen:
            seen.add(name_key(name))
            kept.append(name)
    return "\n".join(kept)


def link_count(obj) -> int:
    """How many records and rows point to `obj`: what a merge would move."""
    total = 0
    for relation in type(obj)._meta.related_objects:
        if relation.many_to_many and not relation.through._meta.auto_created:
            continue
        manager = relation.related_model._default_manager
        total += manager.filter(**{relation.field.name: obj}).count()
    return total
