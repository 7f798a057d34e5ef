"""Citing facts in the admin: the record's facts to choose from, quotes checked against the
source's text, analysts' citations on public records reviewed like any change."""

import pytest
from django.urls import reverse

from cooperation.models import Revision, VisitCitation
from cooperation.models.citations import fact_key
from cooperation.records import revisions
from cooperation.records.merging import merge
from cooperation.records.roles import EDITOR
from tests.support.admin_pages import analyst, change_url, editor, page_data, staff_user
from tests.support.factories import MunicipalityFactory, VisitFactory, add_places, cite

pytestmark = pytest.mark.django_db


def with_citation(data: dict, *, fact: str, source, quote: str) -> dict:
    row = int(data["citations-TOTAL_FORMS"])
    return {
        **data,
        "citations-TOTAL_FORMS": str(row + 1),
        f"citations-{row}-fact": fact,
        f"citations-{row}-source": source.pk,
        f"citations-{row}-quote": quote,
        f"citations-{row}-quote_en": "",
    }


def cite_in_form(client, visit, *, fact: str, quote: str):
    response = client.get(change_url(visit))
    data = with_citation(page_data(response), fact=fact, source=visit.sources.get(), quote=quote)
    return client.post(change_url(visit), data, follow=True)


def test_the_fact_select_lists_the_records_facts(client):
    visit = VisitFactory()
    (origin,) = visit.origins
    inlines = editor(client).get(change_url(visit)).context["inline_admin_formsets"]
    form = inlines[-1].formset.empty_form
    choices = dict(form.fields["fact"].choices)
    assert choices[fact_key("origin", origin)] == f"From: {origin}"
    assert choices["dates"] == "Dates: 5 June 2018"


def test_an_editor_cites_a_fact_with_the_articles_words(client):
    visit = VisitFactory()
    (origin,) = visit.origins
    response = cite_in_form(
        editor(client), visit, fact=fact_key("origin", origin), quote="A delegation from Chengdu"
    )
    assert response.status_code == 200
    (citation,) = visit.citations.all()
    assert (citation.fact, citation.quote) == (
        fact_key("origin", origin),
        "A delegation from Chengdu",
    )


def test_a_misquote_is_refused_on_the_form_with_the_closest_passage(client):
    visit = VisitFactory()
    response = cite_in_form(editor(client), visit, fact="dates", quote="arrived in Acre on Monday")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This quote is not in the source&#x27;s text" in html
    assert "arrived in Haifa on Monday" in html  # the closest passage
    assert not VisitCitation.objects.exists()


def test_an_analysts_citation_on_a_public_visit_waits_for_review(client):
    visit = VisitFactory()
    cite_in_form(analyst(client), visit, fact="dates", quote="arrived in Haifa on Monday")
    assert not visit.citations.exists()
    revision = Revision.objects.get()
    (row,) = revision.proposed["rows"]["citations"]
    assert (row["fact"], row["quote"]) == ("dates", "arrived in Haifa on Monday")

    revisions.approve(revision=revision, user=staff_user(EDITOR))
    assert list(visit.citations.values_list("fact", flat=True)) == ["dates"]


def test_a_sources_text_cannot_lose_a_cited_quote(client):
    visit = VisitFactory()
    cite(visit, "dates", "arrived in Haifa on Monday")
    source = visit.sources.get()
    client = editor(client)
    url = reverse("admin:cooperation_source_change", args=[source.pk])
    data = page_data(client.get(url))
    data["text"] = "A shorter text that no longer says when they came."
    response = client.post(url, data)
    assert response.status_code == 200
    assert "would no longer be in its text" in response.content.decode()
    source.refresh_from_db()
    assert "arrived in Haifa on Monday" in source.text


def test_merging_places_moves_the_citations_of_facts_about_them(client):
    visit = VisitFactory()
    duplicate, kept = MunicipalityFactory(name="Chengdu"), MunicipalityFactory(name="Chengdu City")
    add_places(visit, "destination", duplicate)
    cite(visit, fact_key("destination", duplicate), "meet again in Chengdu")
    merge(keep=kept, remove=duplicate, user=None)
    assert list(visit.citations.values_list("fact", flat=True)) == [fact_key("destination", kept)]
