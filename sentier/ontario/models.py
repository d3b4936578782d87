"""Models of sentier.ontario."""

from __future__ import annotations
