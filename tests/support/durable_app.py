"""The real Function App's functions, loaded once, and a helper that runs a request through them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from typing import Any

from pmark3.models import MaintenanceRequest
from pmark3.workflow import deps as deps_module
from pmark3.workflow.state import new_state
from tests.support.durable_driver import DurableDriver, Replay

ORCHESTRATOR = "pmark3_workflow"


@cache
def _registered() -> list[Any]:
    # get_functions() may be called only once per app object.
    import function_app

    return list(function_app.app.get_functions())


def functions() -> dict[str, Callable[..., Any]]:
    """Name -> user function of every registered function."""
    return {f.get_function_name(): f.get_user_function() for f in _registered()}


def bindings() -> dict[str, list[str]]:
    return {f.get_function_name(): [b.type for b in f.get_bindings()] for f in _registered()}


@contextmanager
def process_deps(deps: Any) -> Iterator[None]:
    """Activities use the process-wide deps, as an Azure worker does; point them at the test's."""
    saved = deps_module._deps
    deps_module._deps = deps
    try:
        yield
    finally:
        deps_module._deps = saved


def activity_functions() -> dict[str, Callable[[Any], Any]]:
    binds = bindings()
    return {name: fn for name, fn in functions().items() if "activityTrigger" in binds[name]}


def run_durable(
    deps: Any,
    request: MaintenanceRequest,
    *,
    overrides: dict[str, Callable[[Any], Any]] | None = None,
    request_id: str | None = None,
    source: str = "portal",
) -> Replay:
    """Start the request as the HTTP trigger would, then drive the real orchestrator to its end."""
    request_id = request_id or uuid.uuid4().hex
    now = datetime.now(UTC)
    deps.store.create_request(request_id, text=request.text, source=source, now=now, session_id=request.session_id)
    state = new_state(request, request_id=request_id, received_at=now, settings=deps.settings, source=source)
    driver = DurableDriver(
        functions()[ORCHESTRATOR], {**activity_functions(), **(overrides or {})}, orchestrator_name=ORCHESTRATOR
    )
    with process_deps(deps):
        return driver.run(state, instance_id=request_id)
