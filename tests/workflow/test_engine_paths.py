"""Without checkpoints the local engine walks the spec itself; LangGraph and that walk agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pmark3.models import MaintenanceRequest
from pmark3.workflow.local_engine import LocalEngine
from tests.durable.test_parity import REQUESTS
from tests.support.compare import comparable


@pytest.fixture
def walker(deps: Any) -> Iterator[LocalEngine]:
    eng = LocalEngine(deps, checkpoints=False)
    yield eng
    eng.close()


def test_batch_engine_does_not_run_on_langgraph(walker: LocalEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("LangGraph was used")

    monkeypatch.setattr(walker.graph, "stream", fail)
    assert walker.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급")).status == "draft"


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.text[:24] for r in REQUESTS])
def test_langgraph_and_the_direct_walk_agree(engine: Any, walker: LocalEngine, request_: MaintenanceRequest) -> None:
    graph = engine.ask(request_).model_dump(mode="json")
    walked = walker.ask(request_).model_dump(mode="json")
    assert comparable(walked) == comparable(graph)
    assert list(walked["step_timings"]) == list(graph["step_timings"])
    store = engine.deps.store
    trail = [(a["step"], a["outcome"]) for a in store.audit_trail(walked["request_id"])]
    assert trail == [(a["step"], a["outcome"]) for a in store.audit_trail(graph["request_id"])]
    for result in (graph, walked):
        row = store.get_request(result["request_id"])
        assert row["runtime_status"] == "Completed" and row["result"]["status"] == result["status"]


def test_a_node_that_keeps_failing_ends_in_handle_error_on_both_walks(
    engine: Any, walker: LocalEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmark3.workflow import nodes

    def broken(_state: dict[str, Any], _deps: Any) -> dict[str, Any]:
        raise RuntimeError("recommendations are down")

    monkeypatch.setitem(nodes.NODE_FUNCTIONS, "generate_recommendations", broken)
    request_ = MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급")
    graph = engine.ask(request_).model_dump(mode="json")
    walked = walker.ask(request_).model_dump(mode="json")
    assert walked["status"] == "error" and walked["errors"][0]["step"] == "generate_recommendations"
    assert comparable(walked) == comparable(graph)
