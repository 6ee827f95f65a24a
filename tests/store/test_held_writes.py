"""SqlStore.hold_writes(): a batch worker's writes kept in memory, read back where the request
path reads them, and written by apply_writes exactly as the direct calls would have."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pmark3.errors import NotFound
from pmark3.store import SqlStore

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
TTL = timedelta(hours=1)


def _open(path: Path) -> SqlStore:
    store = SqlStore(f"sqlite:///{path}")
    store.create_schema()
    return store


def _one_request(store: SqlStore, request_id: str, session_id: str | None = None) -> str:
    """What the workflow writes for one request, in its order."""
    store.create_request(request_id, text="2호기 급수펌프 B 진동", source="batch", now=NOW)
    sid, _ = store.open_session(session_id, new_id=f"S-{request_id}", user="kim", now=NOW, ttl=TTL)
    store.update_request(request_id, now=NOW, session_id=sid)
    store.record_step(request_id, "validate_input", "ok", 1.0, NOW)
    store.record_step(request_id, "parse_input", "ok", 2.0, NOW)
    assert store.has_result(request_id) is False
    result = {"request_id": request_id, "status": "draft"}
    store.update_request(request_id, now=NOW + timedelta(seconds=1), runtime_status="Completed", result=result)
    assert store.has_result(request_id) is True
    store.add_turn(sid, "user", "2호기 급수펌프 B 진동", request_id, NOW)
    store.add_turn(sid, "assistant", "접수", request_id, NOW)
    assert store.add_outbox(request_id, None, "results", result, NOW) is True
    assert store.add_outbox(request_id, None, "results", result, NOW) is False
    return sid


def _everything(store: SqlStore, request_ids: list[str], session_ids: list[str]) -> dict[str, Any]:
    def without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "id"} for r in rows]

    return {
        "requests": [store.get_request(r) for r in request_ids],
        "audit": [without_ids(store.audit_trail(r)) for r in request_ids],
        "turns": [store.session_history(s) for s in session_ids],
        "outbox": without_ids(store.outbox_messages()),
    }


def test_held_writes_reach_the_database_only_when_applied_and_then_as_written_directly(tmp_path: Path) -> None:
    direct = _open(tmp_path / "direct.db")
    sids = [_one_request(direct, "r1"), _one_request(direct, "r2")]

    worker, writer = _open(tmp_path / "held.db"), _open(tmp_path / "held.db")
    worker.hold_writes()
    assert [_one_request(worker, "r1"), _one_request(worker, "r2")] == sids
    pending = worker.take_writes()
    assert writer.get_request("r1") is None and writer.outbox_messages() == []
    assert worker.get_request("r1") is None  # nothing was written behind apply_writes' back
    with writer.transaction():
        writer.apply_writes([pending])
    assert _everything(writer, ["r1", "r2"], sids) == _everything(direct, ["r1", "r2"], sids)
    assert not worker.take_writes()  # taken once


def test_a_held_turn_is_in_its_session_history_until_applied(tmp_path: Path) -> None:
    store = _open(tmp_path / "p.db")
    store.hold_writes()
    sid = _one_request(store, "r1")
    assert [t.text for t in store.session_history(sid)] == ["2호기 급수펌프 B 진동", "접수"]
    assert store.session_history(sid, exclude_request="r1") == []


def test_a_follow_up_on_a_stored_session_holds_its_update(tmp_path: Path) -> None:
    store = _open(tmp_path / "p.db")
    sid = _one_request(store, "r1")
    store.hold_writes()
    assert _one_request(store, "r2", session_id=sid) == sid
    pending = store.take_writes()
    assert pending.session_updates == [{"id": sid, "last_seen_at": NOW}] and not pending.sessions
    store.apply_writes([pending])
    assert store.get_request("r2")["session_id"] == sid
    assert len(store.session_history(sid)) == 4


def test_an_update_of_a_request_stored_before_is_applied_and_checked(tmp_path: Path) -> None:
    store = _open(tmp_path / "p.db")
    store.create_request("r1", text="a", source="batch", now=NOW)
    store.hold_writes()
    store.update_request("r1", now=NOW, runtime_status="Running", custom_status="parse_input")
    store.update_request("r-missing", now=NOW, runtime_status="Running")
    assert store.get_request("r1")["runtime_status"] == "Pending"
    pending = store.take_writes()
    with pytest.raises(NotFound):
        store.apply_writes([pending])
    pending.request_updates.pop()
    store.apply_writes([pending])
    assert store.get_request("r1")["custom_status"] == "parse_input"


def test_take_writes_without_hold_writes_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        _open(tmp_path / "p.db").take_writes()
