"""Search by name in any script: Latin, Chinese or Hebrew.

Names are matched on each row's `search_names`, where every name and alias is stored
folded (cooperation/scripts.py: case, accents, vowel points, dashes and traditional
characters ignored), against the search text folded the same way: 東莞 finds Dongguan's 东莞
(`names_contain` and `linked_names_contain` in cooperation/models/base.py, which the admin's
search uses too). Titles are matched as typed, without regard to case. One code path on
SQLite and PostgreSQL, where trigram GIN indexes serve both containment tests (migrations
'search_indexes' and 'names_in_three_scripts'). Full-text search is no use here: it does not
split Chinese into words.
"""

from functools import reduce
from operator import or_

from django.db.models import Q


def titles_match(text: str, *fields: str) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))
