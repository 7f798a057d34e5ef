"""The lists' boxes for a municipality, a person or a party: typed by slug or by a name in
any of three scripts, suggested from datalists that a page carries once each
(cooperation/public/typed_names.py)."""

import re

import pytest
from django.utils.html import escape

from cooperation.models import PublicationStatus
from tests.support.factories import LiaisonOfficeFactory, MunicipalityFactory
from tests.support.public_pages import result_titles

pytestmark = pytest.mark.django_db


def box(page: str, name: str) -> str:
    match = re.search(rf'<input type="text" name="{name}"[^>]*>', page)
    assert match, f"no box {name}"
    return match.group(0)


def datalist(page: str, list_id: str) -> list[str]:
    """The slugs a datalist suggests; the page must carry it exactly once."""
    assert page.count(f'<datalist id="{list_id}">') == 1, list_id
    body = page.split(f'<datalist id="{list_id}">', 1)[1].split("</datalist>", 1)[0]
    return re.findall(r'<option value="([^"]+)">', body)


@pytest.mark.parametrize(
    "typed",
    ["beijing", "Beijing", "BEIJING", "北京", "北京市", "בייג'ינג", "Peking", "  beijing  "],
)
def test_a_name_in_any_script_or_an_alias_filters_as_the_slug_does(client, sample_data, typed):
    by_slug = result_titles(client.get("/offices/", {"sponsor": "beijing"}))
    response = client.get("/offices/", {"sponsor": typed})
    assert response.status_code == 200
    assert by_slug and result_titles(response) == by_slug
    assert f'value="{escape(typed)}"' in box(response.content.decode(), "sponsor")  # as typed


def test_traditional_characters_and_other_punctuation_find_the_name(client, sample_data):
    assert result_titles(client.get("/offices/", {"host": "tel aviv yafo"})) == result_titles(
        client.get("/offices/", {"host": "tel-aviv-yafo"})
    )
    assert client.get("/agreements/", {"province": "廣東"}).status_code == 200


def test_a_name_that_two_share_asks_for_the_slug(client, sample_data):
    for slug in ("springfield-a", "springfield-b"):
        LiaisonOfficeFactory(sponsor=MunicipalityFactory(slug=slug, name="Springfield"))
    response = client.get("/offices/", {"sponsor": "springfield"})
    assert response.status_code == 400
    assert "type the slug of the one you mean (springfield-a, springfield-b)" in (
        response.content.decode()
    )
    assert client.get("/offices/", {"sponsor": "springfield-b"}).status_code == 200


def test_a_name_only_a_draft_names_is_refused_like_an_unknown_one(client, sample_data):
    LiaisonOfficeFactory(
        status=PublicationStatus.DRAFT,
        sponsor=MunicipalityFactory(slug="zzhidden", name="Hiddenville", name_zh="隐城"),
    )
    for typed in ("zzhidden", "Hiddenville", "隐城"):
        response = client.get("/offices/", {"sponsor": typed})
        assert response.status_code == 400
        assert "No municipality in the published records is called" in response.content.decode()
    assert "zzhidden" not in client.get("/offices/").content.decode()


def test_each_list_of_suggestions_is_written_once_and_regions_apart(client, sample_data):
    page = client.get("/offices/").content.decode()
    municipalities = datalist(page, "municipalities")
    assert {"beijing", "guangdong", "dongguan", "haifa"} <= set(municipalities)
    assert len(municipalities) == len(set(municipalities))
    assert 'list="municipalities"' in box(page, "sponsor")
    assert 'list="municipalities"' in box(page, "host")
    assert 'list="regions"' in box(page, "province")
    regions = datalist(page, "regions")
    assert "guangdong" in regions and "dongguan" not in regions
    # Each municipality is offered once on the page, not once per box.
    assert page.count('value="dongguan"') == 1


def test_a_province_box_still_takes_a_municipality_that_is_no_region(client, sample_data):
    response = client.get("/visits/", {"province": "haifa"})
    assert response.status_code == 200
    assert result_titles(response)


def test_the_agreements_party_box_suggests_municipalities_and_bodies(client, sample_data):
    page = client.get("/agreements/").content.decode()
    parties = datalist(page, "parties")
    assert {"haifa", "port-of-haifa"} <= set(parties)
    assert 'list="parties"' in box(page, "party")
    by_name = client.get("/agreements/", {"party": "Haifa port"})  # an organization's alias
    assert result_titles(by_name) == result_titles(
        client.get("/agreements/", {"party": "port-of-haifa"})
    )


def test_the_canonical_address_of_a_typed_name_uses_the_slug(client, sample_data):
    page = client.get("/offices/", {"sponsor": "北京"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/offices/?sponsor=beijing">' in page


def test_the_api_takes_names_as_the_list_does(client, sample_data):
    by_name = client.get("/api/v1/offices/", {"sponsor": "北京"}).json()["results"]
    by_slug = client.get("/api/v1/offices/", {"sponsor": "beijing"}).json()["results"]
    assert by_name and by_name == by_slug
    refused = client.get("/api/v1/offices/", {"sponsor": "Atlantis"})
    assert refused.status_code == 400
    assert "Atlantis" in refused.json()["errors"]["sponsor"][0]
