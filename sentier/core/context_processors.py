"""What every page's frame needs: role navigation, the other language, session timing."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import Role
from sentier.core.jurisdiction import app_enabled

# (label, url name, roles that see it); order is the order of the menu.
NAVIGATION: list[tuple[Any, str, frozenset[str]]] = [
    (_("Home"), "core:home", frozenset(Role.values)),
    (
        _("Caseload"),
        "participants:caseload",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (
        _("Applications"),
        "intake:review_queue",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (_("My file"), "participants:my_file", frozenset({Role.PARTICIPANT})),
    (
        _("Who viewed my file"),
        "participants:my_access_log",
        frozenset({Role.PARTICIPANT}),
    ),
    (
        _("PAAS Action"),
        "paas:placement_list",
        frozenset({Role.CASEWORKER}),
    ),
    (_("Expense claims"), "paas:claim_list", frozenset({Role.CASEWORKER})),
    (_("PAAS Action"), "paas:organization", frozenset({Role.PARTNER_STAFF})),
    (_("Attendance"), "paas:attendance_group", frozenset({Role.PARTNER_STAFF})),
    (
        _("PAAS Action places"),
        "paas:ministry",
        frozenset({Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR}),
    ),
    (
        _("Monthly statements"),
        "paas:statement_list",
        frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (_("My plan"), "plans:my_plan", frozenset({Role.PARTICIPANT})),
    (_("My referrals"), "referrals:mine", frozenset({Role.PARTICIPANT})),
    (_("My consents"), "consent:mine", frozenset({Role.PARTICIPANT})),
    (_("Support plans"), "plans:worklist", frozenset({Role.CASEWORKER})),
    (
        _("Service plans"),
        "serviceplans:list",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (_("Referrals"), "referrals:sent", frozenset({Role.CASEWORKER})),
    (_("Referrals received"), "referrals:inbox", frozenset({Role.PARTNER_STAFF})),
    (_("Capacity"), "network:capacity", frozenset({Role.PARTNER_STAFF})),
    (_("Partner systems"), "exchange:keys", frozenset({Role.PARTNER_STAFF})),
    (
        _("Local office worklist"),
        "ontario:assessment_queue",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (
        _("ODSP intake"),
        "ontario:odsp_queue",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (_("Directory"), "network:directory", frozenset(Role.values)),
    (
        _("Import services (CSV)"),
        "network:import",
        frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (
        _("Regional networks"),
        "serviceplans:networks",
        frozenset({Role.COORDINATOR, Role.CASEWORKER, Role.ANALYST, Role.ADMINISTRATOR}),
    ),
    (
        _("Rules"),
        "decisions:rules",
        frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR}),
    ),
    (
        _("Statistics"),
        "core:statistics",
        frozenset({Role.ANALYST, Role.COORDINATOR, Role.ADMINISTRATOR}),
    ),
    (_("Administration"), "admin:index", frozenset({Role.ADMINISTRATOR})),
]


def _in_unit(user: Any, name: str) -> bool:
    """Ontario: OW office staff see the common assessment, ODSP intake staff their queue."""
    if not name.startswith("ontario:"):
        return True
    from sentier.ontario.models import Unit
    from sentier.ontario.units import unit_of

    unit = unit_of(user)
    if unit is None:  # coordinators, administrators
        return True
    return (name == "ontario:odsp_queue") == (unit == Unit.ODSP_INTAKE)


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for label, name, roles in NAVIGATION:
        if user.role not in roles:
            continue
        if not app_enabled(name.split(":", 1)[0]):
            continue
        if not _in_unit(user, name):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        matches = request.path == url or (name != "core:home" and request.path.startswith(url))
        items.append({"label": label, "url": url, "active": matches})
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
    match = request.resolver_match
    with translation.override(code):
        path = None
        if match is not None and match.view_name:
            try:
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                path = None
        if path is None:
            path = reverse("core:home")
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    return f"{path}?{query}" if query else path


def sentier(request: HttpRequest) -> dict[str, Any]:
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    other_code = "en-ca" if current.startswith("fr") else "fr-ca"
    other_name = "English" if other_code == "en-ca" else "Français"
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "sentier": {
            "nav": navigation_for(request),
            "language": current,
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
