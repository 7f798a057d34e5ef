"""The served site under abuse: slow readers, a frozen database, fuzzed list parameters.

    .venv/bin/python bench/abuse.py [--readers 30] [--fuzz 3000] [--seed 10]

Starts gunicorn as `make serve` does (gunicorn.conf.py and its number of workers, debug
off, collected static files) over PostgreSQL: DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/sinoisrael_abuse (created and migrated if missing, then
filled with 20,000 synthetic offices and the sample data). gunicorn reaches the database
through a relay on a loopback address of its own, which the bench black-holes to freeze
the database as a network partition would: run it as root. It uses the test suite's
helpers, so set up with `make test` first.

Prints, as it goes:
1. /healthz latency (p50, p99) while slow readers hold CSV exports (each reads 2 KB of
   /offices/export.csv, then nothing); target: p99 under 500 ms;
2. the seconds until /healthz answers 503 after the database freezes, and 200 after it
   thaws; targets: under 5 s each;
3. the 5xx answers among seeded random requests over every public list parameter;
   target: none.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from export import create_database, setup_django

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sinoisrael_abuse"
OFFICES = 20_000
# Slow readers hold their exports until the worker cuts them (10 s without a byte read,
# once the kernel buffers are full): /healthz is measured meanwhile.
HOLD_SECONDS = 8
ORDERINGS = ["year", "-year", "name", "-name", "title", "origin", "kind", "country", "level"]
SPECIAL_VALUES = [
    *("", " ", "-", "--", ",", ",,", "year,", ",year", "-year,", "year,,title", "--year"),
    *("year,-year", "beijing", "tel-aviv-yafo", "shanghai", "haifa", "technology", "CN"),
    *("IL", "city", "province", "open", "closed", "twinning", "2018", "0", "-1", "1e9"),
    *("99999999999999999999", "NaN", "inf", "%", "\x00", "\u202e", "中关村", "תל אביב"),
    *("Z-Park", "a" * 200, "a" * 201, "x" * 300, "1;DROP TABLE x", "' OR 1=1 --", "<script>"),
]
ALPHABET = "abcxyz019 -_,.;:%&=+'\"<>/\\\x00\x01\t\n\u00e9\u4e2d\u05d0\u202e\U0001f600"


def prepare_database(url: str) -> None:
    create_database(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("generate_synthetic_data", offices=OFFICES, allow_real_records=True)
    call_command("load_sample_data")


def through(relay_host: str, relay_port: int, url: str) -> str:
    """`url` with its host and port replaced by the relay's."""
    parts = urlsplit(url)
    credentials = parts.netloc.rpartition("@")[0]
    netloc = (
        f"{credentials}@{relay_host}:{relay_port}" if credentials else f"{relay_host}:{relay_port}"
    )
    return urlunsplit(parts._replace(netloc=netloc))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def health_latencies(server, seconds: float) -> list[float]:
    """Milliseconds of each /healthz answer, one request every 20 ms or so for `seconds`."""
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = server.get("/healthz")
        assert response.status == 200, response.status
        latencies.append(response.elapsed * 1000)
        time.sleep(0.02)
    return latencies


def report_latencies(label: str, latencies: list[float]) -> None:
    print(
        f"  {label}: p50 {statistics.median(latencies):.1f} ms, "
        f"p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms "
        f"({len(latencies)} requests)",
        flush=True,
    )


def slow_readers(server, count: int) -> None:
    from tests.support.slow_clients import SlowReader

    print(f"1. /healthz while {count} slow readers hold /offices/export.csv", flush=True)
    health_latencies(server, 1)  # warm-up: each worker's first requests open its pool
    report_latencies("no readers", health_latencies(server, HOLD_SECONDS))
    readers = [SlowReader(server.port) for _ in range(count)]
    try:
        statuses = Counter(reader.status() for reader in readers)
        print(f"  readers answered: {dict(sorted(statuses.items()))}", flush=True)
        latencies = health_latencies(server, HOLD_SECONDS)
        report_latencies(f"{count} slow readers, the {HOLD_SECONDS} s after they asked", latencies)
    finally:
        for reader in readers:
            reader.close()


def answers(server, status: int, *, in_a_row=1, since=None, timeout=60) -> float:
    """Seconds from `since` (default now) until /healthz starts answering `status`
    `in_a_row` times running (each worker has its own pool: one answer speaks for one)."""
    started = since or time.monotonic()
    streak_started, streak = None, 0
    while time.monotonic() - started < timeout:
        try:
            answered = server.get("/healthz").status
        except OSError:
            answered = None
        if answered == status:
            streak_started = streak_started if streak else time.monotonic()
            streak += 1
            if streak == in_a_row:
                return streak_started - started
        else:
            streak = 0
        time.sleep(0.05)
    return float("nan")


