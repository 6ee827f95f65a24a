"""Trigger fixtures: the app's real functions, a Durable extension double, a fresh SQLite store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import azure.functions as func
import pytest

from pmark3.config import Settings
from pmark3.publish.outbox import OutboxPublisher
from pmark3.store import SqlStore
from tests.triggers.durable_fake import FakeDurableExtension, binding_json
from tests.triggers.durable_fake import durable as durable  # the fixture, for this package
from triggers.common import AppContext, set_context

APP = "https://pmark3-func.azurewebsites.net"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The migrated schema, built once; each test gets a copy."""
    path = tmp_path_factory.mktemp("schema") / "pmark3.db"
    store = SqlStore(f"sqlite:///{path}")
    store.create_schema()
    store.close()
    return path


@pytest.fixture
def store(tmp_path: Path, template_db: Path) -> Iterator[SqlStore]:
    path = tmp_path / "pmark3.db"
    path.write_bytes(template_db.read_bytes())
    s = SqlStore(f"sqlite:///{path}")
    yield s
    s.close()


class FakeDeps:
    """What the feedback route uses from the full deps; the normalizer records what it learns."""

    def __init__(self, store: SqlStore) -> None:
        from pmark3.catalog import load_catalog

        self.store = store
        self.catalog = load_catalog()
        self.learned: list[tuple[str, str, Any]] = []
        self.normalizer = self

    def learn(self, original: str, field: str, code: Any) -> None:
        self.learned.append((original, field, code))


@pytest.fixture
def app_context(tmp_path: Path, store: SqlStore) -> Iterator[AppContext]:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    fake_deps = FakeDeps(store)
    ctx = AppContext(
        settings=settings, store=store, publisher=OutboxPublisher(store, settings.results_topic), deps=lambda: fake_deps
    )
    set_context(ctx)
    yield ctx
    set_context(None)


def registered() -> dict[str, Callable[..., Any]]:
    """Name -> user function, read from the app's function builders.

    These are the very objects ``app.get_functions()`` returns, but that call may run only once
    per app object and tests/support's helpers make it too; reading the builders never fails.
    """
    import function_app

    return {
        fb._function.get_function_name(): fb._function.get_user_function() for fb in function_app.app._function_builders
    }


@pytest.fixture(scope="session")
def app_functions() -> dict[str, Callable[..., Any]]:
    return registered()


def http(
    method: str,
    path: str,
    body: Any = None,
    *,
    params: dict[str, str] | None = None,
    route_params: dict[str, str] | None = None,
    content_type: str | None = "application/json",
    raw: bytes | None = None,
) -> func.HttpRequest:
    data = raw if raw is not None else (b"" if body is None else json.dumps(body, ensure_ascii=False).encode())
    headers = {"Content-Type": content_type} if content_type else {}
    query = "&".join(f"{k}={v}" for k, v in (params or {}).items())
    return func.HttpRequest(
        method,
        f"{APP}{path}{'?' + query if query else ''}",
        headers=headers,
        params=params or {},
        route_params=route_params or {},
        body=data,
    )


def call(app_functions: dict[str, Callable[..., Any]], name: str, **kwargs: Any) -> Any:
    """Invoke a registered function as the worker would; a durable client arrives as binding JSON."""
    import asyncio
    import inspect

    fn = app_functions[name]
    if "client" in inspect.signature(fn).parameters:
        kwargs["client"] = binding_json()
    out = fn(**kwargs)
    return asyncio.run(out) if inspect.iscoroutine(out) else out


def problem(resp: func.HttpResponse) -> dict[str, Any]:
    assert resp.mimetype == "application/problem+json", resp.get_body()
    body: dict[str, Any] = json.loads(resp.get_body())
    assert body["status"] == resp.status_code
    assert {"type", "title", "detail"} <= set(body)
    assert "Traceback" not in body["detail"]
    return body


__all__ = ["FakeDurableExtension", "call", "http", "problem"]
