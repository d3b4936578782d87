"""The application's "Step N of M": M counts the steps that apply from what is known, is the
same on every page until an answer adds (or removes) a step, and that page says so."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.intake.actions import start_application
from sentier.intake.models import Application
from sentier.ontario.tests.helpers import ON_GOOD, step_url

COUNT = re.compile(r"Step (\d+) of (\d+)")


def counted(page: str) -> tuple[int, int]:
    found = COUNT.search(page)
    assert found is not None, page[:2000]
    return int(found.group(1)), int(found.group(2))


def post(client: Client, application: Application, step: str, data: dict[str, Any]) -> str:
    """Send one step and follow to the next page; its text."""
    response = client.post(step_url(application, step), data, follow=True)
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_count_is_stable_and_an_answer_that_adds_a_step_says_so(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    with translation.override("en-ca"):
        assert client.post(reverse("intake:start")).status_code == 302
        application = Application.objects.latest("created_at")
        first = client.get(step_url(application, "identity")).content.decode()
        assert counted(first) == (1, 6)
        seen = [post(client, application, step, ON_GOOD[step]) for step in ON_GOOD]
        # identity → contact → household → program: 6 steps, said nowhere to have changed.
        assert [counted(page) for page in seen[:3]] == [(2, 6), (3, 6), (4, 6)]
        assert not any("Your answer adds a step" in page for page in seen[:3])
        # Ontario Works online: the Employment Ontario consent applies, and the page says so.
        questionnaire = seen[3]
        assert counted(questionnaire) == (5, 7)
        assert (
            "Your answer adds a step: “Sharing with Employment Ontario (optional)”. The "
            "application now has 7 steps." in questionnaire
        )
        consent = post(client, application, "questionnaire", {"job_start": "yes"})
        assert counted(consent) == (6, 7)
        assert "Your answer adds a step" not in consent
        # Back to the program: ODSP takes the step away again, said as well.
        changed = post(client, application, "program", {"program": "ODSP"})
        assert counted(changed) == (5, 6)
        assert "Your answer removes a step" in changed


def test_an_application_by_phone_counts_six_steps_from_the_start(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    client.force_login(ontario["wendy"])
    application = start_application(channel="phone", entered_by=ontario["wendy"])
    with translation.override("en-ca"):
        assert counted(client.get(step_url(application, "identity")).content.decode()) == (1, 6)
        # Staff answer how the person wants to be told (asked only when staff enter it).
        answers = {**ON_GOOD, "contact": {**ON_GOOD["contact"], "told_by": "email"}}
        seen = [post(client, application, step, data) for step, data in answers.items()]
    # No consent page by phone (the fast track is online only): never more than 6.
    assert [counted(page)[1] for page in seen] == [6, 6, 6, 6]
    assert not any("Your answer adds a step" in page for page in seen)
