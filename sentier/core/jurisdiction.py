"""Which capabilities this instance offers: some measures exist in one jurisdiction only.

PAAS Action, personalized support plans and service plans are Québec measures; Ontario has its
own common assessment, action plans and ODSP intake (``sentier.ontario``). Menus and panels of an
app that does not apply are left out, and its pages answer 404 (:class:`OfferedHereMiddleware`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

# App label → the only jurisdiction (``SENTIER_JURISDICTION``) where it applies.
APP_JURISDICTION = {
    "ontario": "on",
    "paas": "qc",
    "plans": "qc",
    "serviceplans": "qc",
}


# Facts of a file that exist in one jurisdiction only (field → ``SENTIER_JURISDICTION``): the
# claim booklet (carnet de réclamation, ASM-2/ASM-5) is Québec's.
FIELD_JURISDICTION = {"claim_booklet": "qc"}


def field_offered(name: str) -> bool:
    """Is this file fact kept in this jurisdiction (shown, asked, editable)?"""
    wanted = FIELD_JURISDICTION.get(name)
    return wanted is None or wanted == settings.SENTIER_JURISDICTION


#: The language of a page, a message or a command when nobody chose one (``/`` redirects there,
#: ``sentier load_demo`` prints in it): French in Québec, English in Ontario (issue 21). The
#: settings set ``LANGUAGE_CODE`` to the same.
DEFAULT_LANGUAGE = {"qc": "fr-ca", "on": "en-ca"}


def templates_here(name: str) -> list[str]:
    """The templates to try for ``name`` here: this jurisdiction's own variant first
    (``site/home_coordinator.html`` → ``site/home_coordinator_on.html`` in Ontario), then the
    shared one. A page or panel that differs per jurisdiction has its own template (usually
    extending the shared one's blocks), chosen by the configuration, not an ``{% if %}`` on
    the jurisdiction inside a shared template. ``render``, ``render_to_string`` and
    ``{% include %}`` (with the ``here`` filter) take the list."""
    stem, dot, extension = name.rpartition(".")
    return [f"{stem}_{settings.SENTIER_JURISDICTION}{dot}{extension}", name]


def default_language() -> str:
    return DEFAULT_LANGUAGE.get(settings.SENTIER_JURISDICTION, settings.LANGUAGE_CODE)


def app_enabled(app_label: str) -> bool:
    wanted = APP_JURISDICTION.get(app_label)
    return wanted is None or wanted == settings.SENTIER_JURISDICTION


def module_enabled(module: str) -> bool:
    """``sentier.plans.panels`` → is the ``plans`` app offered here?"""
    parts = module.split(".")
    return app_enabled(parts[1]) if len(parts) > 1 and parts[0] == "sentier" else True


class OfferedHereMiddleware:
    """Every page of an app this jurisdiction does not offer answers 404, whoever asks and
    whatever the address names: PAAS Action, support plans and service plans in Ontario, as
    the Ontario pages in Québec. Nobody reaches a file through a measure that does not exist
    here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        match = request.resolver_match
        if match is not None and match.app_names and not app_enabled(match.app_names[0]):
            raise Http404
