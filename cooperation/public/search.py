"""Search by name in any script: Latin, Chinese or Hebrew.

One code path on SQLite and PostgreSQL: case-insensitive containment (`icontains`) over
names, native names and aliases. PostgreSQL backs it with trigram GIN indexes on the same
`UPPER(column)` expressions Django generates (migration 'search_indexes').
Full-text search is no use here: it does not split Chinese into words.
"""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

NAME_FIELDS = ("name", "native_name", "aliases")


def names_match(text: str, *prefixes: str, fields=NAME_FIELDS) -> Q:
    """Q for `text` inside any name field of the row itself ("") or of the related rows."""
    return reduce(
        or_,
        (Q(**{f"{prefix}{field}__icontains": text}) for prefix in prefixes for field in fields),
    )


def linked_names_match(through_model, owner: str, text: str, *prefixes: str) -> Exists:
    """Exists(...) for a many-valued link whose far end's names contain `text` (no duplicates)."""
    return Exists(
        through_model.objects.filter(**{owner: OuterRef("pk")}).filter(names_match(text, *prefixes))
    )
