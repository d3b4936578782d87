"""The predicates every app's permissions are built from (the ``rules`` library): who holds which
role, who serves which region, who reaches which file, whose file it is.

Each app registers its own permissions in its ``permissions.py``, imported once in its
``AppConfig.ready``; this module is the accounts app's. Roles are compared in permission modules
and nowhere else: other code asks ``user.has_perm("app.verb_thing", obj)``, or :func:`may` for a
permission meant for some roles only (see there).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from rules.permissions import add_perm, has_perm
from rules.predicates import predicate

from sentier.accounts import scopes
from sentier.accounts.models import STAFF_ROLES, Role, User


def may(user: Any, name: str, obj: Any = None) -> bool:
    """Whether the permission registered as ``name`` lets ``user`` (with ``obj``) through.

    ``user.has_perm`` answers True to every active superuser whatever the permission, and an
    administrator's account is a superuser (the admin site needs it). For a permission meant for
    some roles only (a participant's own pages, a caseworker's own worklist, the partner staff's
    organization, a menu entry), ask this instead: it asks the registered rule itself, so an
    administrator is let through only where the rule names administrators.
    """
    return bool(has_perm(name, user, obj))


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
def is_public_staff(user: Any) -> bool:
    return _role(user, Role.PUBLIC_STAFF)


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
def is_staff(user: Any) -> bool:
    """Every role but participant: they see other people's information (and use MFA)."""
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "role", None) in STAFF_ROLES
    )


@predicate
def is_active_user(user: Any) -> bool:
    return bool(getattr(user, "is_active", False))


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
def in_quebec_configuration(user: Any) -> bool:
    """This instance serves Québec (``SENTIER_JURISDICTION=qc``): the ministry coordinator's
    role is Québec's (in Ontario it is a local office's supervisor, see ``ontario.units``)."""
    return bool(settings.SENTIER_JURISDICTION != "on")


@predicate
def is_the_person(user: Any, obj: Any) -> bool:
    """The participant file belongs to the signed-in person."""
    return getattr(obj, "user_id", None) is not None and obj.user_id == user.pk


add_perm("accounts.work_as_staff", is_staff)
add_perm("accounts.work_for_organization", is_partner_staff)
add_perm("accounts.open_administration", is_administrator)
# Statistics pages (the analysts' and the Ministry's): no app of their own. In Ontario a
# coordinator account is a local office's supervisor: their office's lists, not the province's
# figures (issue 21).
add_perm(
    "reports.view_statistics",
    is_analyst | (is_coordinator & in_quebec_configuration) | is_administrator,
)


def partner_staff_of(organization: Any) -> QuerySet[User]:
    """The active partner staff of ``organization`` (the twin of ``work_for_organization``):
    who signs in to its partner portal and is told about its referrals and capacity."""
    return User.objects.filter(organization=organization, role=Role.PARTNER_STAFF, is_active=True)
