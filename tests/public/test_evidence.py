"""Each fact of a public page carries the numbers of its notes; each note shows the source's
words and the source, never the article text the staff stored."""

import re

import pytest

from cooperation.models import Language, PublicationStatus
from cooperation.models.citations import fact_key
from tests.support.export_csv import csv_body, csv_records
from tests.support.factories import (
    AgreementFactory,
    LiaisonOfficeFactory,
    SourceFactory,
    VisitFactory,
    cite,
)

pytestmark = pytest.mark.django_db

HEBREW_ARTICLE = "משלחת מצ'נגדו הגיעה לחיפה ביום שני לשלושה ימי שיחות עם ראשי העירייה."


def html_of(client, record) -> str:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def notes_beside(html: str, label: str) -> list[str]:
    """The note numbers printed beside the fact `label` (its <dt>)."""
    match = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", html, re.S)
    assert match, f"no fact {label!r} on the page"
    return re.findall(r'<a href="#note-(\d+)"', match.group(1))


def note(html: str, number: str) -> str:
    match = re.search(rf'<li id="note-{number}">(.*?)</li>', html, re.S)
    assert match, f"no note {number}"
    return match.group(1)


def test_a_visits_facts_lead_to_their_quotes_and_sources(client):
    visit = VisitFactory()
    (origin,) = visit.origins
    hebrew = SourceFactory(
        text=HEBREW_ARTICLE, language=Language.HEBREW, title="Haifa municipality news"
    )
    visit.sources.add(hebrew)
    cite(visit, fact_key("origin", origin), "A delegation from Chengdu")
    cite(visit, "dates", "arrived in Haifa on Monday")
    cite(
        visit,
        "dates",
        "הגיעה לחיפה ביום שני",
        source=hebrew,
        quote_en="arrived in Haifa on Monday",
    )

    html = html_of(client, visit)
    assert notes_beside(html, "Dates") == ["1", "2"]  # in the order of the facts
    assert notes_beside(html, "From") == ["3"]
    first, second = note(html, "1"), note(html, "2")
    assert '<blockquote lang="en"><p>arrived in Haifa on Monday</p></blockquote>' in first
    assert 'lang="he" dir="rtl"><p>הגיעה לחיפה ביום שני</p>' in second
    assert "In English: arrived in Haifa on Monday" in second
    assert hebrew.url in second and "Haifa municipality news" in second
    assert "A delegation from Chengdu" in note(html, "3")


def test_the_stored_article_text_is_never_shown_only_the_quote(client):
    visit = VisitFactory()
    cite(visit, "dates", "arrived in Haifa on Monday")
    html = html_of(client, visit)
    assert "arrived in Haifa on Monday" in html
    assert "start-up campus" not in html  # in the stored text, not quoted
    export = csv_body(client.get("/visits/export.csv")).decode("utf-8-sig")
    assert "start-up campus" not in export and "arrived in Haifa" not in export


def test_agreement_and_office_facts_carry_their_notes(client):
    agreement = AgreementFactory()
    cite(agreement, "signed", "3 May 2019")
    cite(agreement, fact_key("party", agreement.party_list[1]), "city officials")
    html = html_of(client, agreement)
    assert notes_beside(html, "Signed") == ["2"]
    assert re.search(r"Parties</dt><dd>.*#note-1", html, re.S)

    office = LiaisonOfficeFactory()
    cite(office, "host", "arrived in Haifa")
    assert notes_beside(html_of(client, office), "Located in") == ["1"]


def test_a_page_without_citations_has_no_evidence_section(client):
    html = html_of(client, VisitFactory())
    assert "evidence-heading" not in html and "#note-" not in html


def test_a_drafts_citations_are_nowhere_public(client):
    draft = VisitFactory(status=PublicationStatus.DRAFT, title="Secret trip")
    cite(draft, "dates", "three days of talks")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "three days of talks" not in client.get("/visits/").content.decode()
    assert csv_records(client.get("/visits/export.csv")) == []


def test_lists_show_and_filter_by_the_evidence_grade(client):
    cited = VisitFactory(title="Cited visit")
    cite(cited, "dates", "arrived in Haifa on Monday")
    VisitFactory(title="Bare visit")
    draft = VisitFactory(title="Draft visit", status=PublicationStatus.DRAFT)
    cite(draft, "dates", "arrived in Haifa on Monday")

    html = client.get("/visits/").content.decode()
    assert "evidence C" in html and "evidence D" in html
    graded_c = client.get("/visits/?evidence=C").content.decode()
    assert "Cited visit" in graded_c and "Bare visit" not in graded_c
    assert "Draft visit" not in graded_c
    rows = csv_records(client.get("/visits/export.csv?evidence=C"))
    assert [(row["Title"], row["Evidence grade"]) for row in rows] == [("Cited visit", "C")]
    assert rows[0]["Evidence"] == (
        "1 independent outlet, no official source, 1 language, 1 of 2 facts cited"
    )


@pytest.mark.parametrize("url", ["/offices/", "/visits/", "/agreements/"])
@pytest.mark.parametrize("value", ["Z", "a", "AB"])
def test_an_unknown_grade_is_refused_with_a_message(client, url, value):
    for target in (url, f"{url}export.csv"):
        response = client.get(target, {"evidence": value})
        assert response.status_code == 400, target
    assert "Select a valid choice" in client.get(url, {"evidence": value}).content.decode()


def test_a_detail_page_says_what_its_grade_rests_on(client):
    agreement = AgreementFactory()
    html = html_of(client, agreement)
    assert re.search(
        r"<dt>Evidence grade</dt><dd><span class=\"grade\">D: a single uncited report</span>: "
        r"1 independent outlet, no official source, 1 language, 0 of 4 facts cited</dd>",
        html,
    )
