"""No page of one configuration shows a proper noun of the other province (issue 21): no Québec
region, program, RSSMO organization, phone number or law on an Ontario page, and no Ontario
service area, program, law or service on a Québec page.

The word lists are built from the reference data (``reference/data/reference.yaml``,
``reference/data/ontario.yaml``, ``network/data/rssmo_members.yaml``), in both languages, plus
the phone numbers and laws the pages could cite. Each configuration's demo is loaded (once for
both of Ontario's languages), then every demo persona of it and a visitor who is not signed in
walk the pages they reach from their home page (following links, GET only, a few addresses of
each page). Every page is searched for every word of the other province, as a whole word.

The test database holds the Québec session data under the Ontario demo (``conftest.py``): the
Ontario walk leaves out the administrator, who reads every row of the database whatever its
province; the other Ontario personas must see none of it. About a minute of CPU per
configuration; with ``-s`` the test prints its figures.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.site.demo import demo_personas, load_ontario_demo

# It loads the whole demo or walks every page: longer than the suite's 5-minute limit per test
# allows on a loaded machine (make test: UNIT_LIMITS).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
#: Pages of each kind opened per visitor, and pages per visitor at most.
PER_PAGE_NAME = 5
PER_VISITOR = 90
#: Not opened: downloads, signing out, the keep-alive ping, the admin site (Django's own).
SKIPPED = re.compile(r"/(admin|logout|keepalive|accounts/logout)/|\.(pdf|csv|zip)$|/export")


def _yaml(relative: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def quebec_words() -> set[str]:
    reference = _yaml("reference/data/reference.yaml")
    rows = [*reference["regions"], *reference["programs"]]
    names = ("name_fr_ca", "name_en_ca")
    words = {row[key] for row in rows if row["jurisdiction"] == "QC" for key in names}
    rssmo = _yaml("network/data/rssmo_members.yaml")
    words |= {member["name"] for block in rssmo["regions"] for member in block["members"]}
    # Phone numbers and laws Québec's pages cite.
    words |= {"514 873-4000", "1 877 767-8773", "Loi 25", "Law 25", "SGQRI", "RSSMO"}
    return words


def ontario_words() -> set[str]:
    ontario = _yaml("reference/data/ontario.yaml")
    words = {area[key] for area in ontario["service_areas"] for key in ("name_fr_ca", "name_en_ca")}
    reference = _yaml("reference/data/reference.yaml")
    words |= {
        row[key]
        for row in reference["programs"]
        if row["jurisdiction"] == "ON"
        for key in ("name_fr_ca", "name_en_ca")
    }
    # Laws, services and the ministry's lines Ontario's pages cite.
    words |= {"FIPPA", "MFIPPA", "AODA", "LAPHO", "ServiceOntario", "Employment Ontario"}
    words |= {"Emploi Ontario", "ODSP", "POSPH"}
    return words


def _pattern(words: set[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(" + "|".join(alternatives) + r")(?![\w’'-])")


def _links(page: str, language: str) -> Iterator[str]:
    for href in re.findall(r'href="([^"#]+)', page):
        path = html.unescape(href).split("?", 1)[0]
        if path.startswith(f"/{language}/") and not SKIPPED.search(path):
            yield path


def _walk(
    client: Client, start: list[str], language: str, words: re.Pattern[str]
) -> tuple[int, list[str]]:
    """Pages opened and what was found on them."""
    seen: set[str] = set()
    per_name: Counter[str] = Counter()
    queue = list(start)
    found: list[str] = []
    opened = 0
    while queue and opened < PER_VISITOR:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            name = resolve(path).view_name
        except Resolver404:
            continue
        if per_name[name] >= PER_PAGE_NAME:
            continue
        per_name[name] += 1
        response = client.get(path)
        opened += 1
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        found += [f"{path}: {match}" for match in sorted(set(words.findall(page)))]
        queue += [link for link in _links(page, language) if link not in seen]
    return opened, found


def _visit_all(emails: list[str], language: str, words: re.Pattern[str]) -> list[str]:
    with translation.override(language):  # the language prefix resolves in its own language
        return _visit_all_in(emails, language, words)


def _visit_all_in(emails: list[str], language: str, words: re.Pattern[str]) -> list[str]:
    started, cpu = time.monotonic(), time.process_time()
    anonymous = Client()
    start = [f"/{language}/{page}" for page in ("", "directory/", "privacy/", "accessibility/")]
    opened, found = _walk(anonymous, [*start, f"/{language}/apply/"], language, words)
    failures = [f"anonymous {line}" for line in found]
    for email in emails:
        client = Client()
        client.force_login(User.objects.get(email=email))
        count, found = _walk(client, [f"/{language}/"], language, words)
        print(f"  {email}: {count} pages")
        opened += count
        failures += [f"{email} {line}" for line in found]
    elapsed, used = time.monotonic() - started, time.process_time() - cpu
    print(f"\n{language}: {opened} pages in {elapsed:.0f} s ({used:.0f} s of CPU)")
    return failures


def test_the_word_lists_come_from_the_reference_data() -> None:
    quebec, ontario = quebec_words(), ontario_words()
    assert {"Laval", "Gaspésie–Îles-de-la-Madeleine", "Programme d’aide sociale", "SORIF"} <= quebec
    assert {"City of Toronto", "Ville de Toronto", "Ontario Works", "Ontario au travail"} <= ontario
    assert len(quebec) > 60
    assert len(ontario) > 90
    assert not quebec & ontario


def test_no_ontario_page_names_quebec(settings: Any) -> None:
    """In English and in French. The demo is loaded once for both walks (its Ontario Disability
    Support Program packages are PDF files to make: a load costs as much as a walk); each walk
    is rolled back after it, so both start from the same rows."""
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
        load_ontario_demo()
    emails = [p.email for p in demo_personas() if p.role != Role.ADMINISTRATOR]
    words = _pattern(quebec_words())
    failures = []
    for language in ("en-ca", "fr-ca"):
        with transaction.atomic():
            failures += _visit_all(emails, language, words)
            transaction.set_rollback(True)
    assert not failures, "\n".join(failures[:40])


def test_no_quebec_page_names_ontario() -> None:
    call_command("load_demo", "--quiet-logins", "--participants", "40", verbosity=0)
    emails = [p.email for p in demo_personas()]
    failures = _visit_all(emails, "fr-ca", _pattern(ontario_words()))
    assert not failures, "\n".join(failures[:40])
