"""One history entry per save in the admin, written once the inlines are saved too.

django-simple-history writes an entry when the record is saved, before the admin saves
its many-to-many fields and inline rows (sources cited, sectors, destinations), and one
more entry per many-to-many change. The admin instead saves the record without history
and calls `write_history` when everything is saved, so each save is one entry, with the
final sources, sectors and destinations, its author and its reason.

Reverting to an entry restores those links too: the page of an earlier version offers
them with the entry's values (`links_of`, `with_initial`).
"""

from simple_history.utils import get_m2m_field_name, get_m2m_reverse_field_name


def save_without_history(obj) -> None:
    """Mark `obj` so that saving it and its many-to-many fields writes no history yet."""
    obj.skip_history_when_saving = True


def write_history(obj, *, created: bool) -> None:
    if not hasattr(obj, "skip_history_when_saving"):
        return
    del obj.skip_history_when_saving
    history = type(obj).history
    [entry] = history.bulk_history_create([obj], update=not created)
    for field in history.model._history_m2m_fields:
        snapshot_model = getattr(history.model, field.name).model
        through = field.remote_field.through
        names = [through_field.name for through_field in through._meta.fields]
        rows = through.objects.filter(**{get_m2m_field_name(field): obj})
        snapshot_model.objects.bulk_create(
            snapshot_model(history=entry, **{name: getattr(row, name) for name in names})
            for row in rows
        )


def links_of(entry) -> dict[str, list[int]]:
    """The many-to-many links a history entry kept, as field name -> ids of the targets.

    A required field (sources) with no links kept is left out: a record saved outside the
    admin gets its first entry before its links exist, and it never had none.
    """
    links = {}
    for field in type(entry)._history_m2m_fields:
        target = get_m2m_reverse_field_name(field)
        ids = [getattr(row, f"{target}_id") for row in getattr(entry, field.name).all()]
        if ids or field.blank:
            links[field.name] = ids
    return links


def with_initial(form_class, initial: dict):
    """`form_class` whose unbound forms start from `initial` rather than the record's values.

    simple-history builds the form of an earlier version from the record's fields alone; its
    many-to-many fields would show today's links.
    """

    class VersionForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(
                *args, **{**kwargs, "initial": {**initial, **kwargs.get("initial", {})}}
            )

    VersionForm.__name__ = form_class.__name__
    return VersionForm
