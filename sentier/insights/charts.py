"""Charts of the pilot comparison, rendered on the server as SVG: no JavaScript in the browser.

Built with Altair (a Vega-Lite specification) and turned into SVG by ``vl-convert-python`` in
process (a tenth of a second on an idle machine). The SVG is kept in the cache under what the
chart is drawn from (its rows, labels and language, and this module's own text), so that a page
drawn again builds no specification at all. Each chart:

- is an ``<svg role="img">`` named by its own ``<title>`` and ``<desc>`` (the description says
  in words what the chart shows), sized by its ``viewBox`` so that it narrows to a phone's width;
- tells its series apart by dash and point shape as well as colour (WCAG 2.2, 1.4.1), in colours
  with at least 4.5:1 against white (1.4.3, 1.4.11), its text in near-black;
- has its labels in the page's language (the caller translates them);
- only draws what the disclosure layer let through: a suppressed month is a gap in the line.

The page puts the same figures in a table beside each chart.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sentier.insights.pilots import EventPoint, TrendPoint

#: Near-black text and axis lines; a dark blue and a dark orange for the series (each at least
#: 4.5:1 against white, test_charts); light grey only for the grid, which carries no information.
TEXT = "#1b1b1b"
AXIS = "#4d4d4d"
SERIES = ["#0b4f8a", "#a13f00", "#3c3c3c"]
DASHES = [[1, 0], [6, 3], [2, 2]]
SHAPES = ["circle", "square", "triangle-up"]
WIDTH = 480
HEIGHT = 260
CACHE_SECONDS = 24 * 3600
#: Whether Altair checks each specification against the Vega-Lite schema (jsonschema) before it
#: is drawn. The specifications are made by this module, never from what someone typed: the
#: tests check them (test_charts turns this on), pages do not (the check was three quarters of
#: the time a pilot's page spent on its charts, about 0.1 s a chart at load 10).
VALIDATE_SPECS = False

_CONFIG: dict[str, Any] = {
    "font": "sans-serif",
    "axis": {
        "labelColor": TEXT,
        "titleColor": TEXT,
        "domainColor": AXIS,
        "tickColor": AXIS,
        "gridColor": "#e3e3e3",
        "labelFontSize": 13,
        "titleFontSize": 13,
    },
    "legend": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 13, "orient": "bottom"},
    "view": {"stroke": None},
}


#: The accessibility attributes Vega writes on the marks inside the chart.
INNER_ROLES = re.compile(r'\s(?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"')


#: What else a chart's drawing depends on besides its inputs: this module (colours, sizes, the
#: way each chart is built) and the libraries that draw it. A change of any gives new keys.
_DRAWING = hashlib.sha256(
    Path(__file__).read_bytes() + version("altair").encode() + version("vl-convert-python").encode()
).hexdigest()


def _svg(
    build: Callable[[], alt.TopLevelMixin],
    inputs: Any,
    *,
    title: str,
    description: str,
    ident: str,
) -> SafeString:
    """The chart ``build()`` makes from ``inputs`` (everything it is drawn from, as JSON), as
    accessible inline SVG: ``role="img"``, named by a ``<title>`` and a ``<desc>`` with ids unique
    on the page (``ident``), no fixed size (its viewBox scales)."""
    # Building the specification (Altair) and drawing it (vl-convert) take a few tenths of a
    # second a chart on a busy machine: the same chart (same figures, same language) is drawn
    # once a day.
    drawn = json.dumps([_DRAWING, get_language(), inputs], sort_keys=True, default=str)
    key = "sentier:charts:" + hashlib.sha256(drawn.encode()).hexdigest()
    svg: str | None = cache.get(key)
    if svg is None:
        spec = build().configure(**_CONFIG).to_dict(validate=VALIDATE_SPECS)
        svg = vl_convert.vegalite_to_svg(spec)
        cache.set(key, svg, CACHE_SECONDS)
    opening = re.match(r"<svg\b[^>]*>", svg)
    if opening is None:  # pragma: no cover - vl-convert always writes one svg element
        raise ValueError("vl-convert returned no SVG")
    tag = re.sub(r'\s(?:width|height|class)="[^"]*"', "", opening.group(0))
    tag = tag[:-1] + (
        f' class="chart" role="img" focusable="false" aria-labelledby="{ident}-title {ident}-desc">'
    )
    named = (
        f'<title id="{ident}-title">{html.escape(title)}</title>'
        f'<desc id="{ident}-desc">{html.escape(description)}</desc>'
    )
    # Vega gives its marks roles and labels of their own; inside an image they are noise, and a
    # mark with a role and no name fails axe (svg-img-alt). The figures are in the table beside.
    body = INNER_ROLES.sub("", svg[opening.end() :])
    return mark_safe(tag + named + body)  # noqa: S308 - escaped above; SVG from vl-convert


def _data(values: list[dict[str, Any]]) -> Any:
    return alt.Data(values=values)  # type: ignore[no-untyped-call]


def month_label(month: Any) -> str:
    return date_format(month, "F Y")


def trend_chart(
    points: Sequence[TrendPoint],
    groups: Sequence[str],
    labels: dict[str, str],
    *,
    title: str,
    unit: str,
    start_label: str,
    start_month: Any,
    ident: str,
) -> SafeString:
    """One line per group, month by month, with a rule at the pilot's first month."""
    order = [labels[g] for g in groups]
    rows: list[dict[str, Any]] = [
        {
            "month": p.month.isoformat(),
            "label": month_label(p.month),
            "group": labels[p.group],
            "value": p.value,
        }
        for p in points
    ]
    start = start_month.isoformat()

    def build() -> alt.TopLevelMixin:
        months = sorted({p.month.isoformat() for p in points})
        month_labels = {p.month.isoformat(): month_label(p.month) for p in points}
        axis_labels = json.dumps(month_labels, ensure_ascii=False)
        x = alt.X(
            "month:O",
            title=_("Month"),
            sort=months,
            axis=alt.Axis(labelExpr=f"{axis_labels}[datum.value]", labelAngle=-45),
        )
        encoding_style = {
            "color": alt.Color(
                "group:N", title=None, scale=alt.Scale(domain=order, range=SERIES[: len(order)])
            ),
            "strokeDash": alt.StrokeDash(
                "group:N", title=None, scale=alt.Scale(domain=order, range=DASHES[: len(order)])
            ),
        }
        lines = (
            alt.Chart(_data(rows))
            .mark_line(strokeWidth=2.5)
            .encode(x=x, y=alt.Y("value:Q", title=unit), **encoding_style)
        )
        dots = (
            alt.Chart(_data(rows))
            .mark_point(filled=True, size=45)
            .encode(
                x=x,
                y="value:Q",
                color=encoding_style["color"],
                shape=alt.Shape(
                    "group:N", title=None, scale=alt.Scale(domain=order, range=SHAPES[: len(order)])
                ),
            )
        )
        layers: list[Any] = [lines, dots]
        if start in months:
            rule = alt.Chart(_data([{"month": start, "text": start_label}]))
            layers.append(rule.mark_rule(color=AXIS, strokeDash=[4, 4]).encode(x=x))
            layers.append(
                rule.mark_text(align="left", dx=4, dy=-4, color=TEXT, baseline="top").encode(
                    x=x, y=alt.value(0), text="text:N"
                )
            )
        return alt.layer(*layers).properties(width=WIDTH, height=HEIGHT)

    return _svg(
        build,
        {"rows": rows, "order": order, "unit": unit, "start": start, "start_label": start_label},
        title=title,
        description=describe_trends(points, groups, labels, unit),
        ident=ident,
    )


