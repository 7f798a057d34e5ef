"""Municipalities and the regions they lie in."""

import pytest

from cooperation.models import Municipality
from tests.support.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_within_is_the_place_its_children_and_their_children():
    province = MunicipalityFactory(slug="yunnan")
    city = MunicipalityFactory(parent=province)
    district = MunicipalityFactory(parent=city)
    other_city = MunicipalityFactory(parent=province)
    MunicipalityFactory(parent=MunicipalityFactory())  # another province's city
    by_slug = set(Municipality.objects.within("yunnan"))
    assert by_slug == set(Municipality.objects.within(province))
    assert by_slug == {province, city, district, other_city}
    assert set(Municipality.objects.within(city)) == {city, district}
    assert set(Municipality.objects.within(district)) == {district}
    assert not Municipality.objects.within("atlantis").exists()
