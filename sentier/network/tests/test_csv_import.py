"""CSV import of services and capacity: dry run, per-line errors, progress, the page and task."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sentier.network.csv_import import plan_import, run_import_job
from sentier.network.models import ImportJob, ImportStatus, Service
from sentier.network.tasks import run_service_import

pytestmark = pytest.mark.django_db

HEADER = "organization,service,kind,regions,clienteles,languages,available,maximum,waiting\n"
GOOD = (
    HEADER
    + "sorif,Accompagnement vers l’emploi,,,,,1,12,8\n"
    + "sorif,Nouveau service,training,06,single_mothers,fr;en,4,10,0\n"
)
BAD = (
    HEADER
    + "sorif,Accompagnement vers l’emploi,,,,,deux,12,8\n"
    + "nobody,Service,training,06,,,,,\n"
    + "sorif,Autre,,99,aliens,xx,5,3,0\n"
)


def _snapshot() -> list[tuple[Any, ...]]:
    return list(
        Service.objects.order_by("pk").values_list(
            "name", "capacity_available", "capacity_maximum", "waiting_list_length"
        )
    )


def _job(personas: dict[str, Any], content: str, *, dry_run: bool) -> ImportJob:
    from django.utils import timezone

    return ImportJob.objects.create(
        created_by=personas["admin"],
        created_at=timezone.now(),
        file_name="services.csv",
        content=content,
        dry_run=dry_run,
    )


def test_a_dry_run_changes_nothing_and_says_what_would(personas: dict[str, Any]) -> None:
    before = _snapshot()
    job = _job(personas, GOOD, dry_run=True)

    run_import_job(job)

    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.created_count, job.updated_count, job.errors) == (1, 1, [])
    assert job.percent == 100
    assert _snapshot() == before


def test_a_real_import_creates_and_updates(personas: dict[str, Any]) -> None:
    job = _job(personas, GOOD, dry_run=False)

    run_service_import.call(str(job.uuid))

    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    updated = Service.objects.get(organization__slug="sorif", name="Accompagnement vers l’emploi")
    assert (updated.capacity_available, updated.waiting_list_length) == (1, 8)
    created = Service.objects.get(organization__slug="sorif", name="Nouveau service")
    assert created.languages == ["fr", "en"]
    assert list(created.regions.values_list("code", flat=True)) == ["06"]
    assert list(created.clienteles.values_list("code", flat=True)) == ["single_mothers"]


def test_each_problem_has_its_line_column_and_message_and_nothing_is_written(
    personas: dict[str, Any],
) -> None:
    before = _snapshot()
    job = _job(personas, BAD, dry_run=False)

    run_import_job(job)

    job.refresh_from_db()
    found = {(e["line"], e["column"]) for e in job.errors}
    assert found == {
        (2, "available"),
        (3, "organization"),
        (4, "kind"),
        (4, "regions"),
        (4, "clienteles"),
        (4, "languages"),
        (4, "available"),
    }
    assert all(e["message"] for e in job.errors)
    assert _snapshot() == before


def test_a_missing_or_unknown_column_is_reported_on_line_1() -> None:
    plan = plan_import("organisation,service,color\nsorif,x,red\n")

    assert {(e.line, e.column) for e in plan.errors} == {
        (1, "organization"),
        (1, "organisation"),
        (1, "color"),
    }


def test_province_wide_takes_yes_or_no() -> None:
    header = "organization,service,kind,province_wide\n"
    plan = plan_import(header + "sorif,Ligne,other,oui\nsorif,Autre,other,peut-être\n")

    assert plan.rows[0].values["province_wide"] is True
    assert [(e.line, e.column) for e in plan.errors] == [(3, "province_wide")]


def test_the_same_service_twice_is_reported() -> None:
    plan = plan_import(HEADER + "sorif,X,training,,,,,,\nsorif,X,training,,,,,,\n")

    assert [(e.line, e.column) for e in plan.errors] == [(3, "service")]


def test_progress_is_reported_as_lines_are_checked() -> None:
    seen: list[tuple[int, int]] = []
    rows = "".join(f"sorif,Service {n},training,,,,,,\n" for n in range(60))

    plan_import(HEADER + rows, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(25, 60), (50, 60), (60, 60)]


def test_the_page_queues_a_task_and_shows_a_progress_bar(client_for: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    client = client_for("coordinator")
    upload = SimpleUploadedFile("services.csv", GOOD.encode(), content_type="text/csv")

    response = client.post("/fr-ca/directory/import/", {"file": upload, "dry_run": "on"})

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/directory/import/{job.uuid}/")
    assert DBTaskResult.objects.filter(args_kwargs__args=[str(job.uuid)]).exists()
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page
    assert 'http-equiv="refresh"' in page

    run_service_import.call(str(job.uuid))
    done = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert 'value="100"' in done


def test_a_file_that_is_not_text_is_refused_next_to_the_field(client_for: Any) -> None:
    upload = SimpleUploadedFile("x.csv", b"\xff\xfe\x00\x00garbage", content_type="text/csv")

    response = client_for("admin").post("/fr-ca/directory/import/", {"file": upload})

    assert response.status_code == 400
    assert "file" in response.context["form"].errors
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("who", ["partner_sorif", "caseworker_laval", "participant"])
def test_others_cannot_import(client_for: Any, who: str) -> None:
    upload = SimpleUploadedFile("services.csv", GOOD.encode(), content_type="text/csv")

    response = client_for(who).post("/fr-ca/directory/import/", {"file": upload})

    assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_someone_elses_import_job_is_404(client_for: Any, personas: dict[str, Any]) -> None:
    job = _job(personas, GOOD, dry_run=True)

    assert client_for("coordinator").get(f"/fr-ca/directory/import/{job.uuid}/").status_code == 404
    assert client_for("admin").get("/fr-ca/directory/import/nope/").status_code == 404


def test_empty_cells_keep_the_current_figures(personas: dict[str, Any]) -> None:
    service = Service.objects.get(organization__slug="sorif", name="Accompagnement vers l’emploi")
    Service.objects.filter(pk=service.pk).update(
        capacity_available=0, capacity_maximum=12, estimated_wait_days=42
    )
    job = _job(personas, HEADER + "sorif,Accompagnement vers l’emploi,,,,,,,3\n", dry_run=False)

    run_import_job(job)

    service.refresh_from_db()
    assert job.errors == []
    assert (
        service.capacity_available,
        service.capacity_maximum,
        service.waiting_list_length,
        service.estimated_wait_days,
    ) == (0, 12, 3, 42)


def test_more_available_than_the_current_maximum_is_reported() -> None:
    service = Service.objects.get(organization__slug="sorif", name="Accompagnement vers l’emploi")
    Service.objects.filter(pk=service.pk).update(capacity_maximum=12)

    plan = plan_import(HEADER + "sorif,Accompagnement vers l’emploi,,,,,20,,\n")

    assert [(e.line, e.column) for e in plan.errors] == [(2, "available")]
