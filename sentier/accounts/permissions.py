"""The predicates every app's permissions are built from (the ``rules`` library): who holds which
role, who serves which region, who reaches which file, whose file it is.

Each app registers its own permissions in its ``permissions.py``, imported once in its
``AppConfig.ready``; this module is the accounts app's. Roles are compared here and nowhere else:
other code asks ``user.has_perm("app.verb_thing", obj)``.
"""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from sentier.accounts import scopes
from sentier.accounts.models import Role


def _role(user: Any, role: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) == role)


@predicate
def is_caseworker(user: Any) -> bool:
    return _role(user, Role.CASEWORKER)


@predicate
def is_coordinator(user: Any) -> bool:
    return _role(user, Role.COORDINATOR)


@predicate
def is_partner_staff(user: Any) -> bool:
    return _role(user, Role.PARTNER_STAFF)


@predicate
def is_analyst(user: Any) -> bool:
    return _role(user, Role.ANALYST)


@predicate
def is_administrator(user: Any) -> bool:
    return _role(user, Role.ADMINISTRATOR)


@predicate
def is_participant(user: Any) -> bool:
    return _role(user, Role.PARTICIPANT)


@predicate
def same_region(user: Any, obj: Any) -> bool:
    """The object (or its participant) is in the region the user serves."""
    region_id = getattr(obj, "region_id", None)
    return region_id is not None and region_id == getattr(user, "region_id", None)


@predicate
def within_reach(user: Any, participant: Any) -> bool:
    """The participant file is within the user's reach: the files of their unit where a
    capability scopes staff by unit (Ontario: one program, one queue), else of their region."""
    answer = scopes.reaches(user, participant) if participant is not None else None
    if answer is not None:
        return answer
    return bool(same_region.test(user, participant))


@predicate
def is_the_person(user: Any, obj: Any) -> bool:
    """The participant file belongs to the signed-in person."""
    return getattr(obj, "user_id", None) is not None and obj.user_id == user.pk


# Statistics pages (the analysts' and the Ministry's): no app of their own.
add_perm("reports.view_statistics", is_analyst | is_coordinator | is_administrator)
