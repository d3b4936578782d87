"""The rules' reasons, triage factors and "information used" in Spanish, Arabic and Haitian
Creole (issue 19): translated through the catalogs, French and English exactly as the rules
wrote them, French (isolated) for a text the catalogs do not know."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

import sentier_rules
from sentier.decisions.reason_texts import TEXTS, localized, msgid_of
from sentier.decisions.templatetags.decisions import localized as localized_filter
from sentier.intake.questionnaire_text import TEXTS as QUESTIONNAIRE_TEXTS
from sentier.intake.tests.helpers import fill, start_online
from sentier_rules.codes import PROGRAMS
from sentier_rules.reasons import TEXTS as RULE_TEXTS

rules_triage = importlib.import_module("sentier_rules.triage")

PARTICIPANT_LANGUAGES = ("es", "ar", "ht")
DAYS = ("2025-11-10", "2026-04-01", "2026-12-07")


def _requests() -> list[dict[str, Any]]:
    """Every measure for every program, in regions that do and do not offer it yet, before and
    after the rules came in force: every reason the rules give."""
    requests = []
    for measure in ("support_plan", "service_plan", "paas_action", "employment_fast_track"):
        for day in DAYS:
            for program, (_fr, _en, jurisdiction) in PROGRAMS.items():
                for region in (None, "06", "09", "13"):
                    person: dict[str, Any] = {"program": program, "jurisdiction": jurisdiction}
                    if region and jurisdiction == "QC":
                        person["region"] = region
                    if measure == "paas_action":
                        person["weekly_hours"] = 10
                    if measure == "support_plan":
                        person["claim_booklet"] = "ASM-2" if region == "13" else None
                    if measure == "employment_fast_track":
                        person["application_channel"] = "phone" if region == "06" else "online"
                        person["employment_ready"] = True
                        person["first_nations_site"] = False
                    requests.append({"measure": measure, "date": day, "person": person})
    return requests


def _every_reason() -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for answer in sentier_rules.decide(_requests()):
        if "error" in answer:
            continue  # a fact the measure needs is left out on purpose (no region)
        for reason in answer["reasons"]:
            found[reason["en"]] = reason
    return list(found.values())


def _quebec_triage(answers: dict[str, Any], **facts: Any) -> dict[str, Any]:
    return sentier_rules.triage(
        answers,
        date=facts.pop("date", "2026-12-07"),
        jurisdiction="QC",
        program=facts.pop("program", "PAS"),
        region=facts.pop("region", "13"),
        application_channel="online",
        **facts,
    )


def _translated(text: str, item: dict[str, Any]) -> bool:
    return bool(text) and text != item["fr"] and "\u2068" + item["fr"] not in text


@pytest.mark.parametrize("language", PARTICIPANT_LANGUAGES)
def test_every_reason_of_the_rules_is_translated(language: str) -> None:
    reasons = _every_reason()
    assert len(reasons) > 40
    with translation.override(language):
        for reason in reasons:
            text = localized(reason)
            assert _translated(text, reason), (language, reason["en"])
            assert "{" not in text, text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Su región (\u206813 Laval\u2069) todavía no ofrece el plan"),
        ("ar", "منطقتك (\u206813 Laval\u2069) لا تقدّم خطة الدعم الشخصية بعد"),
        ("ht", "Rejyon ou (\u206813 Laval\u2069) poko ofri plan akonpayman pèsonalize a"),
    ],
)
def test_a_reason_with_values_shows_them_in_the_page_s_language(
    language: str, expected: str
) -> None:
    [answer] = sentier_rules.decide(
        {
            "measure": "support_plan",
            "date": "2025-11-10",
            "person": {
                "program": "PAS",
                "jurisdiction": "QC",
                "region": "13",
                "claim_booklet": None,
            },
        }
    )
    regional = next(r for r in answer["reasons"] if r["code"] == "region_not_offered")
    with translation.override(language):
        text = localized(regional)
    assert text.startswith(expected)
    assert "Laval" in text
    assert "The personalized" not in text
    assert "Votre région" not in text


def test_amounts_and_program_names_are_the_page_s_language() -> None:
    [answer] = sentier_rules.decide(
        {
            "measure": "paas_action",
            "date": "2026-12-07",
            "person": {"program": "PSS", "jurisdiction": "QC", "weekly_hours": 10},
        }
    )
    texts = {}
    with translation.override("es"):
        texts = {reason["code"]: localized(reason) for reason in answer["reasons"]}
    assert texts["program_covered"] == (
        "Su programa (Programa de solidaridad social) está cubierto por PAAS Action."
    )
    assert "173,00" in texts["allowance"]
    assert texts["hours_within_limit"] == (
        "Las 10 horas semanales previstas respetan el límite de 20 horas."
    )


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_french_and_english_are_the_rules_own_words(language: str) -> None:
    key = "en" if language.startswith("en") else "fr"
    with translation.override(language):
        for reason in _every_reason():
            assert localized(reason) == reason[key]
            assert localized_filter(reason) == reason[key]


@pytest.mark.parametrize("language", PARTICIPANT_LANGUAGES)
def test_the_triage_s_factors_and_information_used_are_translated(language: str) -> None:
    results = [
        _quebec_triage({"difficulties": ["housing", "debt"], "wants_support": "yes"}),
        _quebec_triage({"wants_support": "no"}),
        _quebec_triage({}),
        _quebec_triage({"job_start": "yes", "wants_support": "not_sure"}),
        _quebec_triage({"wants_support": "yes"}, program="POE", region="09"),
        _quebec_triage({"major_crisis": "yes", "coordination_failed": "yes"}, region="06"),
        _quebec_triage({"wants_activities": "yes", "weekly_hours": "up_to_6"}),
    ]
    with translation.override(language):
        for result in results:
            for item in [*result["factors"], *result["used_information"]]:
                assert _translated(localized(item), item), (language, item["en"])


def test_a_text_the_catalogs_do_not_know_shows_in_french_isolated() -> None:
    item = {"code": "new", "fr": "Un texte tout neuf.", "en": "A brand new text."}
    with translation.override("ar"):
        assert localized(item) == "\u2068Un texte tout neuf.\u2069"
    with translation.override("en-ca"):
        assert localized(item) == "A brand new text."
    assert localized(None) == ""


def test_every_text_of_the_rules_goes_through_the_catalogs() -> None:
    listed = set(TEXTS) | set(QUESTIONNAIRE_TEXTS)
    for _french, english, _source in RULE_TEXTS.values():
        assert msgid_of(english) in listed, english
    for french_english in (*rules_triage.TEXTS.values(), *rules_triage.FACT_TEXTS.values()):
        assert french_english[1] in listed, french_english
    for ontario in rules_triage.ONTARIO_TEXTS.values():
        assert ontario["en"] in listed, ontario
    for _french, english, _where in PROGRAMS.values():
        assert english in listed, english
    shared = rules_triage.Triage.shared()
    for day in (*DAYS, "2027-06-01"):
        for jurisdiction in ("QC", "ON"):
            for question in shared.questions(dt.date.fromisoformat(day), jurisdiction):
                assert question.label_en in listed, question.label_en
                for option in question.options:
                    assert not option.factor_en or option.factor_en in listed, option.factor_en


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "path", "reason"),
    [
        (
            "es",
            "Plan de acompañamiento personalizado",
            "Usted dijo que tiene problemas de vivienda.",
        ),
        ("ar", "خطة الدعم الشخصية", "قلت إن لديك مشكلة في السكن."),
        ("ht", "Plan akonpayman pèsonalize", "Ou di ou gen pwoblèm lojman."),
    ],
)
def test_the_result_page_gives_its_reasons_in_the_applicant_s_language(
    client: Client, language: str, path: str, reason: str
) -> None:
    application = start_online(client)
    fill(client, application, {"difficulties": ["housing"], "wants_support": "yes"})
    client.post(reverse("intake:summary", args=[application.resume_key]))
    with translation.override(language):
        url = reverse("intake:confirmation", args=[application.resume_key])
    page = client.get(url).content.decode()
    assert path in page
    assert reason in page
    assert "Vous avez" not in page  # no reason left in French
    assert "Votre région" not in page
