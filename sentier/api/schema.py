"""Post-processing of the OpenAPI document (drf-spectacular's ``POSTPROCESSING_HOOKS``)."""

from __future__ import annotations

from typing import Any


def _requires_fields(schema: dict[str, Any]) -> bool:
    """A body schema that names required fields, or whose every alternative does."""
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        return all(_requires_fields(alternative) for alternative in alternatives)
    return bool(schema.get("required"))


def require_bodies(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Say that a request body is required where its schema requires fields: drf-spectacular
    leaves ``requestBody.required`` out for a body written as a plain schema (the referral status
    change's two alternatives), and a client reading the document would then send none."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            body = operation.get("requestBody") if isinstance(operation, dict) else None
            if not body or body.get("required"):
                continue
            schemas = [media.get("schema", {}) for media in body.get("content", {}).values()]
            if schemas and all(_requires_fields(schema) for schema in schemas):
                body["required"] = True
    return result
