"""The whole dataset through export_dataset and back through import_dataset: time, memory.

    .venv/bin/python bench/backup.py [--rows 100000]

Uses DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/sinoisrael_bench (created
when missing, migrated and filled with `generate_synthetic_data`, which keeps an existing
set of the same size). Exports it to a temporary file with `manage.py export_dataset`, then
imports the file into a new empty database beside it (its name + `_restore`, created and
migrated first, dropped at the end) with `manage.py import_dataset`, each in a child
process of its own whose progress lines show on stderr.

Prints for each: seconds, rows/s, the file's size, and the child's peak resident memory
(its own `ru_maxrss`, from `os.wait4`; the whole process: Python, Django and the work).
Target: under 200 MB each, and the same at 10,000 and 100,000 offices.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import ROOT, create_database, synthetic_database


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    name = sql.Identifier(parts.path.lstrip("/"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def manage(url: str, *args: str) -> subprocess.Popen:
    """`manage.py args` on the database at `url`, in a child; DEBUG off, since Django
    keeps every query it runs under DEBUG."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "false"},
        stdout=subprocess.PIPE,
        text=True,
    )


def measured(url: str, *args: str) -> dict:
    """Run `manage.py args` to its end: its seconds, the rows its last line counts, and
    its peak resident memory in MB (wait4 gives this child's alone)."""
    started = time.perf_counter()
    child = manage(url, *args)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    seconds = time.perf_counter() - started
    if child.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed ({child.returncode}): {output}")
    rows = int(re.search(r"(\d+) rows", output.splitlines()[-1]).group(1))
    return {"seconds": seconds, "rows": rows, "peak_mb": usage.ru_maxrss / 1024}


def migrated_empty_database(url: str) -> None:
    drop_database(url)
    create_database(url)
    child = manage(url, "migrate", "--noinput", "-v0")
    child.communicate()
    if child.returncode:
        sys.exit(f"migrate failed on {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    source = synthetic_database(args.rows)
    parts = urlsplit(source)
    target = urlunsplit(parts._replace(path=parts.path + "_restore"))
    migrated_empty_database(target)
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "dataset.json")
            exported = measured(source, "export_dataset", path)
            size_mb = os.path.getsize(path) / 1e6
            imported = measured(target, "import_dataset", path)
    finally:
        drop_database(target)

    print(f"{args.rows:,} offices: {exported['rows']:,} rows in all, a {size_mb:,.1f} MB file")
    for name, figures in (("export_dataset", exported), ("import_dataset", imported)):
        print(
            f"{name}:  {figures['seconds']:6.1f} s, {figures['rows'] / figures['seconds']:8,.0f}"
            f" rows/s, {size_mb / figures['seconds']:5.1f} MB/s, peak memory"
            f" {figures['peak_mb']:6.1f} MB (target < 200 MB)"
        )


if __name__ == "__main__":
    main()
