"""The registry of timeline event kinds: each app registers its own kinds; an event of a kind no
app registered is refused before anything is written."""

from __future__ import annotations

import pytest
from django.db import models
from django.utils import translation

from sentier.participants import events
from sentier.participants.actions import add_event, events_in_one_insert
from sentier.participants.models import Participant, TimelineEvent

pytestmark = pytest.mark.django_db

# Every kind, by the app that owns it.
OWNERS = {
    "sentier.participants.timeline_kinds": {"file_opened", "assigned", "note", "details_updated"},
    "sentier.decisions.timeline_kinds": {"decision"},
    "sentier.intake.timeline_kinds": {
        "application_submitted",
        "recommendation",
        "orientation_decided",
    },
    "sentier.paas.timeline_kinds": {
        "paas_placement_started",
        "paas_placement_ended",
        "paas_waiting_listed",
        "paas_claim_submitted",
        "paas_claim_decided",
    },
    "sentier.consent.timeline_kinds": {"consent_given", "consent_withdrawn", "consent_expiring"},
    "sentier.referrals.timeline_kinds": {"referral_sent", "referral_updated"},
    "sentier.network.timeline_kinds": {"waiting_offer"},
    "sentier.correspondence.timeline_kinds": {"notice"},
    "sentier.plans.timeline_kinds": {
        "support_plan_requested",
        "support_plan_proposed",
        "support_plan_agreed",
        "support_plan_updated",
        "follow_up",
        "support_plan_extension",
        "support_plan_ended",
        "support_plan_shared",
        "support_plan_taken_back",
        "follow_up_reminder",
    },
    "sentier.serviceplans.timeline_kinds": {
        "service_plan_requested",
        "service_plan_decided",
        "service_plan_updated",
        "service_plan_ended",
    },
    "sentier.ontario.timeline_kinds": {
        "ow_granted",
        "ow_transferred",
        "eo_referral",
        "common_assessment",
        "action_plan",
        "odsp_intake",
        "refusal_notice",
    },
}


def test_each_app_registers_its_own_kinds() -> None:
    registered = events.registered_kinds()
    for module, codes in OWNERS.items():
        for code in codes:
            spec = registered[code]
            assert spec.render is None or spec.render.__module__ == module, code
    assert set(registered) == set().union(*OWNERS.values())


def test_an_unknown_kind_is_refused_and_nothing_is_written(
    laval_participant: Participant,
) -> None:
    before = TimelineEvent.objects.count()
    with pytest.raises(events.UnknownEventKind):
        add_event(participant=laval_participant, kind="no_such_kind", actor=None)

    def two_steps() -> None:
        with events_in_one_insert():
            add_event(participant=laval_participant, kind="file_opened", actor=None)
            add_event(participant=laval_participant, kind="no_such_kind", actor=None)

    with pytest.raises(events.UnknownEventKind):
        two_steps()
    assert TimelineEvent.objects.count() == before


def test_a_code_belongs_to_one_app() -> None:
    class Clash(models.TextChoices):
        NOTE = "note", "Another app's note"

    with pytest.raises(ValueError, match="already registered"):
        events.register_event_kinds(Clash)
    assert events.kind_label("note") == str(events.registered_kinds()["note"].label)


def test_a_renderer_needs_a_kind_of_the_same_app() -> None:
    class Mine(models.TextChoices):
        MINE = "test_mine", "Mine"

    with pytest.raises(ValueError, match="not in Mine"):
        events.register_event_kinds(Mine, {"note": lambda data, summary: ""})
    assert "test_mine" not in events.registered_kinds()


def test_labels_follow_the_reader_and_an_unregistered_code_shows_as_is(
    laval_participant: Participant,
) -> None:
    event = add_event(participant=laval_participant, kind="file_opened", actor=None)
    with translation.override("en-ca"):
        assert event.get_kind_display() == "File opened"
    event.kind = "retired_kind"  # a row of a kind no app registers any more
    assert event.get_kind_display() == "retired_kind"
    assert event.detail == ""
