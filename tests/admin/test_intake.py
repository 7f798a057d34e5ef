"""The "New from an article" page: an article pasted or fetched, read, checked on one page,
and its source, new names and records created as drafts in one submit, or nothing."""

import pytest
from django.urls import reverse

from cooperation.devdata.sample_loader import ARTICLES
from cooperation.models import (
    Agreement,
    AgreementKind,
    LiaisonOffice,
    Municipality,
    PublicationStatus,
    Source,
    Visit,
)
from cooperation.partial_dates import Qualifier
from tests.support.admin_pages import analyst, change_url, form_data

pytestmark = pytest.mark.django_db

MAYOR_VISIT = (ARTICLES / "002_1cadeedc04271651.txt").read_text(encoding="utf-8")
URL = "https://news.example.org/2018/06/shanghai-mayor-in-israel"
INTAKE = reverse("admin:intake")

KARMIEL_STORY = (
    "Changzhou delegation visits Karmiel\n\n"
    "A delegation from Changzhou led by Mayor Li Wei visited the Karmiel Municipality from "
    "March 3 to 5. Changzhou and Karmiel signed a letter of intent on cooperation in "
    "education."
)


def read(client, text=MAYOR_VISIT, url=URL, published="June 2018"):
    return client.post(INTAKE, {"url": url, "document": text, "published": published})


def review_data(response) -> dict:
    """Everything the review page shows, posted back unchanged."""
    context = response.context
    forms = [context["source_form"], context["new_names"].management_form]
    forms += [*context["new_names"].forms, *context["proposals"]]
    return {
        "step": "create",
        "proposal_types": context["proposal_types"],
        **form_data(forms),
    }


def proposal_values(response, kind: str) -> list[dict]:
    return [
        {field.name: field.value() for field in form}
        for form in response.context["proposals"]
        if form.type == kind
    ]


def test_reading_the_mayors_visit_proposes_its_records_and_creates_nothing(client, sample_data):
    counts = [model.objects.count() for model in (Source, Visit, Agreement, Municipality)]
    page = read(analyst(client))
    assert page.status_code == 200
    visits = proposal_values(page, "visit")
    assert [v["origins"] for v in visits] == ["Shanghai"]
    assert set(visits[0]["destinations"].split("; ")) == {"Haifa", "Tel Aviv-Yafo"}
    assert visits[0]["dates"] == "5-7 June [2018]"
    assert visits[0]["leader"] == "Ying Yong"
    kinds = {a["kind"]: a["parties"] for a in proposal_values(page, "agreement")}
    assert kinds[AgreementKind.TWINNING] == "Shanghai; Haifa"
    assert "Israel Innovation Authority" in kinds[AgreementKind.COOPERATION]
    assert counts == [model.objects.count() for model in (Source, Visit, Agreement, Municipality)]


def test_confirming_creates_drafts_that_cite_the_source_fact_by_fact(client, sample_data):
    client = analyst(client)
    done = client.post(INTAKE, review_data(read(client)))
    source = Source.objects.get(url=URL)
    assert done.status_code == 302 and done["Location"] == change_url(source)
    visit = Visit.objects.get(sources=source)
    assert visit.status == PublicationStatus.DRAFT
    assert [p.party.slug for p in visit.places.all() if p.role == "origin"] == ["shanghai"]
    assert (visit.start_date.isoformat(), visit.end_date.isoformat()) == (
        "2018-06-05",
        "2018-06-07",
    )
    assert visit.start_qualifier == Qualifier.INFERRED
    assert visit.leader.slug == "ying-yong"
    cited = dict(visit.citations.values_list("fact", "quote"))
    assert "Shanghai Mayor Ying Yong led a delegation" in cited["dates"]
    assert cited["leader"] == cited["dates"]
    agreements = Agreement.objects.filter(sources=source)
    assert agreements.count() >= 3
    assert all(a.status == PublicationStatus.DRAFT for a in agreements)
    signed_during = agreements.get(kind=AgreementKind.COOPERATION)
    assert signed_during.visit == visit
    assert source.text == MAYOR_VISIT.strip()
    message = [str(m) for m in client.get(done["Location"]).context["messages"]]
    assert any(f"{agreements.count() + 1} drafts" in m for m in message)


def test_an_unticked_proposal_is_not_created(client, sample_data):
    client = analyst(client)
    data = review_data(read(client))
    for form in read(client).context["proposals"]:
        if form.type == "agreement":
            data.pop(f"{form.prefix}-keep")
    client.post(INTAKE, data)
    source = Source.objects.get(url=URL)
    assert Visit.objects.filter(sources=source).count() == 1
    assert not Agreement.objects.filter(sources=source).exists()


