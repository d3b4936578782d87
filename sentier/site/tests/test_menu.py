"""The menu each persona sees, read from the registry (sentier.core.menu) by the site."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

EXPECTED = {
    "caseworker_laval": [
        "core:home",
        "participants:caseload",
        "intake:review_queue",
        "paas:placement_list",
        "paas:claim_list",
        "plans:worklist",
        "serviceplans:list",
        "referrals:sent",
        "correspondence:notices",
        "network:directory",
        "serviceplans:networks",
        "decisions:rules",
    ],
    "participant": [
        "core:home",
        "participants:my_file",
        "participants:my_access_log",
        "plans:my_plan",
        "referrals:mine",
        "consent:mine",
        "network:directory",
    ],
    "partner_opex": [
        "core:home",
        "paas:organization",
        "paas:attendance_group",
        "plans:shared_list",
        "referrals:inbox",
        "network:capacity",
        "exchange:keys",
        "network:directory",
    ],
    # A CISSS worker (issue 16): the service plans their body takes part in, and what every
    # signed-in staff member reads.
    "public_cisss": [
        "core:home",
        "serviceplans:list",
        "network:directory",
        "decisions:rules",
    ],
    "admin": [
        "core:home",
        "participants:caseload",
        "intake:review_queue",
        "paas:ministry",
        "paas:statement_list",
        "serviceplans:list",
        "correspondence:notices",
        "network:directory",
        "network:import",
        "serviceplans:networks",
        "decisions:rules",
        "insights:dashboard",
        "simulations:home",
        "core:statistics",
        "admin:index",
    ],
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_each_persona_sees_its_entries_in_the_declared_order(client_for: Any, persona: str) -> None:
    with translation.override("en-ca"):
        page = client_for(persona).get(reverse("core:home")).content.decode()
        nav = page.split('<nav class="sentier-nav"', 1)[1].split("</nav>", 1)[0]
        expected = [reverse(name) for name in EXPECTED[persona]]
    assert re.findall(r'href="([^"]+)"', nav) == expected