def freezes(server, path, rounds: int) -> None:
    print(f"2. the database freezes (every packet to it dropped) and thaws, {rounds} times")
    for round_number in range(1, rounds + 1):
        answers(server, 200, in_a_row=20)
        path.freeze()
        try:
            down = answers(server, 503)
        finally:
            path.thaw()
        thawed = time.monotonic()
        up = answers(server, 200, since=thawed)
        steady = answers(server, 200, in_a_row=20, since=thawed)
        print(
            f"  round {round_number}: 503 after {down:.2f} s of the freeze; after the thaw, "
            f"200 after {up:.2f} s, and 20 in a row from {steady:.2f} s",
            flush=True,
        )


def valid_values() -> dict[str, list[str]]:
    """Values each parameter accepts (slugs from the database), so that most requests
    get past the form to the query, where a 500 would hide."""
    from cooperation.models import (
        AgreementKind,
        Country,
        Municipality,
        MunicipalityLevel,
        OperatingStatus,
        Organization,
        Person,
        Sector,
    )

    def spread(model, count):  # the same slugs on every run over the same data
        slugs = list(model.objects.order_by("slug").values_list("slug", flat=True))
        return slugs[:: max(1, len(slugs) // count)]

    municipalities, organizations = spread(Municipality, 50), spread(Organization, 20)
    years = [str(year) for year in range(1980, 2031)]
    return {
        **dict.fromkeys(["sponsor", "host", "province", "origin", "destination"], municipalities),
        "party": municipalities + organizations,
        "person": list(Person.objects.values_list("slug", flat=True)),
        "sector": list(Sector.objects.values_list("slug", flat=True)),
        "status": list(OperatingStatus.values),
        "kind": list(AgreementKind.values),
        "country": list(Country.values),
        "level": list(MunicipalityLevel.values),
        "year_min": years,
        "year_max": years,
        "page": ["1", "2", "3", "400", "last"],
        "q": ["tel aviv", "中关村", "תל אביב", "Z-Park", "synthetic", "office 12", "a"],
    }


def random_value(rng: random.Random, name: str, valid: dict[str, list[str]]) -> str:
    kind = rng.random()
    if name == "ordering" and kind < 0.6:
        return ",".join(rng.choice([*ORDERINGS, ""]) for _ in range(rng.randint(1, 3)))
    if kind < 0.6 and valid.get(name):
        return rng.choice(valid[name])
    if kind < 0.75:
        return rng.choice(SPECIAL_VALUES)
    if kind < 0.85:
        return str(rng.randint(-(10**12), 10**12))
    if kind < 0.9:
        return repr(rng.uniform(-1e6, 1e6))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))


def fuzz_urls(rng: random.Random, count: int) -> list[str]:
    from tests.support.public_pages import PARAMETERS

    valid = valid_values()
    urls = []
    for _ in range(count):
        page = rng.choice(sorted(PARAMETERS))
        names = rng.sample(PARAMETERS[page], rng.randint(1, min(4, len(PARAMETERS[page]))))
        query = {name: random_value(rng, name, valid) for name in names}
        urls.append(f"{page}?{urlencode(query)}")
    return urls


def fuzz(server, count: int, seed: int) -> None:
    print(f"3. {count:,} random requests over every public list parameter (seed {seed})")
    urls = fuzz_urls(random.Random(seed), count)
    statuses: Counter = Counter()
    errors: list[tuple[int, str]] = []

    def status_of(url) -> int:
        """The answer's status; 0 for none (no answer within the client's 10 s)."""
        try:
            return server.get(url).status
        except OSError:
            return 0

    with ThreadPoolExecutor(max_workers=4) as requests:
        for done, (url, status) in enumerate(
            zip(urls, requests.map(status_of, urls), strict=True), 1
        ):
            statuses[status] += 1
            if status == 0 or status >= 500:
                errors.append((status, url))
            if done % 500 == 0 or done == count:
                print(f"  {done:,} requests: {dict(sorted(statuses.items()))}", flush=True)
    print(f"  5xx or no answer (0): {len(errors)} (target 0)")
    for status, url in errors[:20]:
        print(f"    {status} {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=30)
    parser.add_argument("--fuzz", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--freezes", type=int, default=3)
    args = parser.parse_args()

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    setup_django()
    print(f"Database {url}: migrating and filling ({OFFICES:,} offices)...", flush=True)
    prepare_database(url)

    from tests.support.network import NetworkPath, TcpProxy
    from tests.support.server import Server, collect_static

    try:
        path = NetworkPath()
    except PermissionError as error:
        sys.exit(f"bench/abuse.py freezes the database's network path: {error}")
    parts = urlsplit(url)
    relay = TcpProxy((parts.hostname or "127.0.0.1", parts.port or 5432), path.address)
    with tempfile.TemporaryDirectory(prefix="abuse-") as directory:
        try:
            print("Collecting static files and starting gunicorn...", flush=True)
            static_root = collect_static(Path(directory) / "static")
            server = Server(
                database_url=through(path.address, relay.port, url),
                static_root=static_root,
                log=Path(directory) / "gunicorn.log",
                workers=None,
            )
            try:
                slow_readers(server, args.readers)
                freezes(server, path, args.freezes)
                fuzz(server, args.fuzz, args.seed)
            finally:
                server.stop()
        finally:
            relay.stop()
            path.remove()


if __name__ == "__main__":
    main()
