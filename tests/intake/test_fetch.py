"""The intake's fetcher against real servers on 127.0.0.1: no network is mocked.

The server listens on a loopback address, which the fetcher refuses by default: tests that
need to reach it turn INTAKE_ALLOW_PRIVATE_ADDRESSES on. The redirect tests that need the
setting off count the test server's own address as public instead, so that only the
redirect's target meets the rule.
"""

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cooperation.intake import fetch as fetch_module
from cooperation.intake.fetch import USER_AGENT, FetchRefused, fetch

PASTE = "You can paste the article's text instead."
CHINESE = (
    "<html><head><title>深圳代表团访问海法</title></head>"
    "<body><p>双方签署创新合作意向书。</p></body></html>"
)
GB18030 = '<html><head><meta charset="gb18030"></head><body><p>常州与卡尔米埃勒</p></body></html>'


def send(handler, body: bytes, content_type: str = "text/html; charset=utf-8", status=200):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(body)


def redirect(to: str):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", to.replace("PORT", str(handler.server.server_port)))
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def chunked(handler):
    """5,000 bytes in chunks, no Content-Length."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    for _ in range(10):
        handler.wfile.write(b"1f4\r\n" + b"x" * 500 + b"\r\n")
    handler.wfile.write(b"0\r\n\r\n")


def claims_to_be_large(handler):
    """Says 6 MB, sends 100 bytes and waits: only the stated length can refuse it at once."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(6 * 1024 * 1024))
    handler.end_headers()
    handler.wfile.write(b"x" * 100)
    handler.wfile.flush()
    time.sleep(1.5)


def slow(handler):
    time.sleep(1.5)
    send(handler, b"<p>too late</p>")


def drip(handler):
    """Headers at once, then a byte every 50 ms: no single read ever waits long."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Connection", "close")
    handler.end_headers()
    for _ in range(60):
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(0.05)


ROUTES = {
    "/zh": lambda h: send(h, CHINESE.encode()),
    "/gb18030": lambda h: send(h, GB18030.encode("gb18030"), "text/html"),
    # 镕 is in GBK, not in GB2312: a page labelled gb2312 is read as GBK, as browsers do.
    "/gb2312": lambda h: send(
        h,
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "</head><body><p>朱镕基访问以色列</p></body></html>"
        ).encode("gbk"),
        "text/html",
    ),
    "/hebrew-1255": lambda h: send(
        h, "משלחת מצ'נגדו הגיעה לחיפה".encode("cp1255"), "text/plain; charset=windows-1255"
    ),
    "/hebrew-unlabelled": lambda h: send(
        h, "משלחת מצ'נגדו הגיעה לחיפה ביום שני לשלושה ימי שיחות.".encode(), "text/plain"
    ),
    "/xhtml": lambda h: send(h, b"<html><body><p>xhtml</p></body></html>", "application/xhtml+xml"),
    "/redirect": redirect("/zh"),
    "/loop": redirect("/loop"),
    "/to-ftp": redirect("ftp://example.org/article.txt"),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-loopback": redirect("http://[::1]:PORT/zh"),
    "/large": claims_to_be_large,
    "/chunked": chunked,
    "/png": lambda h: send(h, b"\x89PNG\r\n\x1a\n", "image/png"),
    "/pdf": lambda h: send(h, b"%PDF-1.4", "application/pdf"),
    "/untyped": lambda h: send(h, b"<p>no type</p>", ""),
    "/slow": slow,
    "/drip": drip,
    "/error": lambda h: send(h, b"<p>oops</p>", status=500),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        route = ROUTES.get(self.path)
        try:
            if route is None:
                send(self, b"<p>not here</p>", status=404)
            else:
                route(self)
        except OSError:  # the fetcher gave up and closed the connection
            pass

    def log_message(self, format, *args):
        pass


@contextmanager
def serving(server):
    """`server` answering in a thread of its own, each request in one more."""
    server.daemon_threads = True
    server.block_on_close = False  # a slow handler may still be sleeping
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def running_server():
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as server:
        yield server


@pytest.fixture
def server(running_server):
    running_server.requests = []
    return running_server


@pytest.fixture
def base(server):
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(autouse=True)
def defaults(settings):
    """The settings' defaults, whatever the environment says."""
    settings.INTAKE_ALLOW_PRIVATE_ADDRESSES = False
    settings.INTAKE_FETCH_TIMEOUT = 10
    settings.INTAKE_FETCH_MAX_BYTES = 5 * 1024 * 1024


