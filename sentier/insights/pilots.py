"""Pilot comparison: what a pilot of the registry (``sentier_rules.pilots``) changed, month by
month, region by region.

From the data, one **monthly region panel** per pilot and outcome (:func:`build_panel`): for each
region (Ontario: site) and local month, an event count (the numerator: support plans started,
referrals sent, Employment Ontario referrals) and what it is counted against (the denominator:
applications sent, grants). Each figure shown comes out of it:

- **trends** (:func:`trends`): the rate of the pilot regions and of the other regions (or of one
  coordinator's region against all the others), month by month, each through the
  disclosure layer (``protect_rate``): a month whose denominator is small shows no number;
- an **event study** (:func:`event_study`): the gap between pilot and other regions for each month
  before and after the start, relative to the month before it; flat before the start is what
  makes the comparison believable (pre-trends);
- a **difference-in-differences estimate** (:func:`estimate_effect`): two-way fixed effects fitted
  by ``statsmodels``, with an interval from the **wild cluster bootstrap** of ``wildboottest``
  (null imposed, Webb weights, clustered by region), inverted over the effect it tests: five
  treated regions make conventional clustered errors too narrow (MacKinnon and Webb 2017); the
  **minimum detectable effect** at 80 % power; or **not enough data**, with the reason, instead
  of a number.

Ontario's fast track started in all 47 sites on the same day: no region stays untreated, so the
design is **before and after by intake cohort** (the month of the grant), within each site, and
the page says that such an estimate also carries whatever else changed then.

Region-months whose denominator is under the disclosure threshold are left out of the models:
their rates are not shown anywhere, and the estimate is built only from cells that could be.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sentier.insights.disclosure import THRESHOLD, protect_rate
from sentier.insights.hooks import register_pilot_estimates
from sentier.intake.models import Application
from sentier.ontario.models import OWApplication
from sentier.plans.models import SupportPlan
from sentier.reference.models import Region
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral
from sentier_rules.pilots import Design, Pilot, get_pilot, list_pilots

if TYPE_CHECKING:
    import pandas as pd

#: Bootstrap draws for each test of the interval's inversion, and the seed that makes a figure
#: the same at each run (a frozen report re-run gives it again).
DRAWS = 999
SEED = 20260401
#: The interval's level, and the power the minimum detectable effect is stated at.
ALPHA = 0.05
POWER = 0.80
#: The fewest months before and after the start, and of regions on each side, for an estimate.
MIN_MONTHS_BEFORE = 3
MIN_MONTHS_AFTER = 2
MIN_REGIONS = 2
#: The event study shows up to this many months on each side of the start (further ones are
#: pooled into the first and last month shown).
EVENT_WINDOW = 6
#: How long a computed estimate is kept (it is keyed by a hash of its inputs, so any new data
#: gives a new key: this only bounds the cache's size).
CACHE_SECONDS = 24 * 3600

#: Rates are shown per this many events of the denominator.
PER = 1000


@dataclass(frozen=True)
class Outcome:
    id: str
    label: Any  # a lazy translation
    unit: Any


OUTCOMES: dict[str, Outcome] = {
    "support_plans_per_1000_applications": Outcome(
        "support_plans_per_1000_applications",
        _("Support plans started per 1,000 applications sent"),
        _("per 1,000 applications"),
    ),
    "referrals_per_1000_applications": Outcome(
        "referrals_per_1000_applications",
        _("Referrals sent per 1,000 applications sent"),
        _("per 1,000 applications"),
    ),
    "eo_referrals_per_1000_grants": Outcome(
        "eo_referrals_per_1000_grants",
        _("Employment Ontario referrals per 1,000 Ontario Works grants"),
        _("per 1,000 grants"),
    ),
}


@dataclass(frozen=True)
class PanelRow:
    """One region (or site) in one local month: ``numerator`` events against ``denominator``."""

    region: str
    month: dt.date
    numerator: int
    denominator: int


@dataclass(frozen=True)
class TrendPoint:
    """A month of one group's rate (per 1,000), ``None`` when the disclosure layer held it back."""

    month: dt.date
    group: str
    value: float | None
    suppressed: bool


