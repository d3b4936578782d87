"""Sections the partner network adds to shared pages (see sentier.core.panels)."""

from __future__ import annotations
