"""The CMMS contract: the notification message PMark3 reads, and the ids it derives from it.

Messages arrive on the Service Bus queue ``maintenance-requests`` (or as lines of
``pmark3 ingest FILE.jsonl``) and follow ``pmark3/schemas/cmms-maintenance-request.schema.json``;
results go back on the topic ``maintenance-results`` with the request id as message id and the
``notificationId`` as correlation id (``pmark3.publish``).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from pmark3.config import Settings
from pmark3.errors import InvalidRequest
from pmark3.models import Result, WorkflowError
from pmark3.workflow.nodes.validate_input import clean_text

SOURCE = "cmms"
REQUEST_QUEUE = "maintenance-requests"
RESULTS_TOPIC = "maintenance-results"
SCHEMA_FILE = "cmms-maintenance-request.schema.json"
INGEST_STEP = "ingest"
# Durable instance ids and requests.id (64) both fit this; anything else is hashed.
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,58}$")


class InvalidMessage(InvalidRequest):
    """A CMMS message that can never be processed; ``reason_code`` is stable for metrics."""

    code = "invalid_message"

    def __init__(self, reason_code: str, message: str, notification_id: str | None = None) -> None:
        super().__init__(message)
        self.reason_code = reason_code
        self.notification_id = notification_id


@dataclass(frozen=True)
class CmmsMessage:
    notification_id: str
    text: str
    reported_by: str
    reported_at: datetime
    plant: str
    unit: str | None = None
    equipment_tag: str | None = None

    def source_hints(self) -> dict[str, str | None] | None:
        """The unit and equipment tag, for the workflow's normalize step to check and use."""
        if self.unit is None and self.equipment_tag is None:
            return None
        return {"unit": self.unit, "equipment_tag": self.equipment_tag}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = (resources.files("pmark3") / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def request_id_for(notification_id: str) -> str:
    """The request (and Durable instance) id of a notification: the same id on every delivery."""
    if _SAFE_ID.match(notification_id):
        return f"cmms-{notification_id}"
    return f"cmms-{uuid.uuid5(uuid.NAMESPACE_URL, 'pmark3:cmms:' + notification_id).hex}"


def rejection_id_for(message_id: str | None, body: bytes) -> str:
    """A rejected message's id: per delivery-stable message, so a corrected resend of the
    same notification (a new message) is not blocked by the rejection of the old one."""
    key = message_id.encode("utf-8", "replace") if message_id else body
    return f"cmms-rejected-{hashlib.sha256(key).hexdigest()[:32]}"


def parse_message(body: bytes, settings: Settings) -> CmmsMessage:
    """The message, or InvalidMessage saying exactly what is wrong with it."""
    if len(body) > settings.max_body_bytes:
        raise InvalidMessage("too_large", f"the message is {len(body)} bytes; at most {settings.max_body_bytes}")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InvalidMessage("bad_json", f"the message is not valid UTF-8 JSON: {exc}") from None
    nid = data.get("notificationId") if isinstance(data, dict) else None
    # Kept only when it is safe to store and to send back as the correlation id.
    nid = nid if isinstance(nid, str) and 0 < len(nid) <= 128 and nid.isprintable() else None
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        detail = "; ".join(f"{'.'.join(str(p) for p in e.absolute_path) or 'message'}: {e.message}" for e in errors)
        raise InvalidMessage("schema", f"the message does not match the schema: {detail[:1000]}", nid)
    for key in ("notificationId", "reportedBy", "plant"):
        try:
            data[key].encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidMessage("schema", f"{key} is not valid UTF-8 (unpaired surrogates)", None) from None
    try:
        text = clean_text(data["text"], settings.min_text_length, settings.max_text_length)
    except InvalidRequest as exc:
        raise InvalidMessage("invalid_text", exc.message, nid) from None
    try:
        reported_at = datetime.fromisoformat(data["reportedAt"].replace("z", "Z"))
    except ValueError as exc:
        raise InvalidMessage("schema", f"reportedAt: {exc}", nid) from None
    return CmmsMessage(
        notification_id=data["notificationId"],
        text=text,
        reported_by=data["reportedBy"],
        reported_at=reported_at,
        plant=data["plant"],
        unit=data.get("unit"),
        equipment_tag=data.get("equipmentTag"),
    )


def rejection_result(request_id: str, exc: InvalidMessage) -> dict[str, Any]:
    result = Result(
        request_id=request_id,
        status="rejected",
        response=f"The CMMS message was rejected: {exc.message}",
        errors=[WorkflowError(step=INGEST_STEP, type=type(exc).__name__, message=exc.message)],
    )
    return result.model_dump(mode="json")
