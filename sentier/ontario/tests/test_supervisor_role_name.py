"""Ontario's supervisor is stored as the "coordinator" role (same permissions) but named as
Ontario names it wherever a role is shown: the demo logins, the access log, the admin."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.utils import translation

from sentier.accounts.models import Role, User, role_label
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind, AccessLog
from sentier.ontario.demo import submit_ontario_application


def test_the_coordinator_role_is_named_local_office_supervisor_in_ontario(
    ontario: dict[str, Any],
) -> None:
    with translation.override("en-ca"):
        assert role_label(Role.COORDINATOR) == "Local office supervisor"
        assert ontario["chris"].get_role_display() == "Local office supervisor"
        assert role_label(Role.CASEWORKER) == "Caseworker"


def test_quebec_keeps_its_ministry_coordinator(settings: Any, db: None) -> None:
    settings.SENTIER_JURISDICTION = "qc"
    with translation.override("en-ca"):
        assert role_label(Role.COORDINATOR) == "Ministry coordinator"
        assert User(role=Role.COORDINATOR).get_role_display() == "Ministry coordinator"


def test_the_demo_logins_name_roles_not_codes(ontario: dict[str, Any]) -> None:
    out = StringIO()
    call_command("load_demo", "--logins-only", stdout=out)
    printed = out.getvalue()
    assert "coordinator.toronto@sentier.demo" in printed
    assert "Local office supervisor" in printed
    assert " coordinator\n" not in printed
    assert " caseworker\n" not in printed


def test_the_access_log_names_the_supervisor_as_ontario_does(
    ontario: dict[str, Any], on_client: Any
) -> None:
    application = submit_ontario_application(first="Ana", last="Lopes", program="OW")
    participant = application.participant
    assert participant is not None
    record_access(user=ontario["chris"], shown=participant, kind=AccessKind.FILE)
    row = AccessLog.objects.filter(user=ontario["chris"]).latest("pk")
    with translation.override("en-ca"):
        assert row.viewer_role == "Local office supervisor"
