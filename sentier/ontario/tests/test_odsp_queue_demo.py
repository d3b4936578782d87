"""The ODSP intake unit's demo rows: a queue longer than a page, every channel, some assigned
to Iris or to her colleague, a day's mailing waiting; idempotent; nothing in Québec."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from sentier.accounts.models import User
from sentier.ontario import demo
from sentier.ontario.models import DeterminationPackage, ODSPApplication
from sentier.ontario.odsp import demo as odsp_demo
from sentier.ontario.odsp import views as odsp_views
from sentier.ontario.odsp.selectors import odsp_for_user


def test_the_quebec_demo_gets_no_odsp_rows(db: None) -> None:
    odsp_demo.load_odsp_demo()
    assert not ODSPApplication.objects.exists()


def test_the_odsp_demo_fills_the_queue_and_the_mailing_and_runs_twice_harmlessly(
    ontario: dict[str, Any],
) -> None:
    demo.load_demo()
    before = ODSPApplication.objects.count()
    odsp_demo.load_odsp_demo()
    odsp_demo.load_odsp_demo()
    rows = ODSPApplication.objects.filter(
        participant__last_name__in=[a[1] for a in odsp_demo.APPLICANTS]
    )
    sites = len(odsp_demo.SITE_APPLICANTS)
    assert ODSPApplication.objects.count() == before + len(odsp_demo.APPLICANTS) + sites
    assert rows.filter(status="received").count() > odsp_views.PAGE_SIZE // 2
    assert {row.channel for row in rows} == {"online", "phone", "in_person"}
    assert rows.filter(assigned_to__email="odsp.intake@sentier.demo").exists()
    assert rows.filter(assigned_to__email=odsp_demo.ODSP_COLLEAGUE.email).exists()
    packages = DeterminationPackage.objects.filter(odsp_application__in=rows)
    assert packages.filter(status="queued").count() == 6
    assert packages.filter(status="mailed").count() == 2
    assert packages.filter(status="with_dau").count() == 1
    assert rows.filter(status="refused").count() == 1
    assert rows.filter(status="info_requested").count() == 1
    # The First Nations site's applicants are in its queue only (a placeholder site).
    fay = User.objects.get(email=odsp_demo.FIRST_NATIONS_STAFF.email)
    theirs = odsp_for_user(fay)
    assert theirs.count() == sites
    assert all(row.first_nations_site.placeholder for row in theirs if row.first_nations_site)
    iris_rows = odsp_for_user(User.objects.get(email="odsp.intake@sentier.demo"))
    assert not iris_rows.filter(pk__in=theirs).exists()
    assert {p.language for p in packages} == {"en-ca", "fr-ca"}
    iris = User.objects.get(email="odsp.intake@sentier.demo")
    client = Client()
    client.force_login(iris)
    assert client.get(reverse("ontario:odsp_queue"), {"page": "2"}).status_code == 200
    assert client.get(reverse("ontario:odsp_mailing")).status_code == 200
