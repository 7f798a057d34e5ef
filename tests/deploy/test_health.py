"""/healthz: 200 after a real query, 503 JSON when the database is down."""

import json

import pytest
from django.test import Client

from tests.support.server import reserve_port, serving


@pytest.mark.django_db
def test_healthz_answers_ok_after_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1) as queries:
        response = client.get("/healthz")
    assert "SELECT 1" in queries.captured_queries[0]["sql"]
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_only_answers_reads(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_refuses_a_post_as_a_wrong_method_not_as_a_forgery():
    """A probe that POSTs learns its method is wrong (405), not that a CSRF check failed."""
    response = Client(enforce_csrf_checks=True).post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_healthz_and_pages_answer_503_when_the_database_is_unreachable(tmp_path, static_root):
    with reserve_port() as closed:
        nothing_listens = f"postgres://postgres@127.0.0.1:{closed.getsockname()[1]}/unused"
        with serving(
            database_url=nothing_listens, static_root=static_root, log=tmp_path / "log"
        ) as server:
            health = server.get("/healthz")
            page = server.get("/")
    assert health.status == 503
    assert json.loads(health.body) == {"status": "error", "database": "unavailable"}
    assert health.header("Retry-After") == "30"
    assert health.elapsed < 2
    assert page.status == 503
    assert "The records are temporarily unavailable" in page.body
    assert page.elapsed < 2
