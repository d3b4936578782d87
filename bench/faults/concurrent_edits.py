"""1,000 concurrent edits of the same plan from 20 clients: no update lost, every conflict
answered with the conflict screen.

    .venv/bin/python bench/load/stack.py prepare      # once
    .venv/bin/python bench/faults/concurrent_edits.py --edits 1000 --clients 20

Each client, signed in as the plan's caseworker, opens the plan's edit page (which carries the
plan's ``version``) and saves it with a purpose of its own, as fast as the server lets it. A
save either succeeds (a redirect) or meets the conflict screen (409: "Someone saved this plan
before you", with both versions). Afterwards: the plan's version moved by exactly the number of
successes, no two successes started from the same version, and the saved purpose is that of the
last success. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.faults import under_load
from bench.load import stack

CONFLICT = "Quelqu’un a enregistré ce plan avant vous"
VERSION = re.compile(r'name="version" value="(\d+)"')


def target() -> tuple[str, str, int]:
    """An editable plan whose caseworker has a session: its uuid, the session and version."""
    sql = (
        "SELECT p.uuid, s.session_key, p.version FROM plans_supportplan p "
        "JOIN accounts_user u ON u.id = p.caseworker_id "
        "JOIN django_session s ON s.expire_date > now() "
        "WHERE p.status IN ('requested', 'proposed', 'active', 'extension_requested') "
        "ORDER BY p.id LIMIT 400"
    )
    fixtures = (stack.DIR / "fixtures.json").read_text()
    for line in stack.psql(sql).splitlines():
        plan, session, version = line.split("\t")
        if session in fixtures:
            response = requests.get(
                f"{stack.BASE_URL}/fr-ca/plans/{plan}/edit/",
                cookies={"sessionid": session},
                timeout=60,
            )
            if response.status_code == 200:
                return plan, session, int(version)
    raise SystemExit("No editable plan with a signed-in caseworker: run load_demo")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="Print; do not update the docs.")
    args = parser.parse_args()
    under_load.start_stack(3, 4)
    statuses: Counter[str] = Counter()
    successes: list[tuple[int, str]] = []  # (version started from, purpose saved)
    conflict_screens = 0
    lock = threading.Lock()
    try:
        plan, session, before = target()
        url = f"{stack.BASE_URL}/fr-ca/plans/{plan}/edit/"
        per_client = args.edits // args.clients

        def client(number: int) -> None:
            nonlocal conflict_screens
            browser = under_load.FormClient(session)
            for edit in range(per_client):
                form = browser.form(url, lambda f: "version" in f["fields"])
                assert form is not None, "the plan's edit form"
                version = int(form["fields"]["version"][0])
                purpose = f"edit {number}-{edit}"
                answer = browser.submit(url, form, purpose=purpose)
                with lock:
                    statuses[str(answer.status_code)] += 1
                    if answer.status_code == 302:
                        successes.append((version, purpose))
                    elif answer.status_code == 409 and CONFLICT in answer.text:
                        conflict_screens += 1

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        stack.down()
    query = "SELECT version, purpose FROM plans_supportplan WHERE uuid = "
    after_version, after_purpose = stack.psql(query + f"'{plan}'").strip().split("\t", 1)
    after = int(after_version)
    started_from = Counter(version for version, _ in successes)
    last = max(successes)[1] if successes else ""
    lost = len(successes) - (after - before)
    edits = sum(statuses.values())
    conflicts = statuses.get("409", 0)
    ok = (
        lost == 0
        and max(started_from.values(), default=1) == 1
        and after_purpose == last
        and conflict_screens == conflicts
        and statuses.get("302", 0) + conflicts == edits
    )
    text = "\n".join(
        [
            "## Concurrent edits of one plan (`bench/faults/concurrent_edits.py`)",
            "",
            f"Machine: {machine_description()}; shared with other work. {edits:,} edits of one "
            f"support plan's purpose from {args.clients} clients at once (threads, each signed in "
            "as the plan's caseworker: open the edit page, save), against the stack of "
            f"`bench/load/` (3 gunicorn workers x 4 threads); {elapsed:.0f} s.",
            "",
            f"- Answers: {dict(statuses)}.",
            f"- Saved: **{len(successes)}**; the plan's version went from {before} to {after} "
            f"(+{after - before}): **{lost} lost updates**; no two saves started from the same "
            f"version: {max(started_from.values(), default=1) == 1}; the saved purpose is the "
            f"last save's: {after_purpose == last}.",
            f"- Conflicts: **{conflicts}**, of which {conflict_screens} showed the conflict "
            "screen (« Quelqu’un a enregistré ce plan avant vous », both versions, the form to "
            "apply one's own again).",
            f"- Verdict: **{'no update lost, every conflict shown' if ok else 'FAILED'}**.",
        ]
    )
    print(text)
    if not args.no_write:
        write_section("concurrent_edits", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
