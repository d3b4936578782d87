"""Every page each role can reach, on a 360 px phone and on a 1280 px desktop: every demo persona
(and an applicant who is not signed in) crawls what they can reach from their home by following
links, in the Québec and in the Ontario configuration. On each page:

- at 360 px, the page is at most 360 px wide (``document.documentElement.scrollWidth``) and
  nothing inside it scrolls sideways;
- axe-core finds no WCAG 2.0, 2.1 or 2.2 A or AA violation at 360 px, nor at 1280 px on the
  first page of each kind in the run (``desktop_claims``);
- ``<html lang>`` is the language of the address (``/fr-ca/`` → ``fr-CA``, ``/en-ca/`` → ``en-CA``);
- at 360 px, every control is at least 24 × 24 CSS px or has room around it (WCAG 2.2, 2.5.8),
  and the border of every form field contrasts 3:1 with what is behind it (1.4.11): checks of
  our own (``CHECKS``), where axe reports nothing or only "needs review".

Each crawler first opens the pages named for them (``_pages_named_for_each_persona``): each must
answer (200, or 404 for a missing page) with an ``<h1>``. A 20,000-character word typed into a
plan, and the longest word the application form takes, must wrap rather than widen the page. A
page that does not exist answers in the language of its address.
``SENTIER_CRAWL_PERSONAS=participant,admin`` limits a run to those personas (the applicant who is
not signed in is ``applicant``).

The crawl is bounded: links only (GET; forms are never sent), one page per URL pattern and
persona (the first one found), at most ``PAGES_PER_PERSONA`` pages each; sign-out, downloads
(PDF, calendar, CSV, ZIP) and the Django admin are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import parse_qsl, urlsplit

import pytest
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize

from e2e.axe import axe_violations, install_axe, run_axe, start_axe
from e2e.conftest import PASSWORD, TIMEOUT_MS, built_once

if TYPE_CHECKING:
    from sentier.accounts.demo import Persona

pytestmark = pytest.mark.e2e

PHONE = ViewportSize(width=360, height=740)
DESKTOP = ViewportSize(width=1280, height=800)
PAGES_PER_PERSONA = 40
LONG_WORD = "Sentier" * 2857 + "S"  # 20,000 characters, no space
SKIPPED = re.compile(
    r"/accounts/logout/|/admin/|/keepalive/|/export/|[./](pdf|ics|csv|xlsx|zip|yaml|patch)/?$",
    re.IGNORECASE,
)
# Opens every <details> (what a person would open: the resume link, help), then gives the page's
# width and each element that scrolls sideways inside it (a table in a scroll box, say), except a
# table alone in a named, focusable region: the insights' region-by-month tables.
MEASURE = """() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const scrolling = [];
    for (const element of document.querySelectorAll("body *")) {
        if (element.matches("input, textarea, select")) continue;
        // A statistical table that needs its two dimensions (regions by months) may scroll
        // inside a named region the keyboard can reach (WCAG 1.4.10, the data-table exception).
        if (element.matches("[role='region'][tabindex='0']:is([aria-label], [aria-labelledby])")
            && element.children.length === 1
            && element.firstElementChild.matches("table")) continue;
        const overflow = getComputedStyle(element).overflowX;
        if ((overflow === "auto" || overflow === "scroll")
            && element.scrollWidth > element.clientWidth + 1) {
            const name = element.getAttribute("aria-label")
                || element.querySelector("caption")?.textContent.trim()
                || element.className || element.tagName.toLowerCase();
            scrolling.push(
                `«${name}» scrolls (${element.scrollWidth} px in ${element.clientWidth})`);
        }
    }
    return [document.documentElement.scrollWidth, scrolling,
            document.querySelectorAll("h1").length];
}"""
LANGUAGE_PREFIX = re.compile(r"^/(fr-ca|en-ca)(/.*)$")
MISSING_PAGES = ("/fr-ca/page-introuvable/", "/en-ca/no-such-page/")  # 404 in each language
# The key of the named pages that carry the long words: checked at 1280 px as well, even when a
# page of their kind was checked at 1280 px before (without the long word).
HOSTILE = "long words"
LANG_ATTRIBUTE = {"fr-ca": ("fr-ca", "fr"), "en-ca": ("en-ca", "en")}
# What axe leaves out or only flags "for review", checked on the page as it is drawn:
# - target size (WCAG 2.2, 2.5.8): a control smaller than 24 × 24 CSS px passes only if a
#   24 px circle centred on it touches no other control (spacing), if it is a link inside a
#   line of text (inline), or if it is hidden; a check box or a radio button counts with its
#   label, which takes the same click;
# - non-text contrast (1.4.11): a text field, list or text area needs a border contrasting at
#   least 3:1 with the background behind it.
CHECKS = r"""() => {
    const problems = [];
    const describe = (element) => {
        const text = (element.getAttribute("aria-label") || element.textContent
            || element.getAttribute("name") || element.getAttribute("value") || "").trim();
        const id = element.id ? `#${element.id}` : "";
        return `<${element.tagName.toLowerCase()}${id}> «${text.slice(0, 40)}»`;
    };
    const hidden = (element, box) => {
        if (box.width <= 1 || box.height <= 1) return true;
        const style = getComputedStyle(element);
        return style.visibility === "hidden" || style.display === "none"
            || element.closest("[hidden], [aria-hidden='true'], .qc-sr-only, .sr-only") !== null;
    };
    const controls = [...document.querySelectorAll(
        "a[href], button, input:not([type='hidden']), select, textarea, summary, "
        + "[role='button'], [role='link'], [tabindex]:not([tabindex='-1'])")]
        .filter((element) => !element.closest("main details:not([open])"));
    const area = (element) => {
        let box = element.getBoundingClientRect();
        if (element.matches("input[type='checkbox'], input[type='radio']")) {
            for (const label of element.labels || []) {
                const other = label.getBoundingClientRect();
                const left = Math.min(box.left, other.left), top = Math.min(box.top, other.top);
                box = new DOMRect(left, top, Math.max(box.right, other.right) - left,
                                  Math.max(box.bottom, other.bottom) - top);
            }
        }
        return box;
    };
    const inline = (element) => {
        if (getComputedStyle(element).display !== "inline") return false;
        const block = element.parentElement;
        const own = element.textContent.trim().length;
        return block !== null && block.textContent.trim().length > own;
    };
    const targets = controls.map((element) => ({element, box: area(element)}))
        .filter(({element, box}) => !hidden(element, box));
    const distance = (x, y, box) => Math.hypot(
        Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
    for (const {element, box} of targets) {
        if ((box.width >= 23.5 && box.height >= 23.5) || inline(element)) continue;
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const near = targets.find((other) => other.element !== element
            && !other.element.contains(element) && !element.contains(other.element)
            && distance(x, y, other.box) < 12);
        if (near) {
            problems.push(`target-size: ${describe(element)} is ${Math.round(box.width)} × `
                + `${Math.round(box.height)} px, ${describe(near.element)} within 12 px`);
        }
    }
    const rgb = (color) => (color.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
        const channel = (value) => {
            value /= 255;
            return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
        for (let node = element.parentElement; node; node = node.parentElement) {
            const color = rgb(getComputedStyle(node).backgroundColor);
            if (color.length === 3 || color[3] > 0) return color.slice(0, 3);
        }
        return [255, 255, 255];
    };
    for (const {element, box} of targets) {
        if (!element.matches("input:not([type='checkbox']):not([type='radio'])"
            + ":not([type='submit']):not([type='button']):not([type='file']), select, textarea")) {
            continue;
        }
        const style = getComputedStyle(element);
        if (parseFloat(style.borderBottomWidth) === 0 && parseFloat(style.borderTopWidth) === 0) {
            problems.push(`non-text-contrast: ${describe(element)} has no border`);
            continue;
        }
        const border = luminance(rgb(style.borderBottomColor));
        const behind = luminance(background(element));
        const ratio = (Math.max(border, behind) + 0.05) / (Math.min(border, behind) + 0.05);
        if (ratio < 3) {
            problems.push(`non-text-contrast: ${describe(element)} border ${ratio.toFixed(2)}:1`);
        }
    }
    return problems;
}"""


# Everything the crawl reads from a page at 360 px, in one call to the browser (four before):
# ``MEASURE`` (which opens every <details>), then the ``<html lang>``, ``CHECKS`` and the links
# to follow.
INSPECT = f"""() => {{
    const [width, scrolling, headings] = ({MEASURE})();
    return {{
        width, scrolling, headings,
        lang: document.documentElement.getAttribute("lang") || "",
        checks: ({CHECKS})(),
        links: [...document.querySelectorAll("a[href]:not([download])")].map((link) => link.href),
    }};
}}"""


class Visit(NamedTuple):
    path: str
    status: int  # the HTTP status of the page
    headings: int  # how many <h1>
    width: int  # document.documentElement.scrollWidth
    scrolling: list[str]  # what scrolls sideways inside the page
    findings: list[str]  # axe violations, language, target size, contrast


def _lines(violations: list[dict[str, Any]], width: int) -> list[str]:
    """axe's violations, one line per rule and element."""
    return [
        f"axe {violation['id']} ({violation.get('impact') or 'n/a'}) at {width} px: "
        + " ".join(str(part) for part in node["target"])
        for violation in violations
        for node in violation["nodes"]
    ]


def _axe(page: Page, width: int) -> list[str]:
    """axe's violations on the page as drawn now, one line per rule and element."""
    return _lines(run_axe(page), width)


@pytest.fixture(scope="session")
def desktop_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the processes of this run share (and no other run): one file per kind of page
    checked at 1280 px. The 1280 px pass runs once per kind of page and configuration in the
    whole run (by the first persona of any process to reach it), not once per persona: the
    desktop layout differs less between roles than the phone one, and it keeps the crawl within
    `make test`'s time. Under pytest-xdist each process's temporary folder is inside the run's."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "checked-at-1280-px"
    folder.mkdir(exist_ok=True)
    return folder


def _claim(folder: Path, kind: tuple[str, ...]) -> bool:
    """Whether this process is the first of the run to check this kind of page at 1280 px
    (creating a file is atomic: exactly one process creates it)."""
    name = hashlib.sha256(repr(kind).encode()).hexdigest()[:32]
    try:
        (folder / name).touch(exist_ok=False)
    except FileExistsError:
        return False
    return True


def _language(address: str, lang: str) -> list[str]:
    """A finding if ``<html lang="lang">`` is not the language of the address."""
    match = LANGUAGE_PREFIX.match(urlsplit(address).path)
    if match and lang.lower() not in LANG_ATTRIBUTE[match.group(1)]:
        return [f'<html lang="{lang.lower()}"> on a /{match.group(1)}/ address']
    return []


def _at_1280_px(page: Page) -> list[str]:
    """axe at 1280 px; the page is left at 360 px."""
    page.set_viewport_size(DESKTOP)
    try:
        return _axe(page, DESKTOP["width"])
    finally:
        page.set_viewport_size(PHONE)


def _axe_at_both_widths(page: Page, desktop: bool) -> list[str]:
    """axe at 360 px, then (if ``desktop``) at 1280 px; the page is left at 360 px."""
    findings = _axe(page, PHONE["width"])
    return findings + _at_1280_px(page) if desktop else findings


def audit(page: Page, address: str, *, desktop: bool = True) -> list[str]:
    """What is wrong with the page open in ``page`` (drawn at 360 px), besides its width: its
    ``lang``, axe at 360 px then (if ``desktop``) at 1280 px, target sizes and field borders at
    360 px. The page is left at 360 px."""
    findings = _language(address, page.get_attribute("html", "lang") or "")
    findings += page.evaluate(CHECKS)
    return findings + _axe_at_both_widths(page, desktop)


def _pattern(path: str, query: str) -> tuple[str, ...]:
    """What makes two addresses "the same page": the view and the names of the query string's
    parameters (``?week=…`` of any week is one page), whatever the language."""
    match = LANGUAGE_PREFIX.match(path)
    language, rest = (match.group(1), match.group(2)) if match else ("fr-ca", path)
    try:
        with translation.override(language):
            view = resolve(f"/{language}{rest}").view_name
    except Resolver404:
        view = rest
    return (view, *sorted({name for name, _value in parse_qsl(query, keep_blank_values=True)}))


class _Checking(NamedTuple):
    """A page whose axe run at 360 px was started (``start_axe``) and not yet read."""

    page: Page
    findings: list[str]  # its Visit's, which axe's lines join
    desktop: bool  # checked at 1280 px too, once the run at 360 px is read


def _finish(checking: _Checking) -> None:
    """Add axe's findings at 360 px (then, if ``desktop``, at 1280 px) to the page's visit."""
    checking.findings.extend(_lines(axe_violations(checking.page), PHONE["width"]))
    if checking.desktop:
        checking.findings.extend(_at_1280_px(checking.page))


def _crawl(
    page: Page, origin: str, seeds: Sequence[str], claims: Path, hostile: Collection[str] = ()
) -> list[Visit]:
    """Visit pages breadth first from ``seeds``; measure each. The seeds are all visited, even
    two of the same kind (the English and French of a page); after them, one page of each
    kind. A page is checked at 1280 px too if it is the run's first of its kind (``_claim``) or
    one of ``hostile``.

    Two tabs of the persona's context take turns: while axe checks a page in one (most of a
    page's time, in the browser alone), the next page is asked of the server, drawn and measured
    in the other, and its axe run starts before the first one's is read (and the first page
    checked at 1280 px). A page is never navigated nor resized while its check runs."""
    queue = deque(seeds)
    seen: set[tuple[str, ...]] = set()
    visits: list[Visit] = []
    tabs = (page, page.context.new_page())
    checking: _Checking | None = None
    while queue and len(visits) < PAGES_PER_PERSONA:
        seed = len(visits) < len(seeds)
        address = queue.popleft()
        parts = urlsplit(address)
        key = _pattern(parts.path, parts.query)
        if key in seen and not seed:
            continue
        seen.add(key)
        tab = tabs[len(visits) % 2]
        response = tab.goto(f"{origin}{address}")
        status = response.status if response is not None else 0
        found: dict[str, Any] = tab.evaluate(INSPECT)
        scrolling = found["scrolling"]
        if status >= 500:
            scrolling = [f"answered {status}", *scrolling]
        desktop = _claim(claims, (settings.SENTIER_JURISDICTION, *key)) or address in hostile
        findings = [*_language(address, found["lang"]), *found["checks"]]
        visits.append(
            Visit(address, status, found["headings"], found["width"], scrolling, findings)
        )
        for href in found["links"]:
            target = urlsplit(href)
            if f"{target.scheme}://{target.netloc}" != origin or SKIPPED.search(target.path):
                continue
            if not LANGUAGE_PREFIX.match(target.path):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
        start_axe(tab)
        if checking is not None:
            _finish(checking)
        checking = _Checking(tab, findings, desktop)
    if checking is not None:
        _finish(checking)
    return visits


def _sign_in(page: Page, origin: str, email: str, language: str) -> None:
    page.goto(f"{origin}/{language}/accounts/login/")
    form = page.locator("main form").first
    form.locator("input[name='login']").fill(email)
    form.locator("input[name='password']").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"


def _wanted(key: str) -> bool:
    """Whether this run crawls as persona ``key`` (``SENTIER_CRAWL_PERSONAS``, default all)."""
    wanted = os.environ.get("SENTIER_CRAWL_PERSONAS", "")
    return not wanted or key in {name.strip() for name in wanted.split(",")}


def _crawl_as(
    browser: Browser,
    origin: str,
    persona: Persona | None,
    claims: Path,
    seeds: Iterable[str] = (),
    hostile: Collection[str] = (),
) -> list[Visit]:
    """One persona (``None``: nobody signed in) on a phone, from their home page in their own
    language (the analyst and the Ontario staff read English), then ``seeds`` (those among
    ``hostile`` checked at 1280 px too)."""
    if not _wanted(persona.key if persona is not None else "applicant"):
        return []
    context = browser.new_context(
        locale="fr-CA", timezone_id="America/Toronto", viewport=PHONE, bypass_csp=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    install_axe(context)
    page = context.new_page()
    try:
        if persona is not None:
            _sign_in(page, origin, persona.email, persona.language)
        home = urlsplit(page.url).path if persona is not None else "/fr-ca/"
        return _crawl(page, origin, [home, *seeds], claims, hostile)
    finally:
        context.close()


def _application_with_a_long_address() -> str:
    """An online application whose address is the longest word the form accepts, its
    identity and contact steps saved as the applicant would; returns its resume key."""
    from sentier.intake import actions
    from sentier.intake.models import Channel
    from sentier.intake.steps import ContactForm, IdentityForm

    address = ContactForm.base_fields["address"]
    assert isinstance(address, forms.CharField)
    assert address.max_length is not None
    application = actions.start_application(channel=Channel.ONLINE)
    identity = {
        "first_name": "Awa",
        "last_name": "Diallo",
        "birth_date": "1990-05-04",
        "preferred_language": "fr-ca",
    }
    contact = {
        "phone": "450 555-0142",
        "email": "",
        "address": LONG_WORD[: address.max_length],
        "city": "Laval",
        "postal_code": "H7N 2T5",
        "region": "13",
    }
    for step, form_class, data in (
        ("identity", IdentityForm, identity),
        ("contact", ContactForm, contact),
    ):
        form = form_class(data=data)
        assert form.is_valid(), form.errors
        actions.save_step(
            application=application,
            step=step,
            typed={name: [value] for name, value in data.items()},
            cleaned=form.cleaned_data,
        )
    return application.resume_key


def _plan_with_a_long_purpose(users: dict[str, Any]) -> str:
    """The participant persona's support plan, its purpose a 20,000-character word typed by
    their caseworker; returns the plan's page."""
    from sentier.plans import actions
    from sentier.plans.models import SupportPlan

    plan = SupportPlan.objects.filter(participant__user=users["participant"]).latest("created_at")
    actions.update_plan(
        actor=users["caseworker_laval"],
        plan=plan,
        expected_version=plan.version,
        difficulties=list(plan.difficulties.all()),
        other_difficulty=plan.other_difficulty,
        purpose=LONG_WORD,
        planned_end_on=plan.planned_end_on,
    )
    return f"/fr-ca/plans/{plan.uuid}/"


def _pages_named_for_each_persona(users: dict[str, Any]) -> dict[str, list[str]]:
    """The pages each crawler opens right after their home, whatever links they find: a
    support plan whose purpose is a 20,000-character word, a decision, a file's pages, the
    English caseload and statistics, the person's own pages, missing pages; for the applicant,
    an application whose address is the longest word the form accepts. Under ``HOSTILE``, the
    pages with the long words (checked at 1280 px whatever was checked before)."""
    from sentier.decisions.actions import decide_for_participant
    from sentier.participants.models import Participant

    plan_page = _plan_with_a_long_purpose(users)
    resume_key = _application_with_a_long_address()
    file = Participant.objects.get(user=users["participant"])
    decision = decide_for_participant(
        actor=users["caseworker_laval"],
        participant=file,
        measure="paas_action",
        date=dt.date(2026, 5, 1),
        weekly_hours=12,
    )
    base = f"/fr-ca/participants/{file.uuid}/"
    return {
        "applicant": [
            f"/fr-ca/apply/{resume_key}/contact/",
            f"/fr-ca/apply/{resume_key}/summary/",
            *MISSING_PAGES,
        ],
        "caseworker_laval": [
            plan_page,
            "/fr-ca/participants/?scope=all",
            base,
            f"{base}edit/",
            f"{base}history/",
            f"/fr-ca/decisions/participants/{file.uuid}/new/",
            f"/fr-ca/decisions/{decision.uuid}/",
            "/en-ca/participants/",
        ],
        "coordinator": ["/fr-ca/participants/", base],
        "participant": [
            "/fr-ca/plans/mine/",
            "/fr-ca/participants/me/",
            "/fr-ca/participants/me/access-log/",
        ],
        "analyst": ["/fr-ca/statistics/", "/en-ca/statistics/", "/fr-ca/decisions/rules/"],
        "partner_opex": ["/fr-ca/directory/", *MISSING_PAGES],
        HOSTILE: [
            plan_page,
            f"/fr-ca/apply/{resume_key}/contact/",
            f"/fr-ca/apply/{resume_key}/summary/",
        ],
    }


def _unseen_named_pages(
    visits: dict[str, list[Visit]], named: Mapping[str, Sequence[str]]
) -> list[str]:
    """Each named page the crawl did not open, that answered otherwise than expected (404 for
    a missing page, 200 for the others) or that has no <h1>."""
    problems = []
    for who, pages in visits.items():
        if not _wanted(who.split()[0]):
            continue
        by_path = {visit.path: visit for visit in pages}
        for path in named.get(who.split()[0], ()):
            visit = by_path.get(path)
            expected = 404 if path in MISSING_PAGES else 200
            if visit is None:
                problems.append(f"  {who}: {path} was not opened")
            elif visit.status != expected or visit.headings < 1:
                problems.append(
                    f"  {who}: {path} answered {visit.status} with {visit.headings} <h1>"
                )
    return problems


def _assert_all_fit(
    visits: dict[str, list[Visit]], started: float, named: Mapping[str, Sequence[str]]
) -> None:
    """Fail listing every page wider than the phone, with something scrolling sideways inside
    it, answering a server error or with an accessibility finding, every persona whose crawl
    reached nothing and every named page not opened as expected."""
    problems = _unseen_named_pages(visits, named)
    for who, pages in visits.items():
        for visit in pages:
            if visit.width > PHONE["width"]:
                problems.append(f"  {who}: {visit.path} is {visit.width} px wide at 360 px")
            problems += [f"  {who}: {visit.path}: {what}" for what in visit.scrolling]
            problems += [f"  {who}: {visit.path}: {what}" for what in visit.findings]
        if len(pages) < 2 and _wanted(who.split()[0]):
            problems.append(f"  {who}: reached no page beyond {pages[0].path if pages else '—'}")
    count = sum(len(pages) for pages in visits.values())
    each = ", ".join(f"{who} {len(pages)}" for who, pages in visits.items())
    print(
        f"\n{count} pages at {PHONE['width']} px ({DESKTOP['width']} px: the run's first of each "
        f"kind and the pages with long words) in {time.monotonic() - started:.0f} s ({each})"
    )
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


T = TypeVar("T")

# Each crawl is dealt out in parts, every part a share of the personas (round robin, the applicant
# first), so that the browser suite's processes share the crawl instead of one of them doing it all.
QUEBEC_PARTS = 3
ONTARIO_PARTS = 2


def _share(crawlers: Sequence[T], part: int, parts: int) -> list[T]:
    """The crawlers that part ``part`` of ``parts`` takes: every ``parts``-th from ``part``."""
    return list(crawlers[part::parts])


def _crawl_everyone(
    browser: Browser,
    origin: str,
    crawlers: Iterable[Persona | None],
    claims: Path,
    named: Mapping[str, Sequence[str]],
) -> dict[str, list[Visit]]:
    visits = {}
    for persona in crawlers:
        key = persona.key if persona is not None else "applicant"
        who = key if persona is not None else "applicant (not signed in)"
        visits[who] = _crawl_as(
            browser, origin, persona, claims, named.get(key, ()), named.get(HOSTILE, ())
        )
    return visits


@pytest.mark.parametrize("part", range(QUEBEC_PARTS))
def test_no_page_of_any_persona_scrolls_sideways_at_360_px(
    browser: Browser,
    live_server: Any,
    quebec_demo: dict[str, Any],
    desktop_claims: Path,
    part: int,
) -> None:
    from sentier.accounts.demo import PERSONAS

    started = time.monotonic()
    named = built_once("phone-width-qc", lambda: _pages_named_for_each_persona(quebec_demo))
    crawlers = _share((None, *PERSONAS), part, QUEBEC_PARTS)
    visits = _crawl_everyone(browser, live_server.url, crawlers, desktop_claims, named)
    _assert_all_fit(visits, started, named)


def _ontario_demo(settings: Any) -> None:
    """Québec's demo, then in the Ontario configuration Ontario's, its ODSP and ministry
    personas (the Ontario demo loads only in the Ontario configuration: the Québec one places
    people in PAAS Action, which Ontario turns off). Leaves the configuration Ontario's."""
    from sentier.accounts.demo import ensure_persona
    from sentier.ontario import demo as ontario_demo
    from sentier.ontario.odsp.demo import ODSP_COLLEAGUE, load_odsp_demo
    from sentier.site.demo import load_demo

    settings.SENTIER_JURISDICTION = "qc"
    call_command("load_reference", verbosity=0)
    load_demo(12, password=PASSWORD)
    settings.SENTIER_JURISDICTION = "on"
    call_command("load_reference", verbosity=0)
    ontario_demo.load_demo()
    load_odsp_demo()
    ontario_demo.ensure_ontario_personas(PASSWORD)
    ensure_persona(ODSP_COLLEAGUE, PASSWORD)


@pytest.mark.parametrize("part", range(ONTARIO_PARTS))
def test_no_ontario_page_of_any_persona_scrolls_sideways_at_360_px(
    browser: Browser,
    live_server: Any,
    transactional_db: None,
    settings: Any,
    desktop_claims: Path,
    part: int,
) -> None:
    from sentier.ontario import demo as ontario_demo
    from sentier.ontario.odsp.demo import ODSP_COLLEAGUE

    started = time.monotonic()
    settings.SENTIER_JURISDICTION = "on"
    built_once("phone-width-on", lambda: _ontario_demo(settings))
    # Ontario's own analyst and administrator too (never Québec's personas in an Ontario run).
    crawlers = (
        None,
        *ontario_demo.ONTARIO_PERSONAS,
        ODSP_COLLEAGUE,
        *ontario_demo.ONTARIO_MINISTRY_PERSONAS,
    )
    named = {"applicant": MISSING_PAGES}
    shared = _share(crawlers, part, ONTARIO_PARTS)
    visits = _crawl_everyone(browser, live_server.url, shared, desktop_claims, named)
    _assert_all_fit(visits, started, named)


def test_a_table_shown_as_cards_on_a_phone_is_still_a_table_to_a_screen_reader(
    page: Page, url: Callable[[str], str], login: Callable[..., None], caseworker_with_a_file: Any
) -> None:
    """Chromium's own accessibility tree (what a screen reader reads), at 360 px: the caseload
    keeps its table, column headers and cells, and a cell is not prefixed with the column name
    drawn beside it (the label's alternative text is empty)."""
    caseworker, _participant = caseworker_with_a_file
    page.set_viewport_size(PHONE)
    login(page, caseworker.email)
    page.goto(url("/fr-ca/participants/"))
    assert (
        page.locator("main td[data-label]").first.evaluate("cell => getComputedStyle(cell).display")
        == "flow-root"
    ), "the caseload is not shown as cards at 360 px"

    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    named = [
        (node["role"]["value"], node.get("name", {}).get("value", ""))
        for node in tree["nodes"]
        if not node.get("ignored")
    ]
    roles = [role for role, _name in named]
    assert "table" in roles
    assert ("columnheader", "Nom") in named
    assert ("columnheader", "Numéro de dossier") in named
    assert ("cell", "Côté, Jeanne") in named
    assert not [name for role, name in named if role == "cell" and name.startswith("Nom ")]
