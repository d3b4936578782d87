"""Plain-language help for the words a person meets when applying and in "My file" (issue 12).

One or two short sentences each, for people with little digital experience; shown in a
``<details>`` disclosure (no JavaScript) by ``{% term_help "PAS" %}``. Sources: the seeds say who
PAAS Action is for, what it offers (002) and that a person keeps their claim booklet (001); they
name the four Québec programs without describing them, so what each program is for comes from
Québec.ca's program pages and the Loi sur l'aide aux personnes et aux familles (RLRQ, c. A-13.1.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


@dataclass(frozen=True)
class TermHelp:
    question: _StrOrPromise
    answer: _StrOrPromise


#: The Québec programs, by ``Program.code``, in the order the application lists them.
PROGRAM_HELP: dict[str, TermHelp] = {
    "PAS": TermHelp(
        _("What is the PAS?"),
        _(
            "The Social Assistance Program (PAS) gives money each month to people who do not "
            "have enough to meet their basic needs."
        ),
    ),
    "PSS": TermHelp(
        _("What is the PSS?"),
        _(
            "The Social Solidarity Program (PSS) gives money each month to people whose health "
            "makes it very hard for them to work."
        ),
    ),
    "POE": TermHelp(
        _("What is the POE?"),
        _(
            "The Aim for Employment Program (POE) is for most people who ask for social "
            "assistance for the first time. It gives money each month and help to get closer "
            "to a job or training."
        ),
    ),
    "PRB": TermHelp(
        _("What is the PRB?"),
        _(
            "The Basic Income Program (PRB) gives more money each month to people who have "
            "received the Social Solidarity Program (PSS) for a long time."
        ),
    ),
}

TERM_HELP: dict[str, TermHelp] = {
    **PROGRAM_HELP,
    "claim_booklet": TermHelp(
        _("What is a claim booklet?"),
        _(
            "A claim booklet (carnet de réclamation) is a paper from the Ministry that lets you "
            "get some health care and medication without paying. Its type (ASM-1, ASM-2 or "
            "ASM-5) is written on it."
        ),
    ),
    "paas_action": TermHelp(
        _("What is PAAS Action?"),
        _(
            "PAAS Action offers activities and support in a community organization, for people "
            "who want to be active but are not ready for a job or training. You take part at your "
            "own pace, up to 20 hours a week, and you may be entitled to a support "
            "allowance and to the refund of transport or childcare costs."
        ),
    ),
}
