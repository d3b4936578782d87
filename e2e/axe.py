"""Run axe-core (from ``node_modules/axe-core``) in a Playwright page and report violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


class AccessibilityError(AssertionError):
    """axe found WCAG violations on a page."""


def _axe_script() -> str:
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` first.")
    return str(AXE_SCRIPT)


def install_axe(context: BrowserContext) -> None:
    """Have Chromium load axe in every page of ``context`` as the page starts (a context with
    JavaScript on and ``bypass_csp=True``). Sent once, where ``run_axe`` would otherwise send
    axe's half megabyte to each page it checks (about 0.3 s a page on a loaded machine)."""
    context.add_init_script(path=_axe_script())


# What Chromium says when axe ran in a document that a navigation was replacing (a form sent
# just before the check): the check is run again in the new document, once it has loaded.
REPLACED_DOCUMENT = (
    "Execution context was destroyed",
    "reading 'documentElement'",
    "Cannot find context",
)
ATTEMPTS = 3
# axe's violations on the page (or the part of it a selector names), or null where axe is not
# loaded: one call to the browser where asking first whether axe is there took two. Only the
# violations come back: axe's whole result (every rule that passed or did not apply, each with
# its texts and an example element) is several times larger, and nothing read it.
RUN = """async ([context, tags]) => {
    if (typeof window.axe === "undefined") return null;
    const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
    const root = context ? document.querySelector(context) : document;
    return {violations: (await window.axe.run(root, options)).violations};
}"""
# The same run on the whole page, started and left running (``start_axe``): its promise is kept
# in the page, where ``axe_violations`` waits for it. It starts from a timer, once the call that
# started it has returned: axe does most of its work before its first pause.
START = f"""([tags]) => {{
    window.__sentierAxe = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => ({RUN})([null, tags]));
    return typeof window.axe !== "undefined";
}}"""


def run_axe(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """Inject axe unless ``install_axe`` did (needs a context with ``bypass_csp=True``) and
    return its violations, once the page has loaded (after a click that sent a form, the next
    document; a check that the navigation overtook is run again in it)."""
    for attempt in range(1, ATTEMPTS + 1):
        page.wait_for_load_state("load")
        try:
            result: dict[str, Any] | None = page.evaluate(RUN, [context, list(WCAG_TAGS)])
            if result is None:  # axe is not in the page (no ``install_axe``): send it
                page.add_script_tag(path=_axe_script())
                result = page.evaluate(RUN, [context, list(WCAG_TAGS)])
        except PlaywrightError as error:
            if attempt == ATTEMPTS or not any(sign in str(error) for sign in REPLACED_DOCUMENT):
                raise
            continue
        assert result is not None, f"axe did not load in {page.url}"
        violations: list[dict[str, Any]] = result["violations"]
        return violations
    raise AssertionError("unreachable")  # pragma: no cover


def start_axe(page: Page) -> None:
    """Start axe on the whole page, loaded, in a context where ``install_axe`` put it, and
    return at once: the browser runs it while the caller does something else (opens the next
    page in another tab); ``axe_violations(page)`` waits for its violations. Nothing may
    navigate ``page`` in between."""
    page.wait_for_load_state("load")
    assert page.evaluate(START, [list(WCAG_TAGS)]), f"axe is not loaded in {page.url}"


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The violations of the run ``start_axe(page)`` started (the same as ``run_axe(page)``
    then would have found), once it ends."""
    result: dict[str, Any] | None = page.evaluate("() => window.__sentierAxe")
    assert result is not None, f"axe did not run in {page.url}"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    """One readable block per violation: id, impact, help, then each offending element."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page, context: str | None = None) -> None:
    """Fail with the list of WCAG 2.2 AA violations axe finds on the page (or a part of it)."""
    violations = run_axe(page, context)
    if violations:
        raise AccessibilityError(
            f"{len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_violations(violations)
        )
