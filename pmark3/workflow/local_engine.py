"""The local engine: LangGraph over the workflow spec, checkpointed in a SQLite file.

Each request is a LangGraph thread keyed by its request id, so a run interrupted after any
node resumes from its last checkpoint, also after a process restart.

Without checkpoints (batch, eval) there is nothing to resume, and LangGraph's own bookkeeping
(≈ 3 ms a request on this machine, more than a whole request's budget at 200 requests/s)
buys nothing: such runs walk the spec directly, with the loop the Durable orchestrator runs,
over the same nodes, routers and retry runner. A test holds the two walks to equal results.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, StateGraph

from pmark3.models import MaintenanceRequest, Result
from pmark3.workflow import spec
from pmark3.workflow.result import build_result, record_outcome
from pmark3.workflow.runner import run_with_retry
from pmark3.workflow.state import WorkflowState, new_state

log = logging.getLogger(__name__)


def create_graph(deps: Any, checkpointer: Any = None, interrupt_after: Sequence[str] | None = None) -> Any:
    """Compile the workflow spec into a LangGraph graph bound to ``deps``."""
    graph = StateGraph(WorkflowState)
    for node in spec.NODES:
        graph.add_node(node, partial(_node, node, deps))
    graph.set_entry_point(spec.START)
    targets = {**{n: n for n in spec.NODES}, spec.END: END}
    for node in spec.NODES:
        graph.add_conditional_edges(node, partial(spec.next_node, node), targets)  # type: ignore[arg-type]
    return graph.compile(checkpointer=checkpointer, interrupt_after=list(interrupt_after or []))


def _node(name: str, deps: Any, state: dict[str, Any]) -> dict[str, Any]:
    return run_with_retry(name, dict(state), deps)


def open_checkpointer(path: Path) -> SqliteSaver:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False)
    return SqliteSaver(conn)


class LocalEngine:
    """Starts, runs, resumes and reports requests on the local engine.

    ``checkpoints=False`` runs without the checkpointer (batch and eval): nothing to resume,
    but no checkpoint writes per node either, and no per-step status writes (nobody polls).
    """

    def __init__(
        self,
        deps: Any,
        checkpointer: Any = None,
        *,
        checkpoints: bool = True,
        interrupt_after: Sequence[str] | None = None,
        max_workers: int = 4,
    ) -> None:
        self.deps = deps
        if checkpoints and checkpointer is None:
            checkpointer = open_checkpointer(deps.settings.checkpoint_path)
        self.checkpointer = checkpointer if checkpoints else None
        self.track_steps = checkpoints
        self.interrupt_after = list(interrupt_after or [])
        self.graph = create_graph(deps, self.checkpointer, interrupt_after)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="pmark3-run")

    def start(
        self,
        request: MaintenanceRequest,
        *,
        source: str = "portal",
        request_id: str | None = None,
        notification_id: str | None = None,
    ) -> dict[str, Any]:
        """Record the request (Pending) and return the initial state; nothing runs yet."""
        request_id = request_id or uuid.uuid4().hex
        now = datetime.now(UTC)
        self.deps.store.create_request(
            request_id,
            text=request.text,
            source=source,
            now=now,
            session_id=request.session_id,
            notification_id=notification_id,
        )
        return new_state(
            request,
            request_id=request_id,
            received_at=now,
            settings=self.deps.settings,
            source=source,
            notification_id=notification_id,
        )

    def run(self, state: dict[str, Any] | None, request_id: str) -> Result:
        """Run (or, with ``state=None``, resume from the checkpoint) a request to its end and record it."""
        if state is not None and self.checkpointer is None and not self.interrupt_after:
            return self._walk(state, request_id)
        config = {"configurable": {"thread_id": request_id}, "recursion_limit": 100}
        if state is None:
            if self.checkpointer is None:
                raise ValueError("resume needs the checkpointer")
            snapshot = self.graph.get_state(config)
            current = dict(snapshot.values)
            step = snapshot.next[0] if snapshot.next else spec.END
        else:
            current = dict(state)
            step = spec.START
        if step != spec.END:
            self._step(request_id, step)
        for chunk in self.graph.stream(state, config, stream_mode="updates"):
            for node, update in chunk.items():
                if node not in spec.NODES:
                    continue  # __interrupt__ and other engine events
                current = spec.merge(current, update or {})
                step = spec.next_node(node, current)
                if step != spec.END:
                    self._step(request_id, step)
        if step != spec.END:
            # Interrupted before the end: it stays Running, and resume() finishes it.
            return build_result(current)
        return Result.model_validate(record_outcome(current, self.deps))

    def _walk(self, state: dict[str, Any], request_id: str) -> Result:
        current = dict(state)
        node = spec.START
        while node != spec.END:
            self._step(request_id, node)
            current = spec.merge(current, _node(node, self.deps, current))
            node = spec.next_node(node, current)
        return Result.model_validate(record_outcome(current, self.deps))

    def _step(self, request_id: str, step: str) -> None:
        if not self.track_steps:
            return
        self.deps.store.update_request(request_id, now=datetime.now(UTC), runtime_status="Running", custom_status=step)

    def submit(self, state: dict[str, Any], request_id: str) -> Future[Result]:
        return self._pool.submit(self._run_safely, state, request_id)

    def _run_safely(self, state: dict[str, Any], request_id: str) -> Result:
        try:
            return self.run(state, request_id)
        except Exception:
            log.exception("request %s failed outside the workflow", request_id)
            self.deps.store.update_request(
                request_id, now=datetime.now(UTC), runtime_status="Failed", reason="internal error; see the server log"
            )
            raise

    def ask(
        self,
        request: MaintenanceRequest,
        *,
        source: str = "cli",
        request_id: str | None = None,
        notification_id: str | None = None,
    ) -> Result:
        state = self.start(request, source=source, request_id=request_id, notification_id=notification_id)
        return self.run(state, state["request_id"])

    def resume(self, request_id: str) -> Result:
        return self.run(None, request_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
