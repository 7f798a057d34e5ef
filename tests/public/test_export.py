"""The public CSV of each list: same filters, published records only, bad filters 400."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse

from cooperation.models import PublicationStatus
from tests.support.factories import AgreementFactory, LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("url", "column", "expected"),
    [
        ("/offices/export.csv?sponsor=beijing", "Name", [
            "Zhongguancun Science Park liaison office in Tel Aviv",
        ]),
        ("/offices/export.csv?q=东莞", "Name", ["Dongguan Economic and Trade Office in Israel"]),
        ("/visits/export.csv?destination=haifa", "Title", [
            "Shanghai mayor Ying Yong's delegation to Israel",
        ]),
        ("/agreements/export.csv?kind=twinning&ordering=year", "Title", [
            "Shanghai - Haifa twin cities", "Beijing - Tel Aviv-Yafo twin cities",
        ]),
        ("/municipalities/export.csv?country=IL", "Name", ["Haifa", "Tel Aviv-Yafo"]),
    ],
)  # fmt: skip
def test_export_takes_the_list_filters(client, sample_data, url, column, expected):
    assert [row[column] for row in rows(client.get(url))] == expected


@pytest.mark.parametrize(
    ("list_url", "factory", "column"),
    [
        ("/offices/", LiaisonOfficeFactory, "Name"),
        ("/visits/", VisitFactory, "Title"),
        ("/agreements/", AgreementFactory, "Title"),
    ],
)
def test_export_hides_drafts_and_records_in_review(client, list_url, factory, column):
    shown = factory(status=PublicationStatus.PUBLISHED)
    factory(status=PublicationStatus.DRAFT)
    factory(status=PublicationStatus.IN_REVIEW)
    exported = rows(client.get(f"{list_url}export.csv"))
    assert [row[column] for row in exported] == [str(shown)]


@pytest.mark.parametrize(
    "url",
    [
        "/offices/export.csv?year_min=abc",
        "/visits/export.csv?person=nobody",
        "/agreements/export.csv?ordering=secret",
        "/municipalities/export.csv?country=XX",
    ],
)
def test_bad_filters_answer_400_like_the_list(client, sample_data, url):
    response = client.get(url)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()


def test_list_links_to_the_csv_of_the_same_filters(client, sample_data):
    html = client.get("/offices/?sponsor=beijing&page=1").content.decode()
    assert '<a href="/offices/export.csv?sponsor=beijing" download>Download CSV (1 row)</a>' in html
