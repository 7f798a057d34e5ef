"""Entering an article's records: from the source to the records citing it, partial dates
explained, every record citing at least one source."""

import pytest
from django.urls import reverse

from cooperation.models import Visit
from tests.support.admin_pages import analyst, page_data
from tests.support.factories import MunicipalityFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_a_source_links_to_new_records_that_already_cite_it(client):
    client = analyst(client)
    source = SourceFactory()
    page = client.get(reverse("admin:cooperation_source_change", args=[source.pk]))
    add_visit = f"{reverse('admin:cooperation_visit_add')}?cite={source.pk}"
    assert f'href="{add_visit}"' in page.content.decode()
    form = page_data(client.get(add_visit))
    assert form["Visit_sources-0-source"] == source.pk


def test_the_date_help_says_how_to_enter_a_month_and_a_vague_year(client):
    page = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    assert "for “June 2018” enter 2018-06-01" in page
    assert "for “c. 1998” enter 1998-01-01" in page


def test_a_record_without_a_source_is_refused_with_a_message(client):
    client = analyst(client)
    url = reverse("admin:cooperation_visit_add")
    data = page_data(client.get(url))
    data.update(title="No source", slug="no-source", origin=MunicipalityFactory().pk)
    data.update({"start_date": "2018-06-05", "Visit_sources-0-source": ""})
    response = client.post(url, data)
    assert "Cite at least one source" in response.content.decode()
    assert not Visit.objects.exists()
