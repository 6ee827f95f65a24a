"""The real orchestrator, replayed through the Durable SDK from history JSON (no host)."""

from __future__ import annotations

from typing import Any

import pytest

from pmark3.models import MaintenanceRequest, Result
from tests.support.durable_app import run_durable

HAPPY = [
    "validate_input",
    "parse_input",
    "normalize_terms",
    "vector_search",
    "generate_recommendations",
    "generate_response",
    "quality_check",
    "record_result",
]


def steps(custom_statuses: list[Any]) -> list[str]:
    seen: list[str] = []
    for status in custom_statuses:
        if status and status.get("step") and (not seen or seen[-1] != status["step"]):
            seen.append(status["step"])
    return seen


def test_happy_path_calls_every_node_in_order(deps: Any) -> None:
    run = run_durable(deps, MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급"))
    assert run.done and run.error is None
    assert run.calls == HAPPY
    assert steps(run.custom_statuses) == HAPPY
    result = Result.model_validate(run.output)
    assert result.status in ("draft", "needs_review")
    assert result.location.system == "LAC"
    assert result.location.unit == "2"
    row = deps.store.get_request(result.request_id)
    assert row["runtime_status"] == "Completed" and row["result"]["request_id"] == result.request_id


def test_replaying_the_finished_history_is_deterministic(deps: Any) -> None:
    from tests.support.durable_app import ORCHESTRATOR, functions
    from tests.support.durable_driver import DurableDriver

    run = run_durable(deps, MaintenanceRequest(text="1호기 복수펌프 A 메카니컬씰 누수"))
    driver = DurableDriver(functions()[ORCHESTRATOR], {}, orchestrator_name=ORCHESTRATOR)
    input_ = __import__("json").loads(run.history[1]["Input"])
    state = driver.replay(run.history, input_, "again")
    assert state["isDone"] is True
    assert state["output"] == run.output


def test_request_without_codes_skips_vector_search(deps: Any) -> None:
    run = run_durable(deps, MaintenanceRequest(text="xkcd qwrt zvbn"))
    assert "vector_search" not in run.calls
    assert run.calls[:3] == ["validate_input", "parse_input", "normalize_terms"]
    assert run.calls[3] == "generate_recommendations"
    assert Result.model_validate(run.output).status == "needs_review"


@pytest.mark.parametrize("text", ["  a ", "x" * 1001, "펌프\x00진동 있음"])
def test_invalid_text_goes_to_handle_error_and_is_rejected(deps: Any, text: str) -> None:
    run = run_durable(deps, MaintenanceRequest(text=text))
    assert run.calls == ["validate_input", "handle_error", "record_result"]
    result = Result.model_validate(run.output)
    assert result.status == "rejected"
    assert result.errors[0].step == "validate_input"
    row = deps.store.get_request(result.request_id)
    assert row["status"] == "rejected" and row["reason"].startswith("validate_input:")


@pytest.mark.parametrize("bound", [0, 1, 2])
def test_quality_retry_loop_is_bounded(deps: Any, bound: int) -> None:
    deps.settings.max_quality_retries = bound

    def always_retry(state: dict[str, Any]) -> dict[str, Any]:
        return {"quality_decision": "retry", "status": "needs_review", "next_parser": "local"}

    run = run_durable(
        deps, MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"), overrides={"quality_check": always_retry}
    )
    assert run.done
    assert run.calls.count("parse_input") == bound + 1
    assert run.calls.count("quality_check") == bound + 1
    assert run.calls[-1] == "record_result"
    assert Result.model_validate(run.output).status == "needs_review"


def test_activity_that_keeps_failing_ends_in_handle_error_with_the_request_recorded(deps: Any) -> None:
    def broken(state: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("disk on fire")

    run = run_durable(
        deps, MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"), overrides={"normalize_terms": broken}
    )
    assert run.calls == [
        "validate_input",
        "parse_input",
        "normalize_terms",
        "normalize_terms",
        "normalize_terms",
        "handle_error",
        "record_result",
    ]
    result = Result.model_validate(run.output)
    assert result.status == "error"
    assert result.errors[0].step == "normalize_terms"
    assert result.errors[0].message == "normalize_terms failed after 3 attempts"
    row = deps.store.get_request(result.request_id)
    assert row["runtime_status"] == "Completed"
    assert row["status"] == "error" and row["reason"].startswith("normalize_terms:")
