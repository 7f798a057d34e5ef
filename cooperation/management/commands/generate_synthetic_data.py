"""Fill the database with synthetic liaison offices, for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from cooperation.devdata.synthetic import (
    generate_offices,
    real_record_counts,
    synthetic_office_count,
)


class Command(BaseCommand):
    help = (
        "Fill the database with N synthetic liaison offices (published or draft) with their "
        "sponsors, hosts, sectors and sources. Synthetic rows carry the slug prefix "
        "'synthetic-'; an existing synthetic set of another size is replaced. Refuses to run "
        "beside real records unless --allow-real-records is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--offices", type=int, default=1_000_000, help="default 1,000,000")
        parser.add_argument(
            "--allow-real-records",
            action="store_true",
            help="Add the synthetic records even though the database holds real ones.",
        )

    def handle(self, *args, offices, allow_real_records, **options):
        if offices < 1:
            raise CommandError(f"--offices must be 1 or more, not {offices}.")
        real = real_record_counts()
        if real and not allow_real_records:
            found = ", ".join(f"{count} {name}" for name, count in real.items())
            raise CommandError(
                f"This database holds real records ({found}). Generate synthetic data in a "
                "database of its own, or pass --allow-real-records to add it beside them."
            )
        if synthetic_office_count() == offices:
            self.stdout.write(f"{offices} synthetic offices are already there: nothing to do.")
            return
        started = time.perf_counter()
        generate_offices(offices)
        self.stdout.write(
            self.style.SUCCESS(
                f"{offices} synthetic offices generated in {time.perf_counter() - started:.1f} s."
            )
        )
