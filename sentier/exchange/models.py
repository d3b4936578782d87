"""Models of sentier.exchange."""

from __future__ import annotations
