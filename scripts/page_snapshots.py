"""Render every page every demo persona can reach, normalized, to prove a refactor changed no page.

    .venv/bin/python scripts/page_snapshots.py OUTDIR [--jurisdiction qc|on|both] [--limit N]
    .venv/bin/python scripts/page_snapshots.py --diff DIR_A DIR_B

For each jurisdiction, a throw-away SQLite demo database is built in a temporary folder
(``migrate``, ``createcachetable``, ``load_reference``, ``load_demo --quiet-logins``) with the
Python of the worktree this script sits in, so that a snapshot shows the code of *that* worktree.
Then, for the anonymous visitor and each demo login (``load_demo --logins-only``), Django's test
client follows every same-site GET link (and GET form without inputs) from the home page in both
languages (breadth first, a kind of page not seen yet before another of a kind already seen; at
most ``--limit`` pages a persona; PDF and other binary answers as type and size only) and writes
each page to
``OUTDIR/<jurisdiction>/<persona>/<slug>.html``; ``OUTDIR/index.tsv`` lists jurisdiction,
persona, URL, status and SHA-256.

Runs are comparable because:
- the demo is loaded and the pages are read under libfaketime with the clock stopped: the demo
  load at ``LOAD_CLOCK``, the crawl at ``CRAWL_CLOCK`` (a running clock gives other seconds in
  each run's timestamps);
- every process draws UUIDs and ``secrets`` from a seeded generator (``SITECUSTOMIZE``), and
  ``PYTHONHASHSEED`` is fixed;
- each persona starts from a copy of the freshly loaded database (what one persona's visit
  writes, such as access-log rows, is not seen by the next);
- volatile text is normalized before writing (``normalize``): CSRF tokens, CSP nonces, Django
  signed values; each UUID becomes ``uuid-N`` in its order of first appearance in the persona's
  crawl (in page text, file names and the index), so that a demo loader that creates its rows
  in another order still compares page by page.

The schema is migrated once and copied for both jurisdictions, which then load and crawl side by
side (``--jobs``).

``--diff`` lists the pages found in only one snapshot and the first lines of a unified diff of
each page that differs; it exits 1 if anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import heapq
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LOAD_CLOCK = "2026-12-01 10:00:00"
CRAWL_CLOCK = "2026-12-01 12:00:00"
LANGUAGE_PREFIXES = ("/fr-ca/", "/en-ca/")
ANONYMOUS = "anonymous"
DEFAULT_LIMIT = 400
DIFF_LINES = 40

# Paths never followed: signing out, switching language, the static files, the admin's
# "view on site" hops and anything that is a download we cannot compare as text.
EXCLUDED = re.compile(
    r"(logout|deconnexion|/i18n/|^/static/|^/media/|/r/\d+/\d+/|/admin/jsi18n/)", re.IGNORECASE
)
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/ld+json")

# Volatile text and what replaces it. Order matters: the specific ones first.
NORMALIZATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")'), r"\1CSRF\2"),
    (re.compile(r'(name="csrf-token" content=")[^"]*(")'), r"\1CSRF\2"),
    (re.compile(r'("X-CSRFToken"\s*:\s*")[^"]*(")'), r"\1CSRF\2"),
    (re.compile(r'(\snonce=")[^"]*(")'), r"\1NONCE\2"),
    (re.compile(r"('nonce-)[^']*(')"), r"\1NONCE\2"),
    # Django's signing (TimestampSigner/dumps): payload:timestamp:signature.
    (re.compile(r"[A-Za-z0-9_\-]{8,}:[A-Za-z0-9_\-]{6}:[A-Za-z0-9_\-]{20,}"), "SIGNED"),
)


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)

# Imported by every Python process of a snapshot (PYTHONPATH): UUIDs and the ``secrets`` module
# draw from a seeded generator, so that the demo's keys and secret links are the same each run.
SITECUSTOMIZE = """
import random
import secrets
import uuid

