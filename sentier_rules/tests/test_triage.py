"""Contract of the triage API the app is written against: shapes, texts, errors, configuration."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import pytest

import sentier_rules
from sentier_rules import TriageInputError, parameter_catalog, questionnaire, triage
from sentier_rules.reforms import with_parameters
from sentier_rules.system import tax_benefit_system
from sentier_rules.triage import ONTARIO_PATHS, PATHS, Triage

QC: dict[str, Any] = {
    "date": "2026-05-01",
    "jurisdiction": "QC",
    "program": "PAS",
    "region": "13",
    "application_channel": "online",
}
ON: dict[str, Any] = {**QC, "jurisdiction": "ON", "program": "OW", "region": None}
VERSION = re.compile(r"\d{4}-\d{2}-\d{2}\+q[0-9a-f]{8}")


def _triage_starts() -> list[str]:
    """Every date on which a triage parameter takes a new value."""
    starts: set[str] = set()
    for entry in parameter_catalog():
        if entry["path"].startswith("triage."):
            starts.update(value["start"] for value in entry["values"])
    return sorted(starts)


# ---- questionnaire ----


@pytest.mark.parametrize("jurisdiction", ["QC", "ON"])
def test_every_question_and_option_has_french_and_english(jurisdiction: str) -> None:
    for date in [*_triage_starts(), "2026-05-01", "2030-01-01"]:
        form = questionnaire(date, jurisdiction)
        assert VERSION.fullmatch(form["version"]), form["version"]
        for question in form["questions"]:
            assert set(question) == {"code", "kind", "fr", "en", "help_fr", "help_en", "options"}
            assert question["kind"] in {"choice", "multi", "yes_no"}
            assert question["fr"].strip(), question["code"]
            assert question["en"].strip(), question["code"]
            assert isinstance(question["help_fr"], str)
            assert bool(question["help_fr"]) == bool(question["help_en"]), question["code"]
            assert question["options"], question["code"]
            codes = [option["code"] for option in question["options"]]
            assert len(codes) == len(set(codes))
            if question["kind"] == "yes_no":
                assert codes == ["yes", "no"], question["code"]
            for option in question["options"]:
                assert set(option) == {"code", "fr", "en"}
                assert isinstance(option["code"], str)
                assert option["fr"].strip(), (question["code"], option["code"])
                assert option["en"].strip(), (question["code"], option["code"])


def test_the_questions_of_the_brief() -> None:
    form = questionnaire("2026-04-01")
    codes = [question["code"] for question in form["questions"]]
    assert codes == [
        "wants_support",
        "job_start",
        "difficulties",
        "needs_several_services",
        "could_worsen_quickly",
        "major_crisis",
        "services_may_stop",
        "difficult_transition",
        "coordination_failed",
        "wants_activities",
        "weekly_hours",
    ]
    by_code = {question["code"]: question for question in form["questions"]}
    assert [o["code"] for o in by_code["wants_support"]["options"]] == ["yes", "no", "not_sure"]
    assert [o["code"] for o in by_code["job_start"]["options"]] == ["yes", "with_help", "no"]
    assert by_code["difficulties"]["kind"] == "multi"
    assert len(by_code["difficulties"]["options"]) == 12
    assert [o["code"] for o in by_code["weekly_hours"]["options"]] == [
        "none",
        "up_to_6",
        "up_to_12",
        "up_to_20",
    ]
    assert questionnaire("2026-03-31")["questions"] == []
    assert questionnaire("2026-03-31", "ON")["version"].startswith("2025-11-10+q")


def test_ontario_asks_only_the_readiness_questions() -> None:
    codes = [question["code"] for question in questionnaire("2026-05-01", "ON")["questions"]]
    assert codes == ["wants_support", "job_start"]
    assert questionnaire("2025-11-09", "ON")["questions"] == []


def test_every_option_that_carries_weight_explains_itself() -> None:
    """An answer that can drive a recommendation has its own plain-language sentence."""
    for node in tax_benefit_system().parameters.triage.questions.children.values():
        texts = node.metadata["options"]
        for dated in node.options.values_list:
            for option in dated.value:
                assert option in texts, (node.name, option)
        if "weights" in node.children:
            for option in node.weights.children:
                assert texts[option].get("factor_fr"), (node.name, option)
                assert texts[option].get("factor_en"), (node.name, option)


def test_precedence_names_only_known_paths() -> None:
    for entry in parameter_catalog():
        if entry["path"] == "triage.precedence":
            for value in entry["values"]:
                assert set(value["value"]) <= set(PATHS)
        if entry["path"].startswith("triage.questions.") and ".weights." in entry["path"]:
            assert entry["path"].rsplit(".", 1)[1] in PATHS, entry["path"]


# ---- triage result ----


def test_result_shape_and_versions() -> None:
    result = triage({"difficulties": ["housing"], "wants_support": "yes"}, **QC)
    assert set(result) == {
        "path",
        "factors",
        "scores",
        "employment_ready",
        "questionnaire_version",
        "rules_version",
        "used_information",
    }
    assert set(result["scores"]) == set(PATHS)
    assert all(isinstance(score, int) for score in result["scores"].values())
    for factor in result["factors"]:
        assert set(factor) == {"code", "fr", "en", "weight"}
        assert factor["fr"]
        assert factor["en"]
        assert isinstance(factor["weight"], int)
    assert result["rules_version"] == sentier_rules.rules_version()
    assert result["questionnaire_version"] == questionnaire("2026-05-01")["version"]
    assert result["questionnaire_version"].startswith("2026-04-01+q")
    json.dumps(result)  # storable as is


def test_used_information_lists_the_answers_and_facts_used() -> None:
    result = triage({"difficulties": ["debt"], "wants_support": None}, **QC)
    codes = [item["code"] for item in result["used_information"]]
    assert codes == [
        "difficulties",
        "jurisdiction",
        "program",
        "region",
        "claim_booklet",
        "asylum_seeker",
    ]
    for item in result["used_information"]:
        assert item["fr"]
        assert item["en"]
    ontario = triage({"job_start": "yes"}, **ON, first_nations_site=False)
    assert [item["code"] for item in ontario["used_information"]] == [
        "job_start",
        "jurisdiction",
        "program",
        "application_channel",
        "first_nations_site",
    ]


def test_factors_speak_plainly_to_the_participant() -> None:
    result = triage({"could_worsen_quickly": "yes", "major_crisis": "yes"}, **QC)
    assert result["factors"][0] == {
        "code": "could_worsen_quickly.yes",
        "fr": "Vous avez dit que votre situation pourrait se détériorer rapidement.",
        "en": "You said your situation could get worse quickly.",
        "weight": 1,
    }


def test_factors_are_strongest_first() -> None:
    result = triage({"difficulties": ["health", "transport", "violence"]}, **QC)
    weights = [factor["weight"] for factor in result["factors"]]
    assert weights == sorted(weights, reverse=True) == [2, 1, 1]


def test_no_support_wanted_is_always_none() -> None:
    """Whatever the other answers, in either province: support is voluntary (000, 001)."""
    others: list[dict[str, Any]] = [
        {},
        {"job_start": "yes"},
        {"job_start": "with_help"},
    ]
    quebec: list[dict[str, Any]] = [
        {"difficulties": ["housing", "violence"]},
        {"major_crisis": "yes", "could_worsen_quickly": "yes", "needs_several_services": "yes"},
        {"wants_activities": "yes", "weekly_hours": "up_to_20"},
    ]
    for first, second in itertools.product(others, [{}, *quebec]):
        answers: dict[str, Any] = {"wants_support": "no", **first, **second}
        assert triage(answers, **QC)["path"] == "none", answers


def test_ontario_never_says_no_support_requested() -> None:
    """004 has no voluntary gate: "no" to support does not cancel the fast track, and every
    Ontario answer leads somewhere (Q1, Q3, Q8, Q10, Q11–Q14)."""
    ready = triage({"wants_support": "no", "job_start": "yes"}, **ON)
    assert ready["path"] == "employment_services"
    for wants, job in itertools.product(
        ["yes", "no", "not_sure", None], ["yes", "with_help", "no"]
    ):
        for program in ["OW", "ODSP"]:
            for site in [False, True]:
                for consent in [None, True, False]:
                    result = triage(
                        {"wants_support": wants, "job_start": job},
                        **{**ON, "program": program},
                        first_nations_site=site,
                        employment_ontario_consent=consent,
                    )
                    assert result["path"] in ONTARIO_PATHS
                    assert result["path"] != "none"
                    if site:
                        assert result["path"] == "first_nations_office"
                    elif program == "ODSP":
                        assert result["path"] == "odsp_intake"


def test_ontario_factors_cite_their_004_question_and_have_staff_wording() -> None:
    cases: list[dict[str, Any]] = [
        {},
        {"program": "ODSP"},
        {"first_nations_site": True},
        {"application_channel": "phone"},
        {"employment_ontario_consent": False},
    ]
    for facts in cases:
        result = triage({"job_start": "yes"}, **{**ON, **facts})
        for factor in result["factors"]:
            assert set(factor) == {"code", "fr", "en", "weight", "staff_fr", "staff_en", "source"}
            assert re.search(r"004_\w+\.txt — Q\d", factor["source"]), factor
            assert factor["staff_en"]
            assert factor["staff_fr"]
            assert not factor["staff_en"].startswith("You"), factor
        for text in [f[key] for f in result["factors"] for key in ("fr", "en")]:
            assert "voluntary" not in text.lower()
            assert "volontaire" not in text.lower()
            assert "does not change" not in text or "referral does not change" in text


def test_ontario_odsp_is_not_told_about_the_common_assessment() -> None:
    result = triage({"job_start": "yes"}, **{**ON, "program": "ODSP"})
    assert result["path"] == "odsp_intake"
    assert "common assessment" not in " ".join(f["en"] for f in result["factors"])


def test_ontario_without_consent_is_not_fast_tracked_and_says_why() -> None:
    result = triage({"job_start": "yes"}, **ON, employment_ontario_consent=False)
    assert result["path"] == "common_assessment"
    assert [f["code"] for f in result["factors"]][-2:] == ["no_consent", "common_assessment"]
    assert "employment_ontario_consent" in [i["code"] for i in result["used_information"]]


def test_ontario_questionnaire_help_does_not_say_voluntary() -> None:
    for question in questionnaire("2026-05-01", "ON")["questions"]:
        for key in ("help_fr", "help_en", "fr", "en"):
            assert "volunt" not in question[key].lower(), question["code"]
            assert "volontaire" not in question[key].lower(), question["code"]


# ---- bad input ----

BAD: list[tuple[dict[str, Any], dict[str, Any], str, str]] = [
    ({"nope": "yes"}, {}, "unknown_question", "answers.nope"),
    ({"job_start": "maybe"}, {}, "unknown_option", "answers.job_start"),
    ({"job_start": ["yes"]}, {}, "wrong_type", "answers.job_start"),
    ({"job_start": 3}, {}, "wrong_type", "answers.job_start"),
    ({"difficulties": "debt"}, {}, "wrong_type", "answers.difficulties"),
    ({"difficulties": ["debt", 2]}, {}, "wrong_type", "answers.difficulties"),
    ({"difficulties": ["none", "debt"]}, {}, "exclusive_option", "answers.difficulties"),
    ({"difficulties": ["debt", "debt"]}, {}, "duplicate_option", "answers.difficulties"),
    ({"difficulties": ["housing"]}, {**ON}, "unknown_question", "answers.difficulties"),
    ({}, {"date": "2026-02-30"}, "malformed_date", "date"),
    ({}, {"date": 20260501}, "wrong_type", "date"),
    ({}, {"date": "1999-12-31"}, "date_out_of_range", "date"),
    ({}, {"jurisdiction": "BC"}, "unknown_jurisdiction", "jurisdiction"),
    ({}, {"program": "OW"}, "program_not_in_jurisdiction", "program"),
    ({}, {"program": None}, "wrong_type", "program"),
    ({}, {"region": "6"}, "unknown_region", "region"),
    ({}, {"region": 6}, "wrong_type", "region"),
    ({}, {**ON, "region": "13"}, "field_not_applicable", "region"),
    ({}, {"application_channel": "mail"}, "unknown_application_channel", "application_channel"),
    ({}, {"first_nations_site": "no"}, "wrong_type", "first_nations_site"),
]


@pytest.mark.parametrize(("answers", "facts", "code", "field"), BAD)
def test_bad_input_raises_triage_input_error(
    answers: dict[str, Any], facts: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises(TriageInputError) as raised:
        triage(answers, **{**QC, **facts})
    error = raised.value
    assert (error.code, error.field) == (code, field)
    assert error.fr
    assert error.en
    assert error.as_dict() == {"code": code, "fr": error.fr, "en": error.en, "field": field}
    assert isinstance(error, ValueError)


def test_answers_must_be_an_object() -> None:
    with pytest.raises(TriageInputError) as raised:
        triage(["yes"], **QC)  # type: ignore[arg-type]
    assert (raised.value.code, raised.value.field) == ("not_an_object", "answers")


@pytest.mark.parametrize(
    ("date", "jurisdiction", "code"),
    [("2026-13-01", "QC", "malformed_date"), ("2026-05-01", "NB", "unknown_jurisdiction")],
)
def test_bad_questionnaire_request(date: str, jurisdiction: str, code: str) -> None:
    with pytest.raises(TriageInputError) as raised:
        questionnaire(date, jurisdiction)
    assert raised.value.code == code


# ---- configuration ----


def test_a_weight_changed_by_a_parameter_changes_the_outcome() -> None:
    answers = {"difficulties": ["childcare"]}
    assert triage(answers, **QC)["path"] == "none"
    reform = with_parameters(
        {"triage.questions.difficulties.weights.childcare.support_plan": {"2026-05-01": 2}}
    )
    changed = Triage(reform).triage(answers, **QC)
    assert changed["path"] == "support_plan"
    assert changed["factors"][0]["code"] == "difficulties.childcare"
    assert changed["factors"][0]["weight"] == 2
    # The date matters: the day before, the old weight still applies.
    assert Triage(reform).triage(answers, **{**QC, "date": "2026-04-30"})["path"] == "none"


def test_an_option_added_on_a_date_is_offered_from_that_date() -> None:
    reform = with_parameters(
        {"triage.questions.job_start.options": {"2026-06-01": ["yes", "with_help"]}}
    )
    engine = Triage(reform)
    before = engine.questionnaire("2026-05-31")["questions"][1]["options"]
    after = engine.questionnaire("2026-06-01")["questions"][1]["options"]
    assert [option["code"] for option in before] == ["yes", "with_help", "no"]
    assert [option["code"] for option in after] == ["yes", "with_help"]
    assert engine.questionnaire("2026-06-01")["version"].startswith("2026-06-01+q")
    with pytest.raises(TriageInputError):
        engine.triage({"job_start": "no"}, **{**QC, "date": "2026-06-01"})


def test_the_catalog_lists_the_triage_parameters() -> None:
    by_path = {entry["path"]: entry for entry in parameter_catalog()}
    for path in PATHS:
        entry = by_path[f"triage.thresholds.{path}"]
        assert entry["label_fr"]
        assert entry["label_en"]
        assert entry["description"]
    assert by_path["triage.precedence"]["values"][-1]["value"] == [
        "service_plan",
        "support_plan",
        "employment_services",
        "paas_action",
    ]
    weight = by_path["triage.questions.could_worsen_quickly.weights.yes.service_plan"]
    assert weight["values"] == [{"start": "2000-01-01", "value": 1, "fr": "1", "en": "1"}]
    assert "000_" in weight["reference"]
    assert by_path["triage.questions.job_start.asked_in"]["values"][-1] == {
        "start": "2026-04-01",
        "value": ["QC", "ON"],
        "fr": "Québec; Ontario",
        "en": "Québec; Ontario",
    }
