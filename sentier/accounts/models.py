"""People who sign in to Sentier, and the role each one holds.

One role per account keeps permissions legible: a caseworker works from an office in a region,
a coordinator for a region, partner staff for one organization.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sentier.core.languages import CORRESPONDENCE_CHOICES


class Role(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    CASEWORKER = "caseworker", _("Caseworker")
    COORDINATOR = "coordinator", _("Ministry coordinator")
    PARTNER_STAFF = "partner_staff", _("Partner organization staff")
    # Staff of a public network body (CISSS, school service centre) that takes part in service
    # plans (issue 16); what they reach is the service plans' (sentier.serviceplans).
    PUBLIC_STAFF = "public_staff", _("Public network staff")
    ANALYST = "analyst", _("Program analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


#: A role's name where a jurisdiction calls it something else. Only the name shown changes: the
#: stored role, and so every permission, stays the same. Ontario's "coordinator" is the
#: supervisor (or manager) of an Ontario Works local office (004), not a Ministry coordinator.
ROLE_NAMES_HERE: dict[tuple[str, str], Promise] = {
    ("on", Role.COORDINATOR): _("Local office supervisor"),
}


def role_label(role: str) -> str:
    """The role's name in this jurisdiction, in the active language (the raw value if unknown)."""
    here = ROLE_NAMES_HERE.get((settings.SENTIER_JURISDICTION, role))
    if here is not None:
        return str(here)
    return str(Role(role).label) if role in Role.values else role


STAFF_ROLES = frozenset(
    {
        Role.CASEWORKER,
        Role.COORDINATOR,
        Role.PARTNER_STAFF,
        Role.PUBLIC_STAFF,
        Role.ANALYST,
        Role.ADMINISTRATOR,
    }
)


class UserManager(BaseUserManager["User"]):
    """Users are identified by e-mail address; there is no username."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.ADMINISTRATOR)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """An account: a participant, a caseworker, a coordinator, partner staff, an analyst…"""

    username = None  # type: ignore[assignment]
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("region"),
        help_text=_("For caseworkers and coordinators: the region they serve."),
    )
    office = models.CharField(
        _("office"), max_length=120, blank=True, help_text=_("For caseworkers: their office.")
    )
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("organization"),
        help_text=_("For partner staff: the organization they work for."),
    )
    # A participant's account also remembers Spanish, Arabic or Haitian Creole, the language
    # of their pages (sentier.core.languages); staff accounts stay French or English.
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=CORRESPONDENCE_CHOICES,
        default="fr-ca",
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="caseworker") | models.Q(region__isnull=False),
                name="caseworker_has_region",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="coordinator") | models.Q(region__isnull=False),
                name="coordinator_has_region",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="partner_staff") | models.Q(organization__isnull=False),
                name="partner_staff_has_organization",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_role_display(self) -> str:  # type: ignore[no-redef]  # the stubs declare Django's
        """The role's name here (Django's own would give the stored role's, everywhere the
        same): what the admin, the access log and every page show."""
        return role_label(self.role)

    @property
    def is_staff_role(self) -> bool:
        """Staff roles see other people's information and must use MFA where required."""
        return self.role in STAFF_ROLES
