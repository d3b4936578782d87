"""The triage questionnaire's words in Spanish, Arabic and Haitian Creole (issue 19).

The rules package (``sentier_rules``) words its questions in French and English only. Their English
text is the msgid of a gettext entry: a page in a participant-only language shows the catalog's
translation, and the French text (isolated, so that it reads left to right inside an Arabic page)
while a translation is missing. :data:`TEXTS` lists every English text the rules ask, so that
``make messages`` puts them in the catalogs; a test checks that no question of the rules is
missing from it.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

TEXTS = (
    gettext_noop("Addiction (alcohol, drugs, gambling)"),
    gettext_noop("Anxiety, behaviour or personality disorders"),
    gettext_noop(
        "Are several services (health, social services, community groups…) already helping "
        "you, or would you need several?"
    ),
    gettext_noop("Are you going through a major crisis right now?"),
    gettext_noop("Are you going through any of these right now? Check all that apply."),
    gettext_noop(
        "Are you, your family or your caregivers going through a hard change (a move, leaving"
        " hospital, a service ending…)?"
    ),
    gettext_noop("Childcare"),
    gettext_noop("Could services you receive stop or not continue properly?"),
    gettext_noop("Could you start a job or a job search in the next 3 months?"),
    gettext_noop("Could your situation get worse quickly if nothing is done?"),
    gettext_noop("Death of a child or loss of custody of a child"),
    gettext_noop("Domestic violence, sexual assault or exploitation"),
    gettext_noop(
        "For example, help getting ready for a job or with something that makes it hard to "
        "work. Your local office talks it over with you."
    ),
    gettext_noop(
        "For example, help with a difficulty, getting ready for a job or taking part in "
        "activities. It is voluntary: your answer does not change your benefit."
    ),
    gettext_noop("For example: workshops, French, math or computer skills, group activities."),
    gettext_noop(
        "Have workers already tried to work together to help you, without the results you "
        "hoped for?"
    ),
    gettext_noop("Health problem"),
    gettext_noop("How many hours a week could you give to these activities?"),
    gettext_noop("In PAAS Action you start gently and can go up to 20 hours a week."),
    gettext_noop("Language (French or English)"),
    gettext_noop("Loss of a spouse or partner (separation, divorce, death)"),
    gettext_noop("No"),
    gettext_noop("No home, or housing that is unsafe or not adequate"),
    gettext_noop("None for now"),
    gettext_noop("None of these"),
    gettext_noop("Not for now"),
    gettext_noop("Not sure"),
    gettext_noop("There is no wrong answer."),
    gettext_noop("Too much debt"),
    gettext_noop("Transportation"),
    gettext_noop("Up to 12 hours"),
    gettext_noop("Up to 20 hours"),
    gettext_noop("Up to 6 hours"),
    gettext_noop("Would you like support, in addition to financial help?"),
    gettext_noop(
        "Would you like to take part in activities a few hours a week at a community organization?"
    ),
    gettext_noop("Yes"),
    gettext_noop("Yes, with help"),
    gettext_noop("Your answers are only used to offer you the support that fits you."),
)


def translated(english: str, french: str) -> str | None:
    """The text in the page's language, or None when the catalog has no translation for it
    (gettext then falls back to the msgid, or to the French catalog's text)."""
    text = gettext(english) if english else ""
    if not text or text in (english, french):
        return None
    return text
