"""An analyst on a 1366 x 768 laptop opens a visit and an event with many participants,
each with a long title and the body they represented, and reads the whole participants'
table without scrolling sideways. Driven in the system Chromium."""

import pytest

from cooperation.models import PublicationStatus
from cooperation.records.roles import ANALYST
from tests.support.admin_browser import log_in
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, change_url, staff_user
from tests.support.factories import (
    EventFactory,
    EventParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    VisitFactory,
    VisitParticipantFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"width": 1366, "height": 768}
ROLE = "Minister of Science, Technology and Space of the State of Israel"
BODY = "Ministry of Science, Technology and Space of the State of Israel"

# Widths the page and each inline would scroll by, were anything wider than its box.
OVERFLOW = """() => {
  const overflow = (element) => element.scrollWidth - element.clientWidth;
  const inlines = {};
  for (const group of document.querySelectorAll(".inline-group")) {
    const wrapper = group.querySelector(".wrapper") || group;
    inlines[group.id] = Math.max(overflow(group), overflow(wrapper));
  }
  return {page: overflow(document.documentElement), inlines};
}"""


@pytest.fixture
def crowded(settings):
    """A draft visit and a draft event with seven participants each."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    staff_user(ANALYST, "analyst", PASSWORD)
    visit = VisitFactory(status=PublicationStatus.DRAFT)
    event = EventFactory(status=PublicationStatus.DRAFT)
    for n in range(7):
        body = OrganizationFactory(name=f"{BODY} {n}")
        person = PersonFactory(name=f"Participant with a long name {n}")
        VisitParticipantFactory(visit=visit, person=person, role=ROLE, organization=body)
        EventParticipantFactory(event=event, person=person, role=ROLE, organization=body)
    return [visit, event]


def test_an_analyst_reads_the_participants_table_whole_on_a_laptop(crowded, page):
    page.set_viewport_size(LAPTOP)
    log_in(page, "analyst")
    for record in crowded:
        page.goto(change_url(record))
        table = page.locator("#participations-group table")
        assert table.locator("tbody tr.has_original").count() == 7
        widths = page.evaluate(OVERFLOW)
        assert widths["page"] <= 0, record
        assert widths["inlines"]["participations-group"] <= 0, record
        assert all(width <= 0 for width in widths["inlines"].values()), widths
        # The last column, the row's delete box, is on the screen.
        delete = table.locator("tbody tr.has_original td.delete").first.bounding_box()
        assert delete["x"] + delete["width"] <= LAPTOP["width"]
