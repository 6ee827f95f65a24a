"""The same requests through LangGraph and through the real orchestrator give the same results."""

from __future__ import annotations

from typing import Any

import pytest

from pmark3.models import MaintenanceRequest, Turn
from tests.support.compare import comparable
from tests.support.durable_app import run_durable

H = [
    Turn(role="user", text="2호기 급수펌프 B 진동 심함"),
    Turn(role="assistant", text="접수: 2호기 / LAC 보일러급수펌프 계통 / PU 펌프 / VIB 진동 / 우선순위 3"),
]

REQUESTS: list[MaintenanceRequest] = [
    MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급"),
    MaintenanceRequest(text="#2 BFP B 진동 심함, 긴급"),
    MaintenanceRequest(text="1호기 복수펌프 A 메카니컬씰 누수 확인 요망"),
    MaintenanceRequest(text="2U HPH 7 level transmitter frozen at 62%, doesn't follow the gauge glass."),
    MaintenanceRequest(text="FD fan B motor won't start from DCS. Breaker racked in, no relay flag."),
    MaintenanceRequest(text="Any past cases of BFP mechanical seal leaks? Which unit has had more of them?"),
    MaintenanceRequest(text="1호기 주변압기 최근 DGA 분석 결과 보여주세요"),
    MaintenanceRequest(text="운탄 BC-4 테일풀리 베어링에서 연기 남!! 컨베이어 즉시 정지함, 화재 위험"),
    MaintenanceRequest(text="2호기 탈황 석회석슬러리 공급 조절밸브 자꾸 막힘. 개도 100%인데 유량이 안 나옴"),
    MaintenanceRequest(text="1호기 LP turbine B #5 bearing vibration 95μm alarm"),
    MaintenanceRequest(text="U2 mill D classifier drive motor making a grinding noise, vibration normal."),
    MaintenanceRequest(text="1호기 윤활유 필터 차압 높음 경보, 예비 필터로 전환함"),
    MaintenanceRequest(text="순환수펌프 모터 베어링 온도 높음"),
    MaintenanceRequest(text="2호기 복수배관 플랜지 누수, 다음 계획정비 때 가스켓 교체"),
    MaintenanceRequest(text="아 B펌프 말고 A요", history=H),
    MaintenanceRequest(text="우선처리로 바꿔주세요, 예비기 없음", history=H),
    MaintenanceRequest(text="xkcd qwrt zvbn"),
    MaintenanceRequest(text="  "),
    MaintenanceRequest(text="x" * 1001),
    MaintenanceRequest(text="펌프\x07 진동"),
    MaintenanceRequest(text="Unit 1 instrument air compressor B tripped on high discharge temperature"),
    MaintenanceRequest(text="공용 수처리 RO 고압펌프 소음 발생"),
]


def test_there_are_enough_varied_requests() -> None:
    assert len(REQUESTS) >= 20
    assert any(r.history for r in REQUESTS)


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.text[:24] for r in REQUESTS])
def test_langgraph_and_durable_agree(engine: Any, deps: Any, request_: MaintenanceRequest) -> None:
    local = engine.ask(request_).model_dump(mode="json")
    durable = run_durable(deps, request_)
    assert durable.done and durable.error is None
    assert comparable(durable.output) == comparable(local)
    assert set(durable.output["step_timings"]) == set(local["step_timings"])
