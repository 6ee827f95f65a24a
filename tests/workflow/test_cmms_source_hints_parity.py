"""A CMMS message with a unit and equipment tag gives the same result on both engines: the
state the Service Bus trigger starts, walked by the real orchestrator and by LangGraph."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from azure.functions.servicebus import ServiceBusMessage

from tests.cmms.small_deps import small_deps
from tests.e2e.test_cmms_e2e import activity_functions
from tests.support.compare import comparable
from tests.support.durable_app import ORCHESTRATOR, process_deps
from tests.support.durable_driver import DurableDriver
from tests.triggers.conftest import registered
from tests.triggers.durable_fake import binding_json
from tests.triggers.durable_fake import durable as durable  # the fixture
from triggers.common import AppContext, set_context

TAG = "2LAC20AP001"
BASE = {"reportedBy": "kim.operator", "reportedAt": "2026-11-26T09:30:00+09:00", "plant": "PM3"}
CASES = [
    ("진동 심함, 긴급", "2", TAG),  # neither in the text: the message's unit and location
    ("급수펌프 B 진동 심함", "2", None),  # the unit completes the text's location
    ("1호기 복수펌프 A 메카니컬씰 누수", "2", TAG),  # other equipment: the text wins, with a warning
    ("펌프 소음 심함", "1", "9ZZZ99ZZ999"),  # not in the register: ignored, with a warning
]


@pytest.fixture
def deps(tmp_path: Path) -> Iterator[Any]:
    built = small_deps(tmp_path / "data")
    set_context(AppContext(settings=built.settings, store=built.store, publisher=built.publisher, deps=lambda: built))
    yield built
    set_context(None)
    built.store.close()


@pytest.mark.parametrize(("text", "unit", "tag"), CASES, ids=[c[0][:12] for c in CASES])
def test_both_engines_use_the_hints_the_same_way(deps: Any, durable: Any, text: str, unit: str, tag: str) -> None:
    from pmark3.workflow.local_engine import LocalEngine

    body = {**BASE, "notificationId": "N-P-1", "text": text, "unit": unit, "equipmentTag": tag}
    msg = ServiceBusMessage(
        body=json.dumps(body, ensure_ascii=False).encode(),
        message_id="sb-1",
        delivery_count=1,
        application_properties={},
        user_properties={},
    )
    asyncio.run(registered()["cmms_request"](msg=msg, client=binding_json()))
    ((request_id, instance),) = durable.instances.items()
    state = instance["input"]
    assert state["source_hints"] == {"unit": unit, "equipment_tag": tag}

    driver = DurableDriver(registered()[ORCHESTRATOR], activity_functions(), orchestrator_name=ORCHESTRATOR)
    with process_deps(deps):
        replay = driver.run(state, instance_id=request_id)
    assert replay.done and replay.error is None

    engine = LocalEngine(deps, checkpoints=False)
    try:
        local = engine.run(dict(state), request_id).model_dump(mode="json")
    finally:
        engine.close()
    assert comparable(replay.output) == comparable(local)
    assert set(replay.output["step_timings"]) == set(local["step_timings"])
    if tag == TAG and text.startswith("진동"):
        assert local["location"]["normalized"] == TAG
    if (tag and tag != TAG) or text.startswith("1호기"):
        assert any("CMMS" in w for w in local["warnings"])
