"""The load scenario of issue 18: caseworkers, partner staff, applicants and API clients at once.

Run by ``bench/load/run.py`` (which starts the stack and writes the figures); by hand::

    .venv/bin/locust -f bench/load/locustfile.py --host http://127.0.0.1:18418 --headless \
        -u 60 -r 10 -t 90s

Users sign in with sessions prepared by ``bench/load/fixtures.py`` (no sign-in form: the real
one throttles 30 sign-ins a minute per address, and every user here comes from 127.0.0.1).
Every write the server acknowledges (a redirect after a note, an application's confirmation
page) is appended to ``$SENTIER_LOAD_DIR/acks/<pid>.jsonl``, so that the fault scripts can check
each one against the database afterwards. Weights: ``SENTIER_LOAD_MIX`` (default ``50,10,100,5``:
caseworkers, partner staff, applicants, API clients).
"""

from __future__ import annotations

import json
import os
import random
import re
import uuid
from pathlib import Path
from typing import Any

from locust import FastHttpUser, HttpUser, between, task

from bench.load.forms import forms_of, post_data

DIR = Path(os.environ.get("SENTIER_LOAD_DIR", "/tmp/pg-ops18"))  # noqa: S108 - throw-away
FIXTURES: dict[str, Any] = json.loads((DIR / "fixtures.json").read_text())
ACKS = DIR / "acks"
ACKS.mkdir(exist_ok=True)
#: Marks this run's notes, so that a check counts only them.
RUN = os.environ.get("SENTIER_LOAD_RUN", "run")
MIX = [int(n) for n in os.environ.get("SENTIER_LOAD_MIX", "50,10,100,5").split(",")]
LANG = "/fr-ca"
FILE_LINK = re.compile(r'href="/fr-ca/participants/([0-9a-f-]{36})/"')
PLAN_LINK = re.compile(r'href="/fr-ca/plans/([0-9a-f-]{36})/"')
ACTION_LINK = re.compile(r'href="/fr-ca/plans/actions/([0-9a-f-]{36})/"')
REVIEW_LINK = re.compile(r'href="/fr-ca/apply/review/([0-9a-f-]{36})/"')
INBOX_LINK = re.compile(r'href="/fr-ca/referrals/inbox/([0-9a-f-]{36})/"')

_ack_file = None


def acknowledge(kind: str, **fields: str) -> None:
    global _ack_file
    if _ack_file is None:
        _ack_file = open(ACKS / f"{os.getpid()}.jsonl", "a", encoding="utf-8")  # noqa: SIM115
    _ack_file.write(json.dumps({"kind": kind, **fields}) + "\n")
    _ack_file.flush()


class Staff(HttpUser):
    abstract = True
    pool = "caseworkers"

    def on_start(self) -> None:
        person = random.choice(FIXTURES[self.pool])
        self.client.cookies.set(FIXTURES["session_cookie"], person["session"])
        self.client.headers["Accept-Language"] = "fr-ca"

    def page(self, url: str, name: str) -> str:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return ""
            return str(response.text)

    def submit(self, url: str, form: dict[str, Any], name: str, **values: Any) -> int:
        data = post_data(form, **values)
        with self.client.post(
            form["action"] or url,
            data=data,
            name=name,
            allow_redirects=False,
            headers={"Referer": f"{self.host}{url}"},
            catch_response=True,
        ) as response:
            if response.status_code not in (302, 303, 409):
                response.failure(f"{response.status_code}")
            elif response.status_code == 409:
                response.success()  # the conflict screen: someone saved first
            return int(response.status_code)


