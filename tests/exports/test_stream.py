"""The export streams: one query whatever the row count, written in chunks, named by date."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.exports import stream
from cooperation.models import PublicationStatus
from tests.support.export_csv import csv_records
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db

PUBLIC_EXPORT = "/offices/export.csv"


def download(client) -> tuple[list[bytes], list[dict]]:
    """The chunks of a public office export and the queries run while streaming them."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(PUBLIC_EXPORT)
        assert isinstance(response, StreamingHttpResponse)
        chunks = list(response.streaming_content)
    return chunks, context.captured_queries


def test_queries_are_the_same_for_1_row_and_1000_rows(client, monkeypatch):
    monkeypatch.setattr(stream, "CHUNK_ROWS", 100)
    call_command("generate_synthetic_data", offices=1)
    one_chunks, one_row = download(client)
    call_command("generate_synthetic_data", offices=1000)
    many_chunks, thousand_rows = download(client)
    assert len(one_chunks) == 1  # the header with the row
    assert (
        len(many_chunks) == 900 // 100
    )  # 900 of the 1000 are published; the header is in the first
    assert len(one_row) == len(thousand_rows)
    offices = 'FROM "cooperation_liaisonoffice"'
    reads = [query["sql"] for query in thousand_rows if offices in query["sql"]]
    assert len(reads) == 1, reads  # one SELECT (a server-side cursor on PostgreSQL)


def test_a_streamed_attachment_named_by_date(client):
    LiaisonOfficeFactory()
    response = client.get(PUBLIC_EXPORT)
    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="offices-{today}.csv"'
    assert len(csv_records(response)) == 1


def test_public_export_never_shows_drafts_or_records_in_review(client):
    LiaisonOfficeFactory(name="Published office")
    LiaisonOfficeFactory(name="Draft office", status=PublicationStatus.DRAFT)
    LiaisonOfficeFactory(name="Office in review", status=PublicationStatus.IN_REVIEW)
    rows = csv_records(client.get(PUBLIC_EXPORT))
    assert [row["Name"] for row in rows] == ["Published office"]
    assert {row["Publication status"] for row in rows} == {"Published"}
