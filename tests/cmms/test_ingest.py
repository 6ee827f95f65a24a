"""The CMMS contract: the JSON Schema, request ids, and ``pmark3 ingest FILE.jsonl`` run for real
on the local engine through the same ``handle_message`` as the Service Bus trigger."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pmark3.cmms import InvalidMessage, parse_message, request_id_for, schema
from pmark3.config import Settings
from pmark3.publish.outbox import export_jsonl
from tests.cmms.small_deps import small_deps

VALID = {
    "notificationId": "N-2026-000123",
    "text": "2호기 급수펌프 B 진동 심함, 긴급",
    "reportedBy": "kim.operator",
    "reportedAt": "2026-11-26T09:30:00+09:00",
    "plant": "PM3",
}
SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_schema_is_valid_and_its_example_passes() -> None:
    s = schema()
    jsonschema.Draft202012Validator.check_schema(s)
    for example in s["examples"]:
        assert parse_message(json.dumps(example, ensure_ascii=False).encode(), SETTINGS).notification_id


def test_parse_message_normalises_text_and_time() -> None:
    msg = parse_message(
        json.dumps(
            {
                **VALID,
                "text": "  펌프 소음 심함  ",
                "reportedAt": "2026-11-26T00:30:00Z",
                "equipmentTag": "2LAC20AP001",
                "unit": None,
            }
        ).encode(),
        SETTINGS,
    )
    assert msg.text == "펌프 소음 심함" and msg.reported_at.utcoffset() is not None
    assert msg.equipment_tag == "2LAC20AP001" and msg.unit is None


def test_a_notification_keeps_its_request_id() -> None:
    assert request_id_for("N-1") == request_id_for("N-1") == "cmms-N-1"
    odd = request_id_for("2026/000123 #7")
    assert odd == request_id_for("2026/000123 #7") and odd.startswith("cmms-") and len(odd) <= 64
    assert "/" not in odd and "#" not in odd
    assert request_id_for("a" * 128) != request_id_for("a" * 127)
    assert len(request_id_for("a" * 128)) <= 64


def test_messages_that_cannot_be_processed_say_why() -> None:
    with pytest.raises(InvalidMessage) as info:
        parse_message(json.dumps({**VALID, "notificationId": ""}).encode(), SETTINGS)
    assert info.value.reason_code == "schema" and "notificationId" in info.value.message
    with pytest.raises(InvalidMessage) as info:
        parse_message(b"[" * 100_000, SETTINGS.model_copy(update={"max_body_bytes": 200_000}))
    assert info.value.reason_code == "bad_json"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Any]:
    from pmark3.workflow.local_engine import LocalEngine

    deps = small_deps(tmp_path / "data")
    eng = LocalEngine(deps, checkpoints=False)
    yield eng
    eng.close()
    deps.store.close()


def test_ingest_file_runs_the_same_path_as_the_service_bus_trigger(engine: Any, tmp_path: Path) -> None:
    from pmark3.ingest import ingest_file

    lines = [
        json.dumps(VALID, ensure_ascii=False),
        "",
        json.dumps(VALID, ensure_ascii=False),  # the same notification again
        "{broken",
        json.dumps({**VALID, "notificationId": "N-2", "text": "1호기 복수펌프 A 누설"}, ensure_ascii=False),
    ]
    path = tmp_path / "cmms.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest_file(path, engine)
    assert (summary["messages"], summary["started"], summary["duplicate"], summary["rejected"]) == (4, 2, 1, 1)
    items = summary["items"]
    assert [i["line"] for i in items] == [1, 3, 4, 5]
    assert items[0]["request_id"] == "cmms-N-2026-000123" and items[0]["status"] in ("draft", "needs_review")
    assert items[1]["outcome"] == "duplicate" and items[2]["reason_code"] == "bad_json"

    store = engine.deps.store
    row = store.get_request("cmms-N-2026-000123")
    assert row["runtime_status"] == "Completed" and row["notification_id"] == "N-2026-000123"
    assert row["result"]["location"]["normalized"] == "2LAC20AP001"
    sent = {m["message_id"]: m for m in store.outbox_messages()}
    assert sent["cmms-N-2026-000123"]["correlation_id"] == "N-2026-000123"
    assert sent[items[2]["request_id"]]["body"]["status"] == "rejected"
    out = tmp_path / "outbox.jsonl"
    assert export_jsonl(store, out) == 3
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e["messageId"] for e in exported} == set(sent)

    again = ingest_file(path, engine)  # the whole file redelivered: nothing new runs
    assert (again["started"], again["duplicate"], again["rejected"]) == (0, 3, 1)
    assert len(store.outbox_messages()) == 3
