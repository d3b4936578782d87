"""Models of sentier.serviceplans."""

from __future__ import annotations
