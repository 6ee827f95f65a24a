"""SqlStore.transaction(): many calls from any thread, one commit; all or nothing; audit rows
written together."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pmark3.store import SqlStore

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(f"sqlite:///{tmp_path / 'pmark3.db'}")
    s.create_schema()
    return s


def _request(store: SqlStore, request_id: str) -> None:
    store.create_request(request_id, text="2호기 급수펌프 B 진동", source="batch", now=NOW)
    store.record_step(request_id, "validate_input", "ok", 1.0, NOW)
    store.record_step(request_id, "parse_input", "ok", 2.0, NOW)
    store.update_request(request_id, now=NOW, runtime_status="Completed", status="draft", result={"status": "draft"})


def _seen_from_outside(store: SqlStore, request_id: str) -> bool:
    """Whether another store on the same database (another process, say) sees the request."""
    other = SqlStore(store.engine.url.render_as_string(hide_password=False))
    try:
        return other.get_request(request_id) is not None
    finally:
        other.close()


def test_writes_are_visible_inside_and_committed_together_at_the_end(store: SqlStore) -> None:
    with store.transaction():
        _request(store, "r1")
        _request(store, "r2")
        assert store.get_request("r1")["result"] == {"status": "draft"}
        assert [a["step"] for a in store.audit_trail("r2")] == ["validate_input", "parse_input"]
        store.record_step("r2", "quality_check", "ok", 0.1, NOW)
        assert not _seen_from_outside(store, "r1")
    assert _seen_from_outside(store, "r1")
    assert [a["step"] for a in store.audit_trail("r2")] == ["validate_input", "parse_input", "quality_check"]
    assert [a["duration_ms"] for a in store.audit_trail("r1")] == [1.0, 2.0]


def test_an_exception_rolls_the_whole_block_back(store: SqlStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        _request(store, "r1")
        raise RuntimeError("the batch died")
    assert store.get_request("r1") is None
    assert store.audit_trail("r1") == []
    _request(store, "r2")  # the store works on after it
    assert store.get_request("r2")["status"] == "draft"


def test_a_duplicate_request_inside_a_block_is_reported_and_the_block_goes_on(store: SqlStore) -> None:
    with store.transaction():
        assert store.create_request("r1", text="a", source="batch", now=NOW) is True
        assert store.create_request("r1", text="b", source="batch", now=NOW) is False
        sid, _created = store.open_session(None, new_id="S-1", user=None, now=NOW, ttl=timedelta(hours=1))
        store.add_turn(sid, "user", "a", "r1", NOW)
    assert store.get_request("r1")["text"] == "a"
    assert [t.text for t in store.session_history("S-1")] == ["a"]


def test_a_nested_block_joins_the_outer_one(store: SqlStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction():
            _request(store, "r1")
        assert not _seen_from_outside(store, "r1")
        raise RuntimeError("outer fails")
    assert store.get_request("r1") is None


def test_calls_from_other_threads_join_the_open_transaction(store: SqlStore) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                _request(store, f"t{n}-{i}")
                assert store.get_request(f"t{n}-{i}") is not None
        except BaseException as exc:
            errors.append(exc)

    with store.transaction():
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not _seen_from_outside(store, "t0-0")
    assert errors == []
    assert all(_seen_from_outside(store, f"t{n}-19") for n in range(4))
    assert len(store.audit_trail("t3-7")) == 2
