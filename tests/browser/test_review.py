"""An analyst corrects a published visit; the public keeps the published version; an editor
compares the change side by side, previews it on the site and approves it; the public then
sees it. Driven through the admin in the system Chromium, with axe-core on the new pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from cooperation.models import Revision, RevisionStatus
from cooperation.records.roles import ANALYST, EDITOR
from tests.support.admin_browser import log_in, log_out, success_message
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, staff_user
from tests.support.factories import VisitFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()


@pytest.fixture
def visit(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    staff_user(ANALYST, "analyst", PASSWORD)
    staff_user(EDITOR, "editor", PASSWORD)
    return VisitFactory(title="Shanghai mayor's delegation", purpose="Trade and ports")


def public_text(page, visit) -> str:
    page.goto(visit.get_absolute_url())
    return page.locator("main").inner_text()


def test_an_analysts_correction_is_reviewed_previewed_and_approved(
    visit, page, browser, live_server
):
    log_in(page, "analyst")
    page.goto(f"/admin/cooperation/visit/{visit.pk}/change/")
    assert "goes to an editor for review" in page.locator(".review-notice").inner_text()
    page.locator("#id_purpose").fill("Trade, ports and a new science park")
    page.locator("#id_change_reason").fill("second article")
    page.locator("input[name=_save]").click()
    assert "waits for an editor's review" in success_message(page)
    log_out(page)

    reading = browser.new_context(base_url=live_server.url)  # a reader, not signed in
    reader = reading.new_page()
    assert "new science park" not in public_text(reader, visit)

    log_in(page, "editor")
    page.goto("/admin/cooperation/revision/")
    page.get_by_role("link", name=f"#{Revision.objects.get().pk}").click()
    table = page.locator("table.revision-changes")
    assert "Trade and ports" in table.inner_text()
    assert "Trade, ports and a new science park" in table.inner_text()
    assert AXE.run(page).violations_count == 0

    with page.context.expect_page() as preview_opened:
        page.get_by_role("link", name="Preview the page with this change").click()
    preview = preview_opened.value
    preview.wait_for_load_state()
    assert "new science park" in preview.locator("main").inner_text()
    assert "proposed by analyst" in preview.locator(".preview-banner").inner_text()
    assert AXE.run(preview).violations_count == 0
    preview.close()

    page.locator("textarea[name=note]").fill("matches the article")
    page.get_by_role("button", name="Approve and publish").click()
    assert "approved" in success_message(page)
    assert Revision.objects.get().status == RevisionStatus.APPROVED

    assert "new science park" in public_text(reader, visit)
    reading.close()
    assert page.outside_requests == []
