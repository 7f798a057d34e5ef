"""What every cooperation record shares: its main date, one rule in SQL and in Python."""

from datetime import date

import pytest

from cooperation.public import queries
from tests.support.factories import AgreementFactory, LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("opened", "announced"),
    [(date(2018, 6, 1), date(2017, 1, 1)), (None, date(2017, 1, 1)), (None, None)],
)
def test_a_records_main_date_is_the_same_in_sql_and_in_python(opened, announced):
    office = LiaisonOfficeFactory(opened_date=opened, announced_date=announced)
    visit, agreement = VisitFactory(), AgreementFactory(signed_date=None)
    for record, rows in [
        (office, queries.offices()),
        (visit, queries.visits()),
        (agreement, queries.agreements()),
    ]:
        assert rows.get(pk=record.pk).main_date == record.main_partial_date.value
    assert office.main_date_as_written == str(office.opened or office.announced)
    assert visit.main_date_as_written == visit.dates
