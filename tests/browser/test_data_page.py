"""/data/ in Chromium, like every public page: no axe-core violation, no sideways scroll at
360 px, nothing loaded from another site; with releases and without."""

import pytest

from tests.browser.test_public_pages import AXE, NARROW, sideways_scroll
from tests.releases.support import publish, releases_dir

pytestmark = pytest.mark.django_db(transaction=True)
__all__ = ["releases_dir"]  # a fixture


@pytest.mark.parametrize("releases", [0, 2])
def test_the_data_page_is_accessible_and_fits_360_px(sample_data, releases_dir, page, releases):
    for _ in range(releases):
        publish()
    response = page.goto("/data/")
    assert response.status == 200
    heading = "Releases, newest first" if releases else "No release yet"
    assert page.get_by_role("heading", level=2, name=heading).is_visible()
    page.locator("details").evaluate_all("elements => elements.forEach(e => e.open = true)")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.set_viewport_size(NARROW)
    assert sideways_scroll(page) is None, sideways_scroll(page)
    assert page.outside_requests == []
