"""The analysts' changelists at a small and a large table: plain, searched, filtered, and an
autocomplete, in process through the whole middleware stack as a signed-in superuser.

    .venv/bin/python bench/admin.py [--sizes 1000,1000000] [--repeat 5]

Each size has its own database beside DATABASE_URL's (by default
postgres://postgres@127.0.0.1:5432/sinoisrael_bench, so sinoisrael_bench_1000, ...),
created when missing, migrated and filled with `generate_synthetic_data` (which keeps a
set of the same size), and is measured in a child process of its own. Prints per page the
median milliseconds of `--repeat` requests after one to warm up, its queries and the
slowest one's time, at each size, and the ratio of the largest size to the smallest.
Target (issue 16): within 2x at 1,000,000 offices of the time at 1,000.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import DEFAULT_URL, ROOT, synthetic_database

OFFICES = "/admin/cooperation/liaisonoffice/"
PAGES = {
    "office changelist": OFFICES,
    "searched (q=city 12)": f"{OFFICES}?q=city+12",
    "filtered (status published)": f"{OFFICES}?status__exact=published",
    "filtered (operating status open)": f"{OFFICES}?operating_status__exact=open",
    "sponsor autocomplete (city 12)": "/admin/autocomplete/?app_label=cooperation"
    "&model_name=liaisonoffice&field_name=sponsor&term=city+12",
    "source autocomplete (article 12)": "/admin/autocomplete/?app_label=cooperation"
    "&model_name=officecitation&field_name=source&term=article+12",
}


def database_for(size: int) -> str:
    parts = urlsplit(os.environ.get("DATABASE_URL", DEFAULT_URL))
    return urlunsplit(parts._replace(path=f"{parts.path}_{size}"))


def measure(size: int, repeat: int) -> dict:
    """In a child process whose DATABASE_URL holds `size` offices."""
    synthetic_database(size)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    user, _ = get_user_model().objects.get_or_create(
        username="bench-superuser", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    deep = max(1, size // 100 * 5 // 6)  # 100 rows a page: five sixths of the way
    pages = {**PAGES, "a page deep (5/6 of the way)": f"{OFFICES}?p={deep}"}
    results = {}
    for label, path in pages.items():
        response = client.get(path)  # warm: templates, the connection, the session
        assert response.status_code == 200, (path, response.status_code)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        slowest = max(float(query["time"]) for query in queries) * 1000
        results[label] = {
            "ms": statistics.median(times),
            "queries": len(queries),
            "slowest_ms": slowest,
        }
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # the child's size
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return
    sizes = sorted(int(size) for size in args.sizes.split(","))
    measured = {}
    for size in sizes:
        print(f"Measuring at {size:,} offices ...", file=sys.stderr, flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(size), "--repeat", str(args.repeat)],
            env={**os.environ, "DATABASE_URL": database_for(size)},
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        measured[size] = json.loads(child.stdout.strip().splitlines()[-1])
    header = " | ".join(f"{size:,}: ms (queries, slowest ms)" for size in sizes)
    print(f"| page | {header} | {sizes[-1]:,} / {sizes[0]:,} |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for label in measured[sizes[0]]:
        cells = [
            f"{measured[size][label]['ms']:,.0f} ({measured[size][label]['queries']}, "
            f"{measured[size][label]['slowest_ms']:,.0f})"
            for size in sizes
        ]
        ratio = measured[sizes[-1]][label]["ms"] / measured[sizes[0]][label]["ms"]
        print(f"| {label} | {' | '.join(cells)} | {ratio:.1f}x |")


if __name__ == "__main__":
    main()
