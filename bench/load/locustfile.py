"""The load scenario of issue 18: caseworkers, partner staff, applicants and API clients at once.

Run by ``bench/load/run.py`` (which starts the stack and writes the figures); by hand::

    .venv/bin/locust -f bench/load/locustfile.py --host http://127.0.0.1:18418 --headless \
        -u 60 -r 10 -t 90s

Users sign in with sessions prepared by ``bench/load/fixtures.py`` (no sign-in form: the real
one throttles 30 sign-ins a minute per address, and every user here comes from 127.0.0.1).
Every user is a ``FastHttpUser`` (geventhttpclient): 2.4 ms of the load generator's CPU a
request where ``HttpUser`` (requests) took 3.9 ms, on a machine whose two cores it shares with
the server (docs/benchmarks.md). Its client retries nothing sent by POST: a write is sent once,
as a browser sends it. Cookies (the session, the CSRF token) live in its cookie jar.
Every write the server acknowledges (a redirect after a note, an application's confirmation
page) is appended to ``$SENTIER_LOAD_DIR/acks/<pid>.jsonl``, so that the fault scripts can check
each one against the database afterwards. Weights: ``SENTIER_LOAD_MIX`` (default ``50,10,100,5``:
caseworkers, partner staff, applicants, API clients). Pace: ``SENTIER_LOAD_PACE``, ``working``
(default: people at work, the issue's run) or ``stress`` (the earlier runs' pace, and the fault
scripts'); the think times of each are in ``bench/load/stack.py`` (``PACES``).

The mix follows issue 18, task by task (weights inside each kind of user in brackets):

- caseworkers: the caseload a page at a time (4), with filters (status, program, "my
  participants": 2), searched by name (3) or file number (1); open a file (4), add a note (2),
  update an action of a plan (1), review applications: the queue and a recommendation (1), of
  which a third confirm the path;
- partner staff: the referrals inbox and one referral, half of them accepted (4); the week's
  attendance (2), of which half record hours;
- applicants: every step of an application, then send it;
- API clients (partner systems): poll their referrals, then only what changed since the last
  poll (6); accept a new referral (1).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import uuid
from http.cookiejar import Cookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from locust import FastHttpUser, between, task

from bench.load.forms import ANSWERS, forms_of, post_data
from bench.load.stack import PACES

DIR = Path(os.environ.get("SENTIER_LOAD_DIR", "/tmp/pg-ops18"))  # noqa: S108 - throw-away
FIXTURES: dict[str, Any] = json.loads((DIR / "fixtures.json").read_text())
ACKS = DIR / "acks"
ACKS.mkdir(exist_ok=True)
#: Marks this run's notes, so that a check counts only them.
RUN = os.environ.get("SENTIER_LOAD_RUN", "run")
MIX = [int(n) for n in os.environ.get("SENTIER_LOAD_MIX", "50,10,100,5").split(",")]
PACE = os.environ.get("SENTIER_LOAD_PACE", "working")
THINK = PACES[PACE]
#: At the working pace a person reads each page before the next one of the same task, and the
#: browser follows the redirect after a save; at the stress pace neither.
WORKING = PACE == "working"
LANG = "/fr-ca"
FILE_LINK = re.compile(r'href="/fr-ca/participants/([0-9a-f-]{36})/"')
PLAN_LINK = re.compile(r'href="/fr-ca/plans/([0-9a-f-]{36})/"')
ACTION_LINK = re.compile(r'href="/fr-ca/plans/actions/([0-9a-f-]{36})/"')
REVIEW_LINK = re.compile(r'href="/fr-ca/apply/review/([0-9a-f-]{36})/"')
INBOX_LINK = re.compile(r'href="/fr-ca/referrals/inbox/([0-9a-f-]{36})/"')

_ack_file = None


#: A form as a browser posts it (geventhttpclient sends a str body as text/plain).
FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


def set_cookie(user: FastHttpUser, name: str, value: str) -> None:
    """Put a cookie for the stack's host in the user's cookie jar (as a browser holds one)."""
    host = urlsplit(str(user.host)).hostname or "127.0.0.1"
    user.client.cookiejar.set_cookie(
        Cookie(
            0,
            name,
            value,
            None,
            False,
            host,
            False,
            False,
            "/",
            True,
            False,
            None,
            False,
            None,
            None,
            {},
        )
    )


def cookie(user: FastHttpUser, name: str) -> str:
    return next((c.value or "" for c in user.client.cookiejar if c.name == name), "")


def acknowledge(kind: str, **fields: str) -> None:
    global _ack_file
    if _ack_file is None:
        _ack_file = open(ACKS / f"{os.getpid()}.jsonl", "a", encoding="utf-8")  # noqa: SIM115
    _ack_file.write(json.dumps({"kind": kind, **fields}) + "\n")
    _ack_file.flush()


class Staff(FastHttpUser):
    abstract = True
    pool = "caseworkers"
    default_headers = {"Accept-Language": "fr-ca"}

    def on_start(self) -> None:
        person = random.choice(FIXTURES[self.pool])
        set_cookie(self, FIXTURES["session_cookie"], person["session"])

    def page(self, url: str, name: str) -> str:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return ""
            return str(response.text)

    def think(self) -> None:
        """Read the page before the next one of the same task (the working pace only)."""
        if WORKING:
            self.wait()  # type: ignore[no-untyped-call]  # locust's wait() has no annotations

    def follow(self, response: Any) -> None:
        """After a save, the page the redirect leads to, as a browser loads it (working pace)."""
        location = (response.headers.get("Location") or "").split("#")[0]
        if WORKING and response.status_code in (302, 303) and location:
            self.page(location, "a page after a save (the redirect followed)")

    def submit(self, url: str, form: dict[str, Any], name: str, **values: Any) -> int:
        data = urlencode(post_data(form, **values))
        with self.client.post(
            form["action"] or url,
            data=data,
            name=name,
            allow_redirects=False,
            headers={**FORM, "Referer": f"{self.host}{url}"},
            catch_response=True,
        ) as response:
            if response.status_code not in (302, 303, 409):
                response.failure(f"{response.status_code}")
            elif response.status_code == 409:
                response.success()  # the conflict screen: someone saved first
            status = int(response.status_code)
        self.follow(response)
        return status


class Caseworker(Staff):
    """Caseload with filters and search, open files, add notes, update plan actions, review."""

    weight = MIX[0]
    wait_time = between(*THINK["caseworker"])
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
        program = random.choice(FIXTURES.get("programs") or ["PAS"])
        query, name = random.choice(
            [
                ("scope=all&status=active", "caseload: filter on status"),
                (f"scope=all&program={program}&status=active", "caseload: program and status"),
                ("scope=mine", "caseload: my participants"),
            ]
        )
        html = self.page(f"{LANG}/participants/?{query}", name)
        self.files = FILE_LINK.findall(html)[:20] or self.files

    @task(3)
    def search(self) -> None:
        surname = random.choice(FIXTURES["surnames"])
        self.page(f"{LANG}/participants/?scope=all&q={surname}", "caseload: name search")

    @task(1)
    def search_file_number(self) -> None:
        number = random.choice(FIXTURES.get("file_numbers") or ["0"])
        self.page(f"{LANG}/participants/?scope=all&q={number}", "caseload: file number search")

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
        self.think()
        token = f"load-{RUN}-{uuid.uuid4()}"
        if self.submit(url, form, "file: add a note", text=token) == 302:
            acknowledge("note", token=token, participant=file)

    @task(1)
    def update_plan_action(self) -> None:
        html = self.page(f"{LANG}/plans/worklist/", "plans: worklist")
        plans = PLAN_LINK.findall(html)
        if not plans:
            return
        self.think()
        html = self.page(f"{LANG}/plans/{random.choice(plans)}/", "plan")
        actions = ACTION_LINK.findall(html)
        if not actions:
            return
        self.think()
        url = f"{LANG}/plans/actions/{random.choice(actions)}/"
        html = self.page(url, "plan action: edit form")
        form = next((f for f in forms_of(html) if "version" in f["fields"]), None)
        if form is not None:
            self.think()
            self.submit(url, form, "plan action: save", who_detail=f"load {uuid.uuid4().hex[:8]}")

    @task(1)
    def review_applications(self) -> None:
        html = self.page(f"{LANG}/apply/review/", "review queue")
        reviews = REVIEW_LINK.findall(html)
        if not reviews:
            return
        self.think()
        url = f"{LANG}/apply/review/{random.choice(reviews)}/"
        html = self.page(url, "review: a recommendation")
        form = next((f for f in forms_of(html) if "final_path" in f["fields"]), None)
        if form is not None and form["fields"]["final_path"] and random.random() < 1 / 3:
            # The recommended path, as most reviews end (another would need a reason).
            self.think()
            self.submit(url, form, "review: confirm the path")


class PartnerStaff(Staff):
    """The referrals inbox, accepting a referral, the attendance page."""

    weight = MIX[1]
    wait_time = between(*THINK["partner"])
    pool = "partners"

    @task(4)
    def inbox(self) -> None:
        html = self.page(f"{LANG}/referrals/inbox/", "referrals: inbox")
        referrals = INBOX_LINK.findall(html)
        if not referrals:
            return
        self.think()
        url = f"{LANG}/referrals/inbox/{random.choice(referrals)}/"
        html = self.page(url, "referrals: one referral")
        accept = next((f for f in forms_of(html) if f["fields"].get("to") == ["accepted"]), None)
        if accept is None or random.random() >= 0.5:
            return
        self.think()
        if self.submit(url, accept, "referrals: accept") == 302:
            acknowledge("accept", referral=url.rstrip("/").split("/")[-1])

    @task(2)
    def attendance(self) -> None:
        url = f"{LANG}/paas/attendance/"
        html = self.page(url, "PAAS: attendance")
        form = next(
            (f for f in forms_of(html) if any(n.startswith("hours-") for n in f["fields"])), None
        )
        hours = [name for name in (form or {}).get("fields", {}) if name.startswith("hours-")]
        if form is None or not hours or random.random() < 0.5:
            return
        chosen = random.sample(hours, min(3, len(hours)))
        self.think()
        typed = {name: str(random.randint(4, 20)) for name in chosen}
        self.submit(url, form, "PAAS: record attendance", **typed)


class Applicant(FastHttpUser):
    """An applicant applying online, step by step, then sending."""

    weight = MIX[2]
    wait_time = between(*THINK["applicant"])
    default_headers = {"Accept-Language": "fr-ca"}

    @task
    def apply(self) -> None:
        self.client.get(f"{LANG}/apply/", name="apply: start page")
        if WORKING:
            self.wait()  # type: ignore[no-untyped-call]  # reading the start page
        with self.client.post(
            f"{LANG}/apply/",
            data=urlencode({"csrfmiddlewaretoken": cookie(self, FIXTURES["csrf_cookie"])}),
            headers=FORM,
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
            if WORKING:
                self.wait()  # type: ignore[no-untyped-call]  # filling in the step
            with self.client.post(
                form["action"] or url,
                data=urlencode(post_data(form, **values)),
                headers=FORM,
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
            if not WORKING:  # the earlier runs' order: the step sent, then the think time
                self.wait()  # type: ignore[no-untyped-call]  # locust's wait() has no annotations


class ApiClient(FastHttpUser):
    """A partner system polling its referrals (the whole list once, then what changed since
    its last poll), and accepting a new one now and then."""

    weight = MIX[3]
    wait_time = between(*THINK["api"])

    def on_start(self) -> None:
        self.key = random.choice(FIXTURES["api_keys"])
        self.since: str | None = None

    def referrals(self, query: str, name: str) -> list[dict[str, Any]]:
        with self.client.get(
            f"/api/v1/referrals?{query}",
            headers={"X-Api-Key": self.key},
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(str(response.status_code))
                return []
            body = response.json()
        found = body.get("results", []) if isinstance(body, dict) else body
        return [row for row in found if isinstance(row, dict)]

    @task(6)
    def poll(self) -> None:
        # A few seconds of overlap: what changed while the last answer was being read.
        now = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
        if self.since is None:
            self.referrals("page_size=50", "API: referrals")
        else:
            self.referrals(f"page_size=50&updated_since={self.since}", "API: referrals changed")
        self.since = now.strftime("%Y-%m-%dT%H:%M:%SZ")

    @task(1)
    def accept(self) -> None:
        waiting = self.referrals("status=requested&page_size=10", "API: new referrals")
        if not waiting:
            return
        referral = str(random.choice(waiting).get("uuid", ""))
        with self.client.post(
            f"/api/v1/referrals/{referral}/status",
            json={"status": "accepted"},
            headers={"X-Api-Key": self.key},
            name="API: accept a referral",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                acknowledge("accept", referral=referral)
            elif response.status_code == 409:
                response.success()  # accepted by someone else first
            else:
                response.failure(str(response.status_code))
