"""The client's address: X-Forwarded-For is believed only as far as our own proxies vouch for it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from sentier.accounts.client_address import client_ip

PROXY = "10.0.0.2"  # the TLS proxy: the connection every request behind it comes from


def request(remote: str = PROXY, forwarded_for: str | None = None, **headers: str) -> Any:
    if forwarded_for is not None:
        headers["X-Forwarded-For"] = forwarded_for
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


def test_without_trusted_proxies_forwarded_for_is_ignored(settings: Any) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 0
    settings.SENTIER_CLIENT_IP_HEADER = ""
    spoofed = request(remote="198.51.100.7", forwarded_for="203.0.113.99")
    assert client_ip(spoofed) == "198.51.100.7"


def test_one_trusted_proxy_gives_the_address_it_received_from(settings: Any) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded_for="198.51.100.7")) == "198.51.100.7"
    # What the client wrote itself is left of what our proxy appended, and is not believed.
    assert client_ip(request(forwarded_for="203.0.113.99, 198.51.100.7")) == "198.51.100.7"


def test_two_trusted_proxies(settings: Any) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 2
    chain = "203.0.113.99, 198.51.100.7, 10.0.0.9"
    assert client_ip(request(forwarded_for=chain)) == "198.51.100.7"


@pytest.mark.parametrize("forwarded", [None, "not-an-address", "2001:db8::1, junk"])
def test_a_chain_our_proxy_did_not_write_gives_the_connection(
    settings: Any, forwarded: str | None
) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded_for=forwarded)) == PROXY


def test_a_chain_shorter_than_the_proxies_gives_the_connection(settings: Any) -> None:
    settings.SENTIER_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded_for="198.51.100.7")) == PROXY


def test_the_proxy_header_when_configured(settings: Any) -> None:
    settings.SENTIER_CLIENT_IP_HEADER = "X-Real-IP"
    settings.SENTIER_TRUSTED_PROXY_COUNT = 0
    both = request(forwarded_for="203.0.113.99", **{"X-Real-IP": "2001:db8::1"})
    assert client_ip(both) == "2001:db8::1"
    assert client_ip(request()) == PROXY  # no header: the connection
