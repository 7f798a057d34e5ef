"""Trigram GIN indexes on the sources' title, publisher and URL (PostgreSQL), which the
sources' changelist search and the autocomplete an analyst cites a source with compare on
(`UPPER(column::text)`, as 0004_search_indexes): at 250,000 sources (1,000,000 synthetic
offices) each search read the whole table. SQLite gets nothing, as in 0004.
"""

from django.db import migrations

COLUMNS = ("title", "publisher", "url")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "source_{column}_trgm" ON "cooperation_source" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "source_{column}_trgm"')


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0019_admin_change_order")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
