"""Families learned from probes8, each checked on wording that is not in any labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("1호기 탈기기 수위조절밸브가 지령 변화 없는데 혼자 30%까지 닫혔다가 돌아옴", "SPO"),  # moved by itself
        ("Unit 2 ID fan inlet damper moved open without any command from DCS", "SPO"),
        ("2호기 복수 전도도 분석기 값이 3.2에서 안 움직임, 샘플 분석은 1.1", "AIR"),  # a frozen value
        ("1호기 보조보일러 급수펌프 기동 버튼 눌러도 반응 없음", "FTS"),  # start pressed, nothing
        ("2호기 주급수펌프 A 윤활유 색이 우유색으로 변함", "CTM"),  # milky oil has water in it
        ("U1 lube oil cooler B tubes fouled, oil outlet 55 against 45 normal", "IHT"),  # fouling
        ("2호기 과열기 드레인밸브 닫힌 상태인데 뒤쪽 배관이 뜨거움", "LCP"),  # closed, hot downstream
        ("U2 HP bypass valve letting by, downstream temperature 300 C", "LCP"),
        ("1호기 공기예열기 B 가스측에서 공기측으로 누설 증가", "INL"),  # one side into the other
        ("2호기 복수펌프 A 임펠러 분해 점검, 베인 끝 침식 심함", "STD"),  # erosion found at teardown
        ("Ash handling crane hoist rope frayed near the drum", "STD"),
        ("1호기 터빈 배수펌프 모터 단자함 앞에 점검용 발판 설치해 주세요", "OTH"),  # an improvement
        ("2호기 급수펌프 B 베어링 진동 측정용 포인트 추가 설치 요청", "OTH"),  # measuring point: no vibration
        ("Unit 1 superheater outlet pressure 0.3 MPa below the design curve at full load", "PDE"),
    ],
)
def test_symptom_families(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("2호기 1차공기송풍기 A 진동 큼. 개선 요청", "VIB"),  # "개선 요청" ending a fault report asks for the fix
        ("1호기 저압 케이블 피복 손상, 트레이 덮개 개선 요청", "STD"),
    ],
)
def test_an_improvement_request_riding_on_a_fault_keeps_the_fault(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("1호기 재열 스프레이밸브 뒤 배관 보온 아래 부식 심함", "PI"),  # the valve only says where
        ("U2 control cable into MCC B cracked at the gland, insulation low", "PC"),  # where the cable runs
        ("2호기 급수펌프 A 모터 케이블 단자 쪽 지락", "EM"),  # the motor's own lead
        ("Unit 2 LP bypass valve LVDT signal jumping around", "IP"),  # the position sensor, not the valve
        ("보일러건물 호이스트 브레이크 밀림", "CR"),  # a building is a place, not equipment
    ],
)
def test_class_families(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


@pytest.mark.parametrize(
    "text",
    [
        "2호기 급수펌프 A 씰 누설로 교체한 적 있는지 찾아주세요",  # has such work been done before
        "1호기 흡수탑 교반기 정지 건 예전에 있었나요?",
        "미분기 롤러 교체는 보통 며칠 걸려요? 몇 시간 걸리는지 알려주세요",  # how long work takes
        "복수기 진공펌프 정기점검은 누가 담당하나요?",  # who does it
    ],
)
def test_questions_about_work_are_s3(understand: Understand, text: str) -> None:
    assert understand(text)[0].scenario == "S3"


def test_a_symptom_with_a_past_question_stays_a_report(understand: Understand) -> None:
    # "이런 적 있었나요?" names no past work or case: a fault report with a question riding on it.
    assert understand("2호기 급수펌프 B 진동 큼, 예전에도 이런 적 있었나요?")[0].scenario == "S1"


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("1호기 복수펌프 B 소음 약간, 예비기 있으니 기다려도 돼요", 3),  # a stated wait
        ("U2 CCW pump A seal dripping, standby running, this can wait until Monday", 3),
        ("U1 CCW pump A noisy, can wait for the next outage", 4),  # the wait names its time
        ("Unit 2 reheat stop valve wouldn't close fully on test", 1),  # a protective valve that fails
    ],
)
def test_priority_families(understand: Understand, text: str, priority: int) -> None:
    assert understand(text)[1].priority.normalized == priority
