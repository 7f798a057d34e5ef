"""An analyst enters a visit from an article and submits it; an editor publishes it; the
public site then shows it. Driven through the admin in the system Chromium."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cooperation.models import Country, PublicationStatus, Visit
from cooperation.records.roles import ANALYST, EDITOR
from tests.support.admin_browser import choose, log_in, log_out, success_message
from tests.support.admin_pages import FAST_HASHERS, PASSWORD, staff_user
from tests.support.factories import (
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    SourceFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = "https://www.shine.cn/news/metro/1806086024/"
TITLE = "Shanghai mayor's delegation to Haifa"
SLUG = "shanghai-mayors-delegation-to-haifa"


@pytest.fixture
def people(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    MunicipalityFactory(name="Shanghai", slug="shanghai", country=Country.CHINA)
    IsraeliMunicipalityFactory(name="Haifa", slug="haifa")
    PersonFactory(name="Ying Yong", slug="ying-yong")
    PersonFactory(name="Yona Yahav", slug="yona-yahav")
    staff_user(ANALYST, "analyst", PASSWORD)
    staff_user(EDITOR, "editor", PASSWORD)


def run_action(page, label):
    page.locator(f'tr:has-text("{TITLE}") input[name=_selected_action]').check()
    page.locator("select[name=action]").select_option(label=label)
    page.locator("button[name=index]").click()


def test_an_analyst_enters_a_visit_and_an_editor_publishes_it(people, page):
    log_in(page, "analyst")

    page.goto("/admin/cooperation/source/add/")
    page.get_by_label("URL").fill(ARTICLE)
    page.get_by_label("Title").fill("Shanghai mayor visits Israel to deepen cooperation")
    page.locator("input[name=_save]").click()
    assert "was added successfully" in success_message(page)

    page.goto("/admin/cooperation/visit/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").blur()
    assert page.locator("#id_slug").input_value() == SLUG  # filled in from the title
    page.locator("#id_places-0-role").select_option(label="From")
    choose(page, "id_places-0-municipality", "Shang", "Shanghai")
    page.locator("#id_places-1-role").select_option(label="To")
    choose(page, "id_places-1-municipality", "Hai", "Haifa")
    dates_note = page.locator("fieldset:has(#id_dates) > .description").inner_text()
    assert "“c. 1998”" in dates_note  # said once for every date, at the top of the dates
    page.locator("#id_dates").fill("June [2018]")  # the year worked out from the article
    understood = page.locator("#id_dates_understood")
    expect(understood).to_have_text("June [2018]: month precision, year inferred")
    choose(page, "id_Visit_sources-0-source", "deepen", "Shanghai mayor visits Israel")
    for row, (name, role, side) in enumerate(
        [
            ("Ying Yong", "Mayor of Shanghai", "Chinese side"),
            ("Yona Yahav", "Mayor of Haifa", "Israeli side"),
        ]
    ):
        page.get_by_role("button", name="Add another Visit participant").click()
        choose(page, f"id_participations-{row}-person", name.split()[0], name)
        page.locator(f"#id_participations-{row}-role").fill(role)
        page.locator(f"#id_participations-{row}-side").select_option(label=side)
    page.locator("input[name=_save]").click()
    assert "was added successfully" in success_message(page)

    offered = page.locator("select[name=action] option").all_inner_texts()
    assert "Submit for review" in offered and "Publish" not in offered
    run_action(page, "Submit for review")
    assert "1 visit submitted for review" in success_message(page)
    log_out(page)

    log_in(page, "editor")
    page.goto("/admin/cooperation/visit/")
    run_action(page, "Publish")
    assert "1 visit published" in success_message(page)

    visit = Visit.objects.get(slug=SLUG)
    assert visit.status == PublicationStatus.PUBLISHED
    assert [str(p.person) for p in visit.participations.order_by("person__name")] == [
        "Ying Yong",
        "Yona Yahav",
    ]
    assert str(visit.start) == "June [2018]"
    assert visit.sources.get().url == ARTICLE

    response = page.goto(f"/visits/{SLUG}/")
    assert response.status == 200
    assert page.get_by_role("heading", name=TITLE).is_visible()
    page.goto("/")
    assert page.get_by_role("link", name=TITLE).first.is_visible()
    assert page.outside_requests == []


def test_an_editor_reverts_a_visit_with_its_sources_and_sectors(people, page):
    kept_source, later_source = SourceFactory(title="Kept article"), SourceFactory()
    kept_sector, later_sector = SectorFactory(name="Kept sector"), SectorFactory()
    visit = VisitFactory(title=TITLE, sources=[kept_source])
    visit.sectors.set([kept_sector])
    kept = visit.history.first()
    visit.title = "Wrong title"
    visit.save()
    visit.sources.set([later_source])
    visit.sectors.set([later_sector])

    log_in(page, "editor")
    page.goto(reverse("admin:cooperation_visit_simple_history", args=[visit.pk, kept.history_id]))
    chosen = ".select2 .select2-selection__choice"
    assert page.locator(f"#id_sources + {chosen}").all_inner_texts() == ["×Kept article"]
    assert page.locator(f"#id_sectors + {chosen}").all_inner_texts() == ["×Kept sector"]
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/cooperation/visit/")
    assert "was changed successfully" in success_message(page)
    visit.refresh_from_db()
    assert visit.title == TITLE
    assert list(visit.sources.all()) == [kept_source]
    assert list(visit.sectors.all()) == [kept_sector]


def test_a_visit_from_a_city_and_a_body_with_quoted_evidence_shows_its_notes(people, page):
    """Two origins (a municipality and an organization), a year worked out from the article,
    and the article's words for each origin: the public page marks both with their notes."""
    OrganizationFactory(name="Shanghai Foreign Affairs Office", slug="shanghai-fao")
    log_in(page, "analyst")

    page.goto("/admin/cooperation/source/add/")
    page.get_by_label("URL").fill("https://news.example.org/shanghai-delegation")
    page.get_by_label("Title").fill("Shanghai delegation in Haifa")
    page.get_by_label("Article text").fill(QUOTED_ARTICLE)
    page.get_by_label("Publisher kind").select_option(label="Independent media")
    page.locator("input[name=_save]").click()
    assert "was added successfully" in success_message(page)

    page.goto("/admin/cooperation/visit/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_places-0-role").select_option(label="From")
    choose(page, "id_places-0-municipality", "Shang", "Shanghai")
    page.locator("#id_places-1-role").select_option(label="From")
    choose(page, "id_places-1-organization", "Foreign", "Shanghai Foreign Affairs Office")
    page.get_by_role("button", name="Add another Place or body").click()
    page.locator("#id_places-2-role").select_option(label="To")
    choose(page, "id_places-2-municipality", "Hai", "Haifa")
    page.locator("#id_dates").fill("22 May [2018]")
    expect(page.locator("#id_dates_understood")).to_have_text(
        "22 May [2018]: day precision, year inferred"
    )
    choose(page, "id_Visit_sources-0-source", "Haifa", "Shanghai delegation in Haifa")
    page.locator("input[name=_continue]").click()
    assert "was added successfully" in success_message(page)

    # The record is saved, so its places can be cited: first a misquote, then the words.
    page.get_by_role("button", name="Add another Cited fact").click()
    page.locator("#id_citations-0-fact").select_option(label="From: Shanghai")
    choose(page, "id_citations-0-source", "Haifa", "Shanghai delegation in Haifa")
    page.locator("#id_citations-0-quote").fill("a delegation from Shanghai city")
    page.locator("input[name=_continue]").click()
    error = page.locator(".field-quote .errorlist").inner_text()
    assert "The closest passage is" in error and "a delegation from Shanghai" in error
    page.locator("#id_citations-0-quote").fill("a delegation from Shanghai")
    page.get_by_role("button", name="Add another Cited fact").click()
    page.locator("#id_citations-1-fact").select_option(
        label="From: Shanghai Foreign Affairs Office"
    )
    choose(page, "id_citations-1-source", "Haifa", "Shanghai delegation in Haifa")
    page.locator("#id_citations-1-quote").fill("its foreign affairs office")
    page.locator("input[name=_save]").click()
    assert "was changed successfully" in success_message(page)
    run_action(page, "Submit for review")
    log_out(page)

    log_in(page, "editor")
    page.goto("/admin/cooperation/visit/")
    run_action(page, "Publish")
    assert "1 visit published" in success_message(page)
    log_out(page)

    page.goto(f"/visits/{SLUG}/")
    assert page.locator("dd", has_text="22 May [2018]").is_visible()
    origins = page.locator("dt:has-text('From') + dd")
    assert origins.get_by_role("link", name="Evidence 1").is_visible()
    origins.get_by_role("link", name="Evidence 2").click()
    assert page.url.endswith("#note-2")
    note = page.locator("#note-2")
    assert "From: Shanghai Foreign Affairs Office" in note.inner_text()
    assert note.locator("blockquote").inner_text() == "its foreign affairs office"
    assert note.get_by_role("link", name="Shanghai delegation in Haifa").is_visible()
    assert page.outside_requests == []


QUOTED_ARTICLE = """Haifa, 25 May. On Tuesday a delegation from Shanghai, with officials of \
its foreign affairs office, ended three days of talks in Haifa."""
