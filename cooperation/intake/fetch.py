"""Fetching an article's page for an analyst, without letting a URL reach what it should not.

The tracker fetches what an analyst types, from inside its own network: a URL naming
127.0.0.1, the cloud's metadata service (169.254.169.254) or a database on 10.0.0.5 would
make it a proxy into that network. So:

- only http and https;
- the host name is resolved here, every address it resolves to is checked, and the
  connection goes to a checked address: a name that resolves to a public address when
  checked and to 127.0.0.1 when connected (DNS rebinding) gets nowhere. The request still
  carries the name, in its Host header and, for https, in SNI, and the certificate is
  checked against the name (urllib3's `server_hostname` and `assert_hostname`);
- private, loopback, link-local, unspecified, multicast, reserved and shared addresses are
  refused, IPv4 and IPv6, and IPv6 addresses embedding an IPv4 one are judged by it, unless
  INTAKE_ALLOW_PRIVATE_ADDRESSES (the tests, a tracker inside a newsroom's network);
- redirects are followed here, at most 5, each new URL checked as the first;
- INTAKE_FETCH_TIMEOUT bounds the whole fetch, redirects included: connecting, and reading
  the answer, which a server dripping a byte at a time cannot stretch (a watchdog cuts the
  connection at the deadline). Resolving the name is the system resolver's, with its own
  timeout;
- INTAKE_FETCH_MAX_BYTES bounds the page: refused when its Content-Length says more, cut
  off when its body runs past it;
- HTML or plain text only, decoded by its byte-order mark if any (browsers trust it first), else
  the charset its header gives, else its `<meta charset>`, else charset-normalizer's guess;
  legacy labels are read as browsers read them (gb2312 as GBK).

Each refusal says in words what was wrong, and that the analyst can paste the text instead.
"""

import codecs
import http
import ipaddress
import re
import socket
import ssl
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import quote, urljoin, urlsplit

import certifi
import charset_normalizer
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.util.ssl_match_hostname import CertificateError

USER_AGENT = "sinoisrael-tracker/0.1 (Sino-Israeli municipal cooperation tracker; article intake)"
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
CONTENT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
CA_BUNDLE = certifi.where()
CHUNK = 64 * 1024
PASTE = "You can paste the article's text instead."


class FetchRefused(Exception):
    """A page not fetched; its message, for the analyst, says why."""

    def __init__(self, problem: str):
        super().__init__(f"{problem} {PASTE}")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # "text/html" or "text/plain"
    text: str


def fetch(url: str) -> Fetched:
    """The page at `url`, by the rules above, or FetchRefused."""
    deadline = Deadline(settings.INTAKE_FETCH_TIMEOUT)
    url = url.strip()
    for _ in range(MAX_REDIRECTS + 1):
        target = Target.of(url)
        with answer(target, deadline) as response:
            location = redirect_location(response)
            if location is None:
                return page(response, url, deadline)
        url = urljoin(url, location)
    raise FetchRefused(f"The address redirected more than {MAX_REDIRECTS} times.")


@dataclass(frozen=True)
class Target:
    """Where a URL points: the scheme, the host name (in ASCII, as DNS and TLS know it), the
    port, the Host header and the path and query to ask for."""

    scheme: str
    host: str
    port: int
    host_header: str
    path: str

    @classmethod
    def of(cls, url: str) -> "Target":
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise malformed(url) from None
        scheme = parts.scheme.lower()
        if scheme and scheme not in ("http", "https"):
            raise FetchRefused("Only http and https addresses can be fetched.")
        if not scheme or not parts.netloc:
            raise malformed(url)
        host = ascii_host(parts.hostname or "", url)
        default = 443 if scheme == "https" else 80
        shown = f"[{host}]" if ":" in host else host
        return cls(
            scheme=scheme,
            host=host,
            port=port or default,
            host_header=shown if port in (None, default) else f"{shown}:{port}",
            path=request_path(parts.path, parts.query),
        )


HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")