def test_new_places_and_people_are_created_with_the_records_without_popups(client, db):
    client = analyst(client)
    page = read(client, text=KARMIEL_STORY, published="10 March 2019")
    new = {form["name"].value(): form for form in page.context["new_names"]}
    assert {"Changzhou", "Karmiel"} <= set(new)
    assert new["Karmiel"]["country"].value() == "IL"
    assert new["Changzhou"]["country"].value() == "CN"
    client.post(INTAKE, review_data(page))
    source = Source.objects.get(url=URL)
    karmiel = Municipality.objects.get(name="Karmiel")
    assert karmiel.country == "IL" and karmiel.latitude is not None
    visit = Visit.objects.get(sources=source)
    assert [p.party for p in visit.places.all() if p.role == "destination"] == [karmiel]
    assert visit.start_date.isoformat() == "2019-03-03"
    letter = Agreement.objects.get(sources=source)
    assert letter.kind == AgreementKind.LETTER_OF_INTENT
    assert {p.party.name for p in letter.parties.all()} == {"Changzhou", "Karmiel"}


def visit_changed(client, field: str, value: str):
    """The review page of article 002 posted with its visit's `field` set to `value`, and
    the prefix of the visit's form."""
    page = read(client)
    data = review_data(page)
    visit = next(form for form in page.context["proposals"] if form.type == "visit")
    data[f"{visit.prefix}-{field}"] = value
    return client.post(INTAKE, data), visit.prefix


def test_a_name_neither_known_nor_ticked_is_refused_and_nothing_is_created(client, sample_data):
    refused, prefix = visit_changed(analyst(client), "origins", "Atlantis")
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Nothing was created" in body
    assert "“Atlantis” is not a known place" in body
    assert f'href="#id_{prefix}-origins"' in body
    assert not Source.objects.filter(url=URL).exists()


def test_a_date_box_it_cannot_read_says_why_and_keeps_the_page(client, sample_data):
    refused, _ = visit_changed(analyst(client), "dates", "31 June 2018")
    assert "June has 30 days" in refused.content.decode()
    assert refused.context["proposals"][0]["origins"].value() == "Shanghai"
    assert not Source.objects.filter(url=URL).exists()


def test_a_known_url_opens_its_source_instead(client, sample_data):
    known = Source.objects.get(url__contains="shine.cn")
    response = read(analyst(client), url=known.url)
    assert response.status_code == 302 and response["Location"] == change_url(known)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Paste the article’s text, or give its URL to fetch it."),
        ({"url": "javascript:alert(1)"}, "starting http:// or https://"),
        ({"document": "text", "published": "the 40th of Junember"}, "Could not read"),
    ],
)
def test_bad_article_input_gets_a_message_not_an_error(client, db, fields, message):
    response = analyst(client).post(INTAKE, fields)
    assert response.status_code == 200
    assert message.replace("’", "'") in response.content.decode().replace("&#x27;", "'")


def test_a_tampered_review_page_is_refused_with_a_message(client, sample_data):
    client = analyst(client)
    data = review_data(read(client))
    data["proposal_types"] = "visit,spaceship"
    data["p0-quotes"] = "{not json"
    data["source-text"] = ""
    response = client.post(INTAKE, data)
    assert response.status_code == 200
    assert "The article has no text." in response.content.decode()
    assert not Source.objects.filter(url=URL).exists()


def test_only_staff_who_may_add_sources_open_the_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("clerk", is_staff=True))
    assert client.get(INTAKE).status_code == 403


def test_the_admin_index_links_the_page(client, db):
    assert f'href="{INTAKE}"' in analyst(client).get(reverse("admin:index")).content.decode()


def test_a_date_box_says_what_it_understood(client, db):
    url = reverse("admin:read_date")
    client = analyst(client)
    reading = client.get(url, {"text": "June 5 to 7", "today": "2018-06-09"}).json()
    assert reading == {"understood": "5-7 June [2018]: day precision, year inferred"}
    assert "June has 30 days" in client.get(url, {"text": "31 June 2018"}).json()["error"]
    assert "not a date" in client.get(url, {"text": "2018", "today": "soon"}).json()["error"]


def test_an_office_article_proposes_the_office_with_sponsor_and_host(client, sample_data):
    text = (ARTICLES / "003_634055cfa7829ccb.txt").read_text(encoding="utf-8")
    page = read(analyst(client), text=text, published="20 July 2018")
    offices = proposal_values(page, "office")
    assert [(o["sponsor"], o["host"]) for o in offices] == [("Dongguan", "Tel Aviv-Yafo")]
    assert offices[0]["opened"] == "January [2018]"
    assert not LiaisonOffice.objects.filter(sources__url=URL).exists()
