"""One manager class per audited model for django-simple-history's ``Model.history``.

simple-history (3.13) builds a new manager class with ``Manager.from_queryset`` (which walks the
queryset class with ``inspect.getmembers``) on every read of ``instance.history`` — and it reads
it once for every historical row it writes. That was a tenth of the single window's sending and
grant (``bench/bench_intake.py``). The class it builds is the same every time, so it is built
once per model here; the manager itself is still made per access, bound to the instance.
"""

from __future__ import annotations

from typing import Any

from simple_history.manager import HistoryDescriptor


def _history_manager(self: HistoryDescriptor, instance: Any, owner: Any) -> Any:
    manager_class = self.__dict__.get("_sentier_manager_class")
    if manager_class is None:
        manager_class = self.manager_class.from_queryset(self.queryset_class)
        self._sentier_manager_class = manager_class
    return manager_class(self.model, instance)


def build_history_managers_once() -> None:
    HistoryDescriptor.__get__ = _history_manager
