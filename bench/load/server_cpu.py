"""The web process's CPU per request through gunicorn, by load client and keep-alive: the same
requests, sent one at a time (or ``--at-once`` at a time), with the load's two clients.

    .venv/bin/python bench/load/server_cpu.py --rounds 20 [--at-once 4]

It starts gunicorn as ``bench/load/stack.py`` does (one worker, four threads, the stack's
environment and ``$SENTIER_LOAD_DIR``/``$SENTIER_LOAD_DATABASE_URL``; the database needs the
demo and the sessions of ``bench/load/fixtures.py --sessions``), then for each variant sends the
same rounds of requests (a caseworker's caseload, name search and a file, a partner's inbox, an
applicant's start page and first step, a partner system's API poll) and reads the worker's CPU
time (user + system) before and after. Variants:

- ``requests``: ``HttpUser``'s client (requests), its connection kept;
- ``requests, new connection``: the same, a new connection for each request (what a 2 s
  keep-alive gave with think times of 2 to 15 s);
- ``geventhttpclient``: ``FastHttpUser``'s client, its connection kept (the 30 s keep-alive).

CPU time holds on a loaded machine where wall time does not; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # no stubs in the dev dependencies
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load import stack

Send = Callable[[str, str, dict[str, str], str], int]


def requests_client(*, new_connection: bool) -> Callable[[], Send]:
    def make() -> Send:
        session = requests.Session()

        def send(method: str, url: str, headers: dict[str, str], body: str) -> int:
            if new_connection:
                headers = {**headers, "Connection": "close"}
            response = session.request(
                method, stack.BASE_URL + url, headers=headers, data=body or None,
                allow_redirects=False,
            )  # fmt: skip
            return response.status_code

        return send

    return make


def gevent_client() -> Send:
    from geventhttpclient.useragent import UserAgent

    agent = UserAgent(concurrency=1, network_timeout=60)
    agent.redirect_response_codes = frozenset()  # type: ignore[misc]  # as allow_redirects=False

    def send(method: str, url: str, headers: dict[str, str], body: str) -> int:
        # As FastHttpSession sends it (locust.contrib.fasthttp).
        headers = {"Accept-Encoding": "gzip, deflate, br", **headers}
        response = agent.urlopen(
            stack.BASE_URL + url, method=method, headers=headers, payload=body or None
        )
        response.content  # noqa: B018 - read the body, as the load does
        return int(response.status_code)

    return send


def rounds_of(fixtures: dict[str, Any]) -> list[tuple[str, str, dict[str, str], str]]:
    """One round: (method, url, headers, body) of the load's commonest requests."""
    cookie = fixtures["session_cookie"]
    caseworker = {"Cookie": f"{cookie}={fixtures['caseworkers'][0]['session']}"}
    partner = {"Cookie": f"{cookie}={fixtures['partners'][0]['session']}"}
    french = {"Accept-Language": "fr-ca"}
    listing = requests.get(
        stack.BASE_URL + "/fr-ca/participants/?scope=all",
        headers={**caseworker, **french},
        timeout=60,
    ).text
    files = stack_links(listing, "/fr-ca/participants/")
    surname = (fixtures.get("surnames") or ["Tremblay"])[0]
    found = [
        ("GET", "/fr-ca/participants/?scope=all&page=2", {**caseworker, **french}, ""),
        ("GET", f"/fr-ca/participants/?scope=all&q={surname}", {**caseworker, **french}, ""),
        ("GET", "/fr-ca/referrals/inbox/", {**partner, **french}, ""),
        ("GET", "/fr-ca/apply/", french, ""),
        ("GET", "/api/v1/referrals?page_size=50", {"X-Api-Key": fixtures["api_keys"][0]}, ""),
    ]
    if files:
        found.append(("GET", f"/fr-ca/participants/{files[0]}/", {**caseworker, **french}, ""))
    return found


def stack_links(html: str, prefix: str) -> list[str]:
    import re

    return re.findall(rf'href="{re.escape(prefix)}([0-9a-f-]{{36}})/"', html)


def measure(
    name: str, make: Callable[[], Send], requests_: list[Any], rounds: int, at_once: int
) -> None:
    worker = psutil.Process(stack_worker())
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def run() -> None:
        send = make()
        for _ in range(rounds):
            for method, url, headers, body in requests_:
                status = send(method, url, headers, body)
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1

    run_once = make()  # warm: the worker's first requests of each page
    for method, url, headers, body in requests_:
        run_once(method, url, headers, body)
    load = os.getloadavg()[0]
    before = worker.cpu_times()
    threads = [threading.Thread(target=run) for _ in range(at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = worker.cpu_times()
    cpu = (after.user + after.system) - (before.user + before.system)
    count = sum(statuses.values())
    print(
        f"{name:28} {count:5} requests at once {at_once}: {cpu / count * 1000:6.1f} ms of the "
        f"worker's CPU a request; statuses {dict(sorted(statuses.items()))}; "
        f"load {load:.1f} -> {os.getloadavg()[0]:.1f}"
    )


def stack_worker() -> int:
    master = psutil.Process(stack.pids()["gunicorn"])
    children = master.children()
    assert len(children) == 1, "one gunicorn worker"
    return int(children[0].pid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--at-once", type=int, default=1)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    fixtures = json.loads((stack.DIR / "fixtures.json").read_text())
    stack.ready_app()
    stack.start("gunicorn", stack.commands(1, args.threads)["gunicorn"])
    try:
        stack.wait_http(timeout=180)
        found = rounds_of(fixtures)
        variants: list[tuple[str, Callable[[], Send]]] = [
            ("requests", requests_client(new_connection=False)),
            ("requests, new connection", requests_client(new_connection=True)),
            ("geventhttpclient", lambda: gevent_client()),
        ]
        for name, make in variants:
            measure(name, make, found, args.rounds, args.at_once)
    finally:
        stack.down()
    return 0


if __name__ == "__main__":
    sys.exit(main())
