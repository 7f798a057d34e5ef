"""/robots.txt: plain text naming the sitemap by absolute URL; crawlers kept from the admin,
the CSV exports, the API and the feeds, and from nothing the public pages need.

Read with Protego, a parser of RFC 9309 (wildcards included), as crawlers read it.
"""

import pytest
from django.urls import reverse
from protego import Protego

from tests.support.factories import MunicipalityFactory, VisitFactory

pytestmark = pytest.mark.django_db

LISTS = ["office", "visit", "event", "agreement", "municipality"]


def robots(client, **headers):
    response = client.get("/robots.txt", headers=headers)
    assert response.status_code == 200
    return response, Protego.parse(response.content.decode())


def test_robots_is_plain_text_naming_the_sitemap(client):
    response, rules = robots(client)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert list(rules.sitemaps) == ["http://testserver/sitemap.xml"]


def test_behind_the_tls_proxy_the_sitemap_is_named_by_its_https_address(client):
    # The proxy passes the Host the client asked for and says the request came over https.
    _, rules = robots(client, host="localhost", x_forwarded_proto="https")
    assert list(rules.sitemaps) == ["https://localhost/sitemap.xml"]


def test_crawlers_may_read_every_public_page_and_the_sitemap(client):
    visit = VisitFactory()
    place = MunicipalityFactory()
    VisitFactory(origin=place)
    _, rules = robots(client)
    pages = [
        "/",
        *(reverse(f"cooperation:{name}-list") for name in LISTS),
        "/offices/?q=Haifa&page=2",
        visit.get_absolute_url(),
        place.get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-visits.xml?p=2",
        "/static/img/share/visit.png",
    ]
    for page in pages:
        assert rules.can_fetch(f"http://testserver{page}", "Googlebot"), page


def test_crawlers_are_kept_from_the_admin_the_exports_the_api_and_the_feeds(client):
    _, rules = robots(client)
    kept_out = [
        "/admin/",
        "/admin/cooperation/visit/",
        *(reverse(f"cooperation:{name}-export") for name in LISTS),
        "/visits/export.csv?origin=shanghai&year_min=2018",
        "/api/v1/offices/",
        "/api/v1/openapi.json",
        "/offices/feed.atom",
        "/visits/feed.atom?origin=beijing",
        "/municipalities/haifa/feed.atom",
    ]
    for path in kept_out:
        assert not rules.can_fetch(f"http://testserver{path}", "Googlebot"), path
