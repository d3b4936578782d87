"""CSV import of services and their capacity (administrators and coordinators).

One line per service, found by (organization identifier, service name): a new pair creates the
service, a known one updates the columns that are filled in. Empty cells change nothing.

The whole file is checked first; each problem is reported with its line number (the header is
line 1), its column and a translated message. A dry run stops there and says what would be
created and updated. A real import applies the file only when no line has an error (all or
nothing), one line at a time so that the progress bar moves. It runs as a django-tasks task
(:mod:`sentier.network.tasks`); :func:`run_import_job` is what the task calls.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.core import languages
from sentier.network.actions import update_capacity
from sentier.network.models import (
    Clientele,
    ImportJob,
    ImportStatus,
    Organization,
    Service,
    ServiceKind,
    ServiceStatus,
)
from sentier.reference.models import Region

COLUMNS = (
    "organization",
    "service",
    "kind",
    "status",
    "regions",
    "province_wide",
    "clienteles",
    "languages",
    "available",
    "maximum",
    "waiting",
    "unit",
    "estimated_wait_days",
    "description",
    "eligibility",
    "application_process",
    "fees",
)
REQUIRED = ("organization", "service")
NUMBERS = ("available", "maximum", "waiting", "estimated_wait_days")
# Organizations may declare every language a person can say they speak (Haitian Creole, LSQ…).
LANGUAGES = languages.SPOKEN_LANGUAGES
MAX_ROWS = 20_000
PROGRESS_EVERY = 25


@dataclasses.dataclass
class RowError:
    line: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclasses.dataclass
class PlannedRow:
    line: int
    organization: Organization
    name: str
    service: Service | None
    values: dict[str, Any]
    regions: list[Region] | None
    clienteles: list[Clientele] | None
    capacity: dict[str, Any] | None


@dataclasses.dataclass
class ImportPlan:
    rows: list[PlannedRow]
    errors: list[RowError]

    @property
    def creates(self) -> int:
        return sum(1 for row in self.rows if row.service is None)

    @property
    def updates(self) -> int:
        return sum(1 for row in self.rows if row.service is not None)


def _codes(cell: str) -> list[str]:
    return [code.strip() for code in cell.replace(",", ";").split(";") if code.strip()]


def plan_import(text: str, *, progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """Read and check every line; nothing is written. ``progress(done, total)`` is called as
    lines are checked."""
    reader = csv.DictReader(io.StringIO(text))
    errors: list[RowError] = []
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    unknown = [column for column in header if column and column not in COLUMNS]
    for column in missing:
        errors.append(RowError(1, column, _("This column is missing.")))
    for column in unknown:
        errors.append(RowError(1, column, _("Unknown column.")))
    if missing or unknown:
        return ImportPlan(rows=[], errors=errors)
    raw_rows = list(reader)
    if len(raw_rows) > MAX_ROWS:
        errors.append(RowError(1, "", _("Too many lines (%(max)s at most).") % {"max": MAX_ROWS}))
        return ImportPlan(rows=[], errors=errors)

    organizations = {o.slug: o for o in Organization.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    clienteles = {c.code: c for c in Clientele.objects.all()}
    services = {(s.organization_id, s.name): s for s in Service.objects.all()}
    seen: dict[tuple[int, str], int] = {}
    rows: list[PlannedRow] = []
    total = len(raw_rows)
    for index, raw in enumerate(raw_rows):
        line = index + 2
        cell = {key.strip(): (value or "").strip() for key, value in raw.items() if key}
        row_errors: list[RowError] = []

        def error(
            column: str, message: str, *, _errors: list[RowError] = row_errors, _line: int = line
        ) -> None:
            _errors.append(RowError(_line, column, message))

        organization = organizations.get(cell.get("organization", ""))
        if not cell.get("organization"):
            error("organization", _("Give the organization's identifier."))
        elif organization is None:
            error(
                "organization",
                _("No organization has the identifier “%(value)s”.")
                % {"value": cell["organization"][:60]},
            )
        name = cell.get("service", "")
        if not name:
            error("service", _("Give the service's name."))
        elif len(name) > 200:
            error("service", _("The name is too long (200 characters at most)."))
        existing = services.get((organization.pk, name)) if organization else None
        if organization is not None and name:
            first = seen.setdefault((organization.pk, name), line)
            if first != line:
                error("service", _("Same service as line %(line)s.") % {"line": first})

        values: dict[str, Any] = {}
        kind = cell.get("kind", "")
        if kind and kind not in ServiceKind.values:
            error("kind", _("Unknown kind “%(value)s”.") % {"value": kind[:40]})
        elif kind:
            values["kind"] = kind
        elif existing is None:
            error("kind", _("Give the kind of a new service."))
        status = cell.get("status", "")
        if status and status not in ServiceStatus.values:
            error("status", _("Unknown status “%(value)s”.") % {"value": status[:40]})
        elif status:
            values["status"] = status
        for column, field in (
            ("description", "description"),
            ("eligibility", "eligibility_description"),
            ("application_process", "application_process"),
            ("fees", "fees_description"),
        ):
            if cell.get(column):
                values[field] = cell[column][: 300 if field == "fees_description" else 5000]
        if cell.get("province_wide"):
            flag = cell["province_wide"].lower()
            if flag in ("1", "yes", "oui", "true", "vrai"):
                values["province_wide"] = True
            elif flag in ("0", "no", "non", "false", "faux"):
                values["province_wide"] = False
            else:
                error("province_wide", _("Answer yes or no."))
        if cell.get("languages"):
            codes = [code.lower() for code in _codes(cell["languages"])]
            bad = [code for code in codes if code not in LANGUAGES]
            if bad:
                error(
                    "languages",
                    _("Unknown language codes: %(codes)s.") % {"codes": ", ".join(bad)[:60]},
                )
            values["languages"] = codes
        region_rows: list[Region] | None = None
        if cell.get("regions"):
            codes = _codes(cell["regions"])
            bad = [code for code in codes if code not in regions]
            if bad:
                error(
                    "regions",
                    _("Unknown region codes: %(codes)s.") % {"codes": ", ".join(bad)[:60]},
                )
            region_rows = [regions[code] for code in codes if code in regions]
        clientele_rows: list[Clientele] | None = None
        if cell.get("clienteles"):
            codes = _codes(cell["clienteles"])
            bad = [code for code in codes if code not in clienteles]
            if bad:
                error(
                    "clienteles",
                    _("Unknown clientele codes: %(codes)s.") % {"codes": ", ".join(bad)[:60]},
                )
            clientele_rows = [clienteles[code] for code in codes if code in clienteles]

        numbers: dict[str, int | None] = {}
        for column in NUMBERS:
            value = cell.get(column, "")
            if not value:
                continue
            try:
                number = int(value)
            except ValueError:
                error(column, _("Enter a whole number, for example 3."))
                continue
            if number < 0 or number > 100_000:
                error(column, _("Enter a number between 0 and 100,000."))
                continue
            numbers[column] = number
        capacity: dict[str, Any] | None = None
        if any(column in numbers for column in ("available", "maximum", "waiting")):
            # A figure the line leaves empty keeps its current value.
            available = numbers.get("available", existing.capacity_available if existing else None)
            maximum = numbers.get("maximum", existing.capacity_maximum if existing else None)
            if available is not None and maximum is not None and available > maximum:
                error("available", _("More places available than places in all."))
            # Only what the line says: the other figures stay as they are (see apply_row).
            capacity = {
                column: numbers[column]
                for column in ("available", "maximum", "waiting")
                if column in numbers
            }
            if "estimated_wait_days" in numbers:
                capacity["estimated_wait_days"] = numbers["estimated_wait_days"]
            if cell.get("unit"):
                capacity["unit"] = cell["unit"]
        errors.extend(row_errors)
        if not row_errors and organization is not None:
            rows.append(
                PlannedRow(
                    line=line,
                    organization=organization,
                    name=name,
                    service=existing,
                    values=values,
                    regions=region_rows,
                    clienteles=clientele_rows,
                    capacity=capacity,
                )
            )
        if progress is not None and (index + 1) % PROGRESS_EVERY == 0:
            progress(index + 1, total)
    if progress is not None:
        progress(total, total)
    return ImportPlan(rows=rows, errors=errors)


@transaction.atomic
def apply_row(row: PlannedRow, *, actor_label: str) -> Service:
    """Create or update one service from a checked line."""
    service = row.service
    if service is None:
        service = Service(organization=row.organization, name=row.name, **row.values)
        service.save()
    elif row.values:
        for field, value in row.values.items():
            setattr(service, field, value)
        service.save()
    if row.regions is not None:
        service.regions.set(row.regions)
        service.locations.set(row.organization.locations.filter(region__in=row.regions))
    if row.clienteles is not None:
        service.clienteles.set(row.clienteles)
    if row.capacity is not None:
        figures = {
            "available": service.capacity_available,
            "maximum": service.capacity_maximum,
            "waiting": service.waiting_list_length,
            **row.capacity,
        }
        update_capacity(actor_label=actor_label, service=service, actor=None, **figures)
    return service


def run_import_job(job: ImportJob) -> ImportJob:
    """Check the job's file, then apply it unless it is a dry run or a line has an error."""
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status"])
    total_lines = max(0, len(job.content.splitlines()) - 1)
    # A real import counts the lines twice (checked, then applied).
    job.total_rows = total_lines * (1 if job.dry_run else 2)
    job.save(update_fields=["total_rows"])

    def progress(done: int, _total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)

    try:
        plan = plan_import(job.content, progress=progress)
        job.errors = [e.as_dict() for e in plan.errors]
        job.created_count, job.updated_count = plan.creates, plan.updates
        job.processed_rows = total_lines
        job.save(update_fields=["errors", "created_count", "updated_count", "processed_rows"])
        if not job.dry_run and not plan.errors:
            label = _("CSV import by %(name)s") % {"name": job.created_by or "?"}
            for index, row in enumerate(plan.rows, start=1):
                apply_row(row, actor_label=label)
                if index % PROGRESS_EVERY == 0:
                    progress(total_lines + index, job.total_rows)
            job.processed_rows = job.total_rows
        job.status = ImportStatus.DONE
    except Exception:
        job.status = ImportStatus.FAILED
        raise
    finally:
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "processed_rows", "finished_at"])
    return job
