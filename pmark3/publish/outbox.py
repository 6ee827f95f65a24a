"""The local events-out adapter: the same messages as the Service Bus topic, kept in a table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from pmark3.store import SqlStore, utcnow


class OutboxPublisher:
    def __init__(self, store: SqlStore, topic: str) -> None:
        self.store = store
        self.topic = topic

    def publish(self, result: dict[str, Any], message_id: str, correlation_id: str | None) -> None:
        # The message id is the request id, so a re-run of record_result queues nothing new,
        # just as Service Bus duplicate detection drops the second send.
        self.store.add_outbox(message_id, correlation_id, self.topic, result, utcnow())


def export_jsonl(store: SqlStore, out: TextIO | Path) -> int:
    """Write the outbox as JSON lines ``{messageId, correlationId, topic, body}``; returns the count."""
    rows = store.outbox_messages()
    lines = [
        json.dumps(
            {
                "messageId": r["message_id"],
                "correlationId": r["correlation_id"],
                "topic": r["topic"],
                "body": r["body"],
            },
            ensure_ascii=False,
        )
        for r in rows
    ]
    text = "".join(line + "\n" for line in lines)
    if isinstance(out, Path):
        out.write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return len(rows)
