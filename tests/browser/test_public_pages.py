"""Every public page of the sample data: axe-core, the 360 px layout, no request off the site.

The pages are the home page; each list without filters, with a filter that matches, with
filters that match nothing and with invalid filters (HTTP 400); every detail page.
"""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from cooperation.devdata import sample_data as articles
from cooperation.models import Municipality, Organization, Person
from tests.support.factories import AgreementFactory, EventFactory, EventParticipantFactory, cite

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()
NARROW = {"width": 360, "height": 740}

# path: (HTTP status, the results heading that proves which state the list is in)
LIST_PAGES = {
    "/offices/": (200, "2 liaison offices"),
    "/offices/?sponsor=dongguan&year_min=2018": (200, "1 liaison office"),
    "/offices/?q=Atlantis": (200, "0 liaison offices"),
    "/offices/?year_min=soon&sponsor=atlantis": (400, "The filters need a correction"),
    "/offices/?page=9": (400, "The filters need a correction"),
    "/visits/": (200, "2 visits"),
    "/visits/?origin=shanghai": (200, "1 visit"),
    "/visits/?year_max=1990": (200, "0 visits"),
    "/visits/?origin=atlantis&year_max=19x": (400, "The filters need a correction"),
    "/agreements/": (200, "4 agreements"),
    "/agreements/?kind=twinning": (200, "2 agreements"),
    "/agreements/?kind=contract&year_max=2000": (200, "0 agreements"),
    "/agreements/?kind=treaty&ordering=colour": (400, "The filters need a correction"),
    "/events/": (200, "0 events"),  # the four articles report none
    "/events/?kind=expo&year_max=x": (400, "The filters need a correction"),
    "/municipalities/": (200, f"{len(articles.MUNICIPALITIES)} municipalities"),
    "/municipalities/?country=IL": (200, "2 municipalities"),
    "/municipalities/?q=Atlantis": (200, "0 municipalities"),
    "/municipalities/?country=FR&level=galaxy": (400, "The filters need a correction"),
}
DETAIL_PAGES = [
    *(f"/offices/{office['slug']}/" for office in articles.OFFICES),
    *(f"/visits/{visit['slug']}/" for visit in articles.VISITS),
    *(f"/agreements/{agreement['slug']}/" for agreement in articles.AGREEMENTS),
    *(f"/municipalities/{place['slug']}/" for place in articles.MUNICIPALITIES),
]
ALL_PAGES = ["/", *LIST_PAGES, *DETAIL_PAGES]


def open_page(page, path):
    """Open the page, check it is the page meant, and unfold what is folded (the chart's table)."""
    status, results_heading = LIST_PAGES.get(path, (200, None))
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"
    if results_heading:
        heading = page.get_by_role("heading", level=2, name=results_heading, exact=True)
        assert heading.is_visible(), f"{path} does not show “{results_heading}”"
    page.locator("details").evaluate_all("elements => elements.forEach(e => e.open = true)")


def sideways_scroll(page):
    """By how many pixels the page is wider than the window, and what sticks out; else None."""
    return page.evaluate(
        """() => {
        const pixels = document.documentElement.scrollWidth - window.innerWidth;
        const wide = [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth)
            .map(e => [e.tagName.toLowerCase(), e.getAttribute("class")].filter(Boolean).join("."));
        return pixels <= 0 ? null : {pixels, elements: [...new Set(wide)]};
        }"""
    )


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_is_accessible_fits_360_px_and_stays_on_the_site(sample_data, page, path):
    open_page(page, path)
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.set_viewport_size(NARROW)
    assert sideways_scroll(page) is None, f"{path} scrolls sideways at 360 px"
    assert page.outside_requests == []


@pytest.fixture
def records_of_every_new_shape(sample_data):
    """An event with organizers, participants and notes, and an agreement signed at it with
    a party known only by the article's words, a signatory and a status: the pages the
    sample data has none of."""
    haifa = Municipality.objects.get(slug="haifa")
    body = Organization.objects.get(slug="israel-innovation-authority")
    event = EventFactory(title="Innovation forum", slug="innovation-forum", place=haifa)
    event.organizers.create(organization=body)
    EventParticipantFactory(event=event, person=Person.objects.get(slug="yona-yahav"))
    cite(event, "dates", "arrived in Haifa on Monday", quote_en="")
    agreement = AgreementFactory(
        title="Letter of intent", slug="letter-of-intent", kind="letter_of_intent", event=event
    )
    agreement.parties.create(name_as_written="an Israeli city")
    agreement.signatories.create(
        person=Person.objects.get(slug="ying-yong"), role="Mayor", municipality=haifa
    )
    agreement.statuses.create(state="in_force", as_of_date=date(2019, 1, 1))
    return [event.get_absolute_url(), agreement.get_absolute_url(), "/events/"]


def test_the_new_record_shapes_are_accessible_and_fit_360_px(records_of_every_new_shape, page):
    for path in records_of_every_new_shape:
        assert page.goto(path).status == 200, path
        results = AXE.run(page)
        assert results.violations_count == 0, results.generate_report()
        page.set_viewport_size(NARROW)
        assert sideways_scroll(page) is None, f"{path} scrolls sideways at 360 px"
        page.set_viewport_size({"width": 1280, "height": 800})
    assert page.outside_requests == []
