"""Public pages under load, served as `make serve` serves them, with the page cache off and on.

    make bench                                  # wrk installed if missing, then this
    .venv/bin/python bench/load.py [--rows 100000] [--seconds 10] [--connections 8]

Uses DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/sinoisrael_bench (created
when missing, migrated, filled with `generate_synthetic_data`, which keeps a set of the
same size). Starts gunicorn with gunicorn.conf.py and production settings (debug off),
once with `DJANGO_PAGE_CACHE=off` and once with it on (the cache in Redis when REDIS_URL is
set, else in a temporary folder), and drives each page with wrk (2 threads, `--connections`
connections, `--seconds` each) on this machine, as behind the TLS proxy.

Prints per page: its HTML size and the queries one request runs (uncached, in process),
then requests/s, p50 and p99 latency, uncached and cached, each with its ratio to
`/healthz` measured by the same server in the same run; and the CSV export's time to its
first byte (the median of 5). Targets (issue 16): uncached lists >= 0.1x /healthz at
100,000 offices, a deep page within 2x of page 1, cached pages >= 0.5x.
"""

import argparse
import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from export import ROOT, synthetic_database

GUNICORN = Path(sys.executable).with_name("gunicorn")
HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https"}
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def pages_to_measure() -> dict[str, str]:
    """label -> path: every list (the offices' in each way), a detail page, a profile."""
    from cooperation.models import LiaisonOffice
    from cooperation.public.views.lists import PAGE_SIZE

    offices = LiaisonOffice.objects.published()
    office = offices.select_related("sponsor").order_by("pk").first()
    deep = max(1, offices.count() // PAGE_SIZE * 5 // 6)
    return {
        "/ (home)": "/",
        "/offices/": "/offices/",
        f"/offices/?page={deep:,}": f"/offices/?page={deep}",
        "/offices/?status=open": "/offices/?status=open",
        "/offices/?q=office 12": "/offices/?q=office+12",
        "/offices/?ordering=year": "/offices/?ordering=year",
        "/visits/": "/visits/",
        "/agreements/": "/agreements/",
        "/events/": "/events/",
        "/municipalities/": "/municipalities/",
        "an office's page": office.get_absolute_url(),
        "its sponsor's profile": office.sponsor.get_absolute_url(),
    }


def size_and_queries(paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    """KB of HTML and queries of one uncached request, through Django's test client."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    measured = {}
    for label, path in paths.items():
        client.get(path)  # the figures kept per generation are kept now, as on a server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        measured[label] = (len(response.content) / 1024, len(queries))
    return measured


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(*, cached: bool, static_root: Path, cache_dir: Path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_PAGE_CACHE": "on" if cached else "off",
        "DJANGO_CACHE_DIR": str(cache_dir),
        "DJANGO_CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex}",
    }
    process = subprocess.Popen(
        [str(GUNICORN), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, *, first_byte: bool = False) -> float:
    """Seconds until the answer's first byte (`first_byte`) or its end."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers=HEADERS)
    response = connection.getresponse()
    response.read(1) if first_byte else response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return elapsed


def wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            get(port, "/healthz")
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def wrk(port: int, path: str, *, seconds: int, connections: int) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of `path` under wrk; non-2xx answers fail the run."""
    headers = [arg for name, value in HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *headers,
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"{path}: {out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    if len(percentiles) < 2:
        raise RuntimeError(f"{path}: no latencies in wrk's report:\n{out}")
    return rate, *(milliseconds(percentiles[p]) for p in ("50", "99"))


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def measure(port, paths, args) -> dict[str, tuple[float, float, float]]:
    measured = {
        "/healthz": wrk(port, "/healthz", seconds=args.seconds, connections=args.connections)
    }
    for label, path in paths.items():
        get(port, path)  # warm: the first request of a page fills the caches
        measured[label] = wrk(port, path, seconds=args.seconds, connections=args.connections)
    return measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (Debian's package wrk).")
    synthetic_database(args.rows)
    paths = pages_to_measure()
    sizes = size_and_queries(paths)
    runs, first_bytes = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        static_root, cache_dir = Path(scratch, "static"), Path(scratch, "cache")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env={**os.environ, "DJANGO_STATIC_ROOT": str(static_root), "DJANGO_DEBUG": "false"},
            cwd=ROOT, check=True,
        )  # fmt: skip
        for cached in (False, True):
            with gunicorn(cached=cached, static_root=static_root, cache_dir=cache_dir) as port:
                runs[cached] = measure(port, paths, args)
                first_bytes[cached] = statistics.median(
                    get(port, "/offices/export.csv", first_byte=True) for _ in range(5)
                )
    report(args, sizes, runs, first_bytes)


def report(args, sizes, runs, first_bytes) -> None:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"{args.rows:,} offices, {engine}; wrk -t2 -c{args.connections} -d{args.seconds}s")
    print(f"{'page':<26} {'KB':>6} {'queries':>7}   {'uncached: req/s   x   p50  p99 ms':<36}"
          f"{'cached: req/s   x   p50  p99 ms'}")  # fmt: skip
    for label in runs[False]:
        kb, queries = sizes.get(label, (0.0, 1))
        cells = []
        for cached in (False, True):
            rate, p50, p99 = runs[cached][label]
            healthz = runs[cached]["/healthz"][0]
            cells.append(f"{rate:8.0f} {rate / healthz:6.3f}x {p50:6.1f} {p99:6.1f}")
        print(f"{label:<26} {kb:6.1f} {queries:7}   {cells[0]:<36}{cells[1]}")
    for cached in (False, True):
        how = "cached" if cached else "uncached"
        print(f"CSV export, first byte ({how}): {first_bytes[cached] * 1000:.0f} ms (median of 5)")


if __name__ == "__main__":
    main()
