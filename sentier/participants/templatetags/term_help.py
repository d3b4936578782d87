"""``{% term_help "PAS" %}``: a short plain-language explanation in a ``<details>`` disclosure."""

from __future__ import annotations

from typing import Any

from django import template

from sentier.participants.help import PROGRAM_HELP, TERM_HELP

register = template.Library()


@register.inclusion_tag("participants/_term_help.html")
def term_help(code: str | None) -> dict[str, Any]:
    """The help for ``code`` (a program code, ``claim_booklet``, ``paas_action``); nothing for a
    word that needs none (an Ontario program, an empty value)."""
    return {"help": TERM_HELP.get(str(code or ""))}


@register.inclusion_tag("participants/_programs_help.html")
def programs_help() -> dict[str, Any]:
    """What each Québec program is, in one disclosure (the application's program question)."""
    return {"programs": [(code, PROGRAM_HELP[code]) for code in PROGRAM_HELP]}
