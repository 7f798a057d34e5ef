"""Trigram GIN indexes for name search on PostgreSQL (cooperation/search.py).

They index `UPPER(column::text)`, the expression Django's `icontains` compares on
PostgreSQL, so a containment search in any script can use them. SQLite gets nothing:
its tables are small, and the same queries run unindexed there.
"""

from django.db import migrations

SEARCHED_COLUMNS = {
    "cooperation_municipality": ("name", "native_name", "aliases"),
    "cooperation_organization": ("name", "native_name", "aliases"),
    "cooperation_person": ("name", "native_name", "aliases"),
    "cooperation_liaisonoffice": ("name", "native_name", "aliases"),
    "cooperation_visit": ("title",),
    "cooperation_agreement": ("title",),
}


def index_name(table, column):
    return f"{table.removeprefix('cooperation_')}_{column}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in SEARCHED_COLUMNS.items():
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in SEARCHED_COLUMNS.items():
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0003_analyst_and_editor_roles")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
