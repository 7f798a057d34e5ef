"""A client's address is read through trusted proxies only; what a client forges is ignored."""

import ipaddress

import pytest
from django.test import RequestFactory

from sinoisrael.http.client_address import client_address

PROXY = "127.0.0.1"


@pytest.fixture(autouse=True)
def trusted_proxies(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network(n) for n in ("127.0.0.1", "::1", "10.0.0.0/8")]


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.5", None, "203.0.113.5"),  # no proxy
        (PROXY, None, PROXY),  # a local request with no proxy in between
        (PROXY, "203.0.113.5", "203.0.113.5"),  # behind the TLS proxy
        (PROXY, "198.51.100.66, 203.0.113.5", "203.0.113.5"),  # the client forged the first
        (PROXY, "203.0.113.5, 10.1.2.3", "203.0.113.5"),  # two trusted proxies
        (PROXY, " 203.0.113.5 ,10.1.2.3 ", "203.0.113.5"),
        ("::1", "2001:db8::17", "2001:db8::17"),
        ("198.51.100.9", "203.0.113.5", "198.51.100.9"),  # not a proxy of ours: not believed
        # Where the list cannot be read further, the nearest known address is the client's.
        (PROXY, "unknown", PROXY),
        (PROXY, "203.0.113.5,", PROXY),  # an empty hop: the list is not what a proxy writes
        (PROXY, "203.0.113.5, unknown, 10.1.2.3", "10.1.2.3"),
        (PROXY, "203.0.113.5, 10.1.2.3:8443", PROXY),  # a port is no address either
        # The server did not say who connected (a Unix socket): one address for all.
        ("", None, "0.0.0.0"),
        ("", "203.0.113.5", "0.0.0.0"),
    ],
)
def test_client_address(remote, forwarded, expected):
    assert address(remote, forwarded) == expected


def test_no_proxy_is_trusted_when_none_is_configured(settings):
    settings.TRUSTED_PROXIES = []
    assert address(PROXY, "203.0.113.5") == PROXY
