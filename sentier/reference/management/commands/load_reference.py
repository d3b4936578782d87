"""``sentier load_reference``: the reference data of this instance's jurisdiction (idempotent).

Québec: regions, programs, clienteles and the RSSMO directory; Ontario: programs, service areas,
deferral reasons, prescribed classes and Employment Ontario. It prints in the active language,
``LANGUAGE_CODE`` unless a caller chose one: French in Québec, English in Ontario.

The loading itself lives in :mod:`sentier.reference.loading` and the loaders apps register there
(the network's directory and services); this command only prints what it did.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.reference.loading import ReferenceDataError, finish_loading, load_reference_data

LABELS = {
    "regions": gettext_lazy("Regions"),
    "programs": gettext_lazy("Programs"),
    "clienteles": gettext_lazy("Target clienteles"),
    "organizations": gettext_lazy("Organizations"),
    "locations": gettext_lazy("Locations"),
    "services": gettext_lazy("Services"),
    "service_areas": gettext_lazy("Ontario service areas"),
    "deferral_reasons": gettext_lazy("Deferral reasons"),
    "prescribed_classes": gettext_lazy("ODSP prescribed classes"),
}


class Command(BaseCommand):
    help = "Load the regions, programs and directory of this jurisdiction (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load_reference_data()
            # What the apps load after it (the network's seeded services).
            after = finish_loading()
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] < 1:
            return
        for kind, counts in [*report.items(), *after]:
            self.stdout.write(
                _("%(label)s: %(total)d (%(created)d created, %(updated)d updated)")
                % {
                    "label": LABELS[kind],
                    "total": counts.total,
                    "created": counts.created,
                    "updated": counts.updated,
                }
            )
        if not report.changed and not any(counts.created or counts.updated for _, counts in after):
            self.stdout.write(_("Reference data was already up to date."))
