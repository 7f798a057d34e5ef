"""Link previews: every public page has an Open Graph and Twitter card whose title and
description are the page's own, whose URLs are absolute, and whose image (one per page
type) exists, is a 1200x630 PNG and weighs under 60 KB."""

import html
import re
import struct

import pytest

from tests.public.metadata_pages import head_meta
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def pages():
    """(URL, page type, og:type) of a page of every type."""
    office, visit = LiaisonOfficeFactory(), VisitFactory()
    event, agreement = EventFactory(), AgreementFactory()
    return [
        ("/", "home", "website"),
        *((url, "list", "website") for url in ("/offices/", "/visits/", "/events/")),
        ("/agreements/", "list", "website"),
        ("/municipalities/", "list", "website"),
        (office.get_absolute_url(), "office", "article"),
        (visit.get_absolute_url(), "visit", "article"),
        (event.get_absolute_url(), "event", "article"),
        (agreement.get_absolute_url(), "agreement", "article"),
        (office.sponsor.get_absolute_url(), "municipality", "website"),
    ]


def page_title(response) -> str:
    page = response.content.decode()
    return html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))


def test_every_page_type_has_a_card_with_absolute_urls(client, pages):
    for url, page_type, og_type in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        meta = head_meta(response)
        assert meta["og:url"] == meta["canonical"] == f"{HOST}{url}", url
        assert meta["og:type"] == og_type, url
        assert meta["og:image"] == f"{HOST}/static/img/share/{page_type}.png", url
        assert meta["og:title"] == page_title(response), url
        assert meta["og:description"] == meta["description"] != "", url
        assert meta["twitter:card"] == "summary_large_image", url
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def test_each_page_type_has_an_image_of_its_own(client, pages):
    images = {head_meta(client.get(url))["og:image"] for url, _, _ in pages}
    assert len(images) == 7


def png_size(content: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk comes first)."""
    assert content[:8] == PNG_SIGNATURE and content[12:16] == b"IHDR"
    return struct.unpack(">II", content[16:24])


def test_every_share_image_is_served_as_a_small_1200_by_630_png(client, pages):
    for url, _, _ in pages:
        image = head_meta(client.get(url))["og:image"]
        response = client.get(image.removeprefix(HOST))
        assert response.status_code == 200, image
        content = b"".join(response.streaming_content)
        assert response["Content-Type"] == "image/png"
        assert png_size(content) == (1200, 630), image
        assert len(content) < 60 * 1024, image


def test_a_record_title_is_escaped_in_the_card(client):
    visit = VisitFactory(title='Visit "quoted" <b>&</b>')
    response = client.get(visit.get_absolute_url())
    escaped = 'content="Visit &quot;quoted&quot; &lt;b&gt;&amp;&lt;/b&gt; |'
    assert escaped in response.content.decode()
    assert head_meta(response)["og:title"].startswith('Visit "quoted" <b>&</b> |')


def test_behind_the_tls_proxy_every_url_of_the_card_is_https(client):
    visit = VisitFactory()
    response = client.get(
        visit.get_absolute_url(), headers={"host": "localhost", "x_forwarded_proto": "https"}
    )
    meta = head_meta(response)
    assert meta["og:url"] == f"https://localhost{visit.get_absolute_url()}"
    assert meta["og:image"] == "https://localhost/static/img/share/visit.png"


def test_a_page_of_no_known_type_shows_the_home_image(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert head_meta(response)["og:image"] == f"{HOST}/static/img/share/home.png"
