"""The client's IP address, seen through the TLS proxies the site trusts.

Behind a proxy, REMOTE_ADDR is the proxy's own address, the same for every client. Each
proxy appends the address it was connected from to X-Forwarded-For, so the list is read
from the right, one entry per trusted hop: the first address that is not a trusted proxy
is the client's. Entries further left came from the client and are never believed.

There is always an answer, since sign-in throttling locks by address and "no address"
would turn that lock off:
- where the list cannot be read further (an entry that is no address, such as `unknown`,
  or an empty one), the client is taken to be the nearest address that is known, the
  trusted proxy's own: every such client shares that one address and is throttled with
  the others, rather than not at all;
- a connection whose own address the server does not give (REMOTE_ADDR empty, as when
  gunicorn listens on a Unix socket) counts as UNKNOWN_PEER, one address for all of them,
  and its X-Forwarded-For is not read, since nothing says a trusted proxy wrote it.
"""

import ipaddress

from django.conf import settings

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The unspecified address, which no client has: "the server did not say who connected".
UNKNOWN_PEER = "0.0.0.0"


def client_address(request) -> str:
    """The client's address, else the nearest known one (see the module's docstring)."""
    address = parsed(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return UNKNOWN_PEER
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = forwarded.split(",") if forwarded.strip() else []
    while hops and is_trusted_proxy(address):
        hop = parsed(hops.pop())
        if hop is None:
            break
        address = hop
    return str(address)


def parsed(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(address: IPAddress) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)
