"""Consent records: purpose, recipient, information categories, the exact text shown, withdrawal."""
