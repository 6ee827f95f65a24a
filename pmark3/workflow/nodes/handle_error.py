"""handle_error: record the failure with its step, so the request is never lost."""

from __future__ import annotations

import logging
from typing import Any

from pmark3.store import utcnow

log = logging.getLogger(__name__)
_REJECTIONS = {"InvalidRequest", "SessionExpired"}


def handle_error(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    error = dict(state.get("error") or {"step": "unknown", "type": "Unknown", "message": "unknown failure"})
    status = "rejected" if error.get("type") in _REJECTIONS else "error"
    ko = (state.get("language") or "ko") == "ko"
    if status == "rejected":
        response = (
            f"요청을 처리할 수 없습니다: {error['message']}" if ko else f"The request was rejected: {error['message']}"
        )
    else:
        response = (
            f"처리 중 오류가 발생했습니다({error['step']}). 요청은 기록되었으며 담당자가 확인합니다."
            if ko
            else f"Processing failed at {error['step']}. The request is recorded and will be reviewed."
        )
    deps.store.update_request(
        state["request_id"],
        now=utcnow(),
        status=status,
        reason=f"{error['step']}: {error['message']}",
    )
    # A rejection is the caller's input, already in the result; a failure is ours to look at.
    log.log(
        logging.INFO if status == "rejected" else logging.WARNING,
        "request %s ended as %s at %s: %s",
        state["request_id"],
        status,
        error["step"],
        error["message"],
    )
    errors = list(state.get("errors") or [])
    errors.append(error)
    return {"status": status, "response": response, "errors": errors, "questions": []}
