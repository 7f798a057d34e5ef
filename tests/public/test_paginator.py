"""A list's pages read as ids then rows, and its count kept per generation of the public
data (cooperation/public/paginator.py)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.public.paginator import ListPaginator
from cooperation.public.views.lists import OFFICES
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db


def listed():
    return OFFICES.queryset().order_by(*OFFICES.default_ordering)


@pytest.fixture
def offices():
    """60 published offices over 12 years (ties within a year: by name), a draft, and
    two without a date (listed last)."""
    for number in range(60):
        LiaisonOfficeFactory(opened_date=date(2010 + number % 12, 1, 1))
    LiaisonOfficeFactory(opened_date=None)
    LiaisonOfficeFactory(opened_date=None)
    LiaisonOfficeFactory(status="draft", opened_date=date(2030, 1, 1))


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_page_holds_the_rows_an_offset_would_give_in_the_same_order(offices, number):
    expected = list(listed()[(number - 1) * 25 : number * 25])
    page = ListPaginator(listed(), 25).page(number)
    assert list(page.object_list) == expected
    assert [office.name for office in page.object_list] == [office.name for office in expected]


def test_the_last_page_ends_with_the_undated_offices_and_no_draft(offices):
    page = ListPaginator(listed(), 25).page(3)
    assert len(page.object_list) == 12
    assert [office.main_date for office in page.object_list[-2:]] == [None, None]
    assert all(office.status == "published" for office in page.object_list)


def test_a_deep_page_through_the_site_lists_its_rows_in_order(client, offices):
    body = client.get("/offices/?page=2").content.decode()
    names = [office.name for office in listed()[25:50]]
    positions = [body.index(f">{name}<") for name in names]
    assert positions == sorted(positions)
    assert f">{listed()[24].name}<" not in body


def counting(queryset) -> tuple[int, int]:
    """The count of a new paginator over `queryset`, and the queries it took."""
    with CaptureQueriesContext(connection) as captured:
        count = ListPaginator(queryset, 25).count
    return count, len(captured)


def test_the_count_is_taken_once_per_generation_and_exact_after_each_change(offices):
    assert counting(listed()) == (62, 1)
    assert counting(listed()) == (62, 0)
    assert counting(listed().filter(main_date__year=2010)) == (5, 1)
    LiaisonOfficeFactory()
    assert counting(listed()) == (63, 1)
    LiaisonOfficeFactory(status="draft")
    assert counting(listed()) == (63, 1)
