"""The timeline event kinds of the Ontario configuration (registered in ``OntarioConfig.ready``).

Each event stores a ``step`` code and its parameters; reference names (deferral reasons,
prescribed classes) are stored in both languages, as the reference data gives them, so reading
the timeline costs no query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from sentier.core.formatting import long_date
from sentier.ontario.models import Delivery, MailingStatus, ODSPStatus, ow_refusal_reasons
from sentier.participants.events import label_of, register_event_kinds


class OntarioEventKind(models.TextChoices):
    OW_GRANTED = "ow_granted", _("Eligibility decision")
    OW_TRANSFERRED = "ow_transferred", _("Transferred to the local office")
    EMPLOYMENT_ONTARIO_REFERRAL = "eo_referral", _("Referred to Employment Ontario")
    COMMON_ASSESSMENT = "common_assessment", _("Common assessment")
    ACTION_PLAN = "action_plan", _("Action plan")
    ODSP_INTAKE = "odsp_intake", _("ODSP intake")
    REFUSAL_NOTICE = "refusal_notice", _("Refusal notice")


def names_of(row: Any) -> dict[str, str]:
    """A translated reference row's name in each language (``name_fr_ca``, ``name_en_ca``)."""
    return {"fr-ca": row.name_fr_ca or row.name, "en-ca": row.name_en_ca or row.name}


def _name(data: Mapping[str, Any], key: str) -> str:
    names = data[key]
    language = "en-ca" if (get_language() or "fr").startswith("en") else "fr-ca"
    return str(names.get(language) or names["fr-ca"])


def _ow_granted(data: Mapping[str, Any], summary: str) -> str | None:
    """The intake unit's decisions (events without a step are grants)."""
    step = data.get("step")
    if step is None:
        return gettext("Ontario Works financial assistance granted")
    if step == "refused":
        reason = ow_refusal_reasons().get(data.get("reason", ""), data.get("reason", ""))
        return gettext("Ontario Works application refused: %(reason)s") % {"reason": reason}
    if step == "withdrawn":
        return gettext("Ontario Works application closed: withdrawn")
    if step == "info_asked":
        return gettext("Missing information asked, due %(day)s") % {
            "day": long_date(dt.date.fromisoformat(data["due_on"]))
        }
    if step == "info_received":
        return gettext("Missing information received")
    if step == "closed":
        return gettext("Ontario Works application closed: the information asked did not come")
    return None


def _ow_transferred(data: Mapping[str, Any], summary: str) -> str | None:
    return gettext("Transferred to the local office: %(area)s") % {
        "area": _name(data, "region_names")
    }


def _eo_referral(data: Mapping[str, Any], summary: str) -> str | None:
    if data.get("fast_track"):
        return gettext("Ontario Works client assessed ready: fast-track referral at grant.")
    return None  # the need as the caseworker wrote it


def _assessment(data: Mapping[str, Any], summary: str) -> str | None:
    step = data.get("step")
    if step == "waiting":
        return gettext("Waiting for the common assessment at the local office")
    if step == "completed":
        return gettext("Common assessment completed")
    texts = {
        "deferral_recorded": gettext("Deferral recorded: %(reason)s"),
        "deferral_kept": gettext("Deferral reviewed and kept: %(reason)s"),
        "deferral_ended": gettext("Deferral ended: %(reason)s"),
    }
    if step in texts:
        return texts[step] % {"reason": _name(data, "reason_names")}
    return None


def _action_plan(data: Mapping[str, Any], summary: str) -> str | None:
    step = data.get("step")
    if step == "started":
        return gettext("Action plan put in place")
    if step == "reviewed":
        return gettext("Action plan reviewed")
    if step == "review_coming":
        return gettext("Action plan review coming: the person is reminded")
    return None


