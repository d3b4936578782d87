"""The pilot charts: accessible SVG rendered on the server, in the page's language."""

from __future__ import annotations

import datetime as dt
import re

import altair as alt
import pytest
from django.utils import translation

from sentier.insights import charts
from sentier.insights.charts import SERIES, TEXT, event_chart, trend_chart
from sentier.insights.pilots import EventPoint, TrendPoint

MONTHS = [dt.date(2026, m, 1) for m in range(1, 7)]
LABELS = {"pilot": "Pilot regions", "others": "Other regions"}


@pytest.fixture(autouse=True)
def _validated_specifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every chart these tests draw is checked against the Vega-Lite schema first (pages skip
    the check: ``charts.VALIDATE_SPECS``)."""
    monkeypatch.setattr(charts, "VALIDATE_SPECS", True)


def test_a_specification_outside_the_schema_is_refused() -> None:
    wrong = alt.Chart(alt.Data(values=[])).mark_line().encode(x="month:O")  # type: ignore[no-untyped-call]
    wrong.mark = "zigzag"  # not a Vega-Lite mark

    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        charts._svg(lambda: wrong, {"wrong": 1}, title="t", description="d", ident="wrong")


def test_the_same_chart_is_built_once_and_again_in_another_language_or_with_other_figures() -> None:
    built: list[str] = []

    def build() -> alt.TopLevelMixin:
        built.append(translation.get_language())
        chart: alt.TopLevelMixin = alt.Chart(alt.Data(values=[{"v": 1}])).mark_point()  # type: ignore[no-untyped-call]
        return chart

    def draw(inputs: object) -> str:
        return str(charts._svg(build, inputs, title="t", description="d", ident="c"))

    with translation.override("fr"):
        first = draw({"rows": [1]})
        again = draw({"rows": [1]})
    with translation.override("en"):
        draw({"rows": [1]})
        draw({"rows": [2]})

    assert again == first
    assert built == ["fr", "en", "en"]


def _points() -> list[TrendPoint]:
    points = []
    for i, month in enumerate(MONTHS):
        points.append(TrendPoint(month, "pilot", 20.0 + i, False))
        hidden = month == dt.date(2026, 2, 1)
        points.append(TrendPoint(month, "others", None if hidden else 15.0, hidden))
    return points


def _trend(ident: str = "trend") -> str:
    return str(
        trend_chart(
            _points(),
            ["pilot", "others"],
            LABELS,
            title="Support plans started",
            unit="per 1,000 applications",
            start_label="Start",
            start_month=dt.date(2026, 4, 1),
            ident=ident,
        )
    )


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_trend_chart_is_an_image_named_by_its_title_and_description() -> None:
    with translation.override("en"):
        svg = _trend("t1")
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None
    assert 'role="img"' in opening.group(0)
    assert 'aria-labelledby="t1-title t1-desc"' in opening.group(0)
    assert " width=" not in opening.group(0)  # scales to the page by its viewBox
    assert '<title id="t1-title">Support plans started</title>' in svg
    description = re.search(r'<desc id="t1-desc">([^<]*)</desc>', svg)
    assert description is not None
    assert "Pilot regions: 20.0 per 1,000 applications in January 2026, 25.0 in June 2026." in (
        description.group(1)
    )
    assert "1 figures are not shown" in description.group(1)
    assert "<script" not in svg
    # Only the image itself has a role: none of Vega's marks inside it (axe svg-img-alt).
    inside = svg[opening.end() :]
    assert re.search(r"\s(role|aria-roledescription|aria-label)=", inside) is None


def test_series_are_told_apart_by_more_than_colour_and_contrast_with_white() -> None:
    svg = _trend()
    assert 'stroke-dasharray="6,3"' in svg  # the second series is dashed
    for colour in [*SERIES, TEXT]:
        contrast = 1.05 / (_relative_luminance(colour) + 0.05)
        assert contrast >= 4.5, colour


def test_chart_labels_follow_the_language() -> None:
    with translation.override("fr"):
        svg = _trend()
    assert "Mois" in svg
    assert "janvier 2026" in svg


def test_event_chart_describes_the_pre_trends() -> None:
    points = [
        EventPoint(-3, 1.0, -4.0, 6.0),
        EventPoint(-2, -0.5, -5.0, 4.0),
        EventPoint(-1, 0.0, 0.0, 0.0),
        EventPoint(0, 30.0, 20.0, 40.0),
        EventPoint(1, 34.0, 22.0, 46.0),
    ]
    with translation.override("en"):
        svg = str(event_chart(points, title="Event study", unit="per 1,000", ident="e1"))
    assert '<title id="e1-title">Event study</title>' in svg
    assert "Before the start, 2 of 2 intervals include zero." in svg
    assert "Since the start, the gap averages 32.0." in svg
