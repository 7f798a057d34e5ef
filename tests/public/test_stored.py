"""Figures kept per generation of the public data are exact after every change
(cooperation/public/stored.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import Municipality, Sector
from cooperation.public import stored
from tests.support.factories import LiaisonOfficeFactory, MunicipalityFactory, SectorFactory

pytestmark = pytest.mark.django_db


def public_slugs(model) -> set[str]:
    return set(stored.published(model).values_list("slug", flat=True))


def test_a_municipality_is_public_from_its_records_publication_to_its_withdrawal():
    assert public_slugs(Municipality) == set()
    office = LiaisonOfficeFactory(status="draft", sponsor=MunicipalityFactory(slug="xian"))
    assert public_slugs(Municipality) == set(), "named by a draft only"
    office.status = "published"
    office.save()
    assert "xian" in public_slugs(Municipality)
    office.status = "draft"
    office.save()
    assert public_slugs(Municipality) == set()


def test_a_sector_is_public_once_a_published_record_is_tagged_with_it():
    LiaisonOfficeFactory(status="draft").sectors.add(SectorFactory(slug="water"))
    assert public_slugs(Sector) == set()
    LiaisonOfficeFactory().sectors.add(Sector.objects.get(slug="water"))
    assert public_slugs(Sector) == {"water"}


def test_the_ids_are_read_once_per_generation():
    LiaisonOfficeFactory()
    public_slugs(Municipality)
    with CaptureQueriesContext(connection) as captured:
        public_slugs(Municipality)
    assert len(captured) == 1, "only the rows by id, not the subquery over the records"
    assert "liaisonoffice" not in captured[0]["sql"]
