"""Who is asking: the client address as our own proxy saw it, and the network it belongs to.

Behind `PROXY_HOPS` trusted proxies, each appends the address it received the request from to
X-Forwarded-For, so the real client is that many entries from the right. Whatever a client writes
into the header itself sits further left and is never read: a forged header changes nothing.
Without a proxy (`PROXY_HOPS=0`) the header is ignored altogether.

Rate limits count per network, not per address: an IPv4 address, or an IPv6 /64 (one household
or phone gets a whole /64 and can rotate addresses inside it freely).
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"  # noqa: S104  (an address no client has: "we could not tell")


def client_ip(request: HttpRequest) -> str:
    hops = settings.PROXY_HOPS
    address = request.META.get("REMOTE_ADDR", "")
    if hops > 0:
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        chain = [part for part in chain if part]
        address = chain[-hops] if len(chain) >= hops else ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return UNKNOWN


def network(request: HttpRequest) -> str:
    """The client's IPv4 address, or its IPv6 /64, as a string usable in a cache key."""
    address = ipaddress.ip_address(client_ip(request))
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