@pytest.fixture
def reachable(settings):
    settings.INTAKE_ALLOW_PRIVATE_ADDRESSES = True


@pytest.fixture
def loopback_counts_as_public(monkeypatch):
    """127.0.0.1 passes the address check; every other address meets the real rule."""
    real = fetch_module.is_public
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(
        fetch_module, "is_public", lambda address: address == loopback or real(address)
    )


def refusal(url: str) -> str:
    with pytest.raises(FetchRefused) as refused:
        fetch(url)
    message = str(refused.value)
    assert message.endswith(PASTE)
    return message


def test_a_utf8_chinese_page_is_fetched_and_decoded(reachable, base):
    page = fetch(f"{base}/zh")
    assert page.text == CHINESE
    assert page.content_type == "text/html"
    assert page.url == f"{base}/zh"


@pytest.mark.parametrize(
    ("path", "expected"), [("/gb18030", "常州与卡尔米埃勒"), ("/gb2312", "朱镕基访问以色列")]
)
def test_a_page_in_a_legacy_chinese_charset_is_decoded_by_its_meta(reachable, base, path, expected):
    assert expected in fetch(f"{base}{path}").text


def test_plain_text_is_decoded_by_the_charset_its_header_gives(reachable, base):
    page = fetch(f"{base}/hebrew-1255")
    assert page.text == "משלחת מצ'נגדו הגיעה לחיפה"
    assert page.content_type == "text/plain"


def test_text_that_states_no_charset_is_decoded_by_a_guess(reachable, base):
    assert fetch(f"{base}/hebrew-unlabelled").text.startswith("משלחת מצ'נגדו הגיעה לחיפה")


def test_xhtml_counts_as_html(reachable, base):
    assert fetch(f"{base}/xhtml").content_type == "text/html"


def test_the_request_names_the_tracker_and_the_host_as_the_url_wrote_it(reachable, server):
    fetch(f"http://localhost:{server.server_port}/zh")
    _, headers = server.requests[-1]
    assert headers["User-Agent"] == USER_AGENT
    assert "tracker" in USER_AGENT
    assert headers["Host"] == f"localhost:{server.server_port}"


def test_a_redirect_is_followed_to_the_final_url(reachable, base, server):
    page = fetch(f"{base}/redirect")
    assert page.url == f"{base}/zh"
    assert page.text == CHINESE
    assert [path for path, _ in server.requests] == ["/redirect", "/zh"]


def test_more_than_five_redirects_are_refused(reachable, base, server):
    assert "redirected more than 5 times" in refusal(f"{base}/loop")
    assert len(server.requests) == 6


def test_a_redirect_to_another_scheme_is_refused(reachable, base):
    assert refusal(f"{base}/to-ftp").startswith("Only http and https addresses can be fetched.")


@pytest.mark.parametrize(
    ("path", "address"), [("/to-metadata", "(169.254.169.254)"), ("/to-loopback", "(::1)")]
)
def test_a_redirect_to_a_private_address_is_refused(
    loopback_counts_as_public, server, base, path, address
):
    message = refusal(f"{base}{path}")
    assert "leads to a private or local address" in message
    assert address in message
    assert [seen for seen, _ in server.requests] == [path]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.5.4",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "[::1]",
        "[fe80::1]",
        "[fc00::1]",
        "[::]",
        "[ff02::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[2002:7f00:1::]",
    ],
)
def test_private_and_local_addresses_are_refused_when_the_setting_is_off(address):
    message = refusal(f"http://{address}/")
    assert "private or local address" in message
    assert "only public sites can be fetched" in message


def test_the_test_server_itself_is_refused_by_address_and_by_name(server):
    port = server.server_port
    assert "(127.0.0.1)" in refusal(f"http://127.0.0.1:{port}/zh")
    assert "localhost leads to a private or local address (127.0.0.1)" in refusal(
        f"http://localhost:{port}/zh"
    )
    assert server.requests == []


