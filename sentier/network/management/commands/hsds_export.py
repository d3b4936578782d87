"""``sentier hsds_export PATH``: the directory as an HSDS 3.1 datapackage (folder or .zip)."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from sentier.network.hsds.export import export_datapackage


class Command(BaseCommand):
    help = "Export the partner directory as an HSDS 3.1 tabular datapackage (folder or .zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A folder, or a file name ending in .zip.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["path"])
        if target.suffix.lower() == ".zip":
            with tempfile.TemporaryDirectory() as folder:
                counts = export_datapackage(Path(folder))
                with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                    for path in sorted(Path(folder).iterdir()):
                        archive.write(path, path.name)
        else:
            counts = export_datapackage(target)
        for table, count in counts.items():
            self.stdout.write(f"{table}: {count}")
        self.stdout.write(_("Datapackage written to %(path)s.") % {"path": target})
