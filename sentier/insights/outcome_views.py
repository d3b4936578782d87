"""Outcomes and money beside the indicators: cohort outcomes at 3, 6 and 12 months, PAAS
Action spending against budget (Québec), and each Ontario site against its targets. The same
people as the dashboard may read them, in the same scope (a coordinator: their region; in
Ontario a local office's supervisor: their site), and every showing is logged."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.accounts.models import User
from sentier.core.replica import replica_reads
from sentier.insights.budget import budget_report, budgets
from sentier.insights.catalogue import catalogue_version
from sentier.insights.cohorts import HORIZONS, cohort_tables, is_not_yet_observable
from sentier.insights.disclosure import THRESHOLD, Cell
from sentier.insights.milestones import Kind, Scope, load_milestones
from sentier.insights.models import DashboardView, ViewChannel
from sentier.insights.report import NotAllowed, default_period, scope_for_user, scope_regions
from sentier.insights.targets import INTAKE, site_results, targets
from sentier.reference.selectors import current_jurisdiction, list_current_regions

COHORT_KINDS = (
    Kind.SUPPORT_PLAN_AGREED,
    Kind.SUPPORT_PLAN_ENDED,
    Kind.PAAS_STARTED,
    Kind.PAAS_ENDED,
)


@dataclass(frozen=True)
class Shown:
    text: str
    suppressed: bool = False
    pending: bool = False


def _rate(cell: Cell) -> Shown:
    if is_not_yet_observable(cell):
        return Shown(_("not yet observable"), pending=True)
    if cell.suppressed or cell.value is None:
        return Shown(_("suppressed"), suppressed=True)
    return Shown(f"{number_format(float(cell.value) * 100, decimal_pos=1)} %")


def _size(cell: Cell) -> Shown:
    if cell.suppressed or cell.value is None:
        return Shown(_("suppressed"), suppressed=True)
    return Shown(number_format(cell.value, force_grouping=True))


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Fiscal year"), coerce=int, required=False)

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(year, f"{year}–{year + 1}") for year in years]


def _scope(request: HttpRequest) -> tuple[User, Scope]:
    user = request.user
    try:
        scope = scope_for_user(user)
    except NotAllowed:
        raise PermissionDenied from None
    assert isinstance(user, User)
    return user, scope


def _log(request: HttpRequest, user: User, scope: Scope, what: str) -> None:
    period = default_period()
    DashboardView.objects.create(
        user=user,
        channel=ViewChannel.PAGE,
        path=request.get_full_path()[:300],
        regions=",".join(sorted(scope.regions or ()))[:200],
        period_start=period.start,
        period_end=period.end,
        indicator=what,
        catalogue_version=catalogue_version(),
    )


def _share(numerator: int | None, denominator: int) -> str:
    if numerator is None or denominator <= 0:
        return ""
    return f"{number_format(numerator * 100 / denominator, decimal_pos=1)} %"


@login_required
def outcomes(request: HttpRequest) -> HttpResponse:
    """Cohort outcomes, and in Québec the PAAS Action spending against its budget."""
    user, scope = _scope(request)
    today = timezone.localdate()
    regions = scope_regions(scope)
    names = {region.code: region.name for region in list_current_regions()}
    quebec = current_jurisdiction() == "QC"
    years = sorted(budgets().monthly_cents) if quebec else []
    current_year = budgets().year_of(today)
    form = YearForm(request.GET or None, years=years)
    year = current_year if current_year in years else (years[-1] if years else current_year)
    if form.is_bound and form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    with replica_reads():
        milestones = load_milestones(scope, kinds=COHORT_KINDS)
        cohorts = [
            {
                "measure": table.measure,
                "rows": [
                    (row.month, _size(row.size), [_rate(cell) for cell in row.cells])
                    for row in table.rows
                ],
            }
            for table in cohort_tables(milestones, default_period(), today)
            if quebec
        ]
        money = budget_report(year, regions, today) if quebec else None
    _log(request, user, scope, "outcomes")
    context = {
        "cohorts": cohorts,
        "horizons": HORIZONS,
        "threshold": THRESHOLD,
        "money": money,
        "form": form,
        "year_label": f"{year}–{year + 1}",
        "region_lines": [
            (f"{line.key} {names.get(line.key, '')}".strip(), line, _share_line(line))
            for line in (money.regions if money else [])
        ],
        "month_lines": [(line, _share_line(line)) for line in (money.by_month if money else [])],
        "total_share": _share_line(money.total) if money else ("", ""),
        "region_name": user.region.name if scope.regions is not None and user.region else "",
    }
    return render(request, "insights/outcomes.html", context)


def _share_line(line: object) -> tuple[str, str]:
    """The share of the budget used, and the projected year-end's share of it."""
    spent = getattr(line, "spent_cents", None)
    budget = int(getattr(line, "budget_cents", 0))
    projected = getattr(line, "projected_cents", None)
    return _share(spent, budget), _share(projected, budget)


def _percent(value: float) -> str:
    return f"{number_format(value * 100, decimal_pos=1)} %"


VERDICTS = {
    "above": gettext_lazy("At or above the target"),
    "below": gettext_lazy("Below the target"),
    "unclear": gettext_lazy("Cannot be told apart from the target"),
    "": gettext_lazy("No comparison"),
}

MEASURE_LABELS = {
    "ow_decided_within_standard": gettext_lazy(
        "Ontario Works applications decided within %(days)s days"
    ),
    "common_assessments_within_standard": gettext_lazy(
        "Common assessments done within %(days)s days"
    ),
}


@login_required
def site_targets(request: HttpRequest) -> HttpResponse:
    """Ontario: each site's actuals against its targets for a period (its own only, for a local
    office's supervisor), in the sites' own order: not a league table."""
    if current_jurisdiction() != "ON":
        raise Http404
    user, scope = _scope(request)
    today = timezone.localdate()
    plan = targets()
    periods = list(plan.periods)
    default = plan.period_of(today) or periods[-1]
    choices = [(p.start.isoformat(), f"{p.start.year}") for p in periods]
    form = PeriodForm(request.GET or None, choices=choices)
    period = default
    if form.is_bound and form.is_valid() and form.cleaned_data["period"]:
        period = next(p for p in periods if p.start.isoformat() == form.cleaned_data["period"])
    names = {region.code: region.name for region in list_current_regions()}
    with replica_reads():
        results = site_results(
            period,
            today,
            sites=scope_regions(scope),
            with_intake=scope.regions is None,
        )
    _log(request, user, scope, "site_targets")
    rows = []
    for result in results:
        label = MEASURE_LABELS[result.measure] % {"days": result.standard_days}
        site = _("Ontario Works intake unit") if result.site == INTAKE else names.get(result.site)
        rows.append(
            {
                "site": site or result.site,
                "measure": label,
                "actual": _rate(result.rate),
                "interval": (
                    f"{_percent(result.interval[0])} – {_percent(result.interval[1])}"
                    if result.interval
                    else ""
                ),
                "target": _percent(result.target) if result.target is not None else "",
                "verdict": VERDICTS[result.verdict],
                "code": result.verdict,
            }
        )
    context = {
        "rows": rows,
        "period": period,
        "form": form,
        "threshold": THRESHOLD,
        "region_name": user.region.name if scope.regions is not None and user.region else "",
    }
    return render(request, "insights/site_targets.html", context)


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Target period"), required=False)

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["period"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
