"""Helpers for the test suites (imported by tests only, never by the application): which tables a
block wrote to (``written``), and a test world built once per process and put back for each
test (``replay``)."""
