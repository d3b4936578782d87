"""The rules' reasons in Spanish, Arabic and Haitian Creole (issue 19).

The rules package (``sentier_rules``) imports no Django and words its reasons, triage factors and
"information used" in French and English only: each is ``{"code", "fr", "en", …}``, kept as is
on recommendations and decisions. French and English pages show those texts unchanged. A page in
a participant-only language translates the English text through the catalogs:

- a text without values (most of them) is its own msgid;
- a text built from a template of the rules (``sentier_rules.reasons.TEXTS``, the triage's
  answer sentence) is matched against that template; the template, with ``{region}``-style
  placeholders, is the msgid, and the values read back from the English text are shown in the
  page's language (program and application-channel names through the catalogs, dates, numbers,
  money and lists by Babel, region names as Québec writes them).

A text the catalog does not translate yet shows in French, isolated (U+2068…U+2069) so that it
reads left to right inside an Arabic page. :data:`TEXTS` lists every English text and template
the rules give a person, so that ``make messages`` puts them in the catalogs; a test checks that
none is missing. (The triage's questions and options are in ``sentier.intake.questionnaire_text``.)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.lists import format_list
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from sentier.core import formatting
from sentier.core.languages import PARTICIPANT_ONLY_LANGUAGES
from sentier_rules.codes import CHANNELS, PROGRAMS, REGIONS
from sentier_rules.reasons import TEXTS as RULE_TEXTS

#: The triage's sentence for an answer with no sentence of its own (``sentier_rules.triage``).
ANSWER = gettext_noop('Your answer "{option}" to the question: {question}')
#: The rollout sentence a regional reason may end with (``sentier_rules.engine``).
JOINS = gettext_noop("Your region joins the rollout on {date}.")
NO_REGION = gettext_noop("no region given")

TEXTS = (
    ANSWER,
    JOINS,
    NO_REGION,
    # Programs and application channels (``sentier_rules.codes``).
    gettext_noop("Social Assistance Program"),
    gettext_noop("Social Solidarity Program"),
    gettext_noop("Aim for Employment Program"),
    gettext_noop("Basic Income Program"),
    gettext_noop("Public employment services"),
    gettext_noop("Ontario Works"),
    gettext_noop("Ontario Disability Support Program"),
    gettext_noop("online digital application"),
    gettext_noop("application by phone"),
    gettext_noop("application in person"),
    # Reasons of the rules (``sentier_rules.reasons``), triage factors and information used
    # (``sentier_rules.triage``, its questions' ``label_en`` and ``factor_en``).
    gettext_noop("This measure is offered in Québec only; your file is in Ontario."),
    gettext_noop("This answer does not change your financial assistance benefit."),
    gettext_noop(
        "Asylum seekers do not have access to this measure in your region ({region}) yet: "
        "only regions running a pilot project admit them."
    ),
    gettext_noop(
        "A pilot project in your region ({region}) admits asylum seekers to this measure."
    ),
    gettext_noop("You can receive a personalized support plan."),
    gettext_noop(
        "The personalized support plan is offered from {since}. On {date}, it was not offered yet."
    ),
    gettext_noop("Your program ({program}) is covered by the personalized support plan."),
    gettext_noop(
        "The personalized support plan is for people receiving assistance from one of these "
        "programs: {covered}. Your program ({program}) is not one of them."
    ),
    gettext_noop(
        "People with an {excluded} claim booklet cannot receive a personalized support plan. "
        "You keep your booklet; your benefit does not change."
    ),
    gettext_noop("You keep your claim booklet ({booklet}) whether or not you take part."),
    gettext_noop("Your region ({region}) offers the personalized support plan."),
    gettext_noop(
        "Your region ({region}) does not offer the personalized support plan yet: it is being"
        " rolled out region by region across Québec.{joins}"
    ),
    gettext_noop(
        "Taking part is voluntary: saying no or stopping has no effect on your benefit, and "
        "no extra allowance is paid. To ask for it, call 1 877 767-8773 (toll free) or go to "
        "a Services Québec office."
    ),
    gettext_noop("A service plan can be set up for you."),
    gettext_noop("Your program ({program}) is covered by the service plan."),
    gettext_noop(
        "The service plan is for people receiving assistance from one of these programs: "
        "{covered}. Your program ({program}) is not one of them."
    ),
    gettext_noop(
        "In your region ({region}), the Ministry can initiate a service plan. Your employment"
        " assistance officer sends the request to the Ministry coordinator, who decides. You "
        "do not need to ask for it."
    ),
    gettext_noop(
        "The Ministry can take part in a service plan initiated by another ministry or by an "
        "organization, in every region."
    ),
    gettext_noop(
        "Before {since}, the Ministry could only take part in a service plan initiated by "
        "another ministry or by an organization; it could not initiate one."
    ),
    gettext_noop(
        "In your region ({region}), the Ministry cannot initiate a service plan yet: the "
        "service is being rolled out region by region.{joins} The Ministry can still take "
        "part in a plan initiated by another ministry or by an organization."
    ),
    gettext_noop(
        "On this date, the Ministry cannot take part in a service plan initiated by another "
        "ministry or by an organization."
    ),
    gettext_noop(
        "Taking part is voluntary and has no effect on your benefit. Goals, actions and "
        "follow-ups are set with your agreement."
    ),
    gettext_noop(
        "Taking part is voluntary. Goals, actions and follow-ups are set with your agreement."
    ),
    gettext_noop("You can take part in PAAS Action, up to {limit} hours a week."),
    gettext_noop("Your program ({program}) is covered by PAAS Action."),
    gettext_noop(
        "PAAS Action is for people receiving assistance from one of these programs: "
        "{covered}. Your program ({program}) is not one of them."
    ),
    gettext_noop("The {hours} hours a week planned are within the {limit}-hour limit."),
    gettext_noop("PAAS Action allows at most {limit} hours of participation a week."),
    gettext_noop(
        "You may be entitled to a support allowance of ${allowance} a month, on top of your "
        "basic benefit. It stops when your participation ends."
    ),
    gettext_noop(
        "The non-profit organization that welcomes you receives ${payment} a month for your place."
    ),
    gettext_noop(
        "Your transport or childcare costs can also be reimbursed: they are claimed case by case."
    ),
    gettext_noop(
        "Places depend on the needs of your area and on available funds: a place is not guaranteed."
    ),
    gettext_noop(
        "Your Ontario Works application will be referred to Employment Ontario as soon as "
        "assistance is granted (fast track)."
    ),
    gettext_noop(
        "The fast track to Employment Ontario exists from {since}. On {date}, it did not exist yet."
    ),
    gettext_noop("The fast track to Employment Ontario applies in Ontario only."),
    gettext_noop(
        "The fast track is for applicants to these programs: {covered}. Your program "
        "({program}) is not one of them."
    ),
    gettext_noop(
        "The readiness assessment is part of the online digital application. Your application"
        " was made another way ({channel})."
    ),
    gettext_noop(
        "From your application, you were not assessed as ready for employment services at "
        "this stage."
    ),
    gettext_noop(
        "First Nations delivery of Ontario Works is unchanged: the fast track does not apply there."
    ),
    gettext_noop(
        "Your municipality or DSSAB keeps offering you all its supports. The referral does "
        "not change your financial assistance. Your information is sent to Employment Ontario"
        " with privacy and consent protections."
    ),
    gettext_noop(
        "Your local office will do a common assessment, can refer you to Employment Ontario, "
        "and will make sure you have a personalized action plan."
    ),
    gettext_noop(
        "You did not answer the questions about support: no support is requested for now. You"
        " can ask for it at any time."
    ),
    gettext_noop(
        "From your answers, no particular support is suggested for now. You can ask for it at"
        " any time."
    ),
    gettext_noop(
        "A caseworker will look at your application with you to find the support that fits you."
    ),
    gettext_noop(
        "Your ODSP application goes to the central intake unit. It checks your financial "
        "eligibility. Then you receive the Disability Determination Package by mail, for your"
        " health care professional to fill in. Some people do not need it: you will be told "
        "if that is your case."
    ),
    gettext_noop(
        "A First Nations site that delivers ODSP handles your application, as before: it does"
        " not go to the central intake unit."
    ),
    gettext_noop(
        "You did not agree to share your information with Employment Ontario: no referral is "
        "sent. Your local office will meet with you instead."
    ),
    gettext_noop(
        "You did not answer the question about starting a job: your local office will talk "
        "about it with you."
    ),
    gettext_noop("Your province (Québec or Ontario)"),
    gettext_noop("The assistance program applied for"),
    gettext_noop("Your region"),
    gettext_noop("How you applied (online, phone, in person)"),
    gettext_noop("Whether your office is a First Nations site"),
    gettext_noop("Whether you agreed to share your information with Employment Ontario"),
    gettext_noop(
        "Your claim booklet (ASM-2 and ASM-5 give no access to the personalized support plan)"
    ),
    gettext_noop("Whether you are an asylum seeker"),
    gettext_noop("Wish for support"),
    gettext_noop("You said you would like support in addition to financial help."),
    gettext_noop("You said you do not want support for now. You can ask for it at any time."),
    gettext_noop(
        "You are not sure yet whether you want support: a caseworker can talk it over with you."
    ),
    gettext_noop("Able to start a job or a job search"),
    gettext_noop("You said you could start a job or a job search in the next 3 months."),
    gettext_noop("You said you could start a job or a job search with some help."),
    gettext_noop("You said you cannot start a job for now."),
    gettext_noop("Difficulties"),
    gettext_noop("You said you have trouble with housing."),
    gettext_noop("You mentioned an addiction (alcohol, drugs or gambling)."),
    gettext_noop("You mentioned anxiety or a behaviour or personality disorder."),
    gettext_noop("You have lost a spouse or partner."),
    gettext_noop("You have lost a child or custody of a child."),
    gettext_noop("You mentioned domestic violence, sexual assault or exploitation."),
    gettext_noop("You said your debts are too heavy."),
    gettext_noop("You mentioned a health problem."),
    gettext_noop("You said you need a childcare solution."),
    gettext_noop("You said getting around is difficult."),
    gettext_noop("You said you would like help with language."),
    gettext_noop("You said none of these apply to you."),
    gettext_noop("Service-plan situation: complex needs, several actors"),
    gettext_noop("You said you need help from several services."),
    gettext_noop("Service-plan situation: risk of getting worse quickly"),
    gettext_noop("You said your situation could get worse quickly."),
    gettext_noop("Service-plan situation: major crisis"),
    gettext_noop("You said you are going through a major crisis."),
    gettext_noop("Service-plan situation: services at risk of stopping"),
    gettext_noop("You said services you receive could stop."),
    gettext_noop("Service-plan situation: difficult transition"),
    gettext_noop("You said you or your family are going through a hard change."),
    gettext_noop("Service-plan situation: past coordination did not work"),
    gettext_noop("You said workers' joint efforts have not yet given the results you hoped for."),
    gettext_noop("Wish to take part in activities at an organization"),
    gettext_noop("You said you would like to take part in activities at a community organization."),
    gettext_noop("Hours a week available for activities"),
    gettext_noop("You said you have no hours to give to activities for now."),
    gettext_noop("You said you could give up to 6 hours a week."),
    gettext_noop("You said you could give up to 12 hours a week."),
    gettext_noop("You said you could give up to 20 hours a week."),
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE = re.compile(r"(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})\Z")
_JOINS = re.compile(r" ?Your region joins the rollout on (?P<date>.+)\.\Z")
_PROGRAM_NAMES = {english: english for _french, english, _where in PROGRAMS.values()}
_CHANNEL_NAMES = {english: english for _french, english in CHANNELS.values()}


def _isolated(text: str) -> str:
    """Left-to-right text (a French fallback, a region's name) that keeps its order inside a
    right-to-left page (Unicode first-strong isolate)."""
    return f"\u2068{text}\u2069" if text else ""


def msgid_of(english_template: str) -> str:
    """The msgid of a template of the rules: ``{region_en}`` becomes ``{region}``."""
    return re.sub(r"\{(\w+)_en\}", r"{\1}", english_template)


@functools.cache
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of the English text, msgid) of every template with values, the one with the
    most fixed words first so that the most specific template wins."""
    msgids = {msgid_of(english) for _french, english, _source in RULE_TEXTS.values()} | {ANSWER}
    found = []
    for msgid in msgids:
        parts = _PLACEHOLDER.split(msgid)  # fixed text, name, fixed text, name, …
        if len(parts) == 1:
            continue
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.*?)"
            for index, part in enumerate(parts)
        )
        found.append((re.compile(pattern + r"\Z", re.DOTALL), msgid))
    return tuple(sorted(found, key=lambda item: -len(_PLACEHOLDER.sub("", item[1]))))


