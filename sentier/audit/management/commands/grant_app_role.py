"""``sentier grant_app_role ROLE``: the role the application runs as gets only what it needs.

Run as the owner of the tables, after every ``migrate`` (idempotent); PostgreSQL only. See
:mod:`sentier.audit.roles` and ``docs/security.md``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext as _

from sentier.audit.roles import RoleSetupError, grant_app_role


class Command(BaseCommand):
    help = (
        "Give the application's database role SELECT and INSERT only on the access log and the "
        "change history, and ordinary reads and writes elsewhere (PostgreSQL; run as the owner "
        "after every migrate)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="The role the application connects as (it must exist).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            grants = grant_app_role(role=options["role"], using=options["database"])
        except RoleSetupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Role %(role)s: SELECT and INSERT only on %(append_only)d append-only tables "
                "(the access log and the change history); SELECT on %(read_only)d; SELECT, "
                "INSERT, UPDATE and DELETE on %(ordinary)d others."
            )
            % {
                "role": grants.role,
                "append_only": len(grants.append_only),
                "read_only": len(grants.read_only),
                "ordinary": len(grants.ordinary),
            }
        )
