"""The REST API: a thin layer over actions and selectors (never a second copy of the logic)."""
