"""The indicators dashboard at scale, in a browser (issue 17, "Performance"): an analyst who
opens it before any figure is computed is told that the figures are being prepared, with no
table; once the background refresh has run (as ``task_worker`` runs it), the same page shows the
figures. In French and in English, axe-clean both times."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]

PREPARING = {
    "fr-ca": "Les chiffres sont en préparation.",
    "en-ca": "The figures are being prepared.",
}


@pytest.fixture
def at_scale(settings: Any, make_user: Callable[..., Any]) -> Any:
    """Reference data, the indicators' demo journeys, an analyst; every scope counts as large
    (no page computes figures: they are computed in the background)."""
    from django.core.management import call_command

    from sentier.accounts.models import Role
    from sentier.insights import demo

    settings.SENTIER_INSIGHTS_INLINE_FILES = 0
    call_command("load_reference", verbosity=0)
    demo.load_demo(scale=0.2)
    return make_user(Role.ANALYST, email="analyst.preparing@sentier.test")


def run_the_queued_refresh() -> None:
    """What ``task_worker`` does with the refresh the page queued."""
    from django_tasks_db.models import DBTaskResult

    from sentier.insights.figures import refresh_figures
    from sentier.insights.models import ComputedFigures

    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_figures")
    assert queued.count() == 1
    row = ComputedFigures.objects.get()
    assert row.computed_at is None
    assert refresh_figures.call(row.key) is not None


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_an_analyst_is_told_the_figures_are_being_prepared_then_sees_them(
    page: Page,
    url: Url,
    login: Callable[..., None],
    at_scale: Any,
    assert_accessible: Callable[..., None],
    language: str,
) -> None:
    login(page, at_scale.email, language=language)
    page.goto(url(f"/{language}/insights/"))
    notice = page.locator("[data-preparing]")
    expect(notice).to_contain_text(PREPARING[language])
    expect(notice.get_by_role("status")).to_have_count(1)
    expect(page.locator("table[data-indicator]")).to_have_count(0)
    assert_accessible(page)

    run_the_queued_refresh()
    page.reload()
    expect(page.locator("[data-preparing]")).to_have_count(0)
    expect(page.locator("table[data-indicator='applications_sent']")).to_be_visible()
    assert_accessible(page)
