"""The ``decide`` contract: answer shape, order, reasons either way, amounts, every bad input."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import sentier_rules
from sentier_rules import decide

LAVAL_PAS = {"region": "13", "program": "PAS", "claim_booklet": None}


def support_plan(**person: Any) -> dict[str, Any]:
    return {"measure": "support_plan", "date": "2026-05-01", "person": {**LAVAL_PAS, **person}}


def paas(**person: Any) -> dict[str, Any]:
    return {"measure": "paas_action", "date": "2026-05-01", "person": {"program": "PSS", **person}}


def test_example_body_from_the_brief_is_decided() -> None:
    body = {
        "measure": "support_plan",
        "date": "2026-05-01",
        "person": {
            "jurisdiction": "QC",
            "region": "13",
            "program": "PAS",
            "claim_booklet": None,
            "weekly_hours": 12,
            "asylum_seeker": False,
            "application_channel": "online",
            "first_nations_site": False,
            "employment_ready": True,
        },
    }
    [answer] = decide(body)
    assert set(answer) == {"measure", "date", "eligible", "reasons", "amounts", "rules_version"}
    assert answer["measure"] == "support_plan"
    assert answer["date"] == "2026-05-01"
    assert answer["eligible"] is True
    assert answer["amounts"] == {}
    assert answer["rules_version"] == sentier_rules.RULES_VERSION
    for reason in answer["reasons"]:
        assert set(reason) == {"code", "fr", "en", "source"}
        assert reason["fr"]
        assert reason["en"]
        assert re.match(r"00[0-4]_[0-9a-f]{16}\.txt", reason["source"])
    assert "Social Assistance Program" in answer["reasons"][1]["en"]
    assert "Programme d'aide sociale" in answer["reasons"][1]["fr"]


def test_a_refusal_explains_itself_in_plain_language() -> None:
    [answer] = decide(support_plan(claim_booklet="ASM-2"))
    assert answer["eligible"] is False
    reason = answer["reasons"][0]
    assert reason["code"] == "claim_booklet_excluded"
    assert reason["en"] == (
        "People with an ASM-2 or ASM-5 claim booklet cannot receive a personalized support plan. "
        "You keep your booklet; your benefit does not change."
    )
    assert "ASM-2 ou ASM-5" in reason["fr"]
    assert reason["source"].startswith("001_415f001b499895c5.txt")


def test_paas_action_amounts_are_exact_decimal_strings() -> None:
    [answer] = decide(paas(weekly_hours=20))
    assert answer["amounts"] == {
        "monthly_allowance": "173.00",
        "monthly_payment_per_place": "200.00",
    }
    assert "transport_childcare" in [reason["code"] for reason in answer["reasons"]]
    [refused] = decide(paas(program="OW", jurisdiction="ON", weekly_hours=5))
    assert refused["amounts"] == {}


def test_answers_keep_the_order_of_the_requests_across_groups() -> None:
    body = [
        paas(weekly_hours=1),
        support_plan(),
        {**support_plan(), "date": "2026-03-31"},
        "not a request",
        paas(weekly_hours=2),
        {
            "measure": "service_plan",
            "date": "2026-03-31",
            "person": LAVAL_PAS,
            "initiated_by": "other",
        },
    ]
    answers = decide(body)
    assert len(answers) == 6
    assert [a.get("measure") for a in answers] == [
        "paas_action",
        "support_plan",
        "support_plan",
        None,
        "paas_action",
        "service_plan",
    ]
    assert [a.get("date") for a in answers][:3] == ["2026-05-01", "2026-05-01", "2026-03-31"]
    assert [a.get("eligible") for a in answers] == [True, True, False, None, True, True]
    assert answers[3]["error"]["code"] == "not_an_object"


def test_a_single_object_and_an_empty_list() -> None:
    assert len(decide(support_plan())) == 1
    assert decide([]) == []


def test_trace_is_json_and_shows_the_computation() -> None:
    [answer] = decide(support_plan(), trace=True)
    text = json.dumps(answer["trace"])
    assert answer["trace"][0]["variable"] == "support_plan_eligible"
    assert "support_plan.regions.13" in text
    [plain] = decide(support_plan())
    assert "trace" not in plain


def test_reasons_do_not_depend_on_the_other_requests_of_a_batch() -> None:
    alone = decide(support_plan(region="06"))
    together = decide([support_plan(), support_plan(region="06"), support_plan(program="POE")])
    assert together[1] == alone[0]


BAD_INPUTS: list[tuple[str, Any, str, str | None]] = [
    ("not an object (number)", 5, "not_an_object", None),
    ("not an object (list)", [[support_plan()]], "not_an_object", None),
    ("unknown measure", {**support_plan(), "measure": "housing"}, "unknown_measure", "measure"),
    ("measure of wrong type", {**support_plan(), "measure": 3}, "wrong_type", "measure"),
    ("missing measure", {"date": "2026-05-01", "person": LAVAL_PAS}, "missing_fact", "measure"),
    ("malformed date", {**support_plan(), "date": "2026-02-30"}, "malformed_date", "date"),
    ("date without dashes", {**support_plan(), "date": "20260501"}, "malformed_date", "date"),
    ("date with a time", {**support_plan(), "date": "2026-05-01T10:00"}, "malformed_date", "date"),
    ("date as a number", {**support_plan(), "date": 20260501}, "wrong_type", "date"),
    ("date out of range", {**support_plan(), "date": "1999-12-31"}, "date_out_of_range", "date"),
    ("missing date", {"measure": "support_plan", "person": LAVAL_PAS}, "missing_fact", "date"),
    ("unknown region", support_plan(region="18"), "unknown_region", "person.region"),
    ("region as a number", support_plan(region=13), "wrong_type", "person.region"),
    ("unknown program", support_plan(program="RSA"), "unknown_program", "person.program"),
    ("program lower case", support_plan(program="pas"), "unknown_program", "person.program"),
    ("unknown jurisdiction", support_plan(jurisdiction="BC"), "unknown_jurisdiction", None),
    (
        "missing region",
        {**support_plan(), "person": {"program": "PAS", "claim_booklet": None}},
        "missing_fact",
        "person.region",
    ),
    (
        "missing program",
        {**support_plan(), "person": {"region": "13", "claim_booklet": None}},
        "missing_fact",
        "person.program",
    ),
    (
        "missing claim_booklet",
        {**support_plan(), "person": {"region": "13", "program": "PAS"}},
        "missing_fact",
        "person.claim_booklet",
    ),
    ("missing weekly_hours", paas(), "missing_fact", "person.weekly_hours"),
    ("missing person", {"measure": "paas_action", "date": "2026-05-01"}, "missing_fact", "person"),
    ("person not an object", {**paas(), "person": ["PAS"]}, "wrong_type", "person"),
    ("21 weekly hours", paas(weekly_hours=21), "weekly_hours_over_limit", "person.weekly_hours"),
    ("20.01 weekly hours", paas(weekly_hours=20.01), "weekly_hours_over_limit", None),
    ("negative hours", paas(weekly_hours=-1), "negative_weekly_hours", "person.weekly_hours"),
    ("huge hours", paas(weekly_hours=10**400), "weekly_hours_over_limit", "person.weekly_hours"),
    ("infinite hours", paas(weekly_hours=float("inf")), "wrong_type", "person.weekly_hours"),
    ("hours as text", paas(weekly_hours="12"), "wrong_type", "person.weekly_hours"),
    ("hours as a boolean", paas(weekly_hours=True), "wrong_type", "person.weekly_hours"),
    ("boolean as text", support_plan(asylum_seeker="no"), "wrong_type", "person.asylum_seeker"),
    ("boolean as 0", support_plan(asylum_seeker=0), "wrong_type", "person.asylum_seeker"),
    ("empty booklet", support_plan(claim_booklet=""), "wrong_type", "person.claim_booklet"),
    ("booklet as number", support_plan(claim_booklet=2), "wrong_type", "person.claim_booklet"),
    (
        "unknown channel",
        support_plan(application_channel="fax"),
        "unknown_application_channel",
        "person.application_channel",
    ),
    ("unknown fact", support_plan(progam="PAS"), "unknown_field", "person.progam"),
    ("unknown request field", {**support_plan(), "lang": "fr"}, "unknown_field", "lang"),
    (
        "unknown initiator",
        {
            "measure": "service_plan",
            "date": "2026-05-01",
            "person": LAVAL_PAS,
            "initiated_by": "ngo",
        },
        "unknown_initiated_by",
        "initiated_by",
    ),
    (
        "initiator for another measure",
        {**support_plan(), "initiated_by": "other"},
        "field_not_applicable",
        "initiated_by",
    ),
    (
        "fast track without channel",
        {
            "measure": "employment_fast_track",
            "date": "2026-05-01",
            "person": {
                "jurisdiction": "ON",
                "program": "OW",
                "employment_ready": True,
                "first_nations_site": False,
            },
        },
        "missing_fact",
        "person.application_channel",
    ),
]


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [pytest.param(body, code, field, id=name) for name, body, code, field in BAD_INPUTS],
)
def test_bad_input_gives_an_error_for_that_item_only(
    body: Any, code: str, field: str | None
) -> None:
    answers = decide([support_plan(), body, paas(weekly_hours=3)])
    assert len(answers) == 3
    assert answers[0]["eligible"] is True
    assert answers[2]["eligible"] is True
    assert set(answers[1]) == {"error"}
    error = answers[1]["error"]
    assert set(error) == {"code", "fr", "en", "field"}
    assert error["code"] == code
    assert error["fr"]
    assert error["en"]
    if field is not None:
        assert error["field"] == field


def test_a_bare_non_object_body_is_one_error() -> None:
    assert decide("support_plan")[0]["error"]["code"] == "not_an_object"  # type: ignore[arg-type]


def test_facts_a_measure_does_not_use_may_be_absent() -> None:
    [answer] = decide(
        {
            "measure": "paas_action",
            "date": "2026-05-01",
            "person": {"program": "PAS", "weekly_hours": 4},
        }
    )
    assert answer["eligible"] is True


def test_an_ontario_file_needs_no_quebec_region() -> None:
    [answer] = decide(
        {
            "measure": "support_plan",
            "date": "2026-05-01",
            "person": {"jurisdiction": "ON", "program": "OW", "claim_booklet": None},
        }
    )
    assert answer["eligible"] is False
    assert answer["reasons"][0]["code"] == "outside_quebec"


def test_rules_version_is_package_version_and_parameter_hash() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\+p[0-9a-f]{8}", sentier_rules.RULES_VERSION)
    assert sentier_rules.rules_version() == sentier_rules.RULES_VERSION
    assert sentier_rules.RULES_VERSION.startswith(sentier_rules.__version__ + "+p")


def test_measures_have_french_and_english_names() -> None:
    assert set(sentier_rules.MEASURES) == {
        "support_plan",
        "service_plan",
        "paas_action",
        "employment_fast_track",
    }
    for names in sentier_rules.MEASURES.values():
        assert names["fr"]
        assert names["en"]
