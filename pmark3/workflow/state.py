"""The workflow state: one JSON-safe dict that crosses every activity boundary.

Nodes return partial updates; the last write of a key wins (no reducers), which is what
both LangGraph (with this schema) and the orchestrator's ``merge`` do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypedDict

from pmark3.config import Settings
from pmark3.models import MaintenanceRequest


class WorkflowState(TypedDict, total=False):
    request_id: str
    session_id: str | None
    text: str
    history: list[dict[str, Any]]
    user: str | None
    source: str
    notification_id: str | None
    # Only a CMMS message carries these: {"unit", "equipment_tag"} as the source states them.
    source_hints: dict[str, str | None] | None
    received_at: str
    max_quality_retries: int
    language: str
    scenario: str | None
    parsed: dict[str, Any]
    parse_attempts: int
    next_parser: str | None
    parser_disagreement: list[str]
    location: dict[str, Any]
    equipment_type: dict[str, Any]
    status_code: dict[str, Any]
    priority: dict[str, Any]
    search_hits: dict[str, list[dict[str, Any]]] | None
    recommendations: list[dict[str, Any]]
    duplicate_of: str | None
    response: str
    questions: list[str]
    quality_scores: dict[str, float]
    quality_decision: str
    weak_fields: list[str]
    status: str
    step_timings: dict[str, float]
    warnings: list[str]
    errors: list[dict[str, Any]]
    error: dict[str, Any] | None


def new_state(
    request: MaintenanceRequest,
    *,
    request_id: str,
    received_at: datetime,
    settings: Settings,
    source: str = "portal",
    notification_id: str | None = None,
    source_hints: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The orchestrator's input: everything the walk needs, including the retry bound.

    ``source_hints`` is what the source system states besides the text (a CMMS notification's
    ``unit`` and ``equipment_tag``); normalize_terms checks it against the register. It is not
    part of ``MaintenanceRequest``, so no HTTP, CLI or batch caller can set it.
    """
    state: dict[str, Any] = {
        "request_id": request_id,
        "session_id": request.session_id,
        "text": request.text,
        "history": [t.model_dump() for t in request.history],
        "user": request.user,
        "source": source,
        "notification_id": notification_id,
        "received_at": received_at.isoformat(),
        "max_quality_retries": settings.max_quality_retries,
        "warnings": [],
        "errors": [],
        "step_timings": {},
    }
    if source_hints and any(v is not None for v in source_hints.values()):
        state["source_hints"] = {"unit": source_hints.get("unit"), "equipment_tag": source_hints.get("equipment_tag")}
    return state