def _odsp(data: Mapping[str, Any], summary: str) -> str | None:
    step = data.get("step")
    if step == "received":
        return label_of(ODSPStatus, ODSPStatus.RECEIVED)
    if step == "mailed":
        return gettext("Disability Determination Package mailed")
    if step == "queued":
        return gettext(
            "Financial eligibility confirmed; Disability Determination Package queued for mailing"
        )
    if step == "prescribed_class":
        return gettext(
            "Financial eligibility confirmed; member of a prescribed class: "
            "no Disability Determination Package (%(class)s)"
        ) % {"class": _name(data, "class_names")}
    if step == "assigned":
        return gettext("ODSP application assigned to %(name)s") % {"name": data["assignee_name"]}
    if step == "unassigned":
        return gettext("ODSP application no longer assigned")
    return _odsp_decision(step, data) or _odsp_package(step, data)


def _odsp_decision(step: str | None, data: Mapping[str, Any]) -> str | None:
    """The intake unit's other moves on an application (each stores its step code only)."""
    if step == "refused":
        return gettext("ODSP application refused: %(reason)s") % {
            "reason": _name(data, "reason_names")
        }
    if step == "withdrawn":
        return gettext("ODSP application closed: withdrawn")
    if step == "info_requested":
        return gettext("Missing information asked, due %(day)s") % {
            "day": long_date(dt.date.fromisoformat(str(data["due_on"])))
        }
    if step == "info_received":
        return gettext("Missing information received")
    if step == "closed_unanswered":
        return gettext("ODSP application closed: the information asked did not come")
    return None


def _odsp_package(step: str | None, data: Mapping[str, Any]) -> str | None:
    """The Disability Determination Package's moves after it is queued."""
    if step == "delivered":
        how = label_of(Delivery, data.get("delivery"))
        if how is None:
            return None
        return gettext("Disability Determination Package delivered: %(how)s") % {"how": how}
    if step == "returned":
        return gettext("Disability Determination Package returned on %(day)s") % {
            "day": long_date(dt.date.fromisoformat(str(data["returned_on"])))
        }
    if step == "sent_to_dau":
        return gettext("Disability Determination Package sent to the Disability Adjudication Unit")
    if step == "adjudicated":
        answer = MailingStatus.GRANTED if data.get("granted") else MailingStatus.NOT_GRANTED
        return label_of(MailingStatus, answer)
    if step == "address_set":
        return gettext("Mailing address of the Disability Determination Package completed")
    return None


def _refusal_notice(data: Mapping[str, Any], summary: str) -> str | None:
    """What was sent to the applicant refused, to where (``ontario.notices``)."""
    step = data.get("step")
    language = "English" if data.get("language") == "en-ca" else "français"
    disability = data.get("grounds") == "disability"
    if step == "issued" and data.get("by") == "email":
        if disability:
            return gettext(
                "Refusal notice issued (%(language)s), disability not confirmed: to send by e-mail"
            ) % {"language": language}
        return gettext("Refusal notice issued (%(language)s): to send by e-mail") % {
            "language": language
        }
    if step == "issued":
        if disability:
            text = gettext(
                "Refusal notice issued (%(language)s), disability not confirmed: to print and mail"
            ) % {"language": language}
        else:
            text = gettext("Refusal notice issued (%(language)s): to print and mail") % {
                "language": language
            }
        if data.get("by_phone"):
            text += " " + gettext("(applied by phone: to phone as well)")
        return text
    if step == "mailed":
        return gettext("Refusal notice mailed to %(address)s") % {
            "address": ", ".join(data.get("address") or [])
        }
    if step == "emailed":
        return gettext("Refusal notice sent by e-mail to %(email)s") % {"email": data["email"]}
    return None


register_event_kinds(
    OntarioEventKind,
    {
        OntarioEventKind.OW_GRANTED: _ow_granted,
        OntarioEventKind.OW_TRANSFERRED: _ow_transferred,
        OntarioEventKind.EMPLOYMENT_ONTARIO_REFERRAL: _eo_referral,
        OntarioEventKind.COMMON_ASSESSMENT: _assessment,
        OntarioEventKind.ACTION_PLAN: _action_plan,
        OntarioEventKind.ODSP_INTAKE: _odsp,
        OntarioEventKind.REFUSAL_NOTICE: _refusal_notice,
    },
)
