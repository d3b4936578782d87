"""``python -m sentier_rules decide [FILE]``: see :mod:`sentier_rules.cli`."""

from __future__ import annotations

import sys

from sentier_rules.cli import main

sys.exit(main())
