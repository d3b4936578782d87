"""The ODSP centralized intake unit: its queue and assignment, the mailing of determination
packages, and their pages (the local office's are in the package above)."""
