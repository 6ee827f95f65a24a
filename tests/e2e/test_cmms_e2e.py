"""End to end, in-process: a CMMS Service Bus message through the real trigger, the real
orchestrator (replayed from history by tests/support's driver) and the real activities, to a
result published for the CMMS and the rows stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from azure.functions.servicebus import ServiceBusMessage

from tests.cmms.small_deps import small_deps
from tests.support.durable_app import ORCHESTRATOR, process_deps
from tests.support.durable_driver import DurableDriver
from tests.triggers.conftest import registered
from tests.triggers.durable_fake import binding_json
from tests.triggers.durable_fake import durable as durable  # the fixture
from triggers.common import AppContext, set_context

MESSAGE = {
    "notificationId": "N-2026-000777",
    "text": "2호기 급수펌프 B 진동 심함, 긴급",
    "reportedBy": "kim.operator",
    "reportedAt": "2026-11-26T09:30:00+09:00",
    "plant": "PM3",
}


def activity_functions() -> dict[str, Any]:
    import function_app

    names = {
        fb._function.get_function_name()
        for fb in function_app.app._function_builders
        if any(b.type == "activityTrigger" for b in fb._function.get_bindings())
    }
    return {name: fn for name, fn in registered().items() if name in names}


@pytest.fixture
def deps(tmp_path: Path) -> Iterator[Any]:
    built = small_deps(tmp_path / "data")
    set_context(AppContext(settings=built.settings, store=built.store, publisher=built.publisher, deps=lambda: built))
    yield built
    set_context(None)
    built.store.close()


def deliver(body: dict[str, Any], delivery_count: int = 1) -> None:
    import asyncio

    msg = ServiceBusMessage(
        body=json.dumps(body, ensure_ascii=False).encode(),
        message_id="sb-1",
        delivery_count=delivery_count,
        application_properties={},
        user_properties={},
    )
    asyncio.run(registered()["cmms_request"](msg=msg, client=binding_json()))


def test_a_cmms_message_ends_as_a_published_result_and_stored_rows(deps: Any, durable: Any) -> None:
    deliver(MESSAGE)
    ((request_id, instance),) = durable.instances.items()
    assert request_id == "cmms-N-2026-000777"

    driver = DurableDriver(registered()[ORCHESTRATOR], activity_functions(), orchestrator_name=ORCHESTRATOR)
    with process_deps(deps):
        replay = driver.run(instance["input"], instance_id=request_id)
    assert replay.done and replay.error is None
    assert replay.calls[0] == "validate_input" and replay.calls[-1] == "record_result"
    result = replay.output
    assert result["request_id"] == request_id and result["status"] in ("draft", "needs_review")
    assert result["location"]["normalized"] == "2LAC20AP001"
    assert result["equipment_type"]["normalized"] == "PU" and result["priority"]["normalized"] == 1

    store = deps.store
    (sent,) = store.outbox_messages()
    assert sent["message_id"] == request_id and sent["correlation_id"] == "N-2026-000777"
    assert sent["topic"] == "maintenance-results" and sent["body"] == result
    row = store.get_request(request_id)
    assert row["runtime_status"] == "Completed" and row["result"] == result and row["source"] == "cmms"
    steps = [a["step"] for a in store.audit_trail(request_id)]
    assert steps[0] == "validate_input" and "quality_check" in steps
    assert all(a["duration_ms"] >= 0 for a in store.audit_trail(request_id))
    assert [t.role for t in store.session_history(result["session_id"])] == ["user", "assistant"]

    # The CMMS resends it: no second run, nothing new published.
    deliver(MESSAGE, delivery_count=2)
    assert len(durable.starts()) == 1 and len(store.outbox_messages()) == 1