_rng = random.Random(2026)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
secrets.token_bytes = lambda nbytes=None: _rng.randbytes(32 if nbytes is None else nbytes)
secrets.choice = _rng.choice
secrets.randbelow = _rng.randrange
secrets.randbits = _rng.getrandbits
"""


def normalize(text: str, uuids: dict[str, str]) -> str:
    """Volatile tokens replaced; each UUID by its rank of first appearance in this persona's crawl
    (so that a demo whose rows are created in another order still compares page by page)."""
    for pattern, replacement in NORMALIZATIONS:
        text = pattern.sub(replacement, text)

    def label(match: re.Match[str]) -> str:
        return uuids.setdefault(match.group(0).lower(), f"uuid-{len(uuids) + 1}")

    return UUID.sub(label, text)


def slug(url: str) -> str:
    """A file name for a URL: readable, unique (a short hash of the whole URL)."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", url.strip("/")) or "root"
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    return f"{readable[:120]}-{digest}"


class LinkParser(HTMLParser):
    """The href of every <a> and the action of every GET <form> without visible inputs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self._form: str | None = None
        self._form_has_input = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href") and "download" not in attributes:
            self.links.append(attributes["href"] or "")
        elif tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self._form = attributes.get("action") or ""
            self._form_has_input = False
        elif (
            tag in ("input", "select", "textarea")
            and self._form is not None
            and (attributes.get("type") or "text").lower() not in ("hidden", "submit")
        ):
            self._form_has_input = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            if not self._form_has_input and self._form:
                self.links.append(self._form)
            self._form = None


def same_site(base: str, href: str) -> str | None:
    """The path and query of href if it stays on this site, else None."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(f"http://testserver{base}", href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    url = urlunsplit(("", "", parts.path, parts.query, ""))
    if EXCLUDED.search(parts.path):
        return None
    return url


class Frontier:
    """The pages still to visit: breadth first, but a page of a kind not visited yet (its path with
    identifiers blanked, its query's names) before another of a kind already seen, so that the
    limit goes to many kinds of page rather than to the 200th participant's file."""

    def __init__(self, urls: tuple[str, ...]) -> None:
        self._heap: list[tuple[int, int, str]] = []
        self._seen: set[str] = set()
        self._kinds: dict[str, int] = {}
        for url in urls:
            self.add(url)

    def add(self, url: str) -> None:
        if url in self._seen:
            return
        self._seen.add(url)
        parts = urlsplit(url)
        path = re.sub(r"/(\d+|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{20,})(?=/|$)", "/*", parts.path)
        kind = path + "?" + "&".join(sorted(key.split("=")[0] for key in parts.query.split("&")))
        rank = self._kinds.get(kind, 0)
        self._kinds[kind] = rank + 1
        heapq.heappush(self._heap, (rank, len(self._seen), url))

    def pop(self) -> str:
        return heapq.heappop(self._heap)[2]

    def __bool__(self) -> bool:
        return bool(self._heap)


# ---------------------------------------------------------------- crawling (inside Django)


def crawl(outdir: Path, jurisdiction: str, limit: int, pristine: Path, database: Path) -> None:
    """Runs in a subprocess with DJANGO_SETTINGS_MODULE, DATABASE_URL and the fixed clock set."""
    import django

    django.setup()
    # A 403 or 404 is a page like another: only server errors are worth a log line.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    # Django is set up only now: these imports need the settings and the app registry.
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    logins = io.StringIO()
    call_command("load_demo", logins_only=True, stdout=logins)
    emails = re.findall(r"[\w.+-]+@sentier\.demo", logins.getvalue())
    personas: list[str | None] = [None, *dict.fromkeys(emails)]
    index = (outdir / f"index-{jurisdiction}.tsv").open("w", encoding="utf-8")
    for email in personas:
        name = ANONYMOUS if email is None else email.split("@")[0]
        # Each persona starts from the freshly loaded demo.
        connections.close_all()
        shutil.copyfile(pristine, database)
        for cache in caches.all():
            cache.clear()
        client = Client(raise_request_exception=False)
        if email is not None:
            user = get_user_model().objects.get(email=email)
            client.force_login(user)
        folder = outdir / jurisdiction / name
        folder.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        queue = Frontier(LANGUAGE_PREFIXES)
        count = 0
        uuids: dict[str, str] = {}
        while queue and count < limit:
            url = queue.pop()
            count += 1
            response = client.get(url)
            status = response.status_code
            content_type = response.get("Content-Type", "")
            body: bytes = (
                b"".join(response.streaming_content)  # type: ignore[attr-defined]
                if response.streaming
                else response.content
            )
            location = response.get("Location", "")
            if 300 <= status < 400:
                text = f"redirect {status} -> {normalize(location, uuids)}\n"
                links = [location]
            elif any(content_type.startswith(kind) for kind in TEXT_TYPES):
                html = body.decode(response.charset or "utf-8", errors="replace")
                text = normalize(html, uuids)
                links = []
                if content_type.startswith("text/html"):
                    parser = LinkParser()
                    parser.feed(html)
                    links = parser.links
            else:
                text = f"binary {content_type} {len(body)} bytes\n"
                links = []
            shown = normalize(url, uuids)
            (folder / f"{slug(shown)}.html").write_text(text, encoding="utf-8")
            digest = hashlib.sha256(text.encode()).hexdigest()
            index.write(f"{jurisdiction}\t{name}\t{shown}\t{status}\t{digest}\n")
            for href in links:
                found = same_site(url, href)
                if found is not None:
                    queue.add(found)
        index.flush()
        print(
            f"  {jurisdiction} {name}: {count} pages"
            f"{' (limit reached)' if queue else ''} in {time.monotonic() - started:.0f} s",
            flush=True,
        )
    index.close()