def ascii_host(host: str, url: str) -> str:
    """The host as DNS knows it: 例子.中国 in punycode; an IP address as it is."""
    if is_ip_address(host):
        return host
    try:
        name = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise malformed(url) from None
    if not HOST_NAME.fullmatch(name):
        raise malformed(url)
    return name


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def request_path(path: str, query: str) -> str:
    """The path and query in ASCII, as HTTP requires: spaces and Chinese or Hebrew letters
    percent-encoded, what was encoded already left alone."""
    encoded = quote(path or "/", safe="/%:@!$&'()*+,;=~")
    return f"{encoded}?{quote(query, safe='/%:@!$&()*+,;=~?')}" if query else encoded


def malformed(url: str) -> FetchRefused:
    return FetchRefused(
        f"“{url}” is not a web address that can be fetched: write it whole, like "
        "https://news.example.org/article."
    )


class Deadline:
    """When the fetch must be over."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.passed = threading.Event()

    def remaining(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            self.passed.set()
        return max(left, 0.0)

    def refusal(self, target: Target) -> FetchRefused:
        return FetchRefused(f"{target.host} did not send the page within {self.seconds:g} seconds.")


CONNECTION_ERRORS = (OSError, HTTPException, HTTPError, CertificateError)


@contextmanager
def answer(target: Target, deadline: Deadline):
    """The response to a GET of `target`, headers read, body not yet, on a connection to a
    checked address, cut at the deadline; network failures become refusals."""
    connection = None
    try:
        connection = connect(target, deadline)
        with watchdog(connection.sock, deadline):
            connection.request(
                "GET", target.path, headers=request_headers(target), preload_content=False
            )
            yield connection.getresponse()
    except CONNECTION_ERRORS as error:
        raise refusal(error, target, deadline) from None
    finally:
        if connection is not None:
            connection.close()


def request_headers(target: Target) -> dict:
    return {
        "Host": target.host_header,
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Connection": "close",
    }


def connect(target: Target, deadline: Deadline) -> HTTPConnection:
    """A connection to the first of the host's addresses that answers, each checked first."""
    error = None
    for address in addresses(target):
        timeout = deadline.remaining()
        if not timeout:
            raise TimeoutError
        connection = new_connection(target, address, timeout)
        try:
            connection.connect()
        except (NewConnectionError, ConnectTimeoutError) as failed:
            connection.close()
            error = failed
            continue
        return connection
    raise error


def new_connection(target: Target, address: str, timeout: float) -> HTTPConnection:
    """To `address`, speaking to `target.host`: for https, SNI and the certificate's check
    use the name (urllib3 checks the certificate against `assert_hostname` itself)."""
    if target.scheme == "http":
        return HTTPConnection(address, target.port, timeout=timeout)
    return HTTPSConnection(
        address,
        target.port,
        timeout=timeout,
        server_hostname=target.host,
        assert_hostname=target.host,
        ca_certs=CA_BUNDLE,
    )


def addresses(target: Target) -> list[str]:
    """Every address the host resolves to, once each, in the resolver's order; refused when
    one of them is not public (a name with one private address among public ones could be
    connected to the private one next time)."""
    try:
        found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchRefused(
            f"The site {target.host} could not be found: the name does not exist, or the "
            "name servers did not answer."
        ) from None
    unique = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not settings.INTAKE_ALLOW_PRIVATE_ADDRESSES:
        for address in unique:
            if not is_public(ipaddress.ip_address(address)):
                raise FetchRefused(
                    f"{target.host} leads to a private or local address ({address}): only "
                    "public sites can be fetched."
                )
    return unique


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A global unicast address; an IPv6 one that embeds an IPv4 address (::ffff:127.0.0.1,
    6to4, Teredo) is judged by that too, since it reaches it."""
    if address.version == 6:
        embedded = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
        if any(inner is not None and not is_public(inner) for inner in embedded):
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


@contextmanager
def watchdog(sock: socket.socket, deadline: Deadline):
    """Shut the socket at the deadline: a socket timeout bounds each read, not their sum, and
    a server may send one byte just before each would expire.

    The socket is taken when connected: http.client lets go of it once a response that
    closes the connection has begun, while the response reads on."""

    def cut():
        deadline.passed.set()
        # The plain socket's shutdown, even under TLS: it wakes a blocked read without
        # touching the TLS state another thread is using.
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(deadline.remaining(), cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def refusal(error: Exception, target: Target, deadline: Deadline) -> FetchRefused:
    """The analyst's words for a network failure."""
    where = f"{target.host} (port {target.port})"
    if deadline.passed.is_set() or deadline.remaining() == 0:
        return deadline.refusal(target)
    if isinstance(error, NewConnectionError):
        if isinstance(error.__cause__, ConnectionRefusedError):
            return FetchRefused(f"{where} refused the connection: no web server answers there.")
        return FetchRefused(f"{where} could not be reached ({error.__cause__}).")
    if isinstance(error, (ConnectTimeoutError, ReadTimeoutError, TimeoutError)):
        return deadline.refusal(target)
    if isinstance(error, (ssl.SSLCertVerificationError, CertificateError)):
        return FetchRefused(f"The certificate of {target.host} could not be verified ({error}).")
    if isinstance(error, ssl.SSLError):
        return FetchRefused(f"No secure connection could be made to {where} ({error}).")
    return FetchRefused(f"The connection to {where} failed ({error}).")


