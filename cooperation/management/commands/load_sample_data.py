from pathlib import Path

from django.core.management.base import BaseCommand

from cooperation.devdata.sample_loader import ARTICLES, load_sample_data


class Command(BaseCommand):
    help = "Load the records of the four starting articles (safe to run again: changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=Path,
            default=ARTICLES,
            help=f"The folder of the articles' texts (default: {ARTICLES}).",
        )

    def handle(self, *args, **options):
        outcomes = load_sample_data(options["articles"])
        self.stdout.write(
            self.style.SUCCESS(
                "Sample data loaded: {created} rows created, {updated} updated, "
                "{unchanged} already up to date.".format(
                    created=outcomes["created"],
                    updated=outcomes["updated"],
                    unchanged=outcomes["unchanged"],
                )
            )
        )
        if outcomes["citations left out"]:
            self.stdout.write(
                self.style.WARNING(
                    f"The articles' texts were not found in {options['articles']}: sources "
                    f"were loaded without them, and {outcomes['citations left out']} "
                    "citations, which need them, were left out. Give the folder with "
                    "--articles."
                )
            )
