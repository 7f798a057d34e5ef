"""The client's IP address, seen through the TLS proxies the site trusts.

Behind a proxy, REMOTE_ADDR is the proxy's own address, the same for every client. Each
proxy appends the address it was connected from to X-Forwarded-For, so the list is read
from the right, one entry per trusted hop: the first address that is not a trusted proxy
is the client's. Entries further left came from the client and are never believed.
"""

import ipaddress

from django.conf import settings

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def client_address(request) -> str | None:
    """The client's address, or None when the proxies' list cannot be read."""
    address = parsed(request.META.get("REMOTE_ADDR", ""))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = forwarded.split(",") if forwarded.strip() else []
    while address is not None and hops and is_trusted_proxy(address):
        address = parsed(hops.pop())
    return None if address is None else str(address)


def parsed(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(address: IPAddress) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)
