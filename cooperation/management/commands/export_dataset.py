from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from cooperation.backup import export_dataset, no_progress


class DatasetCommand(BaseCommand):
    """A dataset file and the database it is written from or read into."""

    path_help = ""

    def add_arguments(self, parser):
        parser.add_argument("path", help=self.path_help)
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def progress(self, verbosity: int):
        """A line on stderr as each table starts and every PROGRESS_EVERY rows of it, so a
        long run shows it is alive (stdout keeps only the result); none with -v 0."""
        if not verbosity:
            return no_progress

        def report(table: str, rows: int) -> None:
            self.stderr.write(f"{table}: {rows:,} rows", style_func=str)

        return report


class Command(DatasetCommand):
    help = (
        "Write every record, link, source, history entry, user and group to a JSON file "
        "that import_dataset loads into another database (SQLite or PostgreSQL)."
    )
    path_help = "the file to write, e.g. backup-2026-11-21.json"

    def handle(self, *args, path, database, verbosity, **options):
        with open(path, "w", encoding="utf-8") as out:
            counts = export_dataset(out, using=database, progress=self.progress(verbosity))
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {sum(counts.values())} rows of {len(counts)} tables to {path}."
            )
        )
