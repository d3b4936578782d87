"""``sentier load_demo``: the demo of this jurisdiction (idempotent), then its logins.

Québec: the personas and about 200 synthetic participants; Ontario: the Ontario personas and
applications. Messages are in the jurisdiction's default language (English in Ontario)."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from sentier.accounts.demo import DEMO_PASSWORD
from sentier.accounts.models import role_label
from sentier.core.jurisdiction import default_language
from sentier.site.demo import demo_personas, load_demo


class Command(BaseCommand):
    help = "Load demo personas and synthetic participants (run after load_reference)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--participants", type=int, default=200)
        parser.add_argument("--quiet-logins", action="store_true", help="Do not list the logins.")
        parser.add_argument(
            "--logins-only", action="store_true", help="Only list the logins (load nothing)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(default_language()):
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        if not options["logins_only"]:
            call_command("load_reference", verbosity=0)
            created = load_demo(options["participants"], indicators=True)
            self.stdout.write(
                _("Demo data ready: %(count)d new participant files.") % {"count": created}
            )
        if options["quiet_logins"]:
            return
        self.stdout.write("")
        self.stdout.write(_("Demo logins (password: %(password)s)") % {"password": DEMO_PASSWORD})
        for persona in demo_personas():
            self.stdout.write(f"  {persona.email:<36} {role_label(persona.role)}")
