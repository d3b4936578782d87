"""The client's address as sign-in throttling sees it, behind the proxies this site trusts.

Behind a TLS-terminating proxy every request comes from the proxy's address (``REMOTE_ADDR``), so a
limit per address would be one limit for everybody. The proxy tells who its client was, either in
``X-Forwarded-For`` (each proxy appends the address it received the request from) or in a header
of its own (``X-Real-IP``). Only what our own proxies wrote can be believed: a client can send any
``X-Forwarded-For`` it likes. So, from the settings:

- ``SENTIER_CLIENT_IP_HEADER`` set: that header, which the proxy must set on every request;
- ``SENTIER_TRUSTED_PROXY_COUNT`` = n > 0: the n-th address from the right of ``X-Forwarded-For``,
  the one our outermost proxy received the request from (what the client sent is to its left);
- otherwise (the default, 0): ``REMOTE_ADDR``, which the client cannot choose.

A value that is not an IP address, or a chain shorter than the proxies we run, gives
``REMOTE_ADDR``: a request that did not come through our proxies says nothing we can trust.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The address of whoever sent ``request``, as far as our own proxies vouch for it (None for
    a request that came from no connection, e.g. the test client's ``force_login``)."""
    remote = _address(request.META.get("REMOTE_ADDR"))
    header: str = settings.SENTIER_CLIENT_IP_HEADER
    if header:
        return _address(request.headers.get(header)) or remote
    count: int = settings.SENTIER_TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("X-Forwarded-For")
    if count <= 0 or not forwarded:
        return remote
    chain = [hop.strip() for hop in forwarded.split(",")]
    if len(chain) < count:
        return remote
    return _address(chain[-count]) or remote
