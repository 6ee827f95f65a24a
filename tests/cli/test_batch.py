"""The batch function behind `pmark3 batch`: every line fully answered and recorded, in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmark3 import commands
from pmark3.models import MaintenanceRequest, Turn
from pmark3.recommend.history import SnapshotHistory
from tests.support.compare import comparable
from tests.support.notifications import OPEN_BFP_B_VIBRATION, open_bfp_b_vibration

H = [
    Turn(role="user", text="2호기 급수펌프 B 진동 심함"),
    Turn(role="assistant", text="접수: 2호기 / LAC 보일러급수펌프 계통 / PU 펌프 / VIB 진동 / 우선순위 3"),
]
REQUESTS = [
    MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급"),
    MaintenanceRequest(text="1호기 복수펌프 A 메카니컬씰 누수 확인 요망"),
    MaintenanceRequest(text="FD fan B motor won't start from DCS. Breaker racked in, no relay flag."),
    MaintenanceRequest(text="Any past cases of BFP mechanical seal leaks? Which unit has had more of them?"),
    MaintenanceRequest(text="순환수펌프 모터 베어링 온도 높음"),
    MaintenanceRequest(text="아 B펌프 말고 A요", history=H),
    MaintenanceRequest(text="xkcd qwrt zvbn"),
]


def lines(requests: list[MaintenanceRequest]) -> list[tuple[int, str]]:
    return [
        (n, json.dumps({"id": f"r{n}", **r.model_dump(include={"text", "history"})}, ensure_ascii=False))
        for n, r in enumerate(requests, 1)
    ]


@pytest.fixture
def batch_engine(settings: Any) -> Iterator[Any]:
    engine = commands.batch_engine(settings)
    yield engine
    engine.close()
    engine.deps.store.close()


def test_batch_uses_the_snapshot_and_composed_query_vectors(batch_engine: Any) -> None:
    assert isinstance(batch_engine.deps.history, SnapshotHistory)
    assert "급수펌프" in batch_engine.deps.query_vocabulary
    assert batch_engine.checkpointer is None


@pytest.mark.parametrize("processes", [1, 2])
def test_every_line_is_answered_in_order_and_recorded(batch_engine: Any, processes: int) -> None:
    rows = [row for row, _ms in commands.run_batch(batch_engine, lines(REQUESTS), processes)]
    assert [r["id"] for r in rows] == [f"r{n}" for n in range(1, len(REQUESTS) + 1)]
    first = rows[0]
    assert first["location"]["normalized"] == "2LAC20AP001" and first["status_code"]["normalized"] == "VIB"
    assert any(r["kind"] == "work_order" for r in first["recommendations"]) and first["response"]
    assert rows[5]["scenario"] == "S2"
    store = batch_engine.deps.store
    for row in rows:
        recorded = store.get_request(row["request_id"])
        assert recorded["runtime_status"] == "Completed" and recorded["result"]["status"] == row["status"]
        trail = [a["step"] for a in store.audit_trail(row["request_id"])]
        assert trail[0] == "validate_input" and trail[-1] in ("quality_check", "handle_error")
    cited = {r["id"] for row in rows for r in row["recommendations"] if r["kind"] != "code"}
    assert store.existing_ids(cited) == cited


def test_a_notification_raised_after_the_batch_started_is_a_duplicate(batch_engine: Any) -> None:
    batch_engine.deps.store.upsert_work_order(open_bfp_b_vibration())
    ((row, _ms),) = commands.run_batch(batch_engine, lines([MaintenanceRequest(text="2호기 급수펌프 B 진동 심함")]))
    assert row["status"] == "answered"
    assert any(r["kind"] == "duplicate" and r["id"] == OPEN_BFP_B_VIBRATION for r in row["recommendations"])


def test_with_full_query_vectors_batch_answers_exactly_as_the_online_engine(batch_engine: Any, engine: Any) -> None:
    """Transactions, the history snapshot and the direct walk change nothing; only the
    composed query vectors (measured by `pmark3 eval --retrieval --query-vectors composed`) do."""
    batch_engine.deps.query_vocabulary = None
    rows = [row for row, _ms in commands.run_batch(batch_engine, lines(REQUESTS))]
    for request, row in zip(REQUESTS, rows, strict=True):
        online = engine.ask(request).model_dump(mode="json")
        assert comparable({k: v for k, v in row.items() if k != "id"}) == comparable(online)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_batch_that_dies_leaves_no_line_claiming_lost_work(
    batch_engine: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, processes: int
) -> None:
    real_ask = batch_engine.ask
    log = tmp_path / "answered.txt"  # a file: worker processes answer too

    def ask(request: MaintenanceRequest, **kwargs: Any) -> Any:
        if request.text == REQUESTS[3].text:
            raise RuntimeError("killed")
        result = real_ask(request, **kwargs)
        with log.open("a") as fh:
            fh.write(result.request_id + "\n")
        return result

    monkeypatch.setattr(batch_engine, "ask", ask)
    out = []
    with pytest.raises(RuntimeError):
        out.extend(commands.run_batch(batch_engine, lines(REQUESTS), processes))
    answered = log.read_text().split()
    assert out == [] and len(answered) >= 3
    assert all(batch_engine.deps.store.get_request(rid) is None for rid in answered)


@pytest.mark.parametrize("processes", [1, 2])
def test_lines_of_one_session_run_in_order(batch_engine: Any, processes: int) -> None:
    first = batch_engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    follow_ups = ["아 B펌프 말고 A요", "우선처리로 바꿔주세요, 예비기 없음", "그리고 소음도 있음"]
    mixed = [MaintenanceRequest(text=text, session_id=first.session_id) for text in follow_ups]
    mixed[1:1] = REQUESTS[:4]  # other lines between them
    numbered = [
        (n, json.dumps({"id": f"r{n}", **r.model_dump(include={"text", "session_id"})}, ensure_ascii=False))
        for n, r in enumerate(mixed, 1)
    ]
    rows = [row for row, _ms in commands.run_batch(batch_engine, numbered, processes)]
    assert [row["id"] for row in rows] == [f"r{n}" for n in range(1, len(mixed) + 1)]
    assert all(row["session_id"] == first.session_id for row in rows if row["id"] in ("r1", "r6", "r7"))
    turns = batch_engine.deps.store.session_history(first.session_id)
    assert [t.text for t in turns if t.role == "user"] == ["2호기 급수펌프 B 진동 심함", *follow_ups]


def test_worker_processes_answer_and_record_as_threads_do(batch_engine: Any) -> None:
    """Held writes, written by this process, are the rows the threads write themselves."""
    numbered = lines(REQUESTS * 3)
    numbered.insert(4, (99, "not json"))
    numbered.insert(9, (98, json.dumps({"id": "short", "text": "a"})))
    by_threads = [row for row, _ms in commands.run_batch(batch_engine, numbered, 1)]
    by_processes = [row for row, _ms in commands.run_batch(batch_engine, numbered, 2)]
    assert [comparable(r) for r in by_processes] == [comparable(r) for r in by_threads]
    assert [r["status"] for r in by_processes][4] == "rejected"
    store = batch_engine.deps.store

    def recorded(row: dict[str, Any]) -> tuple[Any, ...]:
        request = store.get_request(row["request_id"])
        steps = [(a["step"], a["outcome"]) for a in store.audit_trail(row["request_id"])]
        turns = [t.text for t in store.session_history(row["session_id"])] if row.get("session_id") else []
        return request["runtime_status"], comparable(request["result"]), steps, turns

    for mine, theirs in zip(by_processes, by_threads, strict=True):
        if mine["request_id"] is not None:
            assert recorded(mine) == recorded(theirs)
    messages = {m["message_id"] for m in store.outbox_messages()}
    assert {r["request_id"] for r in by_processes if r["request_id"]} <= messages


def test_a_worker_process_that_dies_stops_the_batch_instead_of_hanging(
    batch_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    from concurrent.futures.process import BrokenProcessPool

    real_ask = batch_engine.ask

    def ask(request: MaintenanceRequest, **kwargs: Any) -> Any:
        if request.text == REQUESTS[3].text:
            os._exit(1)  # killed: no exception reaches the parent
        return real_ask(request, **kwargs)

    monkeypatch.setattr(batch_engine, "ask", ask)
    out = []
    with pytest.raises(BrokenProcessPool):
        out.extend(commands.run_batch(batch_engine, lines(REQUESTS), 2))
    assert out == []
