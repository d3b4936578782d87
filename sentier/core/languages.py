"""Which languages a page speaks (issue 19).

Staff pages speak French and English. The pages a participant or applicant sees (the list
:data:`PARTICIPANT_PAGES`, by URL name) also speak Spanish, Arabic (right to left) and Haitian
Creole. :class:`PageLanguageMiddleware` keeps it so, whatever the address asks for:

- a staff page asked in a participant-only language, or any page asked by a signed-in staff
  user in one, is shown in the jurisdiction's language (a GET is redirected to the same page
  there, a POST is answered in it, so nothing typed is lost);
- a language prefix Sentier does not offer (``/de/apply/``) goes to the same address in the
  nearest offered language (``/es-mx/`` → ``/es/``), else in French with a notice: never a 404
  or a 500;
- a participant page remembers its language in the language cookie, and on the account of a
  signed-in participant, so ``/`` and the next visit offer it back.

Translations in the participant-only languages are marked as not yet reviewed by a qualified
translator (``#. unreviewed`` in the catalogs, one line on each page in that language).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _

from sentier.core.formatting import babel_locale
from sentier.core.jurisdiction import default_language

#: The languages of every page.
STAFF_LANGUAGES = ("fr-ca", "en-ca")
#: The languages of participant and applicant pages only.
PARTICIPANT_ONLY_LANGUAGES = ("es", "ar", "ht")
PARTICIPANT_ONLY_LANGUAGES_SET = frozenset(PARTICIPANT_ONLY_LANGUAGES)
#: The languages written right to left.
RIGHT_TO_LEFT = frozenset({"ar"})
#: Each language's name in itself, as a language picker shows it.
AUTONYMS = {
    "fr-ca": "Français",
    "en-ca": "English",
    "es": "Español",
    "ar": "العربية",
    "ht": "Kreyòl ayisyen",
}

#: The pages a participant or applicant sees (``namespace:name``): home, application, result
#: and notice, My file, My plan, consents, referrals, place offers, "Who viewed my file", the
#: public directory, the sign-in pages. A page not listed here is a staff page.
PARTICIPANT_PAGES = frozenset(
    {
        "core:home",
        "core:privacy",
        "core:accessibility",
        "core:keepalive",
        "intake:start",
        "intake:step",
        "intake:summary",
        "intake:confirmation",
        "participants:my_file",
        "participants:my_access_log",
        "plans:my_plan",
        "plans:my_agree",
        "plans:my_extension",
        "plans:my_end",
        "plans:my_pdf",
        "consent:mine",
        "consent:give",
        "consent:withdraw",
        "referrals:mine",
        "serviceplans:mine",
        "network:directory",
        "network:answer_offer",
        "network:withdraw_entry",
        "feedback:survey",
        "account_login",
        "account_logout",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "mfa_authenticate",
    }
)

# What a language prefix looks like (``de``, ``pt-br``, ``zh-hant-tw``); top-level addresses
# that are not languages are left alone.
_LANGUAGE_PREFIX = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$")
_NOT_LANGUAGES = frozenset({"api"})


def is_participant_page(view_name: str | None) -> bool:
    return bool(view_name) and view_name in PARTICIPANT_PAGES


def is_staff(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_staff_role", False)
    )


def languages_for(request: HttpRequest) -> tuple[str, ...]:
    """The languages this page may be shown in, for this person."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else None
    if is_staff(getattr(request, "user", None)) or not is_participant_page(view_name):
        return STAFF_LANGUAGES
    return (*STAFF_LANGUAGES, *PARTICIPANT_ONLY_LANGUAGES)


def supported(code: str | None) -> str | None:
    """The offered language for ``code`` (``ES-mx`` → ``es``, ``fr`` → ``fr-ca``), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.lower().replace("_", "-"))
    except LookupError:
        return None


def remembered_language(request: HttpRequest) -> str | None:
    """The language the person chose last: their account's (a signed-in participant), else the
    language cookie's."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and not is_staff(user):
        chosen = supported(getattr(user, "preferred_language", ""))
        if chosen and chosen != settings.LANGUAGE_CODE:
            return chosen
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))


def page_in(request: HttpRequest, code: str) -> str:
    """This page in language ``code``, built from the view the path resolved to (never from the
    raw path); a page that resolved to no view gives the home page in that language."""
    match = getattr(request, "resolver_match", None)
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


def fall_back(request: HttpRequest, code: str) -> str:
    """The language to use instead of ``code``, which Sentier does not offer here: the
    jurisdiction's (French in Québec), with a notice in that language saying so."""
    fallback = default_language()
    with translation.override(fallback):
        names = {"fr-ca": _("French"), "en-ca": _("English")}
        messages.warning(
            request,
            _(
                "Sentier is not available in the language you asked for (%(code)s): "
                "the page is shown in %(language)s."
            )
            % {"code": code[:20], "language": names.get(fallback, fallback)},
        )
    return fallback


def _unsupported_prefix(path: str) -> tuple[str, str] | None:
    """(prefix, rest) when the path starts with a language code Sentier does not offer."""
    first, _slash, rest = path.lstrip("/").partition("/")
    if not first or first in _NOT_LANGUAGES or not _LANGUAGE_PREFIX.match(first):
        return None
    if first in dict(settings.LANGUAGES):
        return None
    return first, rest


