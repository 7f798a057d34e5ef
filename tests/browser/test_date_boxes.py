"""An analyst correcting an agreement types its dates as the article gives them, one box
each, and reads what each will be saved as before saving: in the agreement's own boxes
and in a status row added to it on the page. Driven in the system Chromium."""

from datetime import date

import pytest
from playwright.sync_api import expect

from cooperation.models import AgreementState, PublicationStatus
from cooperation.partial_dates import Precision, Qualifier
from cooperation.records.roles import ANALYST
from tests.support.admin_browser import log_in, success_message
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, change_url, staff_user
from tests.support.factories import AgreementFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def agreement(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    staff_user(ANALYST, "analyst", PASSWORD)
    return AgreementFactory(status=PublicationStatus.DRAFT, signed_date=date(2019, 5, 3))


def test_an_analyst_types_an_agreements_dates_and_a_new_status_row(agreement, page):
    log_in(page, "analyst")
    page.goto(change_url(agreement))
    signed = page.locator("#id_signed")
    expect(signed).to_have_value("3 May 2019")  # as the site writes it

    signed.fill("c. 2019")
    expect(page.locator("#id_signed_understood")).to_have_text(
        "c. 2019: year precision, approximate"
    )
    page.locator("#id_ended").fill("the thirty-first of Smarch")
    expect(page.locator("#id_ended_understood")).to_contain_text("Could not read")
    page.locator("#id_ended").fill("")

    # A row added on the page is read as it is typed, like the boxes the page came with.
    page.get_by_role("button", name="Add another Agreement status").click()
    page.locator("#id_statuses-0-state").select_option(label="Dormant")
    page.locator("#id_statuses-0-as_of").fill("by 2021")
    expect(page.locator("#id_statuses-0-as_of_understood")).to_have_text(
        "by 2021: year precision, no later than"
    )
    page.locator("input[name=_continue]").click()
    assert "was changed successfully" in success_message(page)

    agreement.refresh_from_db()
    assert (agreement.signed_precision, agreement.signed_qualifier) == (
        Precision.YEAR,
        Qualifier.APPROXIMATE,
    )
    (status,) = agreement.statuses.all()
    assert (status.state, str(status.as_of)) == (AgreementState.DORMANT, "by 2021")
    expect(page.locator("#id_signed")).to_have_value("c. 2019")