# ---------------------------------------------------------------- orchestration


def faketime_library() -> str | None:
    for candidate in sorted(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1")):
        return str(candidate)
    return None


def environment(database: Path, var_dir: Path, jurisdiction: str, clock: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SENTIER_", "FAKETIME")) and key not in ("DATABASE_URL",)
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{database}",
        SENTIER_JURISDICTION=jurisdiction,
        PYTHONPATH=str(var_dir / "site"),
        SENTIER_VAR_DIR=str(var_dir),
        SENTIER_OUTBOX_DIR=str(var_dir / "outbox"),
        SENTIER_REQUIRE_MFA="0",
        SENTIER_DEBUG="0",
        SENTIER_CACHE="locmem",
        SENTIER_LOG_LEVEL="ERROR",
        PYTHONHASHSEED="0",
        TZ="America/Toronto",
    )
    library = faketime_library()
    if library is not None:
        env.update(
            LD_PRELOAD=library,
            FAKETIME=clock,
            # A running clock needs a shifted monotonic clock too (else sleep() fails); a stopped
            # one leaves it real, so that the crawl can time itself.
            FAKETIME_DONT_FAKE_MONOTONIC="0" if clock.startswith("@") else "1",
            FAKETIME_NO_CACHE="1",
        )
    return env


def run(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [str(PYTHON), *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")


def manage(env: dict[str, str], label: str, *command: str) -> None:
    started = time.monotonic()
    run(env, "manage.py", *command)
    seconds = time.monotonic() - started
    print(f"{label}: manage.py {' '.join(command)} ({seconds:.0f} s)", flush=True)


def prepare(work: Path) -> None:
    """A folder for one database: the seeded sitecustomize, an empty static folder."""
    (work / "site").mkdir(parents=True)
    (work / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    (work / "static").mkdir()


def migrated(temp: Path) -> Path:
    """The empty schema, built once for both jurisdictions (the migrations do not depend on the
    jurisdiction, and they are most of the time a demo takes to build)."""
    work = temp / "schema"
    prepare(work)
    database = work / "schema.sqlite3"
    env = environment(database, work, "qc", LOAD_CLOCK)
    manage(env, "schema", "migrate", "--verbosity", "0")
    manage(env, "schema", "createcachetable")
    return database


def snapshot(outdir: Path, temp: Path, schema: Path, jurisdiction: str, limit: int) -> None:
    work = temp / jurisdiction
    prepare(work)
    database = work / "demo.sqlite3"
    pristine = work / "pristine.sqlite3"
    shutil.copyfile(schema, database)
    load = environment(database, work, jurisdiction, LOAD_CLOCK)
    started = time.monotonic()
    manage(load, jurisdiction, "load_reference", "--verbosity", "0")
    manage(load, jurisdiction, "load_demo", "--quiet-logins")
    shutil.copyfile(database, pristine)
    print(f"{jurisdiction}: demo loaded in {time.monotonic() - started:.0f} s", flush=True)
    crawl_env = environment(database, work, jurisdiction, CRAWL_CLOCK)
    result = subprocess.run(
        [
            str(PYTHON),
            str(Path(__file__).resolve()),
            "--crawl",
            str(outdir),
            "--jurisdiction",
            jurisdiction,
            "--limit",
            str(limit),
            "--pristine",
            str(pristine),
            "--database",
            str(database),
        ],
        cwd=ROOT,
        env=crawl_env,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{jurisdiction}: the crawl failed")


def diff(first: Path, second: Path) -> int:
    def pages(root: Path) -> set[str]:
        return {str(path.relative_to(root)) for path in root.rglob("*.html")}

    a, b = pages(first), pages(second)
    differs = False
    for name in sorted(a - b):
        print(f"only in {first}: {name}")
        differs = True
    for name in sorted(b - a):
        print(f"only in {second}: {name}")
        differs = True
    changed = 0
    for name in sorted(a & b):
        left = (first / name).read_text(encoding="utf-8")
        right = (second / name).read_text(encoding="utf-8")
        if left == right:
            continue
        changed += 1
        differs = True
        lines = difflib.unified_diff(
            left.splitlines(),
            right.splitlines(),
            f"{first}/{name}",
            f"{second}/{name}",
            lineterm="",
        )
        for number, line in enumerate(lines):
            if number >= DIFF_LINES:
                print("  [...]")
                break
            print(line)
    # The index also holds the status of each page: a status change shows there.
    index_a, index_b = first / "index.tsv", second / "index.tsv"
    if index_a.exists() and index_b.exists():
        rows_a = set(index_a.read_text(encoding="utf-8").splitlines())
        rows_b = set(index_b.read_text(encoding="utf-8").splitlines())
        for row in sorted(rows_a - rows_b):
            if not differs:
                print(f"index row only in {first}: {row}")
            differs = True
        for row in sorted(rows_b - rows_a):
            if not differs:
                print(f"index row only in {second}: {row}")
            differs = True
    print(
        f"{len(a)} pages in {first}, {len(b)} in {second}: {len(a - b)} only in the first, "
        f"{len(b - a)} only in the second, {changed} differ"
    )
    return 1 if differs else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("outdir", nargs="?", type=Path)
    parser.add_argument("--jurisdiction", choices=("qc", "on", "both"), default="both")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="pages per persona")
    parser.add_argument("--jobs", type=int, default=2, help="jurisdictions snapshotted at once")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    parser.add_argument("--crawl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pristine", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.diff:
        return diff(*options.diff)
    if options.crawl:
        sys.path.insert(0, str(ROOT))
        crawl(
            options.crawl,
            options.jurisdiction,
            options.limit,
            options.pristine,
            options.database,
        )
        return 0
    if options.outdir is None:
        parser.error("OUTDIR or --diff DIR_A DIR_B")
    outdir: Path = options.outdir.resolve()
    if outdir.exists():
        if any(outdir.iterdir()) and not any(outdir.glob("index*.tsv")):
            parser.error(f"{outdir} is not empty and holds no snapshot: refusing to replace it")
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    if faketime_library() is None:
        print("libfaketime is missing: dates will follow the real clock", file=sys.stderr)
    started = time.monotonic()
    jurisdictions = ("qc", "on") if options.jurisdiction == "both" else (options.jurisdiction,)
    with tempfile.TemporaryDirectory(prefix="page-snapshots-") as name:
        temp = Path(name)
        schema = migrated(temp)
        # Both jurisdictions at once (each its own processes and database): two cores, half the
        # wait.
        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            for future in [
                pool.submit(snapshot, outdir, temp, schema, jurisdiction, options.limit)
                for jurisdiction in jurisdictions
            ]:
                future.result()
    with (outdir / "index.tsv").open("w", encoding="utf-8") as index:
        for jurisdiction in jurisdictions:
            part = outdir / f"index-{jurisdiction}.tsv"
            index.write(part.read_text(encoding="utf-8"))
            part.unlink()
    rows = (outdir / "index.tsv").read_text(encoding="utf-8").count("\n")
    print(f"{rows} pages in {outdir} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
