"""The production storage's static URLs (``sentier.core.static_storage``), worked out once, are
the ones whitenoise's storage gives every time: hashed names, fragments, directories, ``DEBUG``;
a name missing from the manifest still fails each time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from sentier.core.static_storage import KeptURLStaticFilesStorage

PATHS = {
    "css/sentier.css": "css/sentier.0123456789ab.css",
    "vendor/qc-sdg/img/QUEBEC_blanc.svg": "vendor/qc-sdg/img/QUEBEC_blanc.ba9876543210.svg",
    "fonts/f.eot": "fonts/f.aaaaaaaaaaaa.eot",
    "a b/é.js": "a b/é.bbbbbbbbbbbb.js",
}
NAMES = [*PATHS, "fonts/f.eot?#iefix", "css/sentier.css#part", "vendor/", "a b/é.js"]


def storages(root: Path) -> tuple[CompressedManifestStaticFilesStorage, KeptURLStaticFilesStorage]:
    manifest = {"paths": PATHS, "version": "1.1", "hash": "0"}
    (root / "staticfiles.json").write_text(json.dumps(manifest), encoding="utf-8")
    return (
        CompressedManifestStaticFilesStorage(location=root, base_url="/static/"),
        KeptURLStaticFilesStorage(location=root, base_url="/static/"),
    )


@pytest.mark.parametrize("debug", [False, True])
def test_the_kept_urls_are_whitenoises(tmp_path: Path, debug: bool) -> None:
    plain, kept = storages(tmp_path)
    with override_settings(DEBUG=debug):
        for _round in ("first", "kept"):
            for name in NAMES:
                for force in (False, True):
                    assert kept.url(name, force) == plain.url(name, force), (name, force)
        assert len(kept._kept_urls) == 2 * len(set(NAMES))
    assert not kept._kept_urls  # forgotten with the change of settings


def test_debug_changes_the_url_after_it_was_kept(tmp_path: Path) -> None:
    _plain, kept = storages(tmp_path)
    hashed = kept.url("css/sentier.css")
    with override_settings(DEBUG=True):
        assert kept.url("css/sentier.css") == "/static/css/sentier.css"
    assert kept.url("css/sentier.css") == hashed == "/static/css/sentier.0123456789ab.css"


def test_a_name_missing_from_the_manifest_fails_every_time(tmp_path: Path) -> None:
    _plain, kept = storages(tmp_path)
    for _round in ("first", "again"):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            kept.url("css/missing.css")


def test_production_uses_it() -> None:
    text = (Path(__file__).resolve().parents[3] / "config" / "production.py").read_text()
    assert '"sentier.core.static_storage.KeptURLStaticFilesStorage"' in text
