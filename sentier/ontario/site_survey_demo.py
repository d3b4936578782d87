"""Demo answers to the Ontario sites' quarterly survey (issue 17, "Demo"), so that the ministry's
survey results show figures: most of the 47 sites answer each quarter since the fast track
started (004: 2025-11-10), a few only in that first quarter, whose cells, with the quarter in
progress, stay suppressed.

The Toronto supervisor persona answered for Toronto (ON33) in the past quarters, never in the
current one: signing in, they are offered this quarter's survey and read their site's earlier
answers. The other sites' answers are given by inactive supervisor accounts of a domain that is
never a real person's. Answers are dated inside their quarter and never in the future, with no
comment. Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.core.ratings import quarter_of
from sentier.ontario.models import SITE_QUESTIONS, SiteSurveyResponse
from sentier.reference.models import Jurisdiction, Region

DOMAIN = "sites.synth.sentier.invalid"
PERSONA_EMAIL = "coordinator.toronto@sentier.demo"
FIRST_DAY = dt.date(2025, 11, 10)
#: The share of sites answering: few in the first quarter (the survey began late), most after.
ANSWER_RATE = {"2025-Q4": 0.15}
USUAL_RATE = 0.8
#: The share of answers that agree, by statement: sites see the fast-tracked clients' supports
#: kept, and doubt their targets (004 Q6).
AGREE = {"informed": 0.55, "supported": 0.7, "targets": 0.35, "ministry": 0.6, "overall": 0.6}


@contextmanager
def _answered_on_their_day() -> Iterator[None]:
    """``answered_at`` is stamped at insert and the table refuses any later change: the demo,
    whose answers were given over past quarters, writes its own day instead."""
    field = SiteSurveyResponse._meta.get_field("answered_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _quarters(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """Each quarter from the fast track's start to today's: name, first day, last day."""
    found = []
    day = FIRST_DAY
    while day <= today:
        start_month = (day.month - 1) // 3 * 3 + 1
        following = dt.date(day.year + (start_month == 10), (start_month + 2) % 12 + 1, 1)
        found.append((quarter_of(day), day, following - dt.timedelta(days=1)))
        day = following
    return found


def _respondent(site: Region, persona: User | None) -> User:
    if persona is not None and persona.region_id == site.pk:
        return persona
    user, _created = User.objects.get_or_create(
        email=f"superviseur-{site.code.lower()}@{DOMAIN}",
        defaults={
            "role": Role.COORDINATOR,
            "region": site,
            "first_name": "Demo",
            "last_name": f"Site {site.code}",
            "is_active": False,
            "password": make_password(None),
        },
    )
    return user


def load_demo_site_answers(seed: int = 47) -> int:
    """The sites' demo answers (Ontario configuration); returns how many were written."""
    if SiteSurveyResponse.objects.exists():
        return 0
    sites = list(Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO).order_by("code"))
    if not sites:
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate(now)
    current = quarter_of(today)
    persona = User.objects.filter(email=PERSONA_EMAIL).first()
    rows = []
    with transaction.atomic():
        for site in sites:
            respondent = _respondent(site, persona)
            for period, first, last in _quarters(today):
                if respondent == persona and period == current:
                    continue  # the persona's own survey of the quarter is still to answer
                if rng.random() > ANSWER_RATE.get(period, USUAL_RATE):
                    continue
                day = first + dt.timedelta(days=rng.randint(20, max((last - first).days, 20)))
                at = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(9, 16))))
                if at >= now:
                    continue
                rows.append(
                    SiteSurveyResponse(
                        site=site,
                        respondent=respondent,
                        period=period,
                        answered_at=at,
                        language="en-ca" if rng.random() < 0.85 else "fr-ca",
                        **{q: _rating(rng, AGREE[q]) for q in SITE_QUESTIONS},
                    )
                )
        with _answered_on_their_day():
            SiteSurveyResponse.objects.bulk_create(rows)
    return len(rows)


def _rating(rng: random.Random, agree: float) -> int:
    """4 or 5 with probability ``agree``, else 1 to 3."""
    return rng.choice((4, 5)) if rng.random() < agree else rng.choice((1, 2, 3, 3))
