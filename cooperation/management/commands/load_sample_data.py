from django.core.management.base import BaseCommand

from cooperation.devdata.sample_loader import load_sample_data


class Command(BaseCommand):
    help = "Load the records of the four starting articles (safe to run again: changes nothing)."

    def handle(self, *args, **options):
        outcomes = load_sample_data()
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
