"""validate_input: trim, NFC, length and character checks, and the session."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime, timedelta
from typing import Any

from pmark3.errors import InvalidRequest
from pmark3.workflow.language import detect_language

_ALLOWED_CONTROL = {"\n", "\t"}


def clean_text(raw: Any, min_len: int, max_len: int) -> str:
    """The request text, trimmed and NFC-normalized; InvalidRequest says exactly what is wrong."""
    if not isinstance(raw, str):
        raise InvalidRequest("text must be a string")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidRequest("text is not valid UTF-8 (it contains unpaired surrogates)") from exc
    text = unicodedata.normalize("NFC", raw).strip()
    bad = sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROL})
    if bad:
        raise InvalidRequest(
            f"text contains control characters ({', '.join(bad[:5])}); only newline and tab are allowed"
        )
    if len(text) < min_len:
        raise InvalidRequest(f"text is too short: at least {min_len} characters are needed, got {len(text)}")
    if len(text) > max_len:
        raise InvalidRequest(f"text is too long: at most {max_len} characters are allowed, got {len(text)}")
    return text


def validate_input(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    settings = deps.settings
    raw = state.get("text")
    language = detect_language(raw if isinstance(raw, str) else "")
    try:
        text = clean_text(raw, settings.min_text_length, settings.max_text_length)
        now = datetime.fromisoformat(state["received_at"])
        session_id, created = deps.store.open_session(
            state.get("session_id"),
            new_id=f"S-{uuid.uuid4().hex[:12]}",
            user=state.get("user"),
            now=now,
            ttl=timedelta(minutes=settings.session_ttl_minutes),
        )
    except InvalidRequest as exc:
        return {
            "status": "rejected",
            "language": language,
            "error": {"step": "validate_input", "type": type(exc).__name__, "message": exc.message},
        }
    history = state.get("history") or []
    if not history and not created:
        history = [t.model_dump() for t in deps.store.session_history(session_id, exclude_request=state["request_id"])]
    deps.store.update_request(state["request_id"], now=now, session_id=session_id)
    return {"text": text, "session_id": session_id, "history": history, "language": detect_language(text)}
