"""Helpers for views: the signed-in user, typed."""

from __future__ import annotations

from django.http import HttpRequest

from sentier.accounts.models import User


def request_user(request: HttpRequest) -> User:
    """The signed-in :class:`User` of a view behind ``login_required``."""
    user = request.user
    assert isinstance(user, User)
    return user