class PageLanguageMiddleware:
    """See the module docstring. Placed after the session, authentication, locale and messages
    middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        unsupported = _unsupported_prefix(request.path_info)
        if unsupported is not None:
            return self._fall_back(request, *unsupported)
        response = self.get_response(request)
        self._remember(request, response)
        return response

    def _fall_back(self, request: HttpRequest, prefix: str, rest: str) -> HttpResponse:
        nearest = supported(prefix) or fall_back(request, prefix)
        query = iri_to_uri(request.META.get("QUERY_STRING", ""))
        # ``rest`` is what followed the prefix on this site: the target never leaves it.
        target = "/" + nearest + "/" + iri_to_uri(rest).lstrip("/")
        return HttpResponseRedirect(f"{target}?{query}" if query else target)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language not in PARTICIPANT_ONLY_LANGUAGES or language in languages_for(request):
            return None
        fallback = default_language()
        from_path = translation.get_language_from_path(request.path_info) == language
        if from_path and request.method in ("GET", "HEAD"):
            return HttpResponseRedirect(page_in(request, fallback))
        match = request.resolver_match
        if not from_path and match is not None and match.view_name == "root":
            # ``/`` only redirects to a page with a language prefix, which is judged there.
            return None
        # A form sent from a page in that language: answered in the staff language, so
        # nothing typed is lost to a redirect.
        translation.activate(fallback)
        request.LANGUAGE_CODE = fallback
        return None

    def _remember(self, request: HttpRequest, response: HttpResponse) -> None:
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or not is_participant_page(match.view_name)
        ):
            return
        language = translation.get_language()
        if language not in dict(settings.LANGUAGES):
            return
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        user = getattr(request, "user", None)
        remembered = getattr(user, "preferred_language", language)
        if (
            user is not None
            and user.is_authenticated
            and not is_staff(user)
            and remembered != language
            # Moving between French and English is what every page offers and leaves the
            # account alone; choosing Spanish, Arabic or Haitian Creole, or leaving it, is kept.
            and PARTICIPANT_ONLY_LANGUAGES_SET & {remembered, language}
        ):
            # The account of a signed-in participant keeps the language of their pages (the
            # file keeps the language of correspondence, which they or their caseworker set).
            get_user_model().objects.filter(pk=user.pk).update(preferred_language=language)
            user.preferred_language = language


# ---------------------------------------------------------------------------------------------
# The languages a person speaks, reads or needs an interpreter for (the file's facts)

#: The languages Sentier writes to a person in (the file's language of correspondence).
CORRESPONDENCE_CHOICES = [(code, AUTONYMS[code]) for code in (*STAFF_LANGUAGES, "es", "ar", "ht")]

#: Languages a person may say they speak or need an interpreter for: Sentier's own, those most
#: asked for by people newly arrived in Québec, Indigenous languages of Québec, and the sign
#: languages (ISO 639 codes; ``fcs`` is Langue des signes québécoise, ``ase`` ASL).
SPOKEN_LANGUAGES = (
    "fr", "en", "es", "ar", "ht", "pt", "fa", "ps", "zh", "uk", "ru", "ti", "sw", "ln", "wo",
    "vi", "ta", "tr", "iu", "fcs", "ase",
)  # fmt: skip
_SIGN_LANGUAGES = {
    "fcs": ("LSQ (langue des signes québécoise)", "LSQ (Quebec Sign Language)"),
    "ase": ("ASL (American Sign Language)", "ASL (American Sign Language)"),
}


def language_name(code: str, language: str | None = None) -> str:
    """A language's name in the reader's language, from Babel (CLDR): ``ti`` → « tigrigna »
    on a French page. A page in a language CLDR lacks falls back to French names."""
    return _named(code, babel_locale(language))


@functools.lru_cache(maxsize=4096)
def _named(code: str, reader: str) -> str:
    """``code``'s name for a ``reader`` locale: CLDR's data never changes while the process
    runs, and a list of files names the same few languages on every row."""
    base = code.split("-")[0].lower()
    if base in _SIGN_LANGUAGES:
        french, english = _SIGN_LANGUAGES[base]
        return english if reader.startswith("en") else french
    try:
        name = Locale.parse(base).get_display_name(reader)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


@functools.lru_cache(maxsize=1024)
def autonym(code: str) -> str:
    """A language's name in itself (``es`` → « español »), as a language picker shows it."""
    base = code.split("-")[0].lower()
    if base in _SIGN_LANGUAGES:
        return _SIGN_LANGUAGES[base][0]
    try:
        name = Locale.parse(base).get_display_name(base)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def spoken_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, label) for a form: the name in itself, then in the page's language when they
    differ (« ትግርኛ — tigrigna »)."""
    choices = []
    for code in SPOKEN_LANGUAGES:
        own, here = autonym(code), language_name(code, language)
        label = own if own.casefold() == here.casefold() else f"{own} — {here}"
        choices.append((code, label))
    return choices
