"""What every page's frame needs: the menu (read from sentier.core.menu, where each app registers
its entries), the other language, session timing.

Computed once per request: a page that renders panels (the file: eight sections, each its own
``render_to_string(..., request=request)``) runs the context processors for each of them, and
the menu's permission checks and the language links cost about 3 ms each time. The frame is
kept on the request with what it was computed from (the language, the user, the resolved view,
the language cookie, the query string), so a page rendered after a change of any of them in the
same request (a sign-in, ``translation.override``) gets a fresh one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from sentier.accounts.permissions import may
from sentier.core import languages, menu
from sentier.core.jurisdiction import app_enabled


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items: list[dict[str, Any]] = []
    for entry in menu.entries():
        if not app_enabled(entry.app_label):
            continue
        if entry.permission is not None and not may(user, entry.permission):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        home = entry.url_name == "core:home"
        matches = request.path == url or (not home and request.path.startswith(url))
        items.append({"label": entry.label, "url": url, "active": matches})
    # Only the closest entry is the current one (/service-plans/networks/ is "Regional
    # networks", not also "Service plans").
    best = max((len(i["url"]) for i in items if i["active"]), default=0)
    for item in items:
        item["active"] = item["active"] and len(item["url"]) == best
    return items


def other_language_url(request: HttpRequest, code: str) -> str:
    """This page in language ``code``, built from the view the path resolved to and never from the
    raw path: a request for ``//evil.example/fr-ca/`` must not give a link off the site. A page
    that resolved to no view (a 404) links to the home page in that language."""
    return languages.page_in(request, code)


def more_languages(request: HttpRequest, current: str, other_code: str) -> list[dict[str, str]]:
    """The page's other languages beyond the French/English switch: on a participant page, for
    someone who is not staff, Spanish, Arabic and Haitian Creole (``sentier.core.languages``)."""
    return [
        {
            "code": code,
            "name": languages.AUTONYMS[code],
            "url": other_language_url(request, code),
            "dir": "rtl" if code in languages.RIGHT_TO_LEFT else "ltr",
        }
        for code in languages.languages_for(request)
        if code not in (current, other_code)
    ]


def offer_back(request: HttpRequest, current: str) -> dict[str, str] | None:
    """The language the person chose before, when this page is in another one and can be
    shown in theirs: offered back in one link."""
    chosen = languages.remembered_language(request)
    if not chosen or chosen == current or chosen not in languages.languages_for(request):
        return None
    return {
        "code": chosen,
        "name": languages.AUTONYMS.get(chosen, chosen),
        "url": other_language_url(request, chosen),
        "dir": "rtl" if chosen in languages.RIGHT_TO_LEFT else "ltr",
    }


#: Where the request keeps its frame: ``(key, frame)``.
FRAME_ATTRIBUTE = "_sentier_frame"


def _frame_key(request: HttpRequest, current: str) -> tuple[Any, ...]:
    """What the frame is computed from; another value computes it again."""
    user = getattr(request, "user", None)
    return (
        current,
        id(user),
        getattr(user, "pk", None),
        getattr(user, "role", None),
        getattr(user, "preferred_language", None),
        bool(user is not None and user.is_authenticated),
        id(getattr(request, "resolver_match", None)),
        request.path,
        request.META.get("QUERY_STRING", ""),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
    )


def sentier(request: HttpRequest) -> dict[str, Any]:
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    key = _frame_key(request, current)
    kept = getattr(request, FRAME_ATTRIBUTE, None)
    if kept is not None and kept[0] == key:
        frame: dict[str, Any] = kept[1]
        return frame
    frame = _frame(request, current)
    setattr(request, FRAME_ATTRIBUTE, (key, frame))
    return frame


def _frame(request: HttpRequest, current: str) -> dict[str, Any]:
    other_code = "en-ca" if current.startswith("fr") else "fr-ca"
    other_name = "English" if other_code == "en-ca" else "Français"
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "sentier": {
            "nav": navigation_for(request),
            "language": current,
            "dir": "rtl" if current in languages.RIGHT_TO_LEFT else "ltr",
            "more_languages": more_languages(request, current, other_code),
            "offer_back": offer_back(request, current),
            # Spanish, Arabic and Haitian Creole are not yet reviewed by a qualified translator:
            # the page says so in one line (issue 19).
            "unreviewed_translation": current in languages.PARTICIPANT_ONLY_LANGUAGES,
            "other_language": {
                "code": other_code,
                "name": other_name,
                "url": other_language_url(request, other_code),
            },
            "signed_in": signed_in,
            "session_seconds": settings.SESSION_COOKIE_AGE if signed_in else 0,
            "session_warning_seconds": settings.SENTIER_SESSION_WARNING_SECONDS,
            "mfa_required": settings.SENTIER_REQUIRE_MFA,
            "jurisdiction": settings.SENTIER_JURISDICTION,
            "debug": settings.DEBUG,
        }
    }
