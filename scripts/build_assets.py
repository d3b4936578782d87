"""Copy the front-end files we serve from ``node_modules/`` into ``static/vendor/``, checked.

Run after ``npm ci``::

    .venv/bin/python scripts/build_assets.py           # copy and verify against assets.lock.json
    .venv/bin/python scripts/build_assets.py --update  # after a version bump: rewrite the lock

Each served file's SHA-256 and its package's version must match ``assets.lock.json``;
otherwise nothing is trusted and the script exits with status 1. Fonts are not listed by
hand: they are the files the SDG stylesheet's ``url(...)`` references point to, copied so
that those relative references resolve the same way under ``static/vendor/``.

Standard library only; idempotent (unchanged files are left alone, stale ones removed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "static" / "vendor"
LOCK = ROOT / "assets.lock.json"

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True)
class Asset:
    """One file to serve: where it comes from in node_modules and where it goes in vendor."""

    package: str
    source: str  # relative to node_modules/<package>/
    target: str  # relative to static/vendor/ (the key in the lock file)


ODS = "@ongov/ontario-design-system-global-styles"

# What every page may load. The full SDG stylesheet, not the "no-grid" one (9 KB smaller but
# without .qc-container) nor the tokens alone (no component styles). The SDG's JavaScript bundle
# (135 KB) is left out on purpose: pages are plain HTML with the SDG classes and work without JS.
DECLARED: tuple[Asset, ...] = (
    Asset("qc-trousse-sdg", "dist/css/qc-sdg.min.css", "qc-sdg/css/qc-sdg.min.css"),
    Asset("qc-trousse-sdg", "dist/img/QUEBEC_blanc.svg", "qc-sdg/img/QUEBEC_blanc.svg"),
    Asset("qc-trousse-sdg", "dist/img/QUEBEC_couleur.svg", "qc-sdg/img/QUEBEC_couleur.svg"),
    Asset("htmx.org", "dist/htmx.min.js", "htmx/htmx.min.js"),
    # Ontario configuration only (SENTIER_JURISDICTION=on): the Ontario Design System's global
    # styles (Apache-2.0) — typography, colours, grid and form elements — with the fonts its
    # stylesheet points to, and the trillium mark (its favicon) for the header. The header and
    # footer components live in the ODS component library (web components needing JavaScript);
    # Sentier writes their plain-HTML equivalent, styled in static/css/sentier.css (/* ontario */).
    Asset(
        ODS,
        "dist/styles/css/compiled/ontario-theme.min.css",
        "ontario-ds/styles/css/compiled/ontario-theme.min.css",
    ),
    Asset(ODS, "dist/favicons/favicon.svg", "ontario-ds/favicons/favicon.svg"),
)


class AssetError(Exception):
    """A file is missing, altered or not what the lock file expects."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def package_version(package: str) -> str:
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.is_file():
        raise AssetError(f"{package} is not installed in node_modules/: run `npm ci` first.")
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return str(version)


def css_references(asset: Asset) -> list[Asset]:
    """Files a stylesheet points to with relative ``url(...)``, as assets of their own."""
    css = (NODE_MODULES / asset.package / asset.source).read_text(encoding="utf-8")
    found: dict[str, Asset] = {}
    for match in CSS_URL.finditer(css):
        url = match.group(2).strip().split("#", 1)[0].split("?", 1)[0]
        if not url or url.startswith(("data:", "http:", "https:", "//", "/")):
            continue
        source = posixpath.normpath(posixpath.join(posixpath.dirname(asset.source), url))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(asset.target), url))
        if source.startswith("..") or target.startswith(".."):
            raise AssetError(f"{asset.source} refers outside its package: {url}")
        found[target] = Asset(asset.package, source, target)
    return [found[key] for key in sorted(found)]


def all_assets() -> list[Asset]:
    assets: dict[str, Asset] = {}
    for asset in DECLARED:
        assets[asset.target] = asset
        if asset.source.endswith(".css"):
            for reference in css_references(asset):
                assets[reference.target] = reference
    return [assets[key] for key in sorted(assets)]


def compute_lock(assets: list[Asset]) -> dict[str, dict[str, str]]:
    lock: dict[str, dict[str, str]] = {}
    for asset in assets:
        source = NODE_MODULES / asset.package / asset.source
        if not source.is_file():
            raise AssetError(f"missing in node_modules: {asset.package}/{asset.source}")
        lock[asset.target] = {
            "package": asset.package,
            "version": package_version(asset.package),
            "source": asset.source,
            "sha256": sha256(source),
        }
    return lock


def verify(expected: dict[str, dict[str, str]], actual: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for target in sorted(set(expected) - set(actual)):
        problems.append(f"{target}: in assets.lock.json but no longer produced")
    for target in sorted(set(actual) - set(expected)):
        problems.append(f"{target}: produced but not in assets.lock.json")
    for target in sorted(set(expected) & set(actual)):
        want, got = expected[target], actual[target]
        if want.get("version") != got["version"]:
            problems.append(
                f"{target}: {got['package']} is {got['version']}, "
                f"the lock says {want.get('version')}"
            )
        elif want.get("sha256") != got["sha256"]:
            problems.append(
                f"{target}: SHA-256 {got['sha256']} differs from the lock's {want.get('sha256')}"
            )
    return problems


def copy(assets: list[Asset], lock: dict[str, dict[str, str]]) -> int:
    """Copy what changed, remove what is no longer served; return how many files were written."""
    written = 0
    for asset in assets:
        source = NODE_MODULES / asset.package / asset.source
        target = VENDOR / asset.target
        if target.is_file() and sha256(target) == lock[asset.target]["sha256"]:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        if sha256(target) != lock[asset.target]["sha256"]:
            raise AssetError(f"{asset.target}: the copy does not match its checksum")
        written += 1
    wanted = {VENDOR / asset.target for asset in assets}
    if VENDOR.is_dir():
        for path in sorted(VENDOR.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="rewrite assets.lock.json from node_modules/"
    )
    args = parser.parse_args(argv)
    try:
        assets = all_assets()
        actual = compute_lock(assets)
        if args.update:
            LOCK.write_text(json.dumps(actual, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            print(f"build_assets: wrote {LOCK.name} ({len(actual)} files)")
        else:
            if not LOCK.is_file():
                raise AssetError(f"{LOCK.name} is missing: run with --update and commit it")
            expected = json.loads(LOCK.read_text(encoding="utf-8"))
            problems = verify(expected, actual)
            if problems:
                raise AssetError(
                    "node_modules/ does not match assets.lock.json:\n  "
                    + "\n  ".join(problems)
                    + "\nIf you changed a version on purpose, "
                    "run with --update and commit the lock."
                )
        written = copy(assets, actual)
    except AssetError as error:
        print(f"build_assets: FAILED: {error}", file=sys.stderr)
        return 1
    print(f"build_assets: {len(assets)} files verified in static/vendor/ ({written} copied)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
