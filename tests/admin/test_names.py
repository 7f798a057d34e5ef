"""Names in three scripts in the admin: entered with other names beside them, found by any
of them in any script, and changed on a public record only through review."""

import pytest
from django.urls import reverse

from cooperation.models import Municipality, Revision
from cooperation.records import revisions
from cooperation.records.roles import EDITOR
from tests.support.admin_pages import analyst, editor, page_data, staff_user
from tests.support.factories import IsraeliMunicipalityFactory, LiaisonOfficeFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:cooperation_municipality_add")
CHANGELIST = reverse("admin:cooperation_municipality_changelist")


def aliases_of(place) -> list[tuple[str, str]]:
    return list(place.aliases.order_by("pk").values_list("name", "language"))


def test_an_analyst_enters_a_place_in_three_scripts_with_other_names(client):
    client = analyst(client)
    data = page_data(client.get(ADD))
    data.update(
        {
            "name": "Haifa",
            "slug": "haifa",
            "name_zh": "海法",
            "name_he": "חיפה",
            "country": "IL",
            "level": "city",
            "aliases-TOTAL_FORMS": "2",
            "aliases-0-name": "Hefa",
            "aliases-0-language": "",  # read from the script
            "aliases-1-name": "חֵיפָה",
            "aliases-1-language": "he",
        }
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.context["errors"]
    haifa = Municipality.objects.get(slug="haifa")
    assert (haifa.name_zh, haifa.name_he) == ("海法", "חיפה")
    assert aliases_of(haifa) == [("Hefa", "en"), ("חֵיפָה", "he")]
    assert set(haifa.search_names.splitlines()) == {"haifa", "海法", "חיפה", "hefa"}


def test_a_name_in_the_wrong_script_is_refused_beside_its_box(client):
    client = analyst(client)
    data = page_data(client.get(ADD))
    data.update({"name": "Haifa", "slug": "haifa", "name_he": "Haifa", "country": "IL"})
    data.update({"level": "city", "aliases-0-name": "Haifa", "aliases-0-language": "zh"})
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Write the Hebrew name in Hebrew letters" in response.content.decode()
    assert "Write the Chinese name in Chinese characters" in response.content.decode()
    assert not Municipality.objects.exists()


@pytest.mark.parametrize("typed", ["東莞", "东莞", "dong-guan", "Tungkun"])
def test_the_changelist_and_autocomplete_find_a_place_by_any_name(admin_client, typed):
    IsraeliMunicipalityFactory(name="Haifa")
    dongguan = IsraeliMunicipalityFactory(name="Dong Guan", name_zh="东莞", aliases=["Tungkun"])
    response = admin_client.get(CHANGELIST, {"q": typed})
    assert list(response.context["cl"].result_list) == [dongguan]
    office_admin = {"app_label": "cooperation", "model_name": "liaisonoffice"}
    found = admin_client.get(
        reverse("admin:autocomplete"), {"term": typed, "field_name": "host", **office_admin}
    ).json()
    assert [item["text"] for item in found["results"]] == ["Dong Guan"]


def test_an_analysts_other_name_for_a_public_place_waits_for_review(client):
    office = LiaisonOfficeFactory(host=IsraeliMunicipalityFactory(name="Haifa"))
    haifa = office.host
    url = reverse("admin:cooperation_municipality_change", args=[haifa.pk])
    data = page_data(analyst(client).get(url))
    data.update({"aliases-TOTAL_FORMS": "1", "aliases-0-name": "海法", "aliases-0-language": ""})
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert aliases_of(haifa) == []
    revision = Revision.objects.get()
    assert "aliases" in revision.proposed["rows"]

    revisions.approve(revision=revision, user=staff_user(EDITOR, "reviewer"))
    haifa.refresh_from_db()
    assert aliases_of(haifa) == [("海法", "zh")]
    assert "海法" in haifa.search_names.splitlines()
    editor(client)
    assert list(client.get(CHANGELIST, {"q": "海法"}).context["cl"].result_list) == [haifa]
