"""Running the rules: checked requests and input columns in, outcomes and reasons out.

One OpenFisca simulation is built per group of requests sharing a measure, a date and an
initiator, from vector inputs (``SimulationBuilder`` + ``set_input``), never from situation
dictionaries: this keeps a million persons a matter of a few numpy passes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.simulations import SimulationBuilder

from sentier_rules import reasons
from sentier_rules.codes import (
    CHANNEL_CODES,
    CHANNELS,
    INITIATORS,
    JURISDICTION_CODES,
    MEASURE_CODES,
    NO_ASSISTANCE_PROGRAMS,
    PROGRAM_CODES,
    PROGRAMS,
    REGION_CODES,
    REGIONS,
)
from sentier_rules.columns import batch_inputs, column_length, flag
from sentier_rules.requests import (
    Request,
    RequestError,
    hours_over_limit,
    parse_date,
    parse_request,
)
from sentier_rules.system import tax_benefit_system
from sentier_rules.variables.common import Channel, Initiator, Jurisdiction, Program, Region
from sentier_rules.variables.paas_action import to_cents
from sentier_rules.version import rules_version


@dataclass(frozen=True)
class Check:
    """One condition of a measure: the variable that holds it and the reason codes it gives."""

    variable: str
    fail: str
    ok: str | None = None
    #: The service-plan initiator condition words its reasons by initiator and date.
    by_initiator: bool = False


#: The conditions of each measure, in the order reasons are given. The first failing condition
#: is the main reason (the batch's ``reason_codes``).
CHECKS: Final[dict[str, tuple[Check, ...]]] = {
    "support_plan": (
        Check("support_plan_in_force", "not_in_force"),
        Check("lives_in_quebec", "outside_quebec"),
        Check("support_plan_program_covered", "program_not_covered", "program_covered"),
        Check("support_plan_claim_booklet_allowed", "claim_booklet_excluded"),
        Check("support_plan_offered_in_region", "region_not_offered", "region_offered"),
        Check("support_plan_asylum_seeker_admitted", "asylum_seeker_not_in_pilot"),
    ),
    "service_plan": (
        Check("lives_in_quebec", "outside_quebec"),
        Check("service_plan_program_covered", "program_not_covered", "program_covered"),
        # Codes depend on the initiator and the date: see Engine._initiator_codes.
        Check("service_plan_initiator_allowed", "", by_initiator=True),
        Check("service_plan_asylum_seeker_admitted", "asylum_seeker_not_in_pilot"),
    ),
    "paas_action": (
        Check("lives_in_quebec", "outside_quebec"),
        Check("paas_action_program_covered", "program_not_covered", "program_covered"),
        Check("paas_action_hours_within_limit", "hours_over_limit", "hours_within_limit"),
        Check("paas_action_asylum_seeker_admitted", "asylum_seeker_not_in_pilot"),
    ),
    "employment_fast_track": (
        Check("employment_fast_track_in_force", "not_in_force"),
        Check("lives_in_ontario", "outside_ontario"),
        Check("employment_fast_track_program_covered", "program_not_covered"),
        Check("employment_fast_track_channel_covered", "channel_not_covered"),
        Check("employment_ready", "not_employment_ready"),
        Check("employment_fast_track_site_covered", "first_nations_site"),
    ),
}

#: Notes added after the conditions: (when eligible, when not eligible).
NOTES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "support_plan": (("voluntary",), ("benefit_unchanged",)),
    "service_plan": (("voluntary",), ("benefit_unchanged",)),
    "paas_action": (
        ("allowance", "organization_payment", "transport_childcare", "places_limited"),
        ("benefit_unchanged",),
    ),
    "employment_fast_track": (("supports_continue",), ("local_office",)),
}

#: Input variables each measure reads (others are left at their defaults).
INPUTS: Final[dict[str, tuple[str, ...]]] = {
    "support_plan": ("jurisdiction", "region", "program", "claim_booklet", "asylum_seeker"),
    "service_plan": (
        "jurisdiction",
        "region",
        "program",
        "asylum_seeker",
        "service_plan_initiated_by",
    ),
    "paas_action": ("jurisdiction", "region", "program", "weekly_hours", "asylum_seeker"),
    "employment_fast_track": (
        "jurisdiction",
        "program",
        "application_channel",
        "employment_ready",
        "first_nations_site",
    ),
}

#: Amounts each measure pays: answer key -> variable in integer cents.
AMOUNTS: Final[dict[str, dict[str, str]]] = {
    "paas_action": {
        "monthly_allowance": "paas_action_monthly_allowance_cents",
        "monthly_payment_per_place": "paas_action_monthly_payment_per_place_cents",
    },
}

#: Reasons about the rollout in the person's region; not given when there is no region.
REGIONAL_CODES: Final = frozenset({"region_not_offered", "ministry_initiation_not_deployed"})

ASYLUM_PILOT: Final[dict[str, str]] = {
    "support_plan": "support_plan_asylum_seeker_pilot",
    "service_plan": "service_plan_asylum_seeker_pilot",
    "paas_action": "paas_action_asylum_seeker_pilot",
}

ENUMS: Final[dict[str, Any]] = {
    "jurisdiction": Jurisdiction,
    "region": Region,
    "program": Program,
    "application_channel": Channel,
    "service_plan_initiated_by": Initiator,
}

Array = npt.NDArray[Any]


@dataclass
class BatchResult:
    """Outcome of :func:`evaluate_batch`: one entry per person, in input order."""

    eligible: npt.NDArray[np.bool_]
    reason_codes: npt.NDArray[np.object_]
    #: Amounts the measure pays, in integer cents (empty for measures that pay nothing).
    amounts_cents: dict[str, npt.NDArray[np.int64]] = field(default_factory=dict)


def cents_text(cents: int) -> str:
    """Integer cents as a decimal string with two places ("173.00")."""
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return [_jsonable(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


class Engine:
    """The rules over one tax-benefit system (the shared one, or a reform in tests)."""

    def __init__(self, system: Any = None) -> None:
        self.system = system if system is not None else tax_benefit_system()
        self.parameters = self.system.parameters
        initiate = self.system.variables["service_plan_ministry_may_initiate"]
        # The date the Ministry may first initiate a plan is the start of the second formula.
        starts = [key for key in initiate.formulas if key != "0001-01-01"]
        self.initiation_start = dt.date.fromisoformat(starts[0]) if starts else None

    @classmethod
    def shared(cls) -> Engine:
        """The engine over the shared tax-benefit system, built on first use."""
        return _shared_engine()

    # ---- simulation ----

    def simulate(
        self,
        measure: str,
        date: dt.date,
        inputs: dict[str, Array],
        count: int,
        *,
        trace: bool = False,
    ) -> tuple[dict[str, Array], Any]:
        """Compute every condition, the outcome and the amounts of ``measure`` for ``count``."""
        builder = SimulationBuilder()
        builder.create_entities(self.system)
        builder.declare_person_entity("person", ())
        # Positional ids, set as one array: declare_person_entity would go through a Python list.
        population = builder.populations["person"]
        population.ids = np.arange(count)
        population.count = count
        simulation = builder.build(self.system)
        simulation.trace = trace
        period = date.isoformat()
        for name in INPUTS[measure]:
            if name in inputs:
                value = inputs[name]
                if name in ENUMS:
                    value = EnumArray(value.astype(np.int16, copy=False), ENUMS[name])
                simulation.set_input(name, period, value)
        wanted = [f"{measure}_eligible"]
        wanted += [check.variable for check in CHECKS[measure]]
        wanted += list(AMOUNTS.get(measure, {}).values())
        if measure in ASYLUM_PILOT:
            wanted.append(ASYLUM_PILOT[measure])
        results = {name: np.asarray(simulation.calculate(name, period)) for name in wanted}
        return results, simulation

    def _initiator_codes(self, date: dt.date, initiated_by: str) -> tuple[str, str]:
        """(fail, ok) reason codes of the service-plan initiator condition."""
        if initiated_by == "other":
            return "collaboration_not_allowed", "ministry_collaborates"
        if self.initiation_start is None or date < self.initiation_start:
            return "ministry_cannot_initiate_yet", "ministry_initiates"
        return "ministry_initiation_not_deployed", "ministry_initiates"

    def _codes(self, check: Check, date: dt.date, initiated_by: str) -> tuple[str, str | None]:
        if check.by_initiator:
            return self._initiator_codes(date, initiated_by)
        return check.fail, check.ok

    # ---- decide ----

    def decide(self, body: Any, *, trace: bool = False) -> list[dict[str, Any]]:
        """Answer one request or a list of them; see :func:`sentier_rules.decide`."""
        items: list[Any] = body if isinstance(body, list) else [body]
        answers: list[dict[str, Any] | None] = [None] * len(items)
        groups: dict[tuple[str, dt.date, str], list[tuple[int, Request]]] = {}
        for index, item in enumerate(items):
            try:
                request = parse_request(item)
                self._check_limits(request)
            except RequestError as error:
                answers[index] = {"error": error.as_dict()}
                continue
            key = (request.measure, request.date, request.initiated_by)
            groups.setdefault(key, []).append((index, request))
        for (measure, date, initiated_by), members in groups.items():
            requests = [request for _, request in members]
            inputs = request_inputs(requests, initiated_by)
            results, simulation = self.simulate(measure, date, inputs, len(requests), trace=trace)
            trees = simulation.tracer.trees if trace else []
            for position, (index, request) in enumerate(members):
                answer = self._answer(request, results, position)
                if trace:
                    answer["trace"] = [_trace_node(tree, position) for tree in trees]
                answers[index] = answer
        return [answer for answer in answers if answer is not None]

    def _check_limits(self, request: Request) -> None:
        if request.measure == "paas_action":
            limit = self.parameters(request.date.isoformat()).paas_action.max_weekly_hours
            hours = request.facts["weekly_hours"]
            if hours > limit:
                raise hours_over_limit("person.weekly_hours", hours, limit)

    def _answer(self, request: Request, results: dict[str, Array], i: int) -> dict[str, Any]:
        measure = request.measure
        eligible = bool(results[f"{measure}_eligible"][i])
        context = self._context(request)
        out: list[dict[str, str]] = []
        if eligible:
            out.append(reasons.reason(measure, "eligible", context))
        for check in CHECKS[measure]:
            fail, ok = self._codes(check, request.date, request.initiated_by)
            passed = bool(results[check.variable][i])
            if not passed and not eligible:
                if fail in REGIONAL_CODES and not request.facts.get("region"):
                    # An Ontario file has no Québec region: outside_quebec already says it all.
                    continue
                out.append(reasons.reason(measure, fail, context))
            elif passed and eligible and ok is not None:
                out.append(reasons.reason(measure, ok, context))
        if eligible and request.facts.get("claim_booklet") and measure == "support_plan":
            out.append(reasons.reason(measure, "claim_booklet_kept", context))
        if measure in ASYLUM_PILOT and eligible and bool(results[ASYLUM_PILOT[measure]][i]):
            out.append(reasons.reason(measure, "asylum_seeker_pilot", context))
        for note in NOTES[measure][0 if eligible else 1]:
            if request.facts.get("program") in NO_ASSISTANCE_PROGRAMS:
                # No benefit to speak of (public employment services, 000).
                if note == "benefit_unchanged":
                    continue
                if note == "voluntary" and measure == "service_plan":
                    note = "voluntary_no_assistance"
            out.append(reasons.reason(measure, note, context))
        amounts = {}
        if eligible:
            for key, variable in AMOUNTS.get(measure, {}).items():
                amounts[key] = cents_text(int(results[variable][i]))
        return {
            "measure": measure,
            "date": request.date.isoformat(),
            "eligible": eligible,
            "reasons": out,
            "amounts": amounts,
            "rules_version": rules_version(),
        }

    def _context(self, request: Request) -> dict[str, Any]:
        """Values the reason templates may use, taken from the request and the parameters."""
        facts = request.facts
        date = request.date
        params = self.parameters(date.isoformat())
        node = getattr(params, request.measure)
        context: dict[str, Any] = {
            "date_fr": reasons.date_fr(date),
            "date_en": reasons.date_en(date),
        }
        program = facts.get("program")
        if program:
            context["program_fr"], context["program_en"] = PROGRAMS[program][:2]
        covered = [code for code in PROGRAM_CODES if code in set(getattr(node, "programs", []))]
        context["covered_fr"] = reasons.join_fr([PROGRAMS[c][0] for c in covered])
        context["covered_en"] = reasons.join_en([PROGRAMS[c][1] for c in covered])
        region = facts.get("region")
        context["region_fr"], context["region_en"] = "aucune région indiquée", "no region given"
        if region:
            context["region_fr"] = f"{region} {REGIONS[region][0]}"
            context["region_en"] = f"{region} {REGIONS[region][1]}"
            rollout = {
                "support_plan": "support_plan.regions",
                "service_plan": "service_plan.ministry_initiation_regions",
            }.get(request.measure)
            if rollout:
                joins = self._next_true(f"{rollout}.{region}", date)
                if joins:
                    context["joins_fr"] = (
                        f" Votre région s'ajoute au déploiement le {reasons.date_fr(joins)}."
                    )
                    context["joins_en"] = (
                        f" Your region joins the rollout on {reasons.date_en(joins)}."
                    )
        context["booklet"] = facts.get("claim_booklet") or ""
        excluded = list(getattr(node, "excluded_claim_booklets", []))
        context["excluded_fr"] = reasons.join_fr(excluded)
        context["excluded_en"] = reasons.join_en(excluded)
        if request.measure == "paas_action":
            limit = node.max_weekly_hours
            context["limit"] = f"{limit:g}"
            context["hours"] = f"{facts.get('weekly_hours', 0):g}"
            allowance = cents_text(to_cents(node.monthly_allowance))
            payment = cents_text(to_cents(node.monthly_payment_per_place))
            context["allowance_en"], context["payment_en"] = allowance, payment
            context["allowance_fr"] = allowance.replace(".", ",")
            context["payment_fr"] = payment.replace(".", ",")
        channel = facts.get("application_channel")
        if channel:
            context["channel_fr"], context["channel_en"] = CHANNELS[channel]
        since = self._since(request.measure)
        if since:
            context["since_fr"], context["since_en"] = (
                reasons.date_fr(since),
                reasons.date_en(since),
            )
        return context

    def _since(self, measure: str) -> dt.date | None:
        if measure == "service_plan":
            return self.initiation_start
        if measure in ("support_plan", "employment_fast_track"):
            return self._next_true(f"{measure}.in_force", dt.date.min)
        return None

    def _next_true(self, path: str, after: dt.date) -> dt.date | None:
        """First date after ``after`` from which a dated boolean parameter becomes true."""
        parameter = self.parameters
        for part in path.split("."):
            parameter = parameter.children[part]
        dates = sorted(
            dt.date.fromisoformat(value.instant_str)
            for value in parameter.values_list
            if value.value is True
        )
        later = [date for date in dates if date > after]
        return later[0] if later else None

    # ---- batch ----

    def evaluate_batch(
        self,
        measure: str,
        date: str,
        columns: dict[str, Array],
        initiated_by: str = "ministry",
    ) -> BatchResult:
        """Vectorised evaluation; see :func:`sentier_rules.evaluate_batch`."""
        if measure not in MEASURE_CODES:
            raise ValueError(f"unknown measure: {measure!r}")
        if initiated_by not in INITIATORS:
            raise ValueError(f"unknown initiator: {initiated_by!r}")
        day = parse_date(date) if not isinstance(date, dt.date) else date
        count = column_length(columns)
        inputs, invalid = batch_inputs(measure, columns, count, initiated_by)
        if measure == "paas_action":
            limit = float(self.parameters(day.isoformat()).paas_action.max_weekly_hours)
            hours = inputs["weekly_hours"]
            flag(invalid, "weekly_hours", (hours < 0) | (hours > limit) | ~np.isfinite(hours))
            inputs["weekly_hours"] = np.where(np.isfinite(hours), hours, 0.0)
        results, _ = self.simulate(measure, day, inputs, count)
        codes = ["eligible"]
        main = np.zeros(count, dtype=np.int16)
        conditions = []
        for check in CHECKS[measure]:
            fail, _ok = self._codes(check, day, initiated_by)
            codes.append(fail)
            conditions.append((len(codes) - 1, results[check.variable]))
        # Walk the conditions backwards so that the first failing one is the one left.
        for position, passed in reversed(conditions):
            main[~passed] = position
        eligible = results[f"{measure}_eligible"].astype(bool, copy=True)
        for name, mask in reversed(list(invalid.items())):
            codes.append(f"invalid_{name}")
            main[mask] = len(codes) - 1
            eligible[mask] = False
        amounts = {
            key: np.where(eligible, results[variable], 0).astype(np.int64)
            for key, variable in AMOUNTS.get(measure, {}).items()
        }
        return BatchResult(
            eligible=eligible,
            # An object array: a 1,000,000-row fixed-width string array would weigh 100+ MB.
            reason_codes=np.array(codes, dtype=object)[main],
            amounts_cents=amounts,
        )


@functools.cache
def _shared_engine() -> Engine:
    return Engine()


def request_inputs(requests: Sequence[Request], initiated_by: str) -> dict[str, Array]:
    """Input columns of a group of checked requests (defaults where a fact is absent)."""

    def column(name: str, default: Any, dtype: Any, encode: Any = None) -> Array:
        values = (request.facts.get(name, default) for request in requests)
        if encode is not None:
            values = (encode(value) for value in values)
        return np.fromiter(values, dtype=dtype, count=len(requests))

    regions = {code: i + 1 for i, code in enumerate(REGION_CODES)}
    return {
        "jurisdiction": column("jurisdiction", "QC", np.int16, JURISDICTION_CODES.index),
        "region": column("region", None, np.int16, lambda code: regions.get(code, 0)),
        "program": column("program", "PAS", np.int16, PROGRAM_CODES.index),
        "claim_booklet": np.array(
            [request.facts.get("claim_booklet") or "" for request in requests], dtype=object
        ),
        "weekly_hours": column("weekly_hours", 0.0, np.float64),
        "asylum_seeker": column("asylum_seeker", False, bool),
        "application_channel": column(
            "application_channel",
            None,
            np.int16,
            lambda c: 0 if c is None else CHANNEL_CODES.index(c) + 1,
        ),
        "employment_ready": column("employment_ready", False, bool),
        "first_nations_site": column("first_nations_site", False, bool),
        "service_plan_initiated_by": np.full(
            len(requests), INITIATORS.index(initiated_by), dtype=np.int16
        ),
    }


def _trace_node(node: Any, i: int) -> dict[str, Any]:
    """One node of OpenFisca's computation tree, for person ``i``, as plain JSON."""
    value = node.value
    if isinstance(value, EnumArray):
        value = value.decode_to_str()
    out: dict[str, Any] = {
        "variable": node.name,
        "period": str(node.period),
        "value": _jsonable(value[i]) if value is not None and len(value) > i else None,
    }
    if node.parameters:
        out["parameters"] = [
            {"parameter": parameter.name, "value": _jsonable(parameter.value)}
            for parameter in node.parameters
        ]
    if node.children:
        out["children"] = [_trace_node(child, i) for child in node.children]
    return out
