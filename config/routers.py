"""Database routers (``DATABASE_ROUTERS``): the replica router lives with the code that decides
which reads may use the replica (:mod:`sentier.core.replica`)."""

from __future__ import annotations

from sentier.core.replica import ReplicaRouter

__all__ = ["ReplicaRouter"]
