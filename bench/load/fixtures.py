"""What the load test needs in its database: growth to a province's size (``--participants``,
synthetic files made by ``sentier synth``), and, on each run (``--sessions``), signed-in
sessions for the staff personas and API keys for the partner organizations, written to
``$SENTIER_LOAD_DIR/fixtures.json`` for the locust users.

Run with the stack's environment (``bench/load/stack.py`` does it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django

django.setup()  # the models below need the app registry: imports follow it

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from sentier.accounts.models import Role, User  # noqa: E402
from sentier.exchange.actions import create_api_key  # noqa: E402
from sentier.network.models import Organization  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402
from sentier.reference.selectors import list_current_programs  # noqa: E402
from sentier.site.synth import synthesize  # noqa: E402

DIR = Path(os.environ.get("SENTIER_LOAD_DIR", "/tmp/pg-ops18"))  # noqa: S108 - throw-away


def session_for(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def sessions() -> dict[str, object]:
    caseworkers = User.objects.filter(role=Role.CASEWORKER, is_active=True).order_by("email")
    partners = User.objects.filter(role=Role.PARTNER_STAFF, is_active=True).order_by("email")
    admin = User.objects.filter(role=Role.ADMINISTRATOR).order_by("pk").first()
    assert admin is not None, "load_demo first"
    keys = []
    organizations = Organization.objects.filter(
        pk__in=User.objects.filter(role=Role.PARTNER_STAFF).values("organization")
    )
    for organization in organizations:
        name = f"load {os.getpid()}"
        keys.append(create_api_key(actor=admin, organization=organization, name=name).raw)
    surnames = list(
        Participant.objects.order_by().values_list("last_name", flat=True).distinct()[:200]
    )
    return {
        "caseworkers": [
            {"email": user.email, "session": session_for(user)} for user in caseworkers
        ],
        "partners": [{"email": user.email, "session": session_for(user)} for user in partners],
        "api_keys": keys,
        "surnames": [name for name in surnames if name.isalpha()][:100],
        "file_numbers": list(
            Participant.objects.order_by("-pk").values_list("file_number", flat=True)[:100]
        ),
        "programs": list(list_current_programs().values_list("code", flat=True)),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=0)
    parser.add_argument("--sessions", action="store_true")
    args = parser.parse_args()
    if args.participants:
        missing = args.participants - Participant.objects.count()
        if missing > 0:
            synthesize(participants=missing, seed=2026)
        print(f"{Participant.objects.count():,} participants")
    if args.sessions:
        (DIR / "fixtures.json").write_text(json.dumps(sessions(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
