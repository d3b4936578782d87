"""django-allauth adapter: accounts are created by staff, not by self sign-up (for now).

Sign-in throttling (``ACCOUNT_RATE_LIMITS["login_failed"]``) counts failures per account *and*
client address, the address being the one our trusted proxies vouch for
(:mod:`sentier.accounts.client_address`): someone's wrong passwords lock that account from that
address only, never the colleagues who share the office's or the proxy's address.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sentier.accounts.client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        address = client_ip(request)
        if address is None:  # as allauth does
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys the "login_failed" limit on the account alone; ours is the account from
        # this address (test_login_throttling_behind_proxy.py pins it, should allauth rename it).
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}@{self.get_client_ip(request)}"
