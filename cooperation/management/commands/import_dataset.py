from django.core.management.base import CommandError
from django.db import DatabaseError

from cooperation.backup import DatasetError, import_dataset
from cooperation.management.commands.export_dataset import DatasetCommand


class Command(DatasetCommand):
    help = (
        "Load a file written by export_dataset, in one transaction, reading it as a stream. "
        "Refuses a database that already holds data unless --replace is given."
    )
    path_help = "a file written by export_dataset"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the data already in the database before loading the file",
        )

    def handle(self, *args, path, database, replace, verbosity, **options):
        try:
            with open(path, "rb") as source:
                counts = import_dataset(
                    source, using=database, replace=replace, progress=self.progress(verbosity)
                )
        except (DatasetError, DatabaseError, OSError) as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {sum(counts.values())} rows of {len(counts)} tables from {path}."
            )
        )
