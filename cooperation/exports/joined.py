"""Many-valued fields as one "; "-joined string per row, computed by the database.

One correlated subquery per column keeps the export at one query whatever the row count.
SQLite before 3.44 has no ORDER BY inside an aggregate; there the values come from a
derived table sorted by position, whose order GROUP_CONCAT keeps (Django drops ORDER BY
from unsliced subqueries, so the sort is written here).
"""

from django.db.models import CharField, Subquery

SEPARATOR = "; "


class Joined(Subquery):
    """`values` selects `item_text` and `item_order` of the related rows of one OuterRef row."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        function = "STRING_AGG" if connection.vendor == "postgresql" else "GROUP_CONCAT"
        if connection.features.supports_aggregate_order_by_clause:
            aggregate = f"{function}(joined.item_text, '{SEPARATOR}' ORDER BY joined.item_order)"
            rows = "(%(subquery)s)"
        else:
            aggregate = f"{function}(joined.item_text, '{SEPARATOR}')"
            rows = "(SELECT * FROM (%(subquery)s) unsorted ORDER BY unsorted.item_order)"
        template = f"(SELECT {aggregate} FROM {rows} joined)"
        return super().as_sql(compiler, connection, template=template, **extra_context)
