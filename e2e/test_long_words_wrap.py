"""A 20,000-character word wraps at every width, in a table cell as in a list of facts: the
page stays as wide as the screen (it was 18,314 px on an action plan's goal, 146,715 px in a
table), and figures keep their line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
STYLES = (
    "static/vendor/qc-sdg/css/qc-sdg.min.css",
    "static/vendor/ontario-ds/styles/css/compiled/ontario-theme.min.css",
    "static/css/sentier.css",
)
WORD = "x" * 20_000


@pytest.mark.parametrize("width", [360, 1280])
def test_a_long_word_never_widens_the_page(browser: Any, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.set_content(
            f"""<main><dl class="sentier-facts"><dt>Goal</dt><dd>{WORD}</dd></dl>
            <table class="sentier-table"><tr><th scope="row">Goal</th><td>{WORD}</td>
            <td class="sentier-number"><span id="figure">1\u00a0234,56\u00a0$</span></td>
            </tr></table></main>"""
        )
        for style in STYLES:
            page.add_style_tag(path=str(ROOT / style))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        figure = page.locator("#figure").bounding_box()
        assert figure is not None
        assert figure["height"] < 40  # one line: a figure is not split
    finally:
        page.close()
