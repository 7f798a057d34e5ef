"""One history entry per save, written once the links and rows are saved too.

django-simple-history writes an entry when a record is saved, before the admin (or an
approved change, records/revisions.py) saves its many-to-many fields and rows (sources
cited, sectors, destinations), and one more entry per many-to-many change. Instead the
record is saved without history, and `write_history` is called once everything is saved,
so each save is one entry, with the final sources, sectors and destinations, its author and
its reason.
"""

from simple_history.utils import get_m2m_field_name


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
