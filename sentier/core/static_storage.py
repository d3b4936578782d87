"""The static files' storage of production: whitenoise's (hashed names from the manifest,
compressed copies), with each file's URL worked out once per process.

Every page names five static files (``{% static %}``: the style sheets, the scripts, the
signature's image), and each name went through the manifest's lookup, ``urlsplit``,
``urljoin`` and ``unquote`` at every request: a few per cent of an applicant's step. The
manifest does not change while the process runs (``collectstatic`` writes it before the server
starts); the URLs are kept by name, and forgotten after ``post_process`` (``collectstatic``)
and at any change of settings (``DEBUG``, which gives unhashed names, in tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


class KeptURLStaticFilesStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._kept_urls: dict[tuple[str | None, bool], str] = {}
        super().__init__(*args, **kwargs)

    def url(self, name: str | None, force: bool = False) -> str:
        key = (name, force)
        kept = self._kept_urls.get(key)
        if kept is None:
            kept = self._kept_urls[key] = super().url(name, force)
        return kept

    def post_process(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        self._kept_urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._kept_urls.clear()

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        self._kept_urls.clear()
        super()._clear_cached_properties(setting, **kwargs)
