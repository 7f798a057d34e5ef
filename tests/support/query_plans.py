"""The plan a database chooses for a query, to assert which index serves it."""

from django.db import connection


def plan(queryset) -> str:
    """The plan of `queryset` where only an index can give the order: on PostgreSQL with
    sequential scans and sorts ruled out (the test tables are tiny, and a sort of three
    rows is what the planner would rather do), on SQLite as it comes."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())
