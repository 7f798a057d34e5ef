"""Entering an article's records: from the source to the records citing it, partial dates
explained, every record citing at least one source."""

import pytest
from django.urls import reverse

from cooperation.models import Visit
from cooperation.partial_dates import Qualifier
from tests.support.admin_pages import analyst, page_data, visit_origin
from tests.support.factories import MunicipalityFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_a_source_links_to_new_records_that_already_cite_it(client):
    client = analyst(client)
    source = SourceFactory()
    page = client.get(reverse("admin:cooperation_source_change", args=[source.pk]))
    add_visit = f"{reverse('admin:cooperation_visit_add')}?cite={source.pk}"
    assert f'href="{add_visit}"' in page.content.decode()
    form = page_data(client.get(add_visit))
    assert form["Visit_sources-0-source"] == source.pk


def test_the_date_help_says_how_to_enter_a_month_and_a_vague_year(client):
    page = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    assert "for “June 2018” enter 2018-06-01" in page
    assert "for “c. 1998” enter 1998-01-01" in page


@pytest.mark.parametrize(
    ("model", "dates"),
    [
        ("liaisonoffice", ["announced", "opened", "closed"]),
        ("visit", ["start", "end"]),
        ("agreement", ["signed", "ended"]),
        ("source", ["published"]),
    ],
)
def test_each_date_is_one_line_of_date_precision_and_qualifier_select(client, model, dates):
    response = analyst(client).get(reverse(f"admin:cooperation_{model}_add"))
    lines = [
        line for _, options in response.context["adminform"].fieldsets for line in options["fields"]
    ]
    form = response.context["adminform"].form
    for name in dates:
        assert (f"{name}_date", f"{name}_precision", f"{name}_qualifier") in lines
        select = form[f"{name}_qualifier"]
        assert [value for value, _ in select.field.choices] == list(Qualifier.values)
        assert select.value() == Qualifier.EXACT
        assert f'<select name="{name}_qualifier"' in str(select)


def test_the_qualifier_help_explains_each_choice_with_an_example(client):
    page = analyst(client).get(reverse("admin:cooperation_visit_add")).content.decode()
    for sentence in (
        "Exact: the article states the date (“on 5 June 2018”).",
        "Approximate: the article is vague, as “twin cities for the past 20 years” said in "
        "2018, shown “c. 1998”.",
        "Inferred: the article does not state the year and you worked it out from context, "
        "as “from June 5 to 7” in an article of 2018, shown “5-7 June [2018]”.",
        "No later than: the article says only that it had happened by then; use it for "
        "“since 2015” or “already by 2015” when the article does not say when it began, "
        "shown “by 2015”.",
    ):
        assert sentence in page


def test_a_visit_without_a_date_is_saved_and_one_with_only_an_end_is_refused(client):
    client = analyst(client)
    url = reverse("admin:cooperation_visit_add")
    data = page_data(client.get(url))
    data.update(title="Undated", slug="undated", **visit_origin(MunicipalityFactory()))
    data.update({"end_date": "2018-06-07", "Visit_sources-0-source": SourceFactory().pk})
    page = client.post(url, data).content.decode()
    assert "Enter when the visit started too, or leave both dates empty" in page
    assert not Visit.objects.exists()
    data["end_date"] = ""
    assert client.post(url, data).status_code == 302
    assert Visit.objects.get().dates == "date unknown"


def test_a_record_without_a_source_is_refused_with_a_message(client):
    client = analyst(client)
    url = reverse("admin:cooperation_visit_add")
    data = page_data(client.get(url))
    data.update(title="No source", slug="no-source", **visit_origin(MunicipalityFactory()))
    data.update({"start_date": "2018-06-05", "Visit_sources-0-source": ""})
    response = client.post(url, data)
    assert "Cite at least one source" in response.content.decode()
    assert not Visit.objects.exists()
