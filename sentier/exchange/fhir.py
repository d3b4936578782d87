"""A referral as FHIR R4: a ``ServiceRequest`` and the ``Task`` that tracks it, in a Bundle.

Semantics of the HL7 SDOH Clinical Care implementation guide (referral management): the Task's
``focus`` is the ServiceRequest, its ``owner`` the receiving organization, its ``requester`` the
Ministry, its ``status`` our state (``expired`` becomes ``cancelled`` with a ``statusReason``);
``businessStatus`` carries our exact state. Built and validated with ``fhir.resources.R4B``,
whose ServiceRequest, Task, Patient, Organization and Bundle are those of R4 (ADR 0011).

Only what a consent in force still lets the organization see when the bundle is built is in it
(:func:`sentier.referrals.selectors.shared_referral`): the Patient resource only with the
``identity`` category, the file number only with ``program``; other categories become notes.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from fhir.resources.R4B.bundle import Bundle

from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.selectors import SharedReferral

SYSTEM = "urn:sentier"
REFERRAL_ID = f"{SYSTEM}:referral"
STATUS_SYSTEM = f"{SYSTEM}:referral-status"
SERVICE_KIND_SYSTEM = f"{SYSTEM}:service-kind"
ORGANIZATION_ID = f"{SYSTEM}:organization"
FILE_NUMBER = f"{SYSTEM}:file-number"
TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code"
NAMESPACE = uuid.UUID("6f0f3a8e-4f4b-4d38-9d1b-5e2b8f1c0a11")

# Our state → FHIR Task.status (R4 value set task-status).
TASK_STATUS = {
    ReferralStatus.DRAFT: "draft",
    ReferralStatus.REQUESTED: "requested",
    ReferralStatus.ACCEPTED: "accepted",
    ReferralStatus.REJECTED: "rejected",
    ReferralStatus.IN_PROGRESS: "in-progress",
    ReferralStatus.ON_HOLD: "on-hold",
    ReferralStatus.COMPLETED: "completed",
    ReferralStatus.CANCELLED: "cancelled",
    ReferralStatus.FAILED: "failed",
    ReferralStatus.EXPIRED: "cancelled",  # with statusReason "expired"
}

# Our state → FHIR ServiceRequest.status (R4 value set request-status).
REQUEST_STATUS = {
    ReferralStatus.DRAFT: "draft",
    ReferralStatus.REQUESTED: "active",
    ReferralStatus.ACCEPTED: "active",
    ReferralStatus.IN_PROGRESS: "active",
    ReferralStatus.ON_HOLD: "on-hold",
    ReferralStatus.COMPLETED: "completed",
    ReferralStatus.REJECTED: "revoked",
    ReferralStatus.CANCELLED: "revoked",
    ReferralStatus.FAILED: "revoked",
    ReferralStatus.EXPIRED: "revoked",
}

REQUESTERS = {
    "qc": "Ministère de l’Emploi et de la Solidarité sociale",
    "on": "Ministry of Children, Community and Social Services",
}


def _id(referral: Referral, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{referral.uuid}:{what}"))


def _instant(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _patient(payload: dict[str, Any], patient_id: str) -> dict[str, Any]:
    identity = payload.get("identity") or {}
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": patient_id,
        "name": [
            {
                "family": identity.get("last_name") or None,
                "given": [identity["first_name"]] if identity.get("first_name") else None,
            }
        ],
    }
    telecom = []
    if identity.get("phone"):
        telecom.append({"system": "phone", "value": identity["phone"]})
    if identity.get("email"):
        telecom.append({"system": "email", "value": identity["email"]})
    if telecom:
        patient["telecom"] = telecom
    if identity.get("city") or identity.get("postal_code"):
        patient["address"] = [
            {
                "city": identity.get("city") or None,
                "postalCode": identity.get("postal_code") or None,
            }
        ]
    language = identity.get("preferred_language")
    if language:
        code = language.split("-")[0] + ("-CA" if "-" in language else "")
        patient["communication"] = [
            {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": code}]}}
        ]
    program = payload.get("program") or {}
    if program.get("file_number"):
        patient["identifier"] = [{"system": FILE_NUMBER, "value": program["file_number"]}]
    return patient


def _notes(payload: dict[str, Any], categories: list[str]) -> list[dict[str, str]]:
    """Consented categories other than identity, as plain notes ("category: key: value; …")."""
    notes = []
    for category in categories:
        if category == "identity":
            continue
        section = payload.get(category) or {}
        if not section:
            continue
        text = "; ".join(f"{k}: {v}" for k, v in sorted(section.items()) if v not in ("", None))
        notes.append({"text": f"{category}: {text}"})
    return notes


def referral_resources(shared: SharedReferral) -> list[dict[str, Any]]:
    """The resources as FHIR JSON dicts: ServiceRequest, Task, Organization, Patient (if shared)."""
    referral = shared.referral
    categories = shared.categories
    payload = shared.payload
    request_id = str(referral.uuid)
    task_id = _id(referral, "task")
    organization = referral.organization
    organization_id = str(organization.uuid)
    requester_id = _id(referral, "requester")
    patient_id = _id(referral, "patient")
    shares_identity = "identity" in categories
    if shares_identity:
        subject: dict[str, Any] = {"reference": f"urn:uuid:{patient_id}", "type": "Patient"}
    else:
        # No consent to share who the person is: an opaque identifier, nothing else.
        subject = {"type": "Patient", "identifier": {"system": REFERRAL_ID, "value": request_id}}
    owner = {
        "reference": f"urn:uuid:{organization_id}",
        "type": "Organization",
        "display": organization.name,
    }
    requester_name = REQUESTERS.get(settings.SENTIER_JURISDICTION, REQUESTERS["qc"])
    requester = {
        "reference": f"urn:uuid:{requester_id}",
        "type": "Organization",
        "display": requester_name,
    }
    status_coding = {
        "system": STATUS_SYSTEM,
        "code": referral.status,
        "display": str(ReferralStatus(referral.status).label),
    }
    service = referral.service
    code: dict[str, Any] = {"text": service.name if service else referral.need[:200]}
    if service is not None:
        code["coding"] = [
            {
                "system": SERVICE_KIND_SYSTEM,
                "code": service.kind,
                "display": str(service.get_kind_display()),
            }
        ]
    service_request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": request_id,
        "identifier": [{"system": REFERRAL_ID, "value": request_id}],
        "status": REQUEST_STATUS[ReferralStatus(referral.status)],
        "intent": "order",
        "code": code,
        "subject": subject,
        "authoredOn": _instant(referral.sent_at or referral.created_at),
        "requester": requester,
        "performer": [owner],
        "reasonCode": [{"text": referral.need}],
    }
    notes = _notes(payload, categories)
    if shared.notice:
        notes.append({"text": shared.notice})
    if notes:
        service_request["note"] = notes
    task: dict[str, Any] = {
        "resourceType": "Task",
        "id": task_id,
        "identifier": [{"system": f"{REFERRAL_ID}-task", "value": request_id}],
        "status": TASK_STATUS[ReferralStatus(referral.status)],
        "businessStatus": {"coding": [status_coding], "text": status_coding["display"]},
        "intent": "order",
        "code": {"coding": [{"system": TASK_CODE_SYSTEM, "code": "fulfill"}]},
        "focus": {"reference": f"urn:uuid:{request_id}", "type": "ServiceRequest"},
        "for": subject,
        "authoredOn": _instant(referral.sent_at or referral.created_at),
        "lastModified": _instant(referral.updated_at),
        "requester": requester,
        "owner": owner,
    }
    if referral.status == ReferralStatus.EXPIRED:
        task["statusReason"] = {
            "coding": [{"system": STATUS_SYSTEM, "code": "expired", "display": "Expired"}],
            "text": str(ReferralStatus.EXPIRED.label),
        }
    elif referral.status_reason:
        task["statusReason"] = {"text": referral.status_reason}
    if referral.sent_at is not None:
        task["executionPeriod"] = {
            "start": _instant(referral.sent_at),
            "end": _instant(referral.closed_at),
        }
    if referral.expires_at is not None and referral.status == ReferralStatus.REQUESTED:
        task["restriction"] = {"period": {"end": _instant(referral.expires_at)}}
    if referral.outcome:
        task["output"] = [{"type": {"text": "outcome"}, "valueString": referral.outcome}]
    resources = [
        service_request,
        task,
        {
            "resourceType": "Organization",
            "id": organization_id,
            "identifier": [{"system": ORGANIZATION_ID, "value": organization.slug}],
            "name": organization.name,
        },
        {"resourceType": "Organization", "id": requester_id, "name": requester_name},
    ]
    if shares_identity:
        resources.append(_patient(payload, patient_id))
    return [_prune(resource) for resource in resources]


def _prune(value: Any) -> Any:
    """Drop empty values (FHIR forbids empty elements)."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [_prune(v) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    return value


def referral_bundle(shared: SharedReferral) -> Bundle:
    """A ``collection`` Bundle of what the organization may see of the referral now, validated
    by ``fhir.resources`` (raises if it is not valid)."""
    referral = shared.referral
    resources = referral_resources(shared)
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "id": _id(referral, "bundle"),
            "type": "collection",
            "timestamp": _instant(referral.updated_at),
            "entry": [
                {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
                for resource in resources
            ],
        }
    )
