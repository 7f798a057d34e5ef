"""Each duplicate warning fires with links to the likely duplicates, and can be overridden."""

from datetime import date

import pytest
from django.urls import reverse

from cooperation.models import Agreement, LiaisonOffice, Municipality, Source, Visit
from tests.support.admin_pages import page_data
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def add(client, model_name, **values):
    url = reverse(f"admin:cooperation_{model_name}_add")
    data = page_data(client.get(url))
    data.update(values)
    return client.post(url, data)


def change_link(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def assert_warns_then_saves(client, model_name, likely, values):
    response = add(client, model_name, **values)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This may already be recorded" in page
    for obj in likely:
        assert f'href="{change_link(obj)}"' in page
    assert 'type="checkbox" name="save_anyway"' in page
    assert add(client, model_name, save_anyway="on", **values).status_code == 302


def cited(record_model):
    return {f"{record_model.__name__}_sources-0-source": SourceFactory().pk}


@pytest.mark.parametrize(
    "typed",
    [
        {"name": "tel aviv"},
        {"name": "TÉL-AVIV"},
        {"name": "Tel Aviv-Yafo"},
        {"name": "Jaffa", "name_he": "תל־אביב־יפו"},  # maqaf for hyphen
        {"name": "Jaffa", "name_zh": "特拉維夫"},  # traditional for the simplified alias
    ],
)
def test_a_municipality_matching_a_name_in_any_script_or_an_alias(admin_client, typed):
    existing = IsraeliMunicipalityFactory(
        name="Tel Aviv-Yafo", name_he="תל אביב-יפו", aliases=["Tel Aviv", "特拉维夫"]
    )
    values = {"slug": "new", "country": "IL", "level": "city", **typed}
    assert_warns_then_saves(admin_client, "municipality", [existing], values)
    assert Municipality.objects.count() == 2


def test_a_municipality_with_another_name_saves_without_warning(admin_client):
    IsraeliMunicipalityFactory(name="Tel Aviv-Yafo", aliases=["Tel Aviv"])
    values = {"name": "Haifa", "slug": "haifa", "country": "IL", "level": "city"}
    assert add(admin_client, "municipality", **values).status_code == 302


def test_an_office_with_the_same_sponsor_and_host(admin_client):
    existing = LiaisonOfficeFactory()
    values = {
        "name": "Another office",
        "slug": "another-office",
        "sponsor": existing.sponsor_id,
        "host": existing.host_id,
        **cited(LiaisonOffice),
    }
    assert_warns_then_saves(admin_client, "liaisonoffice", [existing], values)
    assert LiaisonOffice.objects.count() == 2


def test_a_visit_from_the_same_origin_with_overlapping_dates(admin_client):
    existing = VisitFactory(start_date=date(2018, 6, 5), end_date=date(2018, 6, 7))
    june = {
        "title": "Visit in June",
        "slug": "visit-in-june",
        "places-TOTAL_FORMS": 1,
        "places-0-role": "origin",
        "places-0-municipality": existing.origins[0].pk,
        "dates": "June 2018",
        **cited(Visit),
    }
    assert_warns_then_saves(admin_client, "visit", [existing], june)
    july = {**june, "slug": "visit-in-july", "dates": "July 2018", **cited(Visit)}
    assert add(admin_client, "visit", **july).status_code == 302
    assert Visit.objects.count() == 3


def test_an_agreement_of_the_same_kind_between_the_same_parties(admin_client):
    existing = AgreementFactory()
    parties = [party.municipality_id for party in existing.parties.all()]
    values = {
        "title": "Twinning again",
        "slug": "twinning-again",
        "kind": existing.kind,
        "parties-0-municipality": parties[1],
        "parties-1-municipality": parties[0],
        **cited(Agreement),
    }
    assert_warns_then_saves(admin_client, "agreement", [existing], values)
    other = {**values, "slug": "other", "parties-1-municipality": MunicipalityFactory().pk}
    assert add(admin_client, "agreement", **other).status_code == 302


def test_a_pasted_url_that_exists_says_so_and_links_to_the_source(admin_client):
    existing = SourceFactory(url="https://www.shine.cn/news/metro/1806086024/")
    response = add(admin_client, "source", url=existing.url, title="Same article")
    page = response.content.decode()
    assert "This article is already a source" in page
    assert f'href="{change_link(existing)}"' in page
    assert Source.objects.count() == 1


def test_the_same_url_written_differently_warns_and_can_be_saved(admin_client):
    existing = SourceFactory(url="https://www.shine.cn/news/metro/1806086024/")
    values = {"url": "http://shine.cn/news/metro/1806086024", "title": "Same article?"}
    assert_warns_then_saves(admin_client, "source", [existing], values)
    assert Source.objects.count() == 2


@pytest.mark.parametrize("model_name", ["person", "organization"])
def test_two_with_the_same_name_are_both_saved_after_the_warning(admin_client, model_name):
    factory = PersonFactory if model_name == "person" else OrganizationFactory
    existing = factory(name="Wang Wei", slug="wang-wei")
    values = {"name": "WANG WEI", "slug": "wang-wei"}
    if model_name == "organization":
        values |= {"kind": existing.kind, "country": existing.country}
    assert_warns_then_saves(admin_client, model_name, [existing], values)
    model = type(existing)
    assert sorted(model.objects.values_list("slug", flat=True)) == ["wang-wei", "wang-wei-2"]
