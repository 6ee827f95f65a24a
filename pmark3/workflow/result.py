"""Turning a finished state into the result contract, and recording it."""

from __future__ import annotations

from typing import Any

from pmark3 import telemetry
from pmark3.models import FIELD_NAMES, Result
from pmark3.store import utcnow

_RESULT_KEYS = set(Result.model_fields)


def build_result(state: dict[str, Any]) -> Result:
    data = {k: v for k, v in state.items() if k in _RESULT_KEYS and v is not None}
    data.setdefault("status", "error")
    for name in FIELD_NAMES:
        data.setdefault(name, {})
    return Result.model_validate(data)


def record_outcome(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    """Persist the result and the conversation turns, and publish to the CMMS. Idempotent per request."""
    result = build_result(state).model_dump(mode="json")
    now = utcnow()
    store = deps.store
    already_done = store.has_result(state["request_id"])
    store.update_request(
        state["request_id"],
        now=now,
        runtime_status="Completed",
        custom_status=None,
        status=result["status"],
        result=result,
    )
    if not already_done and result.get("session_id") and result["status"] != "rejected":
        store.add_turn(result["session_id"], "user", state["text"], state["request_id"], now)
        store.add_turn(result["session_id"], "assistant", result["response"], state["request_id"], now)
    if not already_done:
        telemetry.get().finished(result, state["received_at"], state.get("source", "portal"))
    if deps.publisher is not None:
        deps.publisher.publish(result, message_id=state["request_id"], correlation_id=state.get("notification_id"))
    return result