def _translate(msgid: str) -> str | None:
    """The catalog's text for ``msgid`` in the active language; None when it has none (gettext
    then gives the msgid, or the French catalog's text)."""
    text = gettext(msgid)
    if text == msgid:
        return None
    with translation.override("fr-ca"):
        french = gettext(msgid)
    return None if text == french else text


def _date(text: str) -> str | None:
    match = _DATE.match(text)
    if match is None or match["month"] not in _MONTHS:
        return None
    day = dt.date(int(match["year"]), _MONTHS.index(match["month"]) + 1, int(match["day"]))
    return formatting.long_date(day)


def _region(text: str) -> str | None:
    if text == NO_REGION:
        return _translate(NO_REGION)
    code = text.partition(" ")[0]
    return _isolated(f"{code} {REGIONS[code][0]}") if code in REGIONS else None


def _named(text: str, names: Mapping[str, str]) -> str | None:
    """A program's or channel's name (some, like *Ontario Works*, are the same in every
    language)."""
    return gettext(text) if text in names else None


def _programs(text: str) -> str | None:
    """A list of programs as the rules join them in English (``A, B or C``), in the page's
    language."""
    found = sorted(
        (text.index(name), name) for name in _PROGRAM_NAMES if name in text and name != text
    ) or ([(0, text)] if text in _PROGRAM_NAMES else [])
    if not found:
        return None
    return format_list([gettext(name) for _where, name in found], style="or", locale=_locale())