class Caseworker(Staff):
    """Caseload with filters and search, open files, add notes, update plan actions, review."""

    weight = MIX[0]
    wait_time = between(2, 6)
    files: list[str]

    def on_start(self) -> None:
        super().on_start()
        self.files = []

    @task(4)
    def caseload(self) -> None:
        page = random.randint(1, 40)
        html = self.page(f"{LANG}/participants/?scope=all&page={page}", "caseload: a page")
        self.files = FILE_LINK.findall(html)[:20] or self.files

    @task(2)
    def caseload_filtered(self) -> None:
        html = self.page(f"{LANG}/participants/?status=active", "caseload: filter on status")
        self.files = FILE_LINK.findall(html)[:20] or self.files

    @task(3)
    def search(self) -> None:
        surname = random.choice(FIXTURES["surnames"])
        self.page(f"{LANG}/participants/?scope=all&q={surname}", "caseload: name search")

    @task(4)
    def open_file(self) -> None:
        if not self.files:
            return self.caseload()
        self.page(f"{LANG}/participants/{random.choice(self.files)}/", "file")

    @task(2)
    def add_note(self) -> None:
        if not self.files:
            return self.caseload()
        file = random.choice(self.files)
        url = f"{LANG}/participants/{file}/"
        html = self.page(url, "file")
        form = next((f for f in forms_of(html) if f["action"].endswith("/notes/")), None)
        if form is None:
            return
        token = f"load-{RUN}-{uuid.uuid4()}"
        if self.submit(url, form, "file: add a note", text=token) == 302:
            acknowledge("note", token=token, participant=file)

    @task(1)
    def update_plan_action(self) -> None:
        html = self.page(f"{LANG}/plans/worklist/", "plans: worklist")
        plans = PLAN_LINK.findall(html)
        if not plans:
            return
        html = self.page(f"{LANG}/plans/{random.choice(plans)}/", "plan")
        actions = ACTION_LINK.findall(html)
        if not actions:
            return
        url = f"{LANG}/plans/actions/{random.choice(actions)}/"
        html = self.page(url, "plan action: edit form")
        form = next((f for f in forms_of(html) if "version" in f["fields"]), None)
        if form is not None:
            self.submit(url, form, "plan action: save", who_detail=f"load {uuid.uuid4().hex[:8]}")

    @task(1)
    def review_applications(self) -> None:
        html = self.page(f"{LANG}/apply/review/", "review queue")
        reviews = REVIEW_LINK.findall(html)
        if reviews:
            self.page(f"{LANG}/apply/review/{random.choice(reviews)}/", "review: a recommendation")


class PartnerStaff(Staff):
    """The referrals inbox, accepting a referral, the attendance page."""

    weight = MIX[1]
    wait_time = between(3, 8)
    pool = "partners"

    @task(4)
    def inbox(self) -> None:
        html = self.page(f"{LANG}/referrals/inbox/", "referrals: inbox")
        referrals = INBOX_LINK.findall(html)
        if not referrals:
            return
        url = f"{LANG}/referrals/inbox/{random.choice(referrals)}/"
        html = self.page(url, "referrals: one referral")
        accept = next((f for f in forms_of(html) if f["fields"].get("to") == ["accepted"]), None)
        if accept is not None and random.random() < 0.5:
            self.submit(url, accept, "referrals: accept")

    @task(1)
    def attendance(self) -> None:
        self.page(f"{LANG}/paas/attendance/", "PAAS: attendance")


ANSWERS = {
    "first_name": "Awa",
    "last_name": "Diallo",
    "birth_date": "1990-06-02",
    "birth_date_0": "2",
    "birth_date_1": "6",
    "birth_date_2": "1990",
    "preferred_language": "fr-ca",
    "phone": "450 555-0101",
    "city": "Laval",
    "postal_code": "H7N 2T5",
    "region": "13",
    "household_type": "single_parent",
    "adults": "1",
    "children": "2",
    "program": "PAS",
    "wants_support": "yes",
    "job_start": "yes",
}


class Applicant(HttpUser):
    """An applicant applying online, step by step, then sending."""

    weight = MIX[2]
    wait_time = between(5, 15)

    @task
    def apply(self) -> None:
        self.client.headers["Accept-Language"] = "fr-ca"
        self.client.get(f"{LANG}/apply/", name="apply: start page")
        with self.client.post(
            f"{LANG}/apply/",
            data={"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")},
            name="apply: start",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(str(response.status_code))
                return
            url = response.headers["Location"]
        for _ in range(12):
            with self.client.get(url, name="apply: a step", catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(str(response.status_code))
                    return
                html = response.text
            form = next((f for f in forms_of(html) if f["method"] == "post"), None)
            if form is None:
                return
            values = {name: ANSWERS[name] for name in form["fields"] if name in ANSWERS}
            summary = url.endswith("/summary/")
            with self.client.post(
                form["action"] or url,
                data=post_data(form, **values),
                allow_redirects=False,
                name="apply: send" if summary else "apply: save a step",
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(str(response.status_code))
                    return
                url = response.headers["Location"]
            if url.endswith("/sent/"):
                acknowledge("application", resume_key=url.rstrip("/").split("/")[-2])
                self.client.get(url, name="apply: confirmation")
                return
            self.wait()  # type: ignore[no-untyped-call]  # locust's wait() has no annotations


class ApiClient(FastHttpUser):
    """A partner system polling its referrals."""

    weight = MIX[3]
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.key = random.choice(FIXTURES["api_keys"])

    @task
    def poll(self) -> None:
        self.client.get(
            "/api/v1/referrals?page_size=50",
            headers={"X-Api-Key": self.key},
            name="API: referrals",
        )
