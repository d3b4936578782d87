"""``sentier hsds_import PATH [--dry-run]``: load an HSDS 3.1 datapackage (folder or .zip).

Every row is validated against the HSDS 3.1 schemas first; on any problem, each is printed
(table, row, column, message), nothing is written and the command exits with an error. A dry run
applies the package inside a transaction it rolls back, and prints what would change.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sentier.network.hsds.importing import import_datapackage


class Command(BaseCommand):
    help = "Import an HSDS 3.1 tabular datapackage (folder or .zip); --dry-run changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["path"])
        if not source.exists():
            raise CommandError(_("%(path)s does not exist.") % {"path": source})
        if source.is_file():
            with tempfile.TemporaryDirectory() as folder:
                try:
                    with zipfile.ZipFile(source) as archive:
                        for member in archive.namelist():
                            name = Path(member).name
                            if name and not member.endswith("/"):
                                (Path(folder) / name).write_bytes(archive.read(member))
                except zipfile.BadZipFile as error:
                    raise CommandError(
                        _("%(path)s is not a zip file.") % {"path": source}
                    ) from error
                self._run(Path(folder), dry_run=options["dry_run"])
        else:
            self._run(source, dry_run=options["dry_run"])

    def _run(self, folder: Path, *, dry_run: bool) -> None:
        result = import_datapackage(folder, dry_run=dry_run)
        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)d problems: nothing was imported.") % {"count": len(result.problems)}
            )
        for table in sorted(set(result.created) | set(result.updated)):
            self.stdout.write(
                _("%(table)s: %(created)d created, %(updated)d updated")
                % {
                    "table": table,
                    "created": result.created.get(table, 0),
                    "updated": result.updated.get(table, 0),
                }
            )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed."))
        else:
            self.stdout.write(_("Datapackage imported."))
