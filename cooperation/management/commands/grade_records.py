from django.core.management.base import BaseCommand

from cooperation.models import RECORD_MODELS
from cooperation.records.grades import refresh_grade


class Command(BaseCommand):
    help = (
        "Compute the evidence grade of the records not graded yet (after an upgrade), or of "
        "every record with --all. Saves keep grades up to date; this is for rows that "
        "existed before grades did."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Grade every record again.")

    def handle(self, *args, **options):
        for model in RECORD_MODELS:
            rows = (
                model.objects.all() if options["all"] else model.objects.filter(evidence_grade="")
            )
            pks = list(rows.values_list("pk", flat=True))
            for done, pk in enumerate(pks, start=1):
                refresh_grade(model, pk)
                if done % 500 == 0:
                    self.stdout.write(f"  {model._meta.verbose_name_plural}: {done} of {len(pks)}")
            self.stdout.write(f"Graded {len(pks)} {model._meta.verbose_name_plural}.")
