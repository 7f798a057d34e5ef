"""An analyst enters article 002 (the Shanghai mayor's visit) from its pasted text: the
intake page reads it, she checks the proposals on one page and creates them as drafts,
counting the pages she loads on the way (the manual path took about 25)."""

import pytest
from django.core.management import call_command

from cooperation.devdata.sample_data import SHINE
from cooperation.devdata.sample_loader import ARTICLES
from cooperation.models import RECORD_MODELS, Agreement, PublicationStatus, Source, Visit
from cooperation.records.roles import ANALYST
from tests.support.admin_browser import log_in, success_message
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, staff_user

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = ARTICLES / "002_1cadeedc04271651.txt"
MOST_PAGE_LOADS = 6


@pytest.fixture
def known_names_without_article_002(settings):
    """The sample data's places, bodies and people, without article 002 and its records:
    the state the tracker was in before anyone entered it."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    call_command("load_sample_data", verbosity=0)
    for model in RECORD_MODELS:
        model.objects.filter(sources__url=SHINE).delete()
    Source.objects.filter(url=SHINE).delete()
    staff_user(ANALYST, "analyst", PASSWORD)


def test_article_002_goes_from_pasted_text_to_drafts_in_a_few_page_loads(
    page, known_names_without_article_002
):
    log_in(page, "analyst")
    loads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and loads.append(frame.url))

    page.get_by_role("link", name="New from an article").click()
    page.get_by_label("Article URL").fill(SHINE)
    page.get_by_label("Article text or HTML").fill(ARTICLE.read_text(encoding="utf-8"))
    page.get_by_label("Publication date").fill("June 2018")
    page.get_by_role("button", name="Read the article").click()

    page.wait_for_selector("text=Check and create")
    visit = page.locator("fieldset.intake-proposal", has_text="Visit").first
    assert visit.get_by_label("From").input_value() == "Shanghai"
    assert visit.get_by_label("Dates").input_value() == "5-7 June [2018]"
    assert "day precision, year inferred" in visit.locator(".date-understood").inner_text()
    visit.get_by_label("Dates").fill("5-7 June 2018")
    page.wait_for_function(
        "() => document.querySelector('fieldset.intake-proposal .date-understood')"
        ".textContent.includes('5-7 June 2018: day precision')"
    )
    page.get_by_role("button", name="Create the ticked records as drafts").click()

    assert "drafts citing this source" in success_message(page)
    print(f"page loads from the admin index to the drafts: {len(loads)}")
    assert len(loads) <= MOST_PAGE_LOADS
    source = Source.objects.get(url=SHINE)
    visit = Visit.objects.get(sources=source)
    assert visit.status == PublicationStatus.DRAFT
    assert visit.start_qualifier == "exact"  # as she corrected it
    assert {p.party.slug for p in visit.places.all() if p.role == "origin"} == {"shanghai"}
    assert Agreement.objects.filter(sources=source, visit=visit).exists()
    assert visit.citations.filter(fact="dates", source=source).exists()
    assert not page.outside_requests
