"""The JSON API's throughput against /healthz, and a full harvest against the CSV export.

    .venv/bin/python bench/api.py [--rows 100000] [--seconds 5] [--frameworks]

Uses DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/sinoisrael_bench (created
when missing, migrated and filled with `generate_synthetic_data`, which keeps an existing
set of the same size). Requests go through Django's whole stack in this process (the test
client: middleware, URLconf, view, JSON), one after another, for `--seconds` each; every
figure is measured in the same run, so the ratios hold on any machine.

Prints requests/s of `/healthz`, of `/api/v1/offices/` (25 rows), of a filtered and
searched call, of an `updated_since` harvest in pages of 500, each with the page cache
off and on (a reader repeating what others asked: sinoisrael/http/page_cache.py), the
ratios against `/healthz`; and rows/s of a full harvest of every office against the CSV
export.
Targets: a 25-row page >= 0.3x /healthz; a full harvest >= 0.5x the export's rows/s.

`--frameworks` also serves the same 25-row page (the same filters, page and
representation, cooperation/api/) through django-ninja and Django REST framework, to
measure what each adds; they are not project dependencies: install them first with
`.venv/bin/pip install -r bench/requirements-frameworks.txt`.
"""

import argparse
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import synthetic_database


def rate(client, url: str, seconds: float) -> float:
    """Requests per second of GET `url`, each answered 200."""
    client.get(url)  # warm
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        count += 1
    return count / (time.perf_counter() - started)


def harvest(client, url: str) -> tuple[int, float]:
    """Every row, following `next`: (rows, seconds)."""
    rows, started = 0, time.perf_counter()
    while url:
        body = client.get(url).json()
        rows += len(body["results"])
        url = body["next"]
    return rows, time.perf_counter() - started


def export_rows_per_second(client) -> float:
    started = time.perf_counter()
    response = client.get("/offices/export.csv")
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    return (lines - 1) / (time.perf_counter() - started)


def framework_urls(root_urlconf: str) -> str:
    """A URLconf with the site's and the same offices page through ninja and DRF."""
    from django.urls import include, path
    from ninja import NinjaAPI
    from rest_framework.renderers import JSONRenderer
    from rest_framework.response import Response
    from rest_framework.views import APIView

    from cooperation.api.fields import Links
    from cooperation.api.pages import page_of
    from cooperation.api.resources import RESOURCES

    offices = next(resource for resource in RESOURCES if resource.path == "offices")

    def page(request) -> dict:
        """The API view's work for an unfiltered first page (no FilterSet to build)."""
        rows, _ = page_of(offices.values(offices.rows()), size=25, cursor=None)
        return {"results": offices.represent(rows, Links(request))}

    ninja = NinjaAPI(urls_namespace="bench-ninja")
    ninja.get("/offices/")(page)

    class DrfOffices(APIView):
        authentication_classes, permission_classes = [], []
        renderer_classes = [JSONRenderer]

        def get(self, request):
            return Response(page(request))

    module = types.ModuleType("bench_api_urls")
    module.urlpatterns = [
        path("bench/ninja/", ninja.urls),
        path("bench/drf/offices/", DrfOffices.as_view()),
        path("", include(root_urlconf)),
    ]
    sys.modules[module.__name__] = module
    return module.__name__


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--frameworks", action="store_true")
    args = parser.parse_args()
    synthetic_database(args.rows)
    from django.conf import settings
    from django.test import Client
    from django.urls import clear_url_caches

    if args.frameworks:
        settings.ROOT_URLCONF = framework_urls(settings.ROOT_URLCONF)
        clear_url_caches()
    # As behind the TLS proxy: production settings redirect plain HTTP.
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")

    healthz = rate(client, "/healthz", args.seconds)
    pages = {
        "/api/v1/offices/ (25 rows)": "/api/v1/offices/",
        "filtered and searched": "/api/v1/offices/?q=office&status=open&year_min=2000",
        "updated_since, 500 rows": "/api/v1/offices/?updated_since=2000-01-01T00:00:00Z"
        "&page_size=500",
    }
    if args.frameworks:
        pages["django-ninja, same page"] = "/bench/ninja/offices/"
        pages["REST framework, same page"] = "/bench/drf/offices/"
    print(f"{args.rows:,} offices, {settings.DATABASES['default']['ENGINE'].split('.')[-1]}")
    print(f"{'/healthz':<36} {healthz:6.0f} requests/s")
    for label, url in pages.items():
        for cached in (False, True):
            settings.PAGE_CACHE = cached
            measured = rate(client, url, args.seconds)
            how = "cached" if cached else "uncached"
            print(
                f"{'' if cached else label:<27} {how:<8} {measured:6.0f} requests/s"
                f"  {measured / healthz:5.3f}x /healthz"
            )
    settings.PAGE_CACHE = False  # a harvest's pages are read once each (and not stored)

    rows, seconds = harvest(client, "/api/v1/offices/?page_size=500")
    api_rate = rows / seconds
    export_rate = export_rows_per_second(client)
    print(f"full harvest: {rows:,} rows in {seconds:.1f} s, {api_rate:,.0f} rows/s")
    print(f"CSV export: {export_rate:,.0f} rows/s; harvest {api_rate / export_rate:.2f}x export")


if __name__ == "__main__":
    main()
