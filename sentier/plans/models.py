"""Models of sentier.plans."""

from __future__ import annotations
