"""CSV export of N liaison offices: through Django (the admin/public code path) vs COPY.

    .venv/bin/python bench/export.py [--rows 1000000]

Uses DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/sinoisrael_bench (created
when missing, then migrated and filled with `generate_synthetic_data`, which keeps an
existing set of the same size). Prints rows/s of both, their ratio, and the export's peak
memory, measured as the growth of the resident set of a child process that only exports.
Targets at 1,000,000 rows: at least 0.5x COPY, under 100 MB.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sinoisrael_bench"


def setup_django():
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinoisrael.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def synthetic_database(rows: int) -> str:
    """DATABASE_URL (by default DEFAULT_URL's database, created when missing, PostgreSQL
    only), migrated and holding `rows` synthetic offices, with Django set up on it."""
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if url.startswith("postgres"):
        create_database(url)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("generate_synthetic_data", offices=rows)
    return url


def export_plan():
    """The export, its request and queryset: what the admin's "Export CSV" link runs."""
    from django.test import RequestFactory

    from cooperation.exports.records import OFFICES

    request = RequestFactory().get("/admin/cooperation/liaisonoffice/export.csv")
    request.META["HTTP_HOST"] = "localhost"
    return OFFICES, request, OFFICES.model.objects.all()


def resident_kib() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def django_export() -> dict:
    """Runs in a child process: stream the response to nowhere, time it, note peak RSS."""
    setup_django()
    from cooperation.exports.stream import csv_response

    export, request, queryset = export_plan()
    rows = queryset.count()
    before = resident_kib()
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in csv_response(export, queryset, request))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rows": rows,
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu_before,
        "peak_growth_kib": peak - before,
    }


def copy_export() -> dict:
    """The same SELECT (columns, joins, subqueries, order, settings) as COPY ... WITH CSV."""
    from django.db import connection, transaction

    from cooperation.exports.stream import export_columns, select_list, tune_for_export

    export, request, queryset = export_plan()
    select, _ = select_list(export_columns(export, request))
    query, params = queryset.values_list(*select).query.sql_with_params()
    statement = f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"
    started = time.perf_counter()
    size = 0
    with transaction.atomic():
        tune_for_export(connection)
        with connection.cursor() as cursor:
            # One statement for the whole file: beyond the timeout settings.py sets for
            # requests (the Django export runs one short FETCH per chunk instead).
            cursor.execute("SET LOCAL statement_timeout = 0")
        with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            for data in copy:
                size += len(data)
    seconds = time.perf_counter() - started
    return {"rows": queryset.count(), "bytes": size, "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(django_export()))
        return

    synthetic_database(args.rows)
    copied = copy_export()
    child = subprocess.run(
        [sys.executable, __file__, "--child"], check=True, stdout=subprocess.PIPE, text=True
    )
    exported = json.loads(child.stdout.splitlines()[-1])

    django_rate = exported["rows"] / exported["seconds"]
    copy_rate = copied["rows"] / copied["seconds"]
    print(f"rows exported:            {exported['rows']:,}")
    print(
        f"Django export:            {exported['seconds']:.1f} s, {django_rate:,.0f} rows/s, "
        f"{exported['bytes'] / 1e6:,.0f} MB, {exported['cpu_seconds']:.1f} s of CPU in Python"
    )
    print(
        f"COPY TO STDOUT WITH CSV:  {copied['seconds']:.1f} s, {copy_rate:,.0f} rows/s, "
        f"{copied['bytes'] / 1e6:,.0f} MB"
    )
    print(f"ratio (Django / COPY):    {django_rate / copy_rate:.2f}  (target >= 0.5)")
    print(
        f"peak memory of export:    {exported['peak_growth_kib'] / 1024:.1f} MB "
        "resident growth (target < 100 MB)"
    )


if __name__ == "__main__":
    main()
