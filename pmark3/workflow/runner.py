"""Running one node the same way in both engines: timing, audit, and error mapping.

Transient failures (DependencyError, or a bug) raise, so the engine's retry policy applies:
Durable's RetryOptions in Azure, ``run_with_retry`` locally, with the same attempt count.
After the last attempt both engines put the same ``step_failed`` error in the state.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

from pmark3 import telemetry
from pmark3.errors import DependencyError, PMark3Error
from pmark3.workflow.nodes import NODE_FUNCTIONS

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
FIRST_RETRY_MS = 500


def step_failed(node: str, attempts: int = MAX_ATTEMPTS) -> dict[str, Any]:
    return {"error": {"step": node, "type": "StepFailed", "message": f"{node} failed after {attempts} attempts"}}


def run_node(node: str, state: dict[str, Any], deps: Any) -> dict[str, Any]:
    """Run ``node`` once; a domain rejection becomes an error in the state, a failure raises."""
    spans = telemetry.get()
    if not spans.recording:
        return _run_node(node, state, deps)
    with spans.step(state["request_id"], node) as outcome:
        update = _run_node(node, state, deps)
        outcome["outcome"] = "error" if update.get("error") else "ok"
        return update


def _run_node(node: str, state: dict[str, Any], deps: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        update = NODE_FUNCTIONS[node](state, deps)
    except DependencyError as exc:
        _audit(deps, state, node, "failed", started, f"{type(exc).__name__}: {exc.message}")
        raise
    except PMark3Error as exc:
        update = {"error": {"step": node, "type": type(exc).__name__, "message": exc.message}}
    except Exception as exc:
        _audit(deps, state, node, "failed", started, f"{type(exc).__name__}: {exc}")
        raise
    elapsed_ms = (time.perf_counter() - started) * 1000
    timings = dict(state.get("step_timings") or {})
    timings[node] = round(timings.get(node, 0.0) + elapsed_ms, 3)
    update["step_timings"] = timings
    _audit(deps, state, node, "error" if update.get("error") else "ok", started, None)
    return update


def run_with_retry(
    node: str, state: dict[str, Any], deps: Any, attempts: int = MAX_ATTEMPTS, first_retry_ms: int = FIRST_RETRY_MS
) -> dict[str, Any]:
    """The local engine's equivalent of ``call_activity_with_retry``."""
    delay = first_retry_ms / 1000
    for attempt in range(1, attempts + 1):
        try:
            return run_node(node, state, deps)
        except Exception:
            log.exception("node %s failed (attempt %d of %d)", node, attempt, attempts)
            if attempt < attempts:
                time.sleep(delay)
                delay *= 2
    return step_failed(node, attempts)


def _audit(deps: Any, state: dict[str, Any], node: str, outcome: str, started: float, detail: str | None) -> None:
    try:
        deps.store.record_step(
            state["request_id"],
            node,
            outcome,
            round((time.perf_counter() - started) * 1000, 3),
            datetime.now(UTC),
            detail,
        )
    except PMark3Error:
        # The audit trail must never be the reason a request fails.
        log.exception("could not record audit for %s/%s", state.get("request_id"), node)
