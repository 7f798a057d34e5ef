"""Reverting to an earlier version in the admin restores its links too: the page of an
earlier version offers them with the entry's values (`links_of`, `with_initial`).

(Each save writes one history entry: cooperation/records/history.py.)
"""

from simple_history.utils import get_m2m_reverse_field_name


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

    return VersionForm
