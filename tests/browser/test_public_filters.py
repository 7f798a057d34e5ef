"""A reader filters the office list with the form, pages through results and reaches the sources."""

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from cooperation.models import LiaisonOffice, Municipality
from tests.support.factories import LiaisonOfficeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=True)


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def result_links(page):
    return page.get_by_role("region", name=re.compile(r"liaison office")).locator("h3 a")


def test_filter_offices_by_sponsor_and_year_and_reach_the_articles(sample_data, page):
    # An older Beijing office: only the year range leaves it out.
    LiaisonOfficeFactory(
        sponsor=Municipality.objects.get(slug="beijing"), opened_date=date(2010, 3, 1)
    )
    page.goto("/offices/")
    form = page.get_by_role("search", name="Filter")
    sponsor = form.get_by_label("Sponsor")
    suggestions = page.locator(f"datalist#{sponsor.get_attribute('list')} option")
    assert "beijing" in [option.get_attribute("value") for option in suggestions.all()]
    sponsor.fill("北京")  # typed by its name, in Chinese
    form.get_by_label("From year").fill("2018")
    form.get_by_label("To year").fill("2018")
    form.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"year_max=2018"))

    query = query_of(page)
    assert (query["sponsor"], query["year_min"], query["year_max"]) == (
        ["北京"],
        ["2018"],
        ["2018"],
    )
    office = LiaisonOffice.objects.get(slug="zhongguancun-science-park-tel-aviv-liaison-office")
    assert result_links(page).all_inner_texts() == [office.name]

    result_links(page).first.click()
    page.wait_for_url(f"**{office.get_absolute_url()}")
    sources = page.get_by_role("region", name="Sources").get_by_role("link")
    cited = {link.inner_text(): link.get_attribute("href") for link in sources.all()}
    assert cited == {source.title: source.url for source in office.sources.all()}
    assert len(cited) == 2
    assert page.outside_requests == []


def test_pagination_keeps_the_filters_in_the_url_and_the_form(page):
    sponsor = MunicipalityFactory(name="Shenzhen", slug="shenzhen")
    LiaisonOfficeFactory.create_batch(27, sponsor=sponsor)
    LiaisonOfficeFactory.create_batch(2, sponsor=sponsor, opened_date=date(2010, 1, 1))
    LiaisonOfficeFactory.create_batch(3)
    page.goto("/offices/?sponsor=shenzhen&year_min=2018")
    assert page.get_by_role("heading", name="27 liaison offices").is_visible()
    assert result_links(page).count() == 25

    page.get_by_role("navigation", name="Pages of results").get_by_role(
        "link", name="Next page"
    ).click()
    page.wait_for_url(re.compile(r"page=2"))

    assert query_of(page) == {"sponsor": ["shenzhen"], "year_min": ["2018"], "page": ["2"]}
    assert page.get_by_text("Page 2 of 2").is_visible()
    assert result_links(page).count() == 2
    form = page.get_by_role("search", name="Filter")
    assert form.get_by_label("Sponsor").input_value() == "shenzhen"
    assert form.get_by_label("From year").input_value() == "2018"
    assert page.outside_requests == []
