"""CMMS messages in: one code path for the Service Bus trigger and ``pmark3 ingest FILE.jsonl``.

A message is validated against ``pmark3/schemas/cmms-maintenance-request.schema.json`` and the
workflow's own text rules. A valid one starts a run whose request id derives from the
``notificationId``, so a redelivery finds the run it already started and starts nothing. An
invalid one is recorded as a ``rejected`` request with its reason (and the rejection is
published to the CMMS like any result), then acknowledged: retrying it could never succeed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

import jsonschema

from pmark3.config import Settings
from pmark3.errors import InvalidRequest
from pmark3.models import MaintenanceRequest, Result, WorkflowError
from pmark3.ports import EventPublisher
from pmark3.store import SqlStore, utcnow
from pmark3.workflow.nodes.validate_input import clean_text
from pmark3.workflow.state import new_state

log = logging.getLogger(__name__)

SOURCE = "cmms"
SCHEMA_FILE = "cmms-maintenance-request.schema.json"
INGEST_STEP = "ingest"
# Durable instance ids and requests.id (64) both fit this; anything else is hashed.
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,58}$")

Outcome = Literal["started", "duplicate", "rejected"]


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


@dataclass(frozen=True)
class IngestOutcome:
    outcome: Outcome
    request_id: str
    notification_id: str | None = None
    reason: str | None = None
    reason_code: str | None = None


class Starter(Protocol):
    """Starts a run of the workflow, and says whether one was already started for an id."""

    async def exists(self, request_id: str) -> bool: ...

    async def start(self, request_id: str, state: dict[str, Any]) -> None: ...


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


async def handle_message(
    body: bytes,
    *,
    message_id: str | None,
    settings: Settings,
    store: SqlStore,
    starter: Starter,
    publisher: EventPublisher | None = None,
    now: datetime | None = None,
) -> IngestOutcome:
    """Validate one CMMS message and start its run once; the Service Bus trigger and
    ``pmark3 ingest`` both come here. Store and bus failures raise (the message is retried)."""
    now = now or utcnow()
    try:
        msg = parse_message(body, settings)
    except InvalidMessage as exc:
        return reject(exc, body=body, message_id=message_id, store=store, publisher=publisher, now=now)

    request_id = request_id_for(msg.notification_id)
    store.create_request(request_id, text=msg.text, source=SOURCE, now=now, notification_id=msg.notification_id)
    # The row is only a claim: a crash between it and start() must not lose the run, so the
    # engine's own record of the instance decides whether this delivery is a duplicate.
    if await starter.exists(request_id):
        log.info("notification %s redelivered; run %s already started", msg.notification_id, request_id)
        return IngestOutcome("duplicate", request_id, msg.notification_id)
    request = MaintenanceRequest(text=msg.text, user=msg.reported_by)
    state = new_state(
        request,
        request_id=request_id,
        received_at=now,
        settings=settings,
        source=SOURCE,
        notification_id=msg.notification_id,
    )
    await starter.start(request_id, state)
    return IngestOutcome("started", request_id, msg.notification_id)


def reject(
    exc: InvalidMessage,
    *,
    body: bytes,
    message_id: str | None,
    store: SqlStore,
    publisher: EventPublisher | None,
    now: datetime,
) -> IngestOutcome:
    """Record the rejection as a finished request and tell the CMMS; idempotent per message."""
    request_id = rejection_id_for(message_id, body)
    result = rejection_result(request_id, exc)
    text = body[:1000].decode("utf-8", "replace")
    if store.create_request(request_id, text=text, source=SOURCE, now=now, notification_id=exc.notification_id):
        store.update_request(
            request_id,
            now=now,
            runtime_status="Completed",
            status="rejected",
            reason=f"{INGEST_STEP}: {exc.message}",
            result=result,
        )
    log.warning("CMMS message %s rejected (%s): %s", message_id or request_id, exc.reason_code, exc.message)
    if publisher is not None:
        # Sent on every delivery: the topic's duplicate detection drops repeats, and a send
        # that failed before is retried with the message.
        publisher.publish(result, message_id=request_id, correlation_id=exc.notification_id)
    return IngestOutcome("rejected", request_id, exc.notification_id, exc.message, exc.reason_code)


def rejection_result(request_id: str, exc: InvalidMessage) -> dict[str, Any]:
    result = Result(
        request_id=request_id,
        status="rejected",
        response=f"The CMMS message was rejected: {exc.message}",
        errors=[WorkflowError(step=INGEST_STEP, type=type(exc).__name__, message=exc.message)],
    )
    return result.model_dump(mode="json")


# -- local: pmark3 ingest FILE.jsonl ----------------------------------------------------------


class LocalStarter:
    """Runs the workflow on the local engine, to the end, inside ``start``."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.results: dict[str, Any] = {}

    async def exists(self, request_id: str) -> bool:
        row = self.engine.deps.store.get_request(request_id)
        return row is not None and row["runtime_status"] != "Pending"

    async def start(self, request_id: str, state: dict[str, Any]) -> None:
        self.results[request_id] = self.engine.run(state, request_id)


def ingest_file(path: Path | str, engine: Any) -> dict[str, Any]:
    """Feed each line of a JSONL file (one CMMS message body per line) through ``handle_message``.

    Returns ``{"messages", "started", "duplicate", "rejected", "items": [...]}``; each item has
    the line number, outcome, request id, and the run's status or the rejection reason.
    """
    deps = engine.deps
    starter = LocalStarter(engine)
    summary: dict[str, Any] = {"messages": 0, "started": 0, "duplicate": 0, "rejected": 0, "items": []}
    with Path(path).open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            line = raw.rstrip(b"\r\n")
            if not line.strip():
                continue
            outcome = asyncio.run(
                handle_message(
                    line,
                    message_id=f"{Path(path).name}:{hashlib.sha256(line).hexdigest()}",
                    settings=deps.settings,
                    store=deps.store,
                    starter=starter,
                    publisher=deps.publisher,
                    now=datetime.now(UTC),
                )
            )
            item: dict[str, Any] = {"line": number, **{k: v for k, v in asdict(outcome).items() if v is not None}}
            if outcome.request_id in starter.results:
                item["status"] = starter.results[outcome.request_id].status
            summary["messages"] += 1
            summary[outcome.outcome] += 1
            summary["items"].append(item)
    return summary
