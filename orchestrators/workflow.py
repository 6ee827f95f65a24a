"""The Durable orchestrator: walks the same workflow spec as LangGraph, one activity per node.

Deterministic by construction: no I/O, no clock, no random and no settings reads here. The
retry bound and everything else it needs arrive in the input state.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import azure.durable_functions as df

from activities.record_result import NAME as RECORD_RESULT
from pmark3.workflow import spec
from pmark3.workflow.runner import FIRST_RETRY_MS, MAX_ATTEMPTS, step_failed

NAME = "pmark3_workflow"
RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=FIRST_RETRY_MS, max_number_of_attempts=MAX_ATTEMPTS)

bp = df.Blueprint()


def walk(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict[str, Any]]:
    state: dict[str, Any] = context.get_input()
    node = spec.START
    completed: list[str] = []
    while node != spec.END:
        context.set_custom_status({"step": node, "completed": list(completed)})
        try:
            update = yield context.call_activity_with_retry(node, RETRY, state)
        except Exception:
            # The activity failed on every attempt; handle_error records it.
            update = step_failed(node)
        state = spec.merge(state, update)
        completed.append(node)
        node = spec.next_node(node, state)
    context.set_custom_status({"step": RECORD_RESULT, "completed": list(completed)})
    result: dict[str, Any] = yield context.call_activity_with_retry(RECORD_RESULT, RETRY, state)
    return result


@bp.orchestration_trigger(context_name="context", orchestration=NAME, input_type=dict)
def pmark3_workflow(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict[str, Any]]:
    return (yield from walk(context))
