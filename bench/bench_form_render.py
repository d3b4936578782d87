"""The CPU of drawing a form: the application's steps and the caseload's filters, each drawn by
the templates alone and by ``SentierFormRenderer`` (fields and plain widgets in Python,
``sentier.core.form_html``), alternately, the best of several rounds (CPU time holds on a loaded
machine where wall time does not).

    .venv/bin/python bench/bench_form_render.py [--rounds 15]

Needs a database with the reference data (regions, programs), as the pages do:
``DATABASE_URL`` or the development SQLite file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the forms below read the app registry: imports follow it

from django import forms  # noqa: E402
from django.utils import translation  # noqa: E402

from sentier.core.forms import SentierFormRenderer  # noqa: E402
from sentier.intake import steps  # noqa: E402
from sentier.participants.forms import CaseloadFilterForm  # noqa: E402


class TemplateRenderer(SentierFormRenderer):
    """Every field and widget drawn by its template, as before ``form_html``."""

    def loads(self, template_name: str) -> Path | None:
        return None


def best_ms(form: forms.BaseForm, repeat: int) -> float:
    started = time.process_time()
    for _ in range(repeat):
        str(form)
    return (time.process_time() - started) / repeat * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    translation.activate("fr-ca")
    makers: dict[str, Callable[..., forms.BaseForm]] = {
        f"apply: {code}": steps.form_class_for(code)
        for code in ("identity", "contact", "household", "program")
    }
    makers["caseload: filters"] = CaseloadFilterForm
    print(f"load {os.getloadavg()[0]:.1f}")
    for name, make in makers.items():
        drawn: dict[str, forms.BaseForm] = {}
        for side, renderer in (
            ("templates", TemplateRenderer()),
            ("python", SentierFormRenderer()),
        ):
            form = make()
            form.renderer = renderer
            drawn[side] = form
        assert str(drawn["templates"]) == str(drawn["python"]), name
        best = dict.fromkeys(drawn, float("inf"))
        for _ in range(args.rounds):
            for side, form in drawn.items():
                best[side] = min(best[side], best_ms(form, args.repeat))
        print(
            f"{name:20} templates {best['templates']:6.2f} ms  python {best['python']:6.2f} ms  "
            f"x{best['templates'] / best['python']:.1f}  ({len(drawn['python'].fields)} fields)"
        )
    print(f"load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
