"""Malformed requests, sent as raw bytes to gunicorn: 4xx with a page in the site's style."""

import pytest

from tests.support.server import database_url_of_test_database, serving

SITE_PAGE = b'class="site-header"'


@pytest.fixture(scope="module")
def server(tmp_path_factory, static_root, django_db_setup, django_db_blocker):
    directory = tmp_path_factory.mktemp("bad-requests")
    with django_db_blocker.unblock():
        url = database_url_of_test_database(directory)
    with serving(database_url=url, static_root=static_root, log=directory / "log") as server:
        yield server


def raw_request(server, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    reply = server.raw(
        head + b"\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    status = int(reply.split(b" ", 2)[1])
    return status, reply


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (b"GET /offices/?q=" + b"x" * 7000 + b" HTTP/1.1", 400),
        (b"GET /offices/?" + b"&".join([b"f=1"] * 1100) + b" HTTP/1.1", 400),
        (b"GET /visits/%FF%FE/ HTTP/1.1", 404),
        (b"GET /offices/?q=%FF%FE%C3%28 HTTP/1.1", 200),
        (b"GET /offices/?year_min=%E2%82 HTTP/1.1", 400),
        (b"DELETE / HTTP/1.1", 405),
        (b"PUT /healthz HTTP/1.1", 405),
        (b"POST /healthz HTTP/1.1", 405),
        (b"PROPFIND /admin/ HTTP/1.1", 405),
        (b"POST / HTTP/1.1", 403),
    ],
)
def test_malformed_requests_answer_4xx_in_the_site_style(server, head, status):
    answered, reply = raw_request(server, head)
    assert answered == status, reply[:300]
    assert SITE_PAGE in reply


def test_a_method_not_allowed_says_which_are(server):
    answered, reply = raw_request(server, b"DELETE /offices/ HTTP/1.1")
    assert answered == 405
    assert b"Allow: GET, HEAD, POST" in reply


def test_forged_login_post_is_refused_with_the_csrf_page(server):
    body = b"username=admin&password=guess"
    head = b"POST /admin/login/ HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
    answered, reply = raw_request(server, head, body)
    assert answered == 403
    assert b"This form could not be sent" in reply


def test_oversized_form_body_is_refused(server):
    body = b"a=" + b"x" * 3_000_000
    head = (
        b"POST /admin/login/ HTTP/1.1\r\nOrigin: https://localhost\r\n"
        b"Cookie: csrftoken=" + b"k" * 32 + b"\r\nContent-Type: application/x-www-form-urlencoded"
    )
    answered, reply = raw_request(server, head, body)
    assert answered == 400
    assert SITE_PAGE in reply


def test_unknown_host_is_refused(server):
    reply = server.raw(b"GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400")
    assert SITE_PAGE in reply


SECURITY_HEADERS = [
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
    "strict-transport-security",
]


def reply_headers(reply: bytes) -> dict[str, str]:
    head = reply.partition(b"\r\n\r\n")[0].decode("latin-1")
    return {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in head.split("\r\n")[1:])
    }


def test_request_line_beyond_gunicorn_limit_is_refused_not_crashed(server):
    answered, _ = raw_request(server, b"GET /?q=" + b"x" * 9000 + b" HTTP/1.1")
    assert answered == 414


@pytest.mark.parametrize(
    ("head", "status", "says"),
    [
        (b"GET /?q=" + b"x" * 9000 + b" HTTP/1.1", 414, b"This address is too long"),
        (
            b"GET / HTTP/1.1\r\n" + b"\r\n".join(b"X-%d: 1" % n for n in range(120)),
            431,
            b"too much",
        ),
        (b"GET /\x01 HTTP/1.1", 400, b"Bad request"),
        (b"GET / HTTP/9.9", 400, b"Bad request"),
    ],
)
def test_gunicorn_own_refusals_carry_the_site_page_and_headers(server, head, status, says):
    """gunicorn answers these without Django: same security headers as a Django page."""
    answered, reply = raw_request(server, head)
    assert answered == status, reply[:300]
    assert SITE_PAGE in reply
    assert says in reply
    django_page = server.get("/no-such-page/")
    assert django_page.status == 404
    headers = reply_headers(reply)
    for name in SECURITY_HEADERS:
        assert headers.get(name) == django_page.header(name), name
    assert int(headers["content-length"]) == len(reply.partition(b"\r\n\r\n")[2])


@pytest.mark.django_db
def test_invalid_utf8_in_a_form_post_is_not_a_server_error(client):
    response = client.post(
        "/admin/login/",
        b"username=%FF%FE&password=\xff",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert b"errornote" in response.content
