"""The ``sentier`` console command: Django's manage.py under the project's name."""

from __future__ import annotations

import os
import sys

from django.core.management import execute_from_command_line


def main() -> None:
    """Run a Django management command (``sentier migrate``, ``sentier decide`` …)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # One BLAS thread (set before numpy loads; the environment may say otherwise): a command's
    # linear algebra is on small matrices (the disclosure layer's null-space checks, the pilots'
    # bootstraps), where threads wait on each other and, on a shared machine, spin against other
    # processes: 17 s instead of 2 s to protect the region × month tables (docs/benchmarks.md).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
