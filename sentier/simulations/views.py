"""Simulation pages: try changes, save a simulation, open it again, re-run it, export its YAML.

Thin: the form reads the changes, :mod:`.actions` checks, computes and logs, the templates show
the protected aggregates (a suppressed figure is shown as such, never as a number).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

import sentier_rules
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.simulations import actions, selectors
from sentier.simulations.changes import Change, changeable_parameters, value_words
from sentier.simulations.forms import SaveSimulationForm, SimulationForm
from sentier.simulations.yaml_export import export_diff
from sentier_rules.codes import PROGRAMS, REGIONS

COST_LABELS = {
    "paas_allowance": _("PAAS Action support allowances"),
    "paas_organization_payment": _("PAAS Action payments to organizations"),
}


def _english() -> bool:
    return (get_language() or "").startswith("en")


def _region(code: str) -> str:
    names = REGIONS.get(code)
    return f"{code} {names[1 if _english() else 0]}" if names else code


def present(results: dict[str, Any]) -> dict[str, Any]:
    """The results with names in the reader's language (measures, regions, programs, items)."""
    language = "en" if _english() else "fr"
    measures = []
    for measure in results["measures"]:
        measures.append(
            {
                **measure,
                "name": sentier_rules.MEASURES[measure["measure"]][language],
                "by_region": [
                    {**row, "name": _region(row["region"])} for row in measure["by_region"]
                ],
                "by_program": [
                    {**row, "name": PROGRAMS[row["program"]][1 if language == "en" else 0]}
                    for row in measure["by_program"]
                ],
            }
        )
    costs = [
        {
            **cost,
            "name": COST_LABELS.get(cost["item"], cost["item"]),
            "by_region": [{**row, "name": _region(row["region"])} for row in cost["by_region"]],
        }
        for cost in results["costs"]
    ]
    places = [{**row, "name": _region(row["region"])} for row in results["places"]]
    return {**results, "measures": measures, "costs": costs, "places": places}


def _changes_in_words(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = {str(e["path"]): e for e in changeable_parameters()}
    language = "en" if _english() else "fr"
    out = []
    for data in changes:
        change = Change.from_json(data)
        entry = labels.get(change.path, {})
        fr, en = value_words(change)
        out.append(
            {
                "path": change.path,
                "start": change.start,
                "label": entry.get(f"label_{language}", change.path),
                "value": en if language == "en" else fr,
            }
        )
    return out


def _parameters() -> list[dict[str, Any]]:
    language = "en" if _english() else "fr"
    return [
        {
            "path": entry["path"],
            "label": entry[f"label_{language}"],
            "source": entry[f"reference_{language}"],
            "current": entry["values"][-1][language] if entry["values"] else "",
        }
        for entry in changeable_parameters()
    ]


def _page(
    request: HttpRequest, form: SimulationForm, results: dict[str, Any] | None, status: int = 200
) -> HttpResponse:
    user = request_user(request)
    save_form = None
    if results is not None:
        save_form = SaveSimulationForm(data=None, initial=form.cleaned_data)
    return render(
        request,
        "simulations/home.html",
        {
            "form": form,
            "results": present(results) if results is not None else None,
            "changes": _changes_in_words(results["changes"]) if results else [],
            "save_form": save_form,
            "posted": request.POST if results is not None else None,
            "saved": selectors.list_simulations_for_user(user)[:50],
            "parameters": _parameters(),
            "rules_version": sentier_rules.RULES_VERSION,
        },
        status=status,
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The form, and on a valid POST the results of the simulation (the run is logged)."""
    user = request_user(request)
    if not may(user, "simulations.run_simulation"):
        raise PermissionDenied
    if request.method != "POST":
        return _page(request, SimulationForm(), None)
    form = SimulationForm(data=request.POST)
    if not form.is_valid():
        return _page(request, form, None, status=400)
    results = actions.run_simulation(
        actor=user, changes=form.cleaned_data["changes"], date=form.cleaned_data["date"]
    )
    return _page(request, form, results)


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    """Save a simulation: it is run again and its results are kept as they are now."""
    user = request_user(request)
    if not may(user, "simulations.run_simulation"):
        raise PermissionDenied
    form = SaveSimulationForm(data=request.POST)
    if not form.is_valid():
        return render(
            request,
            "simulations/save.html",
            {"form": form},
            status=400,
        )
    simulation = actions.save_simulation(
        actor=user,
        title=form.cleaned_data["title"],
        changes=form.cleaned_data["changes"],
        date=form.cleaned_data["date"],
    )
    return redirect("simulations:detail", simulation_uuid=simulation.uuid)


def _detail(
    request: HttpRequest, simulation: Any, rerun: actions.Rerun | None = None
) -> HttpResponse:
    return render(
        request,
        "simulations/detail.html",
        {
            "simulation": simulation,
            "results": present(simulation.results),
            "changes": _changes_in_words(simulation.changes),
            "rerun": rerun,
            "rerun_results": present(rerun.results) if rerun is not None else None,
            "yaml": export_diff([Change.from_json(c) for c in simulation.changes]),
            "same_rules": simulation.rules_version == sentier_rules.RULES_VERSION,
            "rules_version": sentier_rules.RULES_VERSION,
        },
    )


@login_required
def detail(request: HttpRequest, simulation_uuid: uuid.UUID) -> HttpResponse:
    """A saved simulation: its changes and frozen results, and the YAML lines of its changes."""
    simulation = selectors.get_simulation_for_user(request_user(request), simulation_uuid)
    return _detail(request, simulation)


@login_required
@require_POST
def rerun(request: HttpRequest, simulation_uuid: uuid.UUID) -> HttpResponse:
    """Run a saved simulation again and say whether anything changed (logged)."""
    user = request_user(request)
    simulation = selectors.get_simulation_for_user(user, simulation_uuid)
    result = actions.rerun_simulation(actor=user, simulation=simulation)
    return _detail(request, simulation, result)


@login_required
def export_yaml(request: HttpRequest, simulation_uuid: uuid.UUID) -> HttpResponse:
    """The YAML lines of the changes, as a patch of sentier_rules/parameters/ to download."""
    simulation = selectors.get_simulation_for_user(request_user(request), simulation_uuid)
    diff = export_diff([Change.from_json(c) for c in simulation.changes])
    response = HttpResponse(diff, content_type="text/x-diff; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="simulation-{simulation.uuid}.patch"'
    return response
