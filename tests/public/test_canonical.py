"""Canonical URLs: absolute, on every public page; a list keeps the parameters that change
its result, in the FilterSet's order, and drops `page=1`, an ordering equal to its default,
empty parameters, values it refuses and parameters it does not know."""

import pytest

from tests.public.metadata_pages import head_meta
from tests.support.factories import (
    LiaisonOfficeFactory,
    MunicipalityFactory,
    SectorFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def canonical(client, url, status=200, **headers) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == status, url
    return head_meta(response)["canonical"]


@pytest.fixture
def beijing():
    place = MunicipalityFactory(slug="beijing", name="Beijing")
    LiaisonOfficeFactory(sponsor=place)
    return place


@pytest.mark.parametrize(
    "query",
    [
        "page=1",
        "page=01",
        "q=",
        "q=%20%20",
        "sponsor=&host=&year_min=",
        "utm_source=newsletter",
        "ordering=-year,name",  # the offices' default: latest first, ties by name
        "ordering=,",
        "ordering=",
    ],
)
def test_a_list_drops_what_does_not_change_its_result(client, query):
    assert canonical(client, f"/offices/?{query}") == f"{HOST}/offices/"


def test_the_municipalities_default_ordering_is_by_name(client):
    assert canonical(client, "/municipalities/?ordering=name") == f"{HOST}/municipalities/"
    assert canonical(client, "/municipalities/?ordering=-name") == (
        f"{HOST}/municipalities/?ordering=-name"
    )


def test_an_ordering_that_only_starts_like_the_default_is_kept(client):
    """`-year` breaks ties by id, the default by name: another order of the same rows."""
    assert canonical(client, "/offices/?ordering=-year") == f"{HOST}/offices/?ordering=-year"


def test_a_list_keeps_what_matters_in_the_filtersets_order(client, beijing):
    sector = SectorFactory(slug="ports")
    LiaisonOfficeFactory(sponsor=beijing).sectors.add(sector)
    url = (
        "/offices/?utm_campaign=x&year_max=2020&page=1&ordering=name&sector=ports"
        "&q=Z-Park&sponsor=beijing&year_min=2010&host="
    )
    assert canonical(client, url) == (
        f"{HOST}/offices/?q=Z-Park&sponsor=beijing&sector=ports&year_min=2010&year_max=2020"
        "&ordering=name"
    )


def test_a_later_page_is_kept_after_the_filters(client):
    LiaisonOfficeFactory.create_batch(26)
    assert canonical(client, "/offices/?page=2&year_min=2018") == (
        f"{HOST}/offices/?year_min=2018&page=2"
    )


def test_a_repeated_parameter_keeps_the_value_the_list_reads(client):
    assert canonical(client, "/visits/?q=one&q=two") == f"{HOST}/visits/?q=two"


def test_a_refused_value_is_dropped_from_a_400s_canonical(client, beijing):
    url = "/offices/?year_min=abc&sponsor=beijing"
    assert canonical(client, url, status=400) == f"{HOST}/offices/?sponsor=beijing"


def test_a_search_is_written_encoded(client):
    assert canonical(client, "/visits/?q=תל+אביב") == (
        f"{HOST}/visits/?q=%D7%AA%D7%9C+%D7%90%D7%91%D7%99%D7%91"
    )


def test_detail_pages_and_the_home_page_keep_no_parameter(client):
    visit = VisitFactory()
    place = visit.origins[0]
    assert canonical(client, f"{visit.get_absolute_url()}?revision=3&utm_source=x") == (
        f"{HOST}{visit.get_absolute_url()}"
    )
    assert canonical(client, f"{place.get_absolute_url()}?page=2") == (
        f"{HOST}{place.get_absolute_url()}"
    )
    assert canonical(client, "/?q=anything") == f"{HOST}/"


def test_behind_the_tls_proxy_the_canonical_url_is_https(client):
    url = canonical(client, "/visits/?q=Haifa", host="localhost", x_forwarded_proto="https")
    assert url == "https://localhost/visits/?q=Haifa"
