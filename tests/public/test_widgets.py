"""The filters' selects write what Django's Select writes, faster
(cooperation/public/widgets.py)."""

import pytest
from django import forms
from django.test.html import parse_html

from cooperation.models import LiaisonOffice
from cooperation.public.filters import OfficeFilterSet
from cooperation.public.widgets import OptionsSelect
from tests.support.factories import LiaisonOfficeFactory, SectorFactory

CHOICES = [
    ("", "Any sponsor"),
    ("tel-aviv", "Tel Aviv-Yafo"),
    ("a&b", 'Quote " <b>'),
    ("北京", "北京"),
]


@pytest.mark.parametrize("value", [None, "", "tel-aviv", "a&b", "北京", "unknown"])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_sponsor"}, {"id": "x", "aria-invalid": "true", "required": True}]
)
def test_a_select_is_written_as_djangos_would_be(value, attrs):
    ours = OptionsSelect(choices=CHOICES).render("sponsor", value, attrs)
    djangos = forms.Select(choices=CHOICES).render("sponsor", value, attrs)
    assert parse_html(ours) == parse_html(djangos)  # the same elements, attributes, text


@pytest.mark.django_db
def test_a_filter_form_with_an_error_is_written_as_with_djangos_selects():
    LiaisonOfficeFactory().sectors.add(SectorFactory(slug="water", name="Water"))
    data = {"sector": "nowhere", "q": "x"}
    ours = OfficeFilterSet(data, queryset=LiaisonOffice.objects.all()).form
    djangos = OfficeFilterSet(data, queryset=LiaisonOffice.objects.all()).form
    djangos.fields["sector"].widget = forms.Select(choices=djangos.fields["sector"].choices)
    assert not ours.is_valid() and not djangos.is_valid()
    assert parse_html(str(ours)) == parse_html(str(djangos))
    assert "Water" in str(ours)