def test_a_page_whose_length_says_it_is_too_large_is_refused_before_it_is_read(reachable, base):
    start = time.monotonic()
    assert "The page is larger than 5 MB, the most fetched." in refusal(f"{base}/large")
    assert time.monotonic() - start < 1


def test_a_chunked_page_is_cut_off_when_it_runs_past_the_limit(reachable, settings, base):
    settings.INTAKE_FETCH_MAX_BYTES = 2000
    assert "larger than 2,000 bytes" in refusal(f"{base}/chunked")
    settings.INTAKE_FETCH_MAX_BYTES = 5000
    assert fetch(f"{base}/chunked").text == "x" * 5000


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/png", "a image/png file"),
        ("/pdf", "a application/pdf file"),
        ("/untyped", "no stated type"),
    ],
)
def test_what_is_not_html_or_text_is_refused_naming_its_type(reachable, base, path, named):
    message = refusal(f"{base}{path}")
    assert named in message
    assert "not a web page or plain text" in message


def test_a_server_slower_than_the_timeout_is_refused_in_time(reachable, settings, base):
    settings.INTAKE_FETCH_TIMEOUT = 0.3
    start = time.monotonic()
    assert "127.0.0.1 did not send the page within 0.3 seconds." in refusal(f"{base}/slow")
    assert time.monotonic() - start < 1


def test_a_body_dripped_byte_by_byte_cannot_stretch_the_timeout(reachable, settings, base):
    settings.INTAKE_FETCH_TIMEOUT = 0.4
    start = time.monotonic()
    assert "127.0.0.1 did not send the page within 0.4 seconds." in refusal(f"{base}/drip")
    assert time.monotonic() - start < 1


@pytest.mark.parametrize(
    ("path", "status"), [("/missing", "404 Not Found"), ("/error", "500 Internal Server Error")]
)
def test_an_http_error_is_refused_with_its_status_in_words(reachable, base, path, status):
    assert refusal(f"{base}{path}").startswith(f"The site answered {status}.")


def test_a_closed_port_is_refused_as_a_refused_connection(reachable):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = refusal(f"http://127.0.0.1:{port}/")
    assert f"127.0.0.1 (port {port}) refused the connection" in message


def test_a_name_that_does_not_resolve_is_refused_as_not_found():
    assert "The site nothing.invalid could not be found" in refusal("http://nothing.invalid/")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/article.txt", "javascript:alert(1)"]
)
def test_other_schemes_are_refused(url):
    assert refusal(url).startswith("Only http and https addresses can be fetched.")


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "not a url",
        "http://exa mple.org/",
        "http://[::1/",
        "http://example.org:99999/",
        "https://bad_host!.org/",
        "//example.org/article",
    ],
)
def test_a_malformed_url_is_refused(url):
    assert "is not a web address that can be fetched" in refusal(url)


# HTTPS: the connection goes to the checked address, the name travels in SNI and the
# certificate is checked against it.


def certificate(tmp_path, name: str):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt"),
            *("ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", f"/CN={name}"),
            *("-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(tmp_path, monkeypatch, request):
    cert, key = certificate(tmp_path, request.param)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    names = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.sni = names
    monkeypatch.setattr(fetch_module, "CA_BUNDLE", str(cert))
    with serving(server):
        yield server


@pytest.mark.parametrize("tls_server", ["localhost"], indirect=True)
def test_https_sends_the_name_in_sni_and_checks_the_certificate_against_it(reachable, tls_server):
    page = fetch(f"https://localhost:{tls_server.server_port}/zh")
    assert page.text == CHINESE
    assert tls_server.sni == ["localhost"]
    assert tls_server.requests[-1][1]["Host"] == f"localhost:{tls_server.server_port}"


@pytest.mark.parametrize("tls_server", ["news.example.org"], indirect=True)
def test_a_certificate_for_another_name_is_refused(reachable, tls_server):
    message = refusal(f"https://localhost:{tls_server.server_port}/zh")
    assert "The certificate of localhost could not be verified" in message
    assert tls_server.requests == []
