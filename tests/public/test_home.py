from datetime import date
from itertools import pairwise

import pytest

from cooperation.public.activity import YearRow, activity_by_year, chart_bars, year_ticks
from tests.support.factories import AgreementFactory, LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_activity_counts_each_year_from_first_to_last(sample_data):
    rows = activity_by_year()
    assert (rows[0].year, rows[-1].year) == (1993, 2018)
    by_year = {row.year: row for row in rows}
    assert (by_year[1993].agreements, by_year[1998].agreements) == (1, 1)
    assert (by_year[2018].offices, by_year[2018].visits, by_year[2018].agreements) == (2, 2, 2)
    assert by_year[2000].offices == by_year[2000].visits == by_year[2000].agreements == 0


def test_activity_ignores_unpublished_and_undated_records():
    LiaisonOfficeFactory(opened_date=date(2019, 5, 1))
    LiaisonOfficeFactory(opened_date=date(2021, 5, 1), status="draft")
    LiaisonOfficeFactory(opened_date=None, announced_date=None)
    VisitFactory(start_date=date(2020, 1, 1))
    VisitFactory(start_date=None)
    AgreementFactory(signed_date=None)
    rows = activity_by_year()
    assert [(row.year, row.offices, row.visits) for row in rows] == [(2019, 1, 0), (2020, 0, 1)]


def test_bars_scale_to_the_largest_count(sample_data):
    bars, top = chart_bars(activity_by_year())
    assert top == 2
    tallest = [bar for bar in bars if bar.label.startswith("2018")]
    assert {bar.height for bar in tallest} == {max(bar.height for bar in bars)}
    assert all(bar.height == 0 for bar in bars if bar.label.startswith("2000"))


@pytest.mark.parametrize("years", [1, 4, 5, 6, 26, 27])
def test_year_labels_are_five_years_apart_ending_with_the_latest(years):
    rows = [YearRow(2000 + n, 0, 0, 0) for n in range(years)]
    labelled = [year for _, year in year_ticks(rows)]
    assert labelled[-1] == rows[-1].year
    assert all(later - earlier == 5 for earlier, later in pairwise(labelled))
    assert len(labelled) == (years - 1) // 5 + 1


def test_home_page_shows_counts_chart_table_and_latest(client, sample_data):
    html = client.get("/").content.decode()
    assert "<strong>2</strong> liaison offices" in html
    assert "<strong>2</strong> visits" in html
    assert "<strong>4</strong> agreements" in html
    assert '<svg viewBox="0 0 720 260" role="img"' in html
    assert "<title>2018: 2 visits</title>" in html
    assert '<th scope="row">1993</th><td>0</td><td>0</td><td>1</td>' in html
    assert 'href="/visits/shanghai-mayor-visit-to-israel-2018-06/"' in html
    assert "<script" not in html


def test_home_page_counts_a_visit_without_a_date_and_leaves_it_out_of_the_chart(client):
    VisitFactory(title="Dated visit", start_date=date(2018, 6, 5))
    VisitFactory(title="Undated visit", start_date=None)
    html = client.get("/").content.decode()
    assert "<strong>2</strong> visits" in html
    assert "<title>2018: 1 visits</title>" in html
    assert "Undated visit</bdi></a>, date unknown</li>" in html
    assert '<th scope="row">None</th>' not in html


def test_home_page_without_records(client):
    html = client.get("/").content.decode()
    assert "<strong>0</strong> liaison offices" in html
    assert "<svg" not in html
    assert "No published visits yet." in html


def test_latest_visits_are_the_latest_by_their_own_date_undated_last_drafts_never(client):
    VisitFactory(title="Entered first, newest", start_date=date(2019, 3, 1))
    VisitFactory(title="Undated", start_date=None)
    VisitFactory(title="Entered last, oldest", start_date=date(2012, 5, 1))
    VisitFactory(title="Middle", start_date=date(2016, 1, 1))
    VisitFactory(title="A draft, newest of all", start_date=date(2020, 1, 1), status="draft")
    latest = client.get("/").context["latest_visits"]
    assert [visit.title for visit in latest] == [
        "Entered first, newest",
        "Middle",
        "Entered last, oldest",
        "Undated",
    ]
