from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import Agreement, Visit
from cooperation.partial_dates import PartialDate, Precision, format_span
from tests.support.factories import AgreementFactory, VisitFactory

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


@pytest.mark.parametrize(
    ("partial", "written"),
    [
        (PartialDate(date(2018, 6, 5), DAY), "5 June 2018"),
        (PartialDate(date(2018, 1, 1), MONTH), "January 2018"),
        (PartialDate(date(1998, 1, 1), YEAR, approximate=True), "c. 1998"),
        (PartialDate(date(1993, 1, 1), YEAR), "1993"),
        (PartialDate(None), ""),
    ],
)
def test_partial_date_reads_as_written(partial, written):
    assert str(partial) == written


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        (PartialDate(date(2018, 6, 5)), PartialDate(date(2018, 6, 7)), "5-7 June 2018"),
        (PartialDate(date(2018, 5, 30)), PartialDate(date(2018, 6, 2)), "30 May - 2 June 2018"),
        (
            PartialDate(date(2017, 12, 30)),
            PartialDate(date(2018, 1, 2)),
            "30 December 2017 - 2 January 2018",
        ),
        (PartialDate(date(2018, 4, 1), MONTH), PartialDate(None), "April 2018"),
        (
            PartialDate(date(2018, 4, 1), MONTH),
            PartialDate(date(2018, 5, 1), MONTH),
            "April-May 2018",
        ),
        (PartialDate(date(2017, 1, 1), YEAR), PartialDate(date(2018, 1, 1), YEAR), "2017-2018"),
        (
            PartialDate(date(2018, 6, 1), MONTH),
            PartialDate(date(2018, 6, 7), DAY),
            "June 2018 - 7 June 2018",
        ),
        (PartialDate(date(2018, 6, 5)), PartialDate(date(2018, 6, 5)), "5 June 2018"),
    ],
)
def test_span_reads_as_written(start, end, written):
    assert format_span(start, end) == written


@pytest.mark.django_db
def test_visit_dates_display_from_the_model():
    visit = VisitFactory(start_date=date(2018, 6, 5), end_date=date(2018, 6, 7))
    assert visit.dates == "5-7 June 2018"
    assert visit.start.year == 2018


@pytest.mark.django_db
def test_partial_dates_sort_and_filter_by_year():
    c1998 = AgreementFactory(signed_date=date(1998, 1, 1), signed_precision=YEAR)
    june = AgreementFactory(signed_date=date(2018, 6, 1), signed_precision=MONTH)
    day = AgreementFactory(signed_date=date(2018, 6, 7))
    assert list(Agreement.objects.order_by("signed_date")) == [c1998, june, day]
    assert list(Agreement.objects.filter(signed_date__year=2018).order_by("signed_date")) == [
        june,
        day,
    ]
    assert list(Agreement.objects.filter(signed_date__year__lte=2000)) == [c1998]


@pytest.mark.django_db
def test_clean_keeps_only_what_the_precision_knows():
    visit = VisitFactory.build(start_date=date(2018, 6, 15), start_precision=MONTH)
    visit.clean()
    assert visit.start_date == date(2018, 6, 1)
    assert str(visit.start) == "June 2018"
    visit.start_date, visit.start_precision = date(1998, 7, 4), YEAR
    visit.clean()
    assert visit.start_date == date(1998, 1, 1)


@pytest.mark.django_db
def test_approximate_without_a_date_is_refused():
    visit = VisitFactory.build(end_date=None, end_approximate=True)
    with pytest.raises(ValidationError) as error:
        visit.clean()
    assert error.value.message_dict == {"end_date": ["Enter a date, or untick “approximate”."]}


def test_visit_model_orders_latest_first():
    assert Visit._meta.ordering[0] == "-start_date"


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        (date(2018, 6, 5), Precision.DAY, date(2018, 6, 5), date(2018, 6, 5)),
        (date(2018, 6, 5), Precision.MONTH, date(2018, 6, 1), date(2018, 6, 30)),
        (date(2016, 2, 9), Precision.MONTH, date(2016, 2, 1), date(2016, 2, 29)),
        (date(1998, 7, 1), Precision.YEAR, date(1998, 1, 1), date(1998, 12, 31)),
    ],
)
def test_a_partial_date_names_a_period_from_its_first_to_its_last_day(
    value, precision, first, last
):
    partial = PartialDate(value, precision)
    assert (partial.first_day(), partial.last_day()) == (first, last)
