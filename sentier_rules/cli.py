"""Command line: ``python -m sentier_rules decide [FILE]``.

Reads one request or an array of requests (JSON) from FILE or standard input and prints the answers
as one JSON array. Exit status: 0 when every request was decided, 1 when any answer is an error,
2 when the input is not JSON (a JSON error object is printed). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sentier_rules.engine import Engine

USAGE_ERROR = 2


def _error(code: str, fr: str, en: str) -> dict[str, Any]:
    return {"error": {"code": code, "fr": fr, "en": en, "field": None}}


def _print(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as a JSON error, not a usage dump and SystemExit."""

    def error(self, message: str) -> Any:
        raise ValueError(message)


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status (callers such as ``sentier decide`` reuse it)."""
    parser = _Parser(prog="python -m sentier_rules", add_help=True)
    commands = parser.add_subparsers(dest="command", required=True)
    decide = commands.add_parser("decide", help="decide JSON requests from FILE or stdin")
    decide.add_argument("file", nargs="?", default=None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        # --help printed its text and asked to exit: keep the promise of returning a status.
        return done.code if isinstance(done.code, int) else 0
    except ValueError as problem:
        _print(_error("usage", f"Utilisation : {parser.format_usage()}", str(problem)))
        return USAGE_ERROR
    try:
        if args.file in (None, "-"):
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as problem:
        _print(_error("unreadable_input", "Le fichier ne peut pas être lu.", str(problem)))
        return USAGE_ERROR
    try:
        body = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as problem:
        _print(
            _error(
                "malformed_json",
                "L'entrée n'est pas du JSON valide.",
                f"The input is not valid JSON: {problem}",
            )
        )
        return USAGE_ERROR
    try:
        answers = Engine.shared().decide(body)
    except Exception as problem:  # the promise is: never a traceback
        _print(_error("internal_error", "Erreur interne des règles.", repr(problem)))
        return USAGE_ERROR
    _print(answers)
    return 1 if any("error" in answer for answer in answers) else 0
