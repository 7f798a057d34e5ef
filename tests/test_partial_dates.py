from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import Agreement, Visit
from cooperation.partial_dates import (
    PartialDate,
    Precision,
    Qualifier,
    format_span,
    written_date,
)
from tests.support.factories import AgreementFactory, VisitFactory

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
EXACT, APPROXIMATE = Qualifier.EXACT, Qualifier.APPROXIMATE
INFERRED, NO_LATER_THAN = Qualifier.INFERRED, Qualifier.NO_LATER_THAN


@pytest.mark.parametrize(
    ("partial", "written"),
    [
        (PartialDate(date(2018, 6, 5), DAY), "5 June 2018"),
        (PartialDate(date(2018, 1, 1), MONTH), "January 2018"),
        (PartialDate(date(1993, 1, 1), YEAR), "1993"),
        (PartialDate(date(2018, 6, 5), DAY, APPROXIMATE), "c. 5 June 2018"),
        (PartialDate(date(2018, 1, 1), MONTH, APPROXIMATE), "c. January 2018"),
        (PartialDate(date(1998, 1, 1), YEAR, APPROXIMATE), "c. 1998"),
        (PartialDate(date(2013, 5, 22), DAY, INFERRED), "22 May [2013]"),
        (PartialDate(date(2013, 5, 1), MONTH, INFERRED), "May [2013]"),
        (PartialDate(date(2013, 1, 1), YEAR, INFERRED), "[2013]"),
        (PartialDate(date(2015, 6, 5), DAY, NO_LATER_THAN), "by 5 June 2015"),
        (PartialDate(date(2015, 6, 1), MONTH, NO_LATER_THAN), "by June 2015"),
        (PartialDate(date(2015, 1, 1), YEAR, NO_LATER_THAN), "by 2015"),
        (PartialDate(None), ""),
        (PartialDate(None, YEAR, EXACT), ""),
    ],
)
def test_partial_date_reads_as_written(partial, written):
    assert str(partial) == written
    assert written_date(partial.value, partial.precision, partial.qualifier) == written


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
        (PartialDate(None), PartialDate(None), ""),
        (PartialDate(date(2015, 1, 1), YEAR, NO_LATER_THAN), PartialDate(None), "by 2015"),
        # Ends that differ in qualifier are written each in full.
        (
            PartialDate(date(2018, 6, 5)),
            PartialDate(date(2018, 6, 7), DAY, APPROXIMATE),
            "5 June 2018 - c. 7 June 2018",
        ),
        (
            PartialDate(date(2013, 5, 22), DAY, INFERRED),
            PartialDate(date(2013, 5, 25)),
            "22 May [2013] - 25 May 2013",
        ),
        (
            PartialDate(date(2018, 6, 5)),
            PartialDate(date(2018, 6, 5), DAY, APPROXIMATE),
            "5 June 2018 - c. 5 June 2018",
        ),
    ],
)
def test_span_reads_as_written(start, end, written):
    assert format_span(start, end) == written


@pytest.mark.parametrize(
    ("first", "last", "precision", "qualifier", "written"),
    [
        (date(2018, 6, 5), date(2018, 6, 7), DAY, APPROXIMATE, "c. 5-7 June 2018"),
        (date(2018, 5, 30), date(2018, 6, 2), DAY, APPROXIMATE, "c. 30 May - 2 June 2018"),
        (date(1997, 1, 1), date(1998, 1, 1), YEAR, APPROXIMATE, "c. 1997-1998"),
        (date(2013, 5, 22), date(2013, 5, 25), DAY, INFERRED, "22-25 May [2013]"),
        (date(2013, 4, 1), date(2013, 5, 1), MONTH, INFERRED, "April-May [2013]"),
        (date(2012, 1, 1), date(2013, 1, 1), YEAR, INFERRED, "[2012-2013]"),
        (
            date(2017, 12, 30),
            date(2018, 1, 2),
            DAY,
            INFERRED,
            "30 December [2017] - 2 January [2018]",
        ),
        # Each "no later than" end is a bound of its own: never one "by" for both.
        (date(2015, 6, 5), date(2015, 6, 7), DAY, NO_LATER_THAN, "by 5 June 2015 - by 7 June 2015"),
    ],
)
def test_ends_sharing_precision_and_qualifier_write_them_once_but_bounds_do_not(
    first, last, precision, qualifier, written
):
    start, end = PartialDate(first, precision, qualifier), PartialDate(last, precision, qualifier)
    assert format_span(start, end) == written


@pytest.mark.django_db
def test_visit_dates_display_from_the_model():
    visit = VisitFactory(start_date=date(2018, 6, 5), end_date=date(2018, 6, 7))
    assert visit.dates == "5-7 June 2018"
    assert visit.start.year == 2018
    inferred = VisitFactory(
        start_date=date(2013, 5, 22),
        start_qualifier=INFERRED,
        end_date=date(2013, 5, 25),
        end_qualifier=INFERRED,
    )
    assert inferred.dates == "22-25 May [2013]"


@pytest.mark.django_db
def test_a_visit_without_a_date_reads_date_unknown():
    visit = VisitFactory(start_date=None)
    visit.full_clean()
    assert visit.dates == "date unknown"


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
@pytest.mark.parametrize("qualifier", [APPROXIMATE, INFERRED, NO_LATER_THAN])
def test_a_qualifier_without_a_date_is_refused(qualifier):
    visit = VisitFactory.build(end_date=None, end_qualifier=qualifier)
    with pytest.raises(ValidationError) as error:
        visit.clean()
    assert error.value.message_dict == {
        "end_date": ["Enter a date, or choose the qualifier “Exact”."]
    }


@pytest.mark.django_db
def test_an_end_without_a_start_is_refused():
    visit = VisitFactory.build(start_date=None, end_date=date(2018, 6, 7))
    with pytest.raises(ValidationError) as error:
        visit.clean()
    [message] = error.value.message_dict["end_date"]
    assert message.startswith("Enter when the visit started too, or leave both dates empty")


@pytest.mark.django_db
def test_visit_model_orders_latest_first_and_undated_last():
    undated = VisitFactory(start_date=None, title="A undated")
    older = VisitFactory(start_date=date(2017, 3, 1))
    newer = VisitFactory(start_date=date(2018, 6, 5))
    assert list(Visit.objects.all()) == [newer, older, undated]


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