@dataclass(frozen=True)
class EventPoint:
    """The pilot-minus-others gap ``months`` from the start, against the month before it."""

    months: int
    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class Estimate:
    """The effect of a pilot on one outcome, or why there is none (``enough_data`` false)."""

    pilot: str
    outcome: str
    design: str
    method: str
    enough_data: bool
    reason: str = ""
    value: float | None = None
    interval: tuple[float, float] | None = None
    p_value: float | None = None
    mde: float | None = None
    regions_treated: int = 0
    regions_compared: int = 0
    months_before: int = 0
    months_after: int = 0
    inputs: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["interval"] = list(self.interval) if self.interval is not None else None
        return data


@dataclass
class Comparison:
    """Everything the pilot page and a frozen report show for one pilot and outcome."""

    pilot: Pilot
    outcome: Outcome
    trends: list[TrendPoint]
    groups: list[str]
    events: list[EventPoint]
    estimate: Estimate
    focus: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def first_month_after(pilot: Pilot) -> dt.date:
    """The first whole month under the pilot. A pilot starting mid-month (the fast track, on
    2025-11-10) leaves that month out of both sides: its cohort is part before, part after."""
    start = month_of(pilot.start)
    if pilot.start.day == 1:
        return start
    return (start + dt.timedelta(days=32)).replace(day=1)


def _side(pilot: Pilot, month: dt.date) -> str | None:
    """``"before"``, ``"after"``, or ``None`` for the month the pilot started in mid-month."""
    if month < month_of(pilot.start):
        return "before"
    if month >= first_month_after(pilot):
        return "after"
    return None


# --- The panel, from the data --------------------------------------------------------------------