def describe_trends(
    points: Sequence[TrendPoint], groups: Sequence[str], labels: dict[str, str], unit: str
) -> str:
    """The chart in one or two sentences: each group's first and last month shown."""
    parts = []
    for group in groups:
        shown = [p for p in points if p.group == group and p.value is not None]
        if not shown:
            parts.append(_("%(group)s: no month with enough data.") % {"group": labels[group]})
            continue
        first, last = shown[0], shown[-1]
        parts.append(
            _("%(group)s: %(first)s %(unit)s in %(from)s, %(last)s in %(to)s.")
            % {
                "group": labels[group],
                "first": first.value,
                "unit": unit,
                "from": month_label(first.month),
                "last": last.value,
                "to": month_label(last.month),
            }
        )
    hidden = sum(1 for p in points if p.suppressed)
    if hidden:
        parts.append(_("%(n)s figures are not shown: too few people.") % {"n": hidden})
    return " ".join(parts)


def event_chart(points: Sequence[EventPoint], *, title: str, unit: str, ident: str) -> SafeString:
    """The gap at each month from the start, with its interval, against zero."""
    rows = [
        {"months": p.months, "estimate": p.estimate, "low": p.low, "high": p.high} for p in points
    ]

    def build() -> alt.TopLevelMixin:
        x = alt.X("months:O", title=_("Months from the start (0: first month of the pilot)"))
        base = alt.Chart(_data(rows))
        bars = base.mark_rule(color=SERIES[0], strokeWidth=2).encode(
            x=x, y=alt.Y("low:Q", title=unit), y2="high:Q"
        )
        dots = base.mark_point(filled=True, size=55, color=SERIES[0], shape="circle").encode(
            x=x, y="estimate:Q"
        )
        zero = alt.Chart(_data([{"zero": 0}])).mark_rule(color=AXIS, strokeDash=[4, 4])
        return alt.layer(zero.encode(y="zero:Q"), bars, dots).properties(width=WIDTH, height=HEIGHT)

    return _svg(
        build,
        {"rows": rows, "unit": unit},
        title=title,
        description=describe_events(points, unit),
        ident=ident,
    )


def describe_events(points: Sequence[EventPoint], unit: str) -> str:
    before = [p for p in points if p.months < 0 and (p.low, p.high) != (0.0, 0.0)]
    after = [p for p in points if p.months >= 0]
    crossing = sum(1 for p in before if p.low <= 0 <= p.high)
    text = _(
        "Gap between the pilot regions and the others, %(unit)s, for each month from the "
        "start, against the month before it."
    ) % {"unit": unit}
    if before:
        text += " " + _("Before the start, %(crossing)s of %(months)s intervals include zero.") % {
            "crossing": crossing,
            "months": len(before),
        }
    if after:
        average = sum(p.estimate for p in after) / len(after)
        text += " " + _("Since the start, the gap averages %(average)s.") % {
            "average": round(average, 1)
        }
    return text
