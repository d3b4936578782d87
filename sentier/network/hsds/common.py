"""HSDS constants shared by the export, the validation and the import: tables, taxonomies, ids."""

from __future__ import annotations

import uuid
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
HSDS_VERSION = "3.1"
NAMESPACE = uuid.UUID("6f0c6b1e-2f6b-5d0a-9a53-5e6e74696572")
REGION_URI = "urn:sentier:region:"
PROVINCE_URI = "urn:sentier:province:QC"

# The tables Sentier writes, in loading order, with the columns it fills.
TABLES: dict[str, tuple[str, ...]] = {
    "organization": (
        "id",
        "name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "legal_status",
    ),
    "organization_identifier": (
        "id",
        "organization_id",
        "identifier_scheme",
        "identifier_type",
        "identifier",
    ),
    "location": (
        "id",
        "location_type",
        "organization_id",
        "name",
        "description",
        "external_identifier",
        "external_identifier_type",
    ),
    "service": (
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "wait_time",
        "eligibility_description",
    ),
    "phone": ("id", "location_id", "service_id", "organization_id", "number"),
    "service_area": ("id", "service_id", "name", "uri"),
    "service_at_location": ("id", "service_id", "location_id"),
    "language": ("id", "service_id", "name", "code"),
    "taxonomy": ("id", "name", "description", "version"),
    "taxonomy_term": ("id", "code", "name", "description", "taxonomy_id", "language"),
    "attribute": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "unit": ("id", "name", "scheme", "identifier"),
    "service_capacity": (
        "id",
        "service_id",
        "unit_id",
        "available",
        "maximum",
        "description",
        "updated",
    ),
}

TAXONOMIES = {
    "kinds": ("sentier-service-kinds", "Kinds of service in Sentier"),
    "clienteles": ("sentier-clienteles", "Target clienteles of the RSSMO directory"),
    "facts": ("sentier-facts", "Facts Sentier records about organizations and services"),
}
FACTS = {
    "rssmo_member": "Member of the RSSMO",
    "waiting_list_length": "People on the waiting list",
    "points_of_service": "Number of points of service (as published)",
    # How a point of service reaches people far from it (issue 19, remote regions).
    "serves_by_phone": "Serves by phone",
    "serves_by_video": "Serves by video",
    "travels_to_person": "Staff travel to the person",
}
#: The location facts that are yes/no (exported as "true" when yes).
LOCATION_FLAGS = ("serves_by_phone", "serves_by_video", "travels_to_person")
LANGUAGE_NAMES = {"fr": "French", "en": "English", "es": "Spanish", "ar": "Arabic"}


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def term_id(taxonomy: str, code: str) -> str:
    return stable_id("term", taxonomy, code)
