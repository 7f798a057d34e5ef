"""Security headers on every response, and the Mozilla Observatory score of the site."""

import re

import pytest
from django.urls import include, path

from cooperation.exports.public import public_csv_response
from cooperation.models import LiaisonOffice, Visit
from tests.support import observatory
from tests.support.server import database_url_of_test_database, serving

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# Until the lead wires /offices/export.csv, the CSV test serves the export helper here.
urlpatterns = [
    path(
        "offices/export.csv",
        lambda request: public_csv_response(request, LiaisonOffice.objects.all(), "offices"),
    ),
    path("", include("sinoisrael.urls")),
]


def assert_security_headers(response):
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (response.request["PATH_INFO"], name)
    policy = observatory.parse_csp(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == {"'self'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/", 200),
        ("get", "/offices/", 200),
        ("get", "/visits/?year_min=abc", 400),
        ("get", "/no-such-page/", 404),
        ("delete", "/", 405),
        ("get", "/healthz", 200),
        ("get", "/admin/login/", 200),
        ("get", "/admin/", 302),
        ("post", "/admin/login/", 403),
        ("get", "/static/css/site.css", 200),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, method, url, status):
    client.handler.enforce_csrf_checks = True
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.urls("tests.deploy.test_headers")
def test_csv_export_carries_the_security_headers(client, sample_data):
    response = client.get("/offices/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert_security_headers(response)
    response.close()  # as the server does: the export's transaction is open until then


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/cooperation/visit/add/"])
def test_admin_scripts_and_styles_carry_the_nonce_of_the_header(admin_client, url):
    response = admin_client.get(url)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    tags = re.findall(
        r"<(?:script|style)\b[^>]*>|<link\b[^>]*stylesheet[^>]*>", response.content.decode()
    )
    assert len(tags) > 3
    assert all(f'nonce="{nonce}"' in tag for tag in tags), tags


@pytest.mark.django_db
def test_public_pages_need_no_nonce(client, sample_data):
    response = client.get("/")
    assert "nonce" not in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()


def observatory_view(server, path) -> observatory.Score:
    """Score `path` as the Observatory would from https://localhost behind the proxy."""
    response = server.get(path)
    assert response.status == 200, (path, response.status)
    redirect = server.get(path, https=False)
    assert redirect.status == 301
    return observatory.score(
        observatory.Response(
            url=f"https://localhost{path}",
            status=response.status,
            headers=response.headers,
            body=response.body,
            redirected_from_http_to=redirect.header("Location"),
        )
    )


@pytest.mark.django_db(transaction=True)
def test_observatory_score_is_a_plus(tmp_path, static_root, sample_data):
    visit = Visit.objects.published().first()
    database_url = database_url_of_test_database(tmp_path)
    with serving(database_url=database_url, static_root=static_root, log=tmp_path / "log") as s:
        scores = {
            url: observatory_view(s, url)
            for url in ["/", "/offices/", visit.get_absolute_url(), "/admin/login/"]
        }
    for url, score in scores.items():
        assert score.score >= 100, (url, score.score, score.modifiers)
        assert score.grade == "A+"
    admin_cookies = scores["/admin/login/"].modifiers
    assert admin_cookies.get("cookies-secure-with-httponly-sessions-and-samesite") == 5


def test_scorer_penalises_what_the_observatory_penalises():
    bare = observatory.Response(url="http://example.org/", status=200, headers={})
    assert observatory.score(bare).score == 10
    assert observatory.score(bare).grade == "F"
    unsafe = observatory.Response(
        url="https://example.org/",
        status=200,
        headers={
            "content-security-policy": ["default-src 'self'; script-src 'self' 'unsafe-inline'"],
            "strict-transport-security": ["max-age=300"],
            "x-content-type-options": ["nosniff"],
            "x-frame-options": ["DENY"],
            "set-cookie": ["sessionid=1; Path=/"],
        },
        redirected_from_http_to="https://example.org/",
    )
    modifiers = observatory.score(unsafe).modifiers
    assert modifiers["csp-implemented-with-unsafe-inline"] == -20
    assert modifiers["hsts-implemented-max-age-less-than-six-months"] == -10
    assert modifiers["cookies-session-without-secure-flag"] == -40
    assert observatory.score(unsafe).grade == "D"