def redirect_location(response) -> str | None:
    """Where a redirect points; None for any other answer."""
    if response.status not in REDIRECTS:
        return None
    location = response.headers.get("Location", "").strip()
    if not location:
        raise FetchRefused(f"The site answered {status_words(response)} but said not where to.")
    return location


def page(response, url: str, deadline: Deadline) -> Fetched:
    if not 200 <= response.status < 300:
        raise FetchRefused(f"The site answered {status_words(response)}.")
    header = response.headers.get("Content-Type", "")
    media_type = header.partition(";")[0].strip().lower()
    if media_type not in CONTENT_TYPES:
        kind = f"a {media_type} file" if media_type else "a document of no stated type"
        raise FetchRefused(f"The address gives {kind}, not a web page or plain text.")
    body = read_body(response, deadline)
    content_type = CONTENT_TYPES[media_type]
    return Fetched(url, content_type, decode(body, header, content_type))


def status_words(response) -> str:
    """ "404 Not Found", "500 Internal Server Error"."""
    try:
        phrase = http.HTTPStatus(response.status).phrase
    except ValueError:
        phrase = response.reason or "(no reason given)"
    return f"{response.status} {phrase}"


def read_body(response, deadline: Deadline) -> bytes:
    """The body, at most INTAKE_FETCH_MAX_BYTES: by its stated length, then as it comes."""
    limit = settings.INTAKE_FETCH_MAX_BYTES
    length = response.headers.get("Content-Length", "").strip()
    if length.isdecimal() and int(length) > limit:
        raise too_large(limit)
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    if deadline.passed.is_set():  # cut by the watchdog: what came is not the whole page
        raise TimeoutError
    return b"".join(chunks)


def too_large(limit: int) -> FetchRefused:
    return FetchRefused(f"The page is larger than {size_words(limit)}, the most fetched.")


def size_words(size: int) -> str:
    """ "5 MB", "64 KB", "2,000 bytes"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size:,} bytes"


# Labels pages declare that stand for a larger encoding, as browsers read them (WHATWG):
# gb2312 pages are written in GBK, latin-1 ones in windows-1252.
ENCODING_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
}
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
META_CHARSET = re.compile(r"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
BOMS = {codecs.BOM_UTF8: "utf-8-sig", codecs.BOM_UTF16_LE: "utf-16", codecs.BOM_UTF16_BE: "utf-16"}


def decode(body: bytes, header: str, content_type: str) -> str:
    """The body as text: by its byte-order mark, else the header's charset, else (HTML) the
    page's `<meta charset>` in its first 4 KB, else charset-normalizer's guess."""
    declared = [
        next((name for bom, name in BOMS.items() if body.startswith(bom)), ""),
        charset_in(HEADER_CHARSET, header),
        charset_in(META_CHARSET, body[:4096].decode("latin-1"))
        if content_type == "text/html"
        else "",
    ]
    for name in declared:
        codec = known_codec(name)
        if codec:
            return body.decode(codec, errors="replace")
    guess = charset_normalizer.from_bytes(body).best()
    return str(guess) if guess is not None else body.decode("utf-8", errors="replace")


def charset_in(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""


def known_codec(name: str) -> str | None:
    """Python's codec for an encoding's label; None for an empty or unknown label."""
    name = name.strip().lower()
    if not name:
        return None
    try:
        return codecs.lookup(ENCODING_ALIASES.get(name, name)).name
    except LookupError:
        return None
