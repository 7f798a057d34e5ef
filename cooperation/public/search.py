"""Search by name in any script: Latin, Chinese or Hebrew.

Names are matched on each row's `search_names`, where every name and alias is stored folded
(cooperation/scripts.py: case, accents, vowel points, dashes and traditional characters
ignored), against the search text folded the same way: 東莞 finds Dongguan's 东莞. Titles are
matched as typed, without regard to case. One code path on SQLite and PostgreSQL, where
trigram GIN indexes serve both containment tests (migrations 'search_indexes' and
'names_in_three_scripts'). Full-text search is no use here: it does not split Chinese into
words.
"""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

# Q for `text` inside any name of the row itself ("") or of the rows the prefixes lead to.
from cooperation.models.base import names_contain as names_match


def titles_match(text: str, *fields: str) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))


def linked_names_match(through_model, owner: str, text: str, *prefixes: str) -> Exists:
    """Exists(...) for a many-valued link whose far end's names contain `text` (no duplicates)."""
    return Exists(
        through_model.objects.filter(**{owner: OuterRef("pk")}).filter(names_match(text, *prefixes))
    )
