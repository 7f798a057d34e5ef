"""Pages of a public list that cost about the same at page 3,000 as at page 1, and a count
that is not taken again on every request.

A page is read in two steps: the ids of its rows, then the rows. The ids come from the
list's order alone, which an index serves (cooperation/models/list_order.py): skipping
75,000 rows to reach page 3,000 reads index entries, not table rows and their joins (the
rows' columns, the sponsor's and host's names, the places' subqueries), which are then
fetched for 25 ids only.

The count is exact, and taken once per generation of the public data and per query
instead of once per request (cooperation/public/stored.py): a search's count reads every
matching row.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from cooperation.public import stored


class ListPaginator(Paginator):
    """Django's paginator, with the stored count and a page read as ids, then rows."""

    @cached_property
    def count(self) -> int:
        return stored.count(self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        # The same order, so the rows come back as their ids did.
        rows = list(self.object_list.filter(pk__in=ids)) if ids else []
        return self._get_page(rows, number, self)