def _local_month(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date().replace(day=1)
    return value.replace(day=1)


def _count_by(
    queryset: QuerySet[Any], region: str, moment: str, until: dt.date, codes: Mapping[int, str]
) -> dict[tuple[str, dt.date], int]:
    """The rows by region code (``codes`` of the ids under ``region``) and local month, up to
    ``until``'s month; only the rows of those regions."""
    rows = (
        queryset.filter(**{f"{region}__in": sorted(codes)})
        .annotate(month=TruncMonth(moment))
        .order_by()
        .values_list(region, "month")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple[str, dt.date], int] = defaultdict(int)
    for region_id, month, n in rows:
        local = _local_month(month)
        if local <= until:
            counts[(codes[region_id], local)] += n
    return counts


def _region_codes(jurisdiction: str) -> dict[int, str]:
    """The jurisdiction's regions, code by id. The panel filters and groups by the id: joined
    for its jurisdiction, the regions' table (never analyzed by PostgreSQL by itself: too few
    rows change) is estimated at one row, and the counts become nested loops over the million
    participants."""
    rows = Region.objects.filter(jurisdiction=jurisdiction).order_by().values_list("id", "code")
    return {pk: str(code) for pk, code in rows}


def build_panel(pilot: Pilot, outcome: str, *, until: dt.date | None = None) -> list[PanelRow]:
    """The monthly region panel of ``outcome`` for ``pilot``, up to the local month of ``until``
    (today by default): one row per region and month with a denominator, in order."""
    until_month = month_of(until or timezone.localdate())
    codes = _region_codes(pilot.jurisdiction)
    numerators: dict[tuple[str, dt.date], int]
    if outcome in ("support_plans_per_1000_applications", "referrals_per_1000_applications"):
        applications = Application.objects.filter(submitted_at__isnull=False)
        denominators = _count_by(
            applications, "participant__region_id", "submitted_at", until_month, codes
        )
        if outcome == "support_plans_per_1000_applications":
            plans = SupportPlan.objects.filter(started_on__isnull=False)
            numerators = _count_by(
                plans, "participant__region_id", "started_on", until_month, codes
            )
        else:
            referrals = Referral.objects.filter(sent_at__isnull=False)
            numerators = _count_by(
                referrals, "participant__region_id", "sent_at", until_month, codes
            )
    elif outcome == "eo_referrals_per_1000_grants":
        grants = OWApplication.objects.filter(granted_at__isnull=False)
        denominators = _count_by(grants, "region_id", "granted_at", until_month, codes)
        numerators = _count_by(
            grants.filter(~Q(referral=None)), "region_id", "granted_at", until_month, codes
        )
    else:
        raise KeyError(outcome)
    return [
        PanelRow(region, month, numerators.get((region, month), 0), denominator)
        for (region, month), denominator in sorted(denominators.items())
    ]


def panel_hash(rows: Sequence[PanelRow]) -> str:
    """A SHA-256 of the panel: the same inputs give the same hash on any machine."""
    ordered = sorted(rows, key=lambda row: (row.region, row.month))
    payload = json.dumps(
        [[r.region, r.month.isoformat(), r.numerator, r.denominator] for r in ordered],
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


# --- Trends, through the disclosure layer ---------------------------------------------------------

PILOT_GROUP = "pilot"
OTHERS_GROUP = "others"
ALL_GROUP = "all"


def trends(
    pilot: Pilot,
    rows: Sequence[PanelRow],
    *,
    focus: str = "",
    threshold: int = THRESHOLD,
) -> tuple[list[TrendPoint], list[str]]:
    """Each month's rate per 1,000 for each group, and the groups in the order shown.

    Groups: the pilot regions and the others (a difference-in-differences pilot), every site
    (a pilot that started everywhere), or ``focus`` (a coordinator's region code) against all
    the other regions together. Each rate passes :func:`protect_rate`."""
    if focus:
        groups = [focus, OTHERS_GROUP]

        def group_of(region: str) -> str:
            return focus if region == focus else OTHERS_GROUP

    elif pilot.everywhere:
        groups = [ALL_GROUP]

        def group_of(region: str) -> str:
            return ALL_GROUP

    else:
        groups = [PILOT_GROUP, OTHERS_GROUP]

        def group_of(region: str) -> str:
            return PILOT_GROUP if pilot.treats(region) else OTHERS_GROUP

    sums: dict[tuple[dt.date, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        total = sums[(row.month, group_of(row.region))]
        total[0] += row.numerator
        total[1] += row.denominator
    months = sorted({month for month, _group in sums})
    points = []
    for month in months:
        for group in groups:
            numerator, denominator = sums.get((month, group), [0, 0])
            cell = protect_rate(numerator, denominator, threshold=threshold)
            value = None if cell.suppressed else round(PER * numerator / denominator, 1)
            points.append(TrendPoint(month, group, value, cell.suppressed))
    return points, groups


# --- Models ---------------------------------------------------------------------------------------


def _usable(rows: Iterable[PanelRow], threshold: int) -> list[PanelRow]:
    """The rows a model may use, in one order whatever the order given (the bootstrap's weights
    are drawn cluster by cluster: the same panel must meet them in the same order)."""
    return sorted(
        (row for row in rows if row.denominator >= threshold),
        key=lambda row: (row.region, row.month),
    )


def _frame(pilot: Pilot, rows: Sequence[PanelRow]) -> pd.DataFrame:
    # Lazy, like every import of the statistics stack here: pandas, statsmodels and numba take
    # seconds to import, and the app loads this module at start-up (its pilot hook); only a
    # model needs them.
    import pandas as pd

    frame = pd.DataFrame(
        {
            "region": [r.region for r in rows],
            "month": [r.month.isoformat() for r in rows],
            "y": [PER * r.numerator / r.denominator for r in rows],
            "treated": [pilot.treats(r.region) for r in rows],
            "side": [_side(pilot, r.month) for r in rows],
            "months": [_months_between(first_month_after(pilot), r.month) for r in rows],
        }
    )
    return frame[frame["side"].notna()].reset_index(drop=True)


def _months_between(start: dt.date, month: dt.date) -> int:
    return (month.year - start.year) * 12 + month.month - start.month


def _dummies(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    import pandas as pd  # lazy: see _frame

    return pd.get_dummies(frame[column], prefix=column, drop_first=True, dtype=float)


def _design(pilot: Pilot, frame: pd.DataFrame) -> pd.DataFrame:
    """Regressors: the effect's indicator first, then fixed effects of region (and of month,
    when there is a comparison group: with none, months are what the effect is measured on)."""
    import pandas as pd  # lazy: see _frame
    import statsmodels.api as sm

    after = (frame["side"] == "after").astype(float)
    effect = after if pilot.everywhere else after * frame["treated"].astype(float)
    parts = [pd.DataFrame({"effect": effect}), _dummies(frame, "region")]
    if not pilot.everywhere:
        parts.append(_dummies(frame, "month"))
    design = pd.concat(parts, axis=1)
    return sm.add_constant(design, has_constant="add")


def _not_enough(pilot: Pilot, outcome: str, reason: str, **counts: int) -> Estimate:
    return Estimate(
        pilot=pilot.id,
        outcome=outcome,
        design=str(pilot.design),
        method=method_of(pilot),
        enough_data=False,
        reason=reason,
        **counts,  # type: ignore[arg-type]
    )


def method_of(pilot: Pilot) -> str:
    if pilot.design is Design.BEFORE_AFTER_COHORTS:
        return (
            "before/after by intake cohort, site fixed effects, "
            "wild cluster bootstrap (WCR, Webb weights) by site"
        )
    return (
        "difference in differences, region and month fixed effects, "
        "wild cluster bootstrap (WCR, Webb weights) by region"
    )


@contextlib.contextmanager
def _interpreted() -> Iterator[None]:
    """Run ``wildboottest``'s inner loop as plain Python. The library decorates it with numba's
    ``@njit`` inside the method, so every call compiles it anew: on panels of a few hundred rows
    that compilation (about a second, more on a busy machine) costs far more than the loop
    itself (a tenth of a second). The figures are the same either way (test_pilots_estimate)."""
    import numba  # lazy: see _frame

    config: Any = numba.config
    previous = config.DISABLE_JIT
    config.DISABLE_JIT = True
    try:
        yield
    finally:
        config.DISABLE_JIT = previous


def _wild_p_value(
    y: pd.Series, design: pd.DataFrame, clusters: Any, *, seed: int, draws: int
) -> float:
    """The wild cluster bootstrap p-value of "the effect is 0" (``wildboottest``: null imposed,
    Webb's six-point weights, which suit few clusters)."""
    import statsmodels.api as sm  # lazy: see _frame
    from wildboottest.wildboottest import wildboottest

    with warnings.catch_warnings(), _interpreted():
        warnings.simplefilter("ignore")
        result = wildboottest(
            sm.OLS(y, design),
            B=draws,
            cluster=clusters,
            param="effect",
            weights_type="webb",
            impose_null=True,
            bootstrap_type="11",
            seed=seed,
            parallel=False,
            show=False,
        )
    return float(result["p-value"].iloc[0])


def _invert(
    p_value_at: Callable[[float], float], centre: float, step: float, direction: int
) -> float | None:
    """The bound of the interval on one side: where the p-value of "the effect is b" falls
    under ALPHA, found by bisection between ``centre`` and a point far enough out. ``None``
    when even 64 steps out is not rejected: the data cannot bound the effect."""
    inside, outside = centre, centre + direction * step
    doublings = 0
    while p_value_at(outside) > ALPHA:
        doublings += 1
        if doublings > 6:
            return None
        inside, outside = outside, centre + direction * step * 2**doublings
    for _bisection in range(7):
        middle = (inside + outside) / 2
        if p_value_at(middle) > ALPHA:
            inside = middle
        else:
            outside = middle
    return (inside + outside) / 2


def estimate_effect(
    pilot: Pilot,
    outcome: str,
    rows: Sequence[PanelRow],
    *,
    threshold: int = THRESHOLD,
    seed: int = SEED,
    draws: int | None = None,
) -> Estimate:
    """The pilot's effect on ``outcome`` (per 1,000), its 95 % wild-cluster-bootstrap interval,
    its p-value and minimum detectable effect; or, when the panel cannot support one, an
    estimate with ``enough_data`` false and the reason. Deterministic for a given ``seed``."""
    import pandas as pd  # lazy: see _frame
    import statsmodels.api as sm

    draws = DRAWS if draws is None else draws
    usable = _usable(rows, threshold)
    frame = _frame(pilot, usable)
    treated_regions = set(frame.loc[frame["treated"] & (frame["side"] == "after"), "region"])
    compared = set(frame.loc[~frame["treated"], "region"])
    counts = {
        "regions_treated": len(treated_regions),
        "regions_compared": len(compared),
        "months_before": frame.loc[frame["side"] == "before", "month"].nunique(),
        "months_after": frame.loc[frame["side"] == "after", "month"].nunique(),
    }
    if counts["months_before"] < MIN_MONTHS_BEFORE:
        return _not_enough(pilot, outcome, "months_before", **counts)
    if counts["months_after"] < MIN_MONTHS_AFTER:
        return _not_enough(pilot, outcome, "months_after", **counts)
    if len(treated_regions) < MIN_REGIONS or (not pilot.everywhere and len(compared) < MIN_REGIONS):
        return _not_enough(pilot, outcome, "regions", **counts)
    design = _design(pilot, frame)
    y = frame["y"].astype(float)
    # Numbered clusters: the bootstrap's compiled code takes numbers, not region codes.
    clusters = pd.factorize(frame["region"])[0]
    fit = sm.OLS(y, design).fit(cov_type="cluster", cov_kwds={"groups": frame["region"]})
    value = float(fit.params["effect"])
    if not math.isfinite(value) or design.shape[0] <= design.shape[1]:
        return _not_enough(pilot, outcome, "model", **counts)
    effect = design["effect"]

    def p_value_at(b: float) -> float:
        return _wild_p_value(y - b * effect, design, clusters, seed=seed, draws=draws)

    step = 4 * max(float(fit.bse["effect"]), 1e-6 + abs(value) * 0.01)
    low = _invert(p_value_at, value, step, -1)
    high = _invert(p_value_at, value, step, +1)
    if low is None or high is None:
        return _not_enough(pilot, outcome, "unbounded", **counts)
    # The MDE at 80 % power and a 5 % two-sided test: (z_0.975 + z_0.80) standard errors (Bloom
    # 1995), the standard error read off the bootstrap interval's half-width.
    standard_error = (high - low) / (2 * 1.959964)
    return Estimate(
        pilot=pilot.id,
        outcome=outcome,
        design=str(pilot.design),
        method=method_of(pilot),
        enough_data=True,
        value=round(value, 2),
        interval=(round(low, 2), round(high, 2)),
        p_value=round(p_value_at(0.0), 3),
        mde=round((1.959964 + 0.841621) * standard_error, 2),
        inputs=panel_hash(rows),
        **counts,
    )


def event_study(
    pilot: Pilot, rows: Sequence[PanelRow], *, threshold: int = THRESHOLD
) -> list[EventPoint]:
    """The gap for each month from the start (−6 … +6; the month before the start is the
    reference, 0), with 95 % intervals from errors clustered by region: a picture of the
    pre-trends, not the estimate (that one has the bootstrap interval). Empty when the panel
    is too thin."""
    import pandas as pd  # lazy: see _frame
    import statsmodels.api as sm

    frame = _frame(pilot, _usable(rows, threshold))
    if frame.empty or frame["region"].nunique() < MIN_REGIONS:
        return []
    window = frame["months"].clip(-EVENT_WINDOW, EVENT_WINDOW - 1)
    if not pilot.everywhere:
        window = window.where(frame["treated"])
    # The month just before the start (-1, or -2 when the start month is left out) is the base.
    base = -1 if month_of(pilot.start) == first_month_after(pilot) else -2
    columns = {}
    for k in sorted(window.dropna().unique()):
        if int(k) == base:
            continue
        columns[f"k{int(k)}"] = (window == k).astype(float)
    if not columns:
        return []
    parts = [pd.DataFrame(columns), _dummies(frame, "region")]
    if not pilot.everywhere:
        parts.append(_dummies(frame, "month"))
    design = sm.add_constant(pd.concat(parts, axis=1), has_constant="add")
    if design.shape[0] <= design.shape[1]:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = sm.OLS(frame["y"].astype(float), design).fit(
            cov_type="cluster", cov_kwds={"groups": frame["region"]}
        )
    intervals = fit.conf_int(alpha=ALPHA)
    points = [EventPoint(base, 0.0, 0.0, 0.0)]
    for name in columns:
        estimate = float(fit.params[name])
        low, high = (float(v) for v in intervals.loc[name])
        if not all(math.isfinite(v) for v in (estimate, low, high)):
            continue
        points.append(EventPoint(int(name[1:]), round(estimate, 2), round(low, 2), round(high, 2)))
    return sorted(points, key=lambda point: point.months)


# --- Putting it together --------------------------------------------------------------------------


def cached_estimate(
    pilot: Pilot, outcome: str, rows: Sequence[PanelRow], *, threshold: int = THRESHOLD
) -> Estimate:
    """:func:`estimate_effect`, kept in the cache under a hash of its inputs (a bootstrap
    inversion takes a few seconds; the same panel always gives the same estimate)."""
    key = ":".join(
        ("sentier:pilots:estimate", pilot.id, outcome, str(threshold), str(SEED), str(DRAWS))
    )
    key = f"{key}:{panel_hash(rows)}"
    found: Estimate | None = cache.get(key)
    if found is None:
        found = estimate_effect(pilot, outcome, rows, threshold=threshold)
        cache.set(key, found, CACHE_SECONDS)
    return found


def compare(
    pilot: Pilot,
    outcome: str,
    *,
    focus: str = "",
    until: dt.date | None = None,
    threshold: int = THRESHOLD,
) -> Comparison:
    """The trends, event study and estimate of ``pilot`` on ``outcome`` from the data, up to
    ``until`` (by default the last day of the last whole month: a month under way would show
    a part as if it were the whole, and would change the estimate at every new event)."""
    if until is None:
        until = month_of(timezone.localdate()) - dt.timedelta(days=1)
    rows = build_panel(pilot, outcome, until=until)
    points, groups = trends(pilot, rows, focus=focus, threshold=threshold)
    return Comparison(
        pilot=pilot,
        outcome=OUTCOMES[outcome],
        trends=points,
        groups=groups,
        events=event_study(pilot, rows, threshold=threshold),
        estimate=cached_estimate(pilot, outcome, rows, threshold=threshold),
        focus=focus,
        extra={"inputs": panel_hash(rows), "until": until},
    )


def pilots_here(jurisdiction: str) -> list[Pilot]:
    """The registry's pilots of one jurisdiction (``"QC"``, ``"ON"``)."""
    return [pilot for pilot in list_pilots() if pilot.jurisdiction == jurisdiction]


def find_pilot(pilot_id: str) -> Pilot | None:
    try:
        return get_pilot(pilot_id)
    except KeyError:
        return None


#: Why there is no estimate, in words (``Estimate.reason``).
REASONS = {
    "months_before": _("Fewer than 3 months of data before the start."),
    "months_after": _("Fewer than 2 months of data since the start."),
    "regions": _("Too few regions with enough data on each side."),
    "model": _("The data cannot separate the pilot from the months and regions."),
    "unbounded": _("The data are too few or too variable to bound the effect."),
}

GROUP_LABELS = {
    PILOT_GROUP: pgettext_lazy("pilot comparison", "Pilot regions"),
    OTHERS_GROUP: pgettext_lazy("pilot comparison", "Other regions"),
    ALL_GROUP: pgettext_lazy("pilot comparison", "All sites"),
}


def _pilot_estimates(period: Any, scope: Any) -> list[dict[str, Any]]:
    """The command line's and dashboard's pilot list (``sentier.insights.hooks``): each pilot of
    this jurisdiction, on its first outcome, up to the end of the period (whole months only).
    The estimate pools every region, whatever the scope: it names no region's own figure."""
    end = min(period.end, month_of(timezone.localdate()) - dt.timedelta(days=1))
    found = []
    for pilot in pilots_here(current_jurisdiction()):
        outcome = pilot.outcomes[0]
        estimate = cached_estimate(pilot, outcome, build_panel(pilot, outcome, until=end))
        found.append(
            {
                "id": pilot.id,
                "measure": pilot.measure,
                "treated": list(pilot.treated),
                "start": pilot.start.isoformat(),
                "indicator": outcome,
                "estimate": estimate.value,
                "interval": list(estimate.interval) if estimate.interval else None,
                "method": estimate.method,
                "enough_data": estimate.enough_data,
            }
        )
    return found


register_pilot_estimates(_pilot_estimates)
