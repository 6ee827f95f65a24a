"""A person's verdict on a result: accept or correct each of the four fields.

Corrections are stored and become aliases at once, so the next request with the same words
is coded the way the person said (the local API and the Function App share this).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pmark3.errors import InvalidRequest, NotFound
from pmark3.models import FIELD_NAMES
from pmark3.store import SqlStore, utcnow


class FieldVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    accepted: bool
    value: str | int | None = Field(default=None, description="The corrected code when not accepted")

    @model_validator(mode="after")
    def _value_when_corrected(self) -> FieldVerdict:
        if not self.accepted and self.value in (None, ""):
            raise ValueError("a correction needs a value")
        return self


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str | None = Field(default=None, max_length=128)
    fields: dict[str, FieldVerdict] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_fields(self) -> Feedback:
        unknown = sorted(set(self.fields) - set(FIELD_NAMES))
        if unknown:
            raise ValueError(f"unknown fields {unknown}; expected some of {list(FIELD_NAMES)}")
        return self


def _check_code(catalog: Any, field: str, value: str | int) -> str:
    text = str(value).strip()
    valid = {
        "equipment_type": catalog.equipment_classes,
        "status_code": catalog.failure_modes,
        "priority": {str(p) for p in catalog.priorities},
    }.get(field)
    if valid is not None and text not in valid:
        raise InvalidRequest(f"{text!r} is not a valid {field} code")
    if field == "location" and not (len(text) >= 4 and text[0] in "012" and text[1:4] in catalog.systems):
        raise InvalidRequest(f"{text!r} is not a KKS location of this plant (unit + system, e.g. 2LAC20AP001)")
    return text


def apply_feedback(store: SqlStore, catalog: Any, normalizer: Any, request_id: str, feedback: Feedback) -> list[dict]:
    """Validate, store and learn from ``feedback``; returns the stored items."""
    row = store.get_request(request_id)
    if row is None:
        raise NotFound(f"request {request_id!r} not found")
    result = row.get("result")
    if not result:
        raise InvalidRequest(f"request {request_id!r} has no result yet; give feedback once it has completed")
    items: list[dict[str, Any]] = []
    for field, verdict in feedback.fields.items():
        predicted = (result.get(field) or {}).get("normalized")
        original = (result.get(field) or {}).get("original")
        corrected = None if verdict.accepted else _check_code(catalog, field, verdict.value)  # type: ignore[arg-type]
        items.append(
            {
                "field": field,
                "original": original,
                "accepted": verdict.accepted,
                "predicted": None if predicted is None else str(predicted),
                "corrected": corrected,
            }
        )
    store.save_feedback(request_id, items, feedback.user, utcnow())
    for item in items:
        if item["corrected"] is not None and item["original"]:
            code = int(item["corrected"]) if item["field"] == "priority" else item["corrected"]
            normalizer.learn(item["original"], item["field"], code)
    return items
