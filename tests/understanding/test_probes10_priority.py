"""Priority and scenario families learned from probes10/11, each checked on wording not in any labeled set."""

from __future__ import annotations

import pytest

from pmark3.models import Turn
from tests.understanding.conftest import Understand


def _priority(understand: Understand, text: str, history: tuple[Turn, ...] = ()) -> int | None:
    return understand(text, history)[1].priority.normalized


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        # A temperature or vibration written as two values, the second higher: a rising trend.
        ("2호기 BFP B 모터 베어링 온도 68→81℃ 상승, 현장 확인 부탁", 2),
        ("Unit 1 ID fan A outboard bearing vibration went 2.4 → 5.9 mm/s since Monday", 2),
        ("1호기 복수펌프 B 진동 2.8에서 6.1mm/s로 올라감", 2),
        # A drop, a swing, or one value with a decimal is no rising trend.
        ("1호기 CCW 펌프 A 베어링 온도 81→68℃로 내려감", 3),
        ("2호기 급수펌프 C 베어링 온도 2.5도 상승", 3),
        ("1호기 공기예열기 B 출구 온도계 55~75도 사이로 헌팅", 3),
    ],
)
def test_numeric_rise(understand: Understand, text: str, priority: int) -> None:
    assert _priority(understand, text) == priority


@pytest.mark.parametrize(
    "text",
    [
        # A breaker or protective switch that did not act on its test: protection lost.
        "Unit 2 6.9 kV bus B coupler breaker did not trip during the relay test",
        "1호기 탈기기 고고수위 스위치 기능시험 때 미동작",
        "#2 BFP lube oil low pressure switch never actuated on the auto-start test",
        # A breaker that could only be cleared from upstream.
        "U1 MCC 1D feeder breaker for the vacuum pump stuck closed, we had to isolate upstream",
        # A hydrogen leak in any wording.
        "2호기 발전기 여자기측 H2 누설 같음, 보충량 늘었음",
        "Unit 2 generator: possible hydrogen leak near the terminal box",
        # "immediate".
        "U1 seal oil pump B stopped, needs immediate action",
    ],
)
def test_protection_lost_and_other_priority_1(understand: Understand, text: str) -> None:
    assert _priority(understand, text) == 1


@pytest.mark.parametrize(
    "text",
    [
        # A limit switch on a stroke test is no protection.
        "Unit 1 HP heater 6 extraction valve limit switch did not change over during the stroke test",
    ],
)
def test_not_protection(understand: Understand, text: str) -> None:
    assert _priority(understand, text) != 1


@pytest.mark.parametrize(
    "text",
    [
        # An emergency drain carrying the heater's drains.
        "2호기 고압히터 6 정상배수 밸브 고착, 비상배수로 빼는 중",
        "1호기 저압히터 2 수위 높아서 비상배수밸브 열려있음",
        # Output held down to a figure.
        "2호기 C밀 정지로 부하 480MW로 제한 중",
        # Still going up; vibration growing; a value that keeps leaving its setpoint.
        "U1 BFP A thrust bearing temp 92C and still going up",
        "1호기 압입송풍기 B 베어링 온도 어제보다 계속 오름",
        "2호기 순환수펌프 B 진동이 점점 커지고 있음",
        "1호기 탈기기 수위 계속 설정치에서 벗어나는 중",
        # A safety valve lifting on a pressure that rose.
        "2호기 보조증기 헤더 압력 높아져서 안전밸브 동작함",
        # Seawater into the condenser.
        "1호기 복수기 B측 해수 유입 의심, 나트륨 상승",
        # An emergency diesel that will not crank.
        "2호기 비상디젤발전기 주간 시험 때 시동이 안 돼요",
    ],
)
def test_priority_2_families(understand: Understand, text: str) -> None:
    assert _priority(understand, text) == 2


def test_trip_setting_is_no_trip(understand: Understand) -> None:
    assert _priority(understand, "1호기 공기압축기 A 토출온도 98도, 트립설정 105도") != 1
    assert _priority(understand, "U2 BFPT bearing temp 104C, trip setpoint is 110C") != 1


def test_put_back_to_normal(understand: Understand) -> None:
    history = (
        Turn(role="user", text="U2 mill D tripped on low lube oil pressure"),
        Turn(role="assistant", text="Logged: Unit 2 / HFC coal mill / PU pump / UST trip / priority 1"),
    )
    assert _priority(understand, "Back in service, all fine. Please put it back to normal.", history) == 3


@pytest.mark.parametrize(
    "text",
    [
        # When past work was done, by year.
        "1호기 급수펌프 A 메카니컬씰 바꾼 게 몇 년도였죠?",
        # Work orders are records.
        "2호기 복수펌프 B 진동 관련 예전 작업오더 있으면 보내주세요",
        # An English question opening on the record it asks for.
        "Next date for the unit 2 condenser tube eddy current inspection?",
        # A record noun before "please" in its own clause.
        "6.9 kV switchgear annual inspection checklist, please",
        # A polite -까요 question about when it was done, whatever symptom it names.
        "1호기 재열기 튜브 부식 두께측정 언제 했는지 확인 가능할까요",
        # Findings of an inspection, asked for.
        "Unit 2 IP turbine - outage inspection findings, any cracking on the diaphragms?",
    ],
)
def test_information_requests(understand: Understand, text: str) -> None:
    parsed, fields = understand(text)
    assert parsed.scenario == "S3"
    assert fields.priority.normalized is None


def test_a_few_cells_is_no_count_asked_for(understand: Understand) -> None:
    assert understand("2호기 축전지 셀 몇 개 전해액이 줄어든 듯")[0].scenario == "S1"


def test_the_outage_list_is_no_list_asked_for(understand: Understand) -> None:
    history = (
        Turn(role="user", text="Unit 1 CCW pump B coupling noise"),
        Turn(role="assistant", text="Logged: Unit 1 / PGB closed cooling water / PU pump / NOI noise / priority 3"),
    )
    parsed, fields = understand("Update: it got a bit louder overnight. Planner wants it on the outage list.", history)
    assert parsed.scenario == "S2"
    assert fields.priority.normalized == 4


@pytest.mark.parametrize(
    "text",
    [
        # A breaker racked to its test position protects nothing; a hydrogen cooler's water is no hydrogen.
        "Unit 1 CEP B breaker in test position won't open",
        "1호기 발전기 수소냉각기 B 냉각수 누설",
    ],
)
def test_not_priority_1(understand: Understand, text: str) -> None:
    assert _priority(understand, text) != 1
