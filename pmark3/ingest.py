"""CMMS messages in: one code path for the Service Bus trigger and ``pmark3 ingest FILE.jsonl``.

A message is validated by ``pmark3.cmms`` (the JSON Schema and the workflow's own text
rules). A valid one starts a run whose request id derives from the
``notificationId``, so a redelivery finds the run it already started and starts nothing. An
invalid one is recorded as a ``rejected`` request with its reason (and the rejection is
published to the CMMS like any result), then acknowledged: retrying it could never succeed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from pmark3.cmms import (
    INGEST_STEP,
    SOURCE,
    CmmsMessage,
    InvalidMessage,
    parse_message,
    rejection_id_for,
    rejection_result,
    request_id_for,
)
from pmark3.config import Settings
from pmark3.models import MaintenanceRequest
from pmark3.ports import EventPublisher
from pmark3.store import SqlStore, utcnow
from pmark3.workflow.state import new_state

__all__ = [
    "CmmsMessage",
    "IngestOutcome",
    "InvalidMessage",
    "LocalStarter",
    "Starter",
    "handle_message",
    "ingest_file",
    "parse_message",
    "reject",
    "rejection_id_for",
    "request_id_for",
]

log = logging.getLogger(__name__)


Outcome = Literal["started", "duplicate", "rejected"]


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
        source_hints=msg.source_hints(),
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
