#!/usr/bin/env python
"""Django's manage.py; the installed ``sentier`` command does the same."""

from sentier.cli import main

if __name__ == "__main__":
    main()
