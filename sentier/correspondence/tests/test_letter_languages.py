"""Every notice to a participant (e-mail, letter, what the caseworker says on the phone) speaks
Spanish, Arabic and Haitian Creole: no sentence left in French, and one line saying the
translation is not yet reviewed by a qualified translator (issue 19)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from sentier.correspondence.models import Subject
from sentier.correspondence.texts import Message, compose

UNREVIEWED = {
    "es": "Esta traducción todavía no ha sido revisada",
    "ar": "لم يراجع مترجم مؤهل هذه الترجمة بعد",
    "ht": "Tradiksyon sa a poko revize",
}

#: Each subject with the event's parameters that choose its words.
CASES = [
    (Subject.APPLICATION_RECEIVED, {}),
    (Subject.RECOMMENDATION_DECIDED, {}),
    (Subject.PLAN_AGREED, {}),
    (Subject.PLAN_EXTENDED, {"status": "granted"}),
    (Subject.PLAN_EXTENDED, {"status": "refused"}),
    (Subject.PLAN_ENDED, {}),
    (Subject.REFERRAL_ANSWERED, {"to": "accepted", "organization_name": "Le Pont"}),
    (Subject.REFERRAL_ANSWERED, {"to": "declined", "organization_name": "Le Pont"}),
    (Subject.FOLLOW_UP_REMINDER, {"scheduled_for": "2026-12-14T10:00:00-05:00", "mode": "phone"}),
    (
        Subject.CONSENT_EXPIRING,
        {"recipient_kind": "health", "purpose": "service_plan", "expires_on": "2027-01-05"},
    ),
    (
        Subject.PLACE_OFFERED,
        {"service_name": "Atelier", "organization_name": "Le Pont"},
    ),
]


def _compose(subject: str, data: dict[str, str], language: str) -> Message:
    return compose(
        subject,
        language=language,
        data=data,
        first_name="Rosa",
        file_number="2026-000123",
        caseworker="Julie Tremblay",
        respond_by=timezone.make_aware(dt.datetime(2026, 12, 14, 17, 0)),
    )


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
@pytest.mark.parametrize(("subject", "data"), CASES)
def test_no_sentence_of_a_notice_is_left_in_french(
    language: str, subject: str, data: dict[str, str]
) -> None:
    french = _compose(subject, data, "fr-ca")
    message = _compose(subject, data, language)
    assert message.language == language
    assert message.unreviewed
    assert not french.unreviewed
    for theirs, ours in zip(
        (french.title, *french.paragraphs), (message.title, *message.paragraphs), strict=True
    ):
        assert ours != theirs, (language, ours)


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
def test_the_letter_and_the_e_mail_say_the_translation_is_not_reviewed(language: str) -> None:
    message = _compose(Subject.PLACE_OFFERED, CASES[-1][1], language)
    with translation.override(language):
        letter = render_to_string(
            "correspondence/letter_pdf.html",
            {
                "message": message,
                "participant": SimpleNamespace(full_name="Rosa Díaz"),
                "address_lines": ["1 rue Principale", "Laval QC  H7N 0A0"],
                "return_address": ["Services Québec"],
                "on": dt.date(2026, 12, 7),
                "rtl": language == "ar",
            },
        )
        email = render_to_string(
            "correspondence/email.txt", {"message": message, "sender": "Services Québec"}
        )
    assert UNREVIEWED[language] in letter
    assert UNREVIEWED[language] in email
    assert f'lang="{language}"' in letter
    assert ('dir="rtl"' in letter) == (language == "ar")
    assert "Vous pouvez obtenir cette lettre" not in letter
    assert "Version du texte" not in letter


def test_a_french_letter_has_no_unreviewed_line() -> None:
    message = _compose(Subject.PLAN_ENDED, {}, "fr-ca")
    email = render_to_string(
        "correspondence/email.txt", {"message": message, "sender": "Services Québec"}
    )
    assert "traduct" not in email
