"""Merging two records of one municipality (or one organization, or one person) into the
one kept.

Every link to the removed record (offices, visits, destinations, parties, organizations,
child municipalities, staff and participant rows), the citations of facts about it, and its
other names move to the kept one;
its English name, and its Chinese and Hebrew names where the kept one has its own, become
other names of the kept one and its details fill the kept one's blanks, or are appended to
its texts. All in one transaction, each change written to history with the reason.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction

from cooperation.models import Municipality, Organization, Person
from cooperation.models.base import Alias
from cooperation.models.citations import citation_models, fact_key
from cooperation.scripts import name_key

MERGEABLE = (Municipality, Organization, Person)
NAME_FIELDS = {"name", "slug", "name_zh", "name_he"}


def merge(*, keep, remove, user) -> int:
    """Fold `remove` into `keep` and delete it; returns how many links moved."""
    check_mergeable(keep=keep, remove=remove)
    reason = f"Merged “{remove}” into “{keep}”"
    with transaction.atomic():
        moved = move_links(keep=keep, remove=remove, user=user, reason=reason)
        move_citations(keep=keep, remove=remove, user=user, reason=reason)
        # A municipality merged into its own region does not become its own parent.
        inside = {"parent"} if getattr(remove, "parent_id", None) == keep.pk else set()
        absorb(keep, remove, skip=NAME_FIELDS | inside)
        new_aliases = names_kept_as_aliases(keep, remove)
        save(keep, user=user, reason=reason)
        for name, language in new_aliases:
            alias = keep.aliases.model(owner=keep, name=name, language=language)
            save(alias, user=user, reason=reason)
        remove._history_user, remove._change_reason = user, reason
        remove.delete()
    return moved


def check_mergeable(*, keep, remove) -> None:
    if type(keep) is not type(remove) or not isinstance(keep, MERGEABLE):
        raise ValidationError(
            "Only two municipalities, two organizations or two people can be merged."
        )
    if keep.pk == remove.pk:
        raise ValidationError("Choose two different records to merge.")
    countries = {getattr(record, "country", "") for record in (keep, remove)} - {""}
    if len(countries) > 1:
        raise ValidationError(
            f"{keep} and {remove} are in different countries, so they are not the same one."
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
            moved += is_link(relation)
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


def move_citations(*, keep, remove, user, reason: str) -> None:
    """A citation of a fact about the removed record ("origin:municipality:12") becomes one
    about the kept record, unless the same source already supports that fact there."""
    suffix = fact_key("", remove)
    for model in citation_models():
        for citation in model.objects.filter(fact__endswith=suffix):
            citation.fact = citation.fact.removesuffix(suffix) + fact_key("", keep)
            duplicate = model.objects.filter(
                record=citation.record_id, fact=citation.fact, source=citation.source_id
            )
            citation._history_user, citation._change_reason = user, reason
            if duplicate.exists():
                citation.delete()
            else:
                citation.save()


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


def names_kept_as_aliases(keep, remove) -> list[tuple[str, str]]:
    """The removed record's names that the kept one lacks, as (name, language) of new
    aliases; a Chinese or Hebrew name fills the kept one's blank instead. Run after the
    removed record's aliases have moved (`move_links`)."""
    known = {name_key(name) for name in [keep.name, keep.name_zh, keep.name_he]}
    known |= {name_key(name) for name in keep.aliases.values_list("name", flat=True)}
    new = []
    for field, language in (("name", "en"), ("name_zh", "zh"), ("name_he", "he")):
        name = getattr(remove, field)
        if not name or name_key(name) in known:
            continue
        known.add(name_key(name))
        if field != "name" and not getattr(keep, field):
            setattr(keep, field, name)
        else:
            new.append((name, language))
    return new


def is_link(relation) -> bool:
    """Whether the rows of `relation` are links to other records (an alias is a name)."""
    return not issubclass(relation.related_model, Alias)


def link_count(obj) -> int:
    """How many records and rows point to `obj`: what a merge would move."""
    total = 0
    for relation in type(obj)._meta.related_objects:
        if relation.many_to_many and not relation.through._meta.auto_created:
            continue
        if not is_link(relation):
            continue
        manager = relation.related_model._default_manager
        total += manager.filter(**{relation.field.name: obj}).count()
    return total
