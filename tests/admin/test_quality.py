"""The editors' data-quality page: each count is the number of rows its link lists."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.models import (
    LiaisonOffice,
    Municipality,
    PublicationStatus,
    PublisherCountry,
    PublisherKind,
    Visit,
)
from tests.support.admin_pages import analyst, editor
from tests.support.factories import (
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
    cite,
)

pytestmark = pytest.mark.django_db
URL = reverse("admin:data_quality")


@pytest.fixture
def planted():
    official = SourceFactory(
        publisher="Haifa municipality",
        publisher_kind=PublisherKind.GOVERNMENT,
        publisher_country=PublisherCountry.ISRAEL,
    )
    well_sourced = LiaisonOfficeFactory(sources=[official, SourceFactory()])
    for fact, _ in well_sourced.facts():
        cite(well_sourced, fact, "three days of talks", source=official)
    LiaisonOfficeFactory()  # one source, none official, nothing cited
    old = VisitFactory(status=PublicationStatus.DRAFT)
    Visit.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    VisitFactory(status=PublicationStatus.DRAFT)  # a recent draft
    Municipality.objects.update(latitude=31.8, longitude=35.2)
    MunicipalityFactory(latitude=None, longitude=None, name_zh="", name_he="")
    OrganizationFactory(name="Haifa Port Company")
    OrganizationFactory(name="HAIFA PORT COMPANY")
    OrganizationFactory(name="Haifa Chamber of Commerce")
    PersonFactory(name="Wang Wei", name_zh="")


def tallies(response) -> dict:
    return {
        (heading, tally.label): tally
        for heading, found in response.context["sections"]
        for tally in found
    }


def test_each_count_lists_as_many_rows_as_it_says(client, planted):
    client = editor(client)
    response = client.get(URL)
    assert response.status_code == 200
    found = tallies(response)
    expected = {
        ("liaison offices", "one source only"): 1,
        ("liaison offices", "no official source"): 1,
        ("liaison offices", "facts without a quote"): 1,
        ("visits", "drafts untouched for 30 days"): 1,
        ("municipalities", "no coordinates"): 1,
        ("organizations", "likely duplicates"): 2,
        ("people", "no Chinese name"): 1,
    }
    for key, count in expected.items():
        assert found[key].count == count, key
    for key, tally in found.items():
        listed = client.get(tally.url)
        assert listed.status_code == 200, tally.url
        assert listed.context["cl"].result_count == tally.count, key


def test_the_page_and_its_link_are_for_editors(client, planted):
    assert analyst(client).get(URL).status_code == 403
    assert URL not in client.get(reverse("admin:index")).content.decode()
    editors = editor(client.__class__())
    assert URL in editors.get(reverse("admin:index")).content.decode()


def test_an_uncited_offices_count_moves_once_its_facts_are_cited(client, planted):
    client = editor(client)
    uncited = LiaisonOffice.objects.filter(facts_cited=0).get()
    for fact, _ in uncited.facts():
        cite(uncited, fact, "three days of talks")
    assert tallies(client.get(URL))[("liaison offices", "facts without a quote")].count == 0