def _codes(text: str) -> str:
    """A list of codes (claim booklets) as the rules join them in English."""
    codes = [_isolated(code) for code in re.split(r", | or ", text) if code]
    return format_list(codes, style="or", locale=_locale()) if codes else ""


def _joins(text: str) -> str | None:
    if not text:
        return ""
    match = _JOINS.match(text)
    sentence = _translate(JOINS)
    date = _date(match["date"]) if match else None
    return None if sentence is None or date is None else " " + sentence.format(date=date)


def _amount(text: str) -> str | None:
    try:
        return formatting.money(Decimal(text))
    except InvalidOperation:
        return None


def _number(text: str) -> str | None:
    try:
        return format_decimal(Decimal(text), locale=_locale())
    except InvalidOperation:
        return None


def _locale() -> str:
    return formatting.babel_locale()


#: How each value of a template is shown in the page's language; None: cannot be.
_VALUES: dict[str, Callable[[str], str | None]] = {
    "region": _region,
    "program": lambda text: _named(text, _PROGRAM_NAMES),
    "channel": lambda text: _named(text, _CHANNEL_NAMES),
    "covered": _programs,
    "excluded": _codes,
    "booklet": _isolated,
    "date": _date,
    "since": _date,
    "joins": _joins,
    "allowance": _amount,
    "payment": _amount,
    "limit": _number,
    "hours": _number,
    "option": _translate,
    "question": _translate,
}


def _translated(english: str) -> str | None:
    direct = _translate(english)
    if direct is not None:
        return direct
    for pattern, msgid in _templates():
        match = pattern.match(english)
        if match is None:
            continue
        template = _translate(msgid)
        if template is None:
            return None
        values: dict[str, str] = {}
        for name, text in match.groupdict().items():
            show = _VALUES.get(name, _isolated)
            value = show(text)
            if value is None:
                return None
            values[name] = value
        return template.format_map(values)
    return None


def localized(item: Mapping[str, Any] | None) -> str:
    """A reason, factor or item of information of the rules in the page's language: its
    ``en`` text in English, its ``fr`` text in French (both as the rules wrote them), the
    catalog's translation in Spanish, Arabic and Haitian Creole, else the French, isolated."""
    if not item:
        return ""
    language = translation.get_language() or "fr-ca"
    french = str(item.get("fr") or "")
    if language.startswith("en"):
        return str(item.get("en") or french)
    english = str(item.get("en") or "")
    if language not in PARTICIPANT_ONLY_LANGUAGES or not english:
        return french
    return _translated(english) or _isolated(french)
