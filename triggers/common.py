"""What the triggers share: their dependencies, JSON bodies, problem responses, status shape.

Triggers need the store and the publisher, not the parser or the index, so they build only
those (``AppContext``); the feedback route asks for the full ``Deps`` because it teaches the
normalizer. Tests install their own context with ``set_context``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import azure.functions as func
from pydantic import BaseModel

from pmark3.api.payloads import parse_json_body
from pmark3.api.problems import Problem
from pmark3.config import Settings, get_settings
from pmark3.errors import DependencyError, InvalidRequest, NotFound, PMark3Error, StoreError
from pmark3.ports import EventPublisher
from pmark3.store import SqlStore

log = logging.getLogger(__name__)

PROBLEM = "application/problem+json"
JSON = "application/json"
M = TypeVar("M", bound=BaseModel)
TERMINAL = {"Completed", "Failed", "Terminated", "Canceled"}


def _full_deps() -> Any:
    from pmark3.workflow.deps import get_deps

    return get_deps()


@dataclass
class AppContext:
    settings: Settings
    store: SqlStore
    publisher: EventPublisher | None
    deps: Callable[[], Any] = field(default=_full_deps)


def build_context(settings: Settings | None = None) -> AppContext:
    from sqlalchemy.exc import SQLAlchemyError

    from pmark3.publish.outbox import OutboxPublisher
    from pmark3.workflow.deps import open_store

    settings = settings or get_settings()
    try:
        store = open_store(settings)
    except SQLAlchemyError as exc:
        # Unreachable or refusing at start-up: a dependency outage (503 / message retried), not a bug.
        raise StoreError(f"database unavailable: {exc.__class__.__name__}") from exc
    publisher: EventPublisher
    if settings.servicebus_namespace:
        from pmark3.publish.servicebus import ServiceBusPublisher

        publisher = ServiceBusPublisher(settings.servicebus_namespace, settings.results_topic)
    else:
        publisher = OutboxPublisher(store, settings.results_topic)
    return AppContext(settings=settings, store=store, publisher=publisher)


_lock = threading.Lock()
_context: AppContext | None = None


def get_context() -> AppContext:
    global _context
    with _lock:
        if _context is None:
            _context = build_context()
        return _context


def set_context(context: AppContext | None) -> None:
    global _context
    with _lock:
        _context = context


# -- responses ---------------------------------------------------------------------------------


def problem_response(
    status: int, title: str, detail: str, instance: str | None = None, **extra: Any
) -> func.HttpResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    if instance:
        body["instance"] = instance
    return func.HttpResponse(
        json.dumps(body, ensure_ascii=False), status_code=status, mimetype=PROBLEM, charset="utf-8"
    )


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> func.HttpResponse:
    return func.HttpResponse(
        json.dumps(body, ensure_ascii=False), status_code=status, mimetype=JSON, charset="utf-8", headers=headers
    )


def path_of(req: func.HttpRequest) -> str:
    from urllib.parse import urlparse

    return urlparse(req.url).path


def error_response(req: func.HttpRequest, exc: Exception) -> func.HttpResponse:
    """Map any exception to a problem; nothing of a traceback reaches the caller."""
    instance = path_of(req)
    if isinstance(exc, Problem):
        return problem_response(exc.status, exc.title, exc.detail, instance, **exc.extra)
    if isinstance(exc, NotFound):
        return problem_response(404, "Not found", exc.message, instance)
    if isinstance(exc, InvalidRequest):
        return problem_response(422, "Invalid request", exc.message, instance, code=exc.code)
    if isinstance(exc, DependencyError):
        log.warning("%s %s: dependency failed: %s", req.method, instance, exc.message)
        return problem_response(503, "Service unavailable", exc.message, instance)
    if isinstance(exc, PMark3Error):
        log.error("%s %s: %s", req.method, instance, exc.message)
    else:
        log.exception("%s %s failed", req.method, instance)
    return problem_response(500, "Internal error", "internal error; see the server log", instance)


# -- requests ----------------------------------------------------------------------------------


def read_json(req: func.HttpRequest, max_bytes: int) -> Any:
    """The JSON body, or a problem (415, 413, 400), exactly as the local API answers."""
    return parse_json_body(req.headers.get("content-type"), req.get_body() or b"", max_bytes)


# -- status ------------------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return str(value)


def durable_status_payload(status: Any) -> dict[str, Any]:
    """Durable's status, in the local API's shape (``pmark3.api.status.status_payload``)."""
    runtime = status.runtime_status.name if status.runtime_status is not None else "Pending"
    custom = status.custom_status if isinstance(status.custom_status, dict) else {}
    # The orchestrator's last custom status names record_result; once it is over there is
    # no current step, which is what the local engine reports.
    step = None if runtime in TERMINAL else custom.get("step")
    output = status.output
    if runtime == "Failed":
        # Durable's failure output carries the exception text; that stays in the logs.
        output = "internal error; see the server log"
    return {
        "instanceId": status.instance_id,
        "runtimeStatus": runtime,
        "customStatus": {"step": step, "completed": list(custom.get("completed") or [])},
        "output": output,
        "createdTime": _iso(status.created_time),
        "lastUpdatedTime": _iso(status.last_updated_time),
    }
