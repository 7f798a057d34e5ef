"""A record's main date is a column the database keeps, and the lists' orders are served by
indexes among published rows (cooperation/models/list_order.py)."""

from datetime import date

import pytest

from cooperation.models import LiaisonOffice
from cooperation.public.views import lists
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    VisitFactory,
)
from tests.support.query_plans import plan

pytestmark = pytest.mark.django_db


def test_an_offices_main_date_is_its_opening_else_its_announcement_kept_as_dates_change():
    office = LiaisonOfficeFactory(opened_date=None, announced_date=date(2017, 3, 1))
    office.refresh_from_db()
    assert office.main_date == date(2017, 3, 1)
    office.opened_date = date(2018, 6, 5)
    office.save()
    office.refresh_from_db()
    assert office.main_date == date(2018, 6, 5) == office.main_partial_date.value
    LiaisonOffice.objects.filter(pk=office.pk).update(opened_date=None, announced_date=None)
    assert LiaisonOffice.objects.get(pk=office.pk).main_date is None


@pytest.mark.parametrize(
    ("factory", "column"),
    [(VisitFactory, "start_date"), (AgreementFactory, "signed_date"), (EventFactory, "start_date")],
)
def test_other_records_main_date_is_their_one_date(factory, column):
    record = factory(**{column: date(2019, 11, 2)})
    record.refresh_from_db()
    assert record.main_date == date(2019, 11, 2)


LISTS = [
    (lists.OFFICES, LiaisonOfficeFactory),
    (lists.VISITS, VisitFactory),
    (lists.AGREEMENTS, AgreementFactory),
    (lists.EVENTS, EventFactory),
]


def undated(page) -> dict:
    return {f"{name}_date": None for name in page.queryset().model.main_date_from}


def dated(page, year: int) -> dict:
    return {f"{page.queryset().model.main_date_from[0]}_date": date(year, 1, 1)}


def default_order(page):
    return page.queryset().order_by(*page.default_ordering).values_list("pk", flat=True)


@pytest.mark.parametrize(("page", "factory"), LISTS)
def test_the_default_order_is_latest_first_with_undated_records_last(page, factory):
    nothing, old, new = (
        factory(**undated(page)),
        factory(**dated(page, 2001)),
        factory(**dated(page, 2021)),
    )
    factory(status="draft")
    assert list(default_order(page)) == [new.pk, old.pk, nothing.pk]


@pytest.mark.parametrize(("page", "factory"), LISTS)
def test_a_lists_page_of_ids_in_the_default_order_is_read_from_its_index(page, factory):
    factory(status="draft")
    factory(**dated(page, 2001))
    factory(**undated(page))
    record = page.queryset().model._meta.model_name.replace("liaison", "")
    assert f"{record}_list_latest" in plan(default_order(page)[:25])
