"""The page cache stores what anyone may see and nothing else (sinoisrael/http/page_cache.py).
Which changes make a stored page stale: tests/records/test_invalidation.py."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from cooperation.models import PublicationStatus
from cooperation.records.roles import ANALYST, EDITOR
from sinoisrael.http.page_cache import (
    GENERATION_KEY,
    current_generation,
    generation_of_this_request,
    one_generation_per_request,
    public_data_changed,
    storable,
)
from tests.support.admin_pages import analyst, staff_user
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return LiaisonOfficeFactory(name="Office of the stored page")


def state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


@pytest.mark.parametrize(
    "url", ["/", "/offices/", "/offices/?q=stored", "/api/v1/offices/", "/sitemap.xml"]
)
def test_a_public_page_is_stored_once_and_then_served_from_the_cache(client, office, url):
    first, second = client.get(url), client.get(url)
    assert (first.status_code, state(first)) == (200, "miss")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_detail_page_from_the_cache_is_the_page(client, office):
    client.get(office.get_absolute_url())
    response = client.get(office.get_absolute_url())
    assert state(response) == "hit"
    assert "Office of the stored page" in response.content.decode()


def test_pages_differ_by_their_query(client, office):
    LiaisonOfficeFactory(name="Another office")
    found = client.get("/offices/?q=stored")
    other = client.get("/offices/?q=another")
    assert state(other) == "miss"
    assert "Another office" in other.content.decode()
    assert "Another office" not in found.content.decode()


def test_a_stored_page_says_what_a_cdn_may_do_and_answers_a_conditional_get(client, office):
    response = client.get("/offices/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=60" in cache_control and "stale-while-revalidate=60" in cache_control
    assert "max-age=0" in cache_control  # a browser asks again, and gets a 304
    assert response["ETag"] and response["Last-Modified"]
    again = client.get("/offices/", headers={"If-None-Match": response["ETag"]})
    assert (again.status_code, again.content) == (304, b"")
    assert again["Cache-Control"] == cache_control and "Content-Type" not in again
    since = client.get("/offices/", headers={"If-Modified-Since": response["Last-Modified"]})
    assert since.status_code == 304
    changed = client.get("/offices/", headers={"If-None-Match": '"another"'})
    assert changed.status_code == 200 and changed.content == response.content


def test_a_head_and_a_get_share_the_stored_page(client, office):
    client.get("/offices/")
    response = client.head("/offices/")
    assert (response.status_code, state(response)) == (200, "hit")
    assert state(client.head("/visits/")) == "miss"
    visits = client.get("/visits/")
    assert state(visits) == "hit" and b"</html>" in visits.content


def test_staff_pages_are_never_stored_nor_served_from_the_cache(client, office):
    client.force_login(staff_user(ANALYST))
    response = client.get("/offices/")
    assert response.status_code == 200 and state(response) is None
    assert "private" in response["Cache-Control"]  # nor may a CDN keep it
    client.logout()
    assert state(client.get("/offices/")) == "miss"  # the staff visit stored nothing
    client.force_login(staff_user(EDITOR))
    assert state(client.get("/offices/")) is None  # nor do staff get the stored page


def test_a_preview_is_never_stored(client):
    draft = LiaisonOfficeFactory(name="Draft office", status=PublicationStatus.DRAFT)
    assert "Draft office" in analyst(client).get(draft.get_absolute_url()).content.decode()
    client.logout()
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "Draft office" not in response.content.decode()


@pytest.mark.parametrize("url", ["/healthz", "/offices/export.csv", "/no-such-page/", "/admin/"])
def test_live_streamed_refused_and_staff_answers_are_not_stored(client, office, url):
    first, second = client.get(url), client.get(url)
    for response in (first, second):
        b"".join(response)  # read to the end: an export's stream closes its transaction
    assert state(second) is None


def test_a_post_passes_through(client, office):
    assert state(client.post("/offices/")) is None


def test_a_response_too_large_setting_a_cookie_or_using_the_csp_nonce_is_not_stored():
    request = RequestFactory().get("/")
    plain = HttpResponse("page")
    assert storable(request, plain)
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("chosen", "1")
    assert not storable(request, with_cookie)
    with override_settings(PAGE_CACHE_MAX_BYTES=3):
        assert not storable(request, plain)  # "page" is 4 bytes
    request._csp_nonce = "used"
    assert not storable(request, plain)


@override_settings(PAGE_CACHE=False)
def test_the_cache_can_be_turned_off(client, office):
    client.get("/offices/")
    response = client.get("/offices/")
    assert response.status_code == 200 and state(response) is None


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
)
def test_an_unreachable_cache_serves_pages_fresh(client):
    response = client.get("/offices/")
    assert response.status_code == 200 and state(response) is None


def test_a_request_reads_the_generation_once_until_it_changes_the_data():
    with one_generation_per_request():
        first = generation_of_this_request()
        cache.set(GENERATION_KEY, first + 5)  # another server's change, after this began
        assert generation_of_this_request() == first, "read once, before any data"
        public_data_changed()  # this request's own change: what it reads next is newer
        assert generation_of_this_request() > first + 5
    assert generation_of_this_request() == current_generation(), "outside, read each time"
