"""What django-axes counts login failures by: the account and the client's network.

The network is `abuse.clientip.network` (an IPv4 address, or an IPv6 /64, from trusted proxy hops
only), written as its first address: axes stores it in an IP address column, which on PostgreSQL
takes an address, not a network like `2001:db8::/64`.
"""

from django.http import HttpRequest

from gezinsmuur.abuse.clientip import network


def network_address(request: HttpRequest) -> str:
    return network(request).split("/", 1)[0]
