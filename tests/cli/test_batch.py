"""The batch function behind `pmark3 batch`: every line fully answered and recorded, in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pmark3 import commands
from pmark3.models import MaintenanceRequest, Turn
from pmark3.plant import WorkOrder
from pmark3.recommend.history import SnapshotHistory
from tests.support.compare import comparable

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


def test_every_line_is_answered_in_order_and_recorded(batch_engine: Any) -> None:
    rows = [row for row, _ms in commands.run_batch(batch_engine, lines(REQUESTS))]
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
    batch_engine.deps.store.upsert_work_order(
        WorkOrder(
            id="WO-2026-99001",
            kks="2LAC20AP001",
            unit="2",
            system="LAC",
            equipment_class="PU",
            failure_mode="VIB",
            priority=2,
            text="2호기 BFP B 진동 증가",
            reported_at=datetime.now(UTC).date() - timedelta(days=2),
            status="open",
        )
    )
    ((row, _ms),) = commands.run_batch(batch_engine, lines([MaintenanceRequest(text="2호기 급수펌프 B 진동 심함")]))
    assert row["status"] == "answered"
    assert any(r["kind"] == "duplicate" and r["id"] == "WO-2026-99001" for r in row["recommendations"])


def test_with_full_query_vectors_batch_answers_exactly_as_the_online_engine(batch_engine: Any, engine: Any) -> None:
    """Transactions, the history snapshot and the direct walk change nothing; only the
    composed query vectors (measured by `pmark3 eval --retrieval --query-vectors composed`) do."""
    batch_engine.deps.query_vocabulary = None
    rows = [row for row, _ms in commands.run_batch(batch_engine, lines(REQUESTS))]
    for request, row in zip(REQUESTS, rows, strict=True):
        online = engine.ask(request).model_dump(mode="json")
        assert comparable({k: v for k, v in row.items() if k != "id"}) == comparable(online)


def test_a_batch_that_dies_leaves_no_line_claiming_lost_work(
    batch_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_ask = batch_engine.ask
    answered: list[str] = []

    def ask(request: MaintenanceRequest, **kwargs: Any) -> Any:
        if request.text == REQUESTS[3].text:
            raise RuntimeError("killed")
        result = real_ask(request, **kwargs)
        answered.append(result.request_id)
        return result

    monkeypatch.setattr(batch_engine, "ask", ask)
    out = []
    with pytest.raises(RuntimeError):
        out.extend(commands.run_batch(batch_engine, lines(REQUESTS)))
    assert out == [] and len(answered) >= 3
    assert all(batch_engine.deps.store.get_request(rid) is None for rid in answered)


def test_lines_of_one_session_run_in_order(batch_engine: Any) -> None:
    first = batch_engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    follow_ups = ["아 B펌프 말고 A요", "우선처리로 바꿔주세요, 예비기 없음", "그리고 소음도 있음"]
    mixed = [MaintenanceRequest(text=text, session_id=first.session_id) for text in follow_ups]
    mixed[1:1] = REQUESTS[:4]  # other lines between them
    numbered = [
        (n, json.dumps({"id": f"r{n}", **r.model_dump(include={"text", "session_id"})}, ensure_ascii=False))
        for n, r in enumerate(mixed, 1)
    ]
    rows = [row for row, _ms in commands.run_batch(batch_engine, numbered)]
    assert all(row["session_id"] == first.session_id for row in rows if row["id"] in ("r1", "r6", "r7"))
    turns = batch_engine.deps.store.session_history(first.session_id)
    assert [t.text for t in turns if t.role == "user"] == ["2호기 급수펌프 B 진동 심함", *follow_ups]
