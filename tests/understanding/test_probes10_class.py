"""Equipment-class and system families learned from probes10/11 misses, each checked on fresh wording."""

from __future__ import annotations

import pytest

from pmark3.models import Turn
from tests.understanding.conftest import Understand, turns


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        # A switch named by what it senses is an instrument; its own failure names it, not the pump.
        ("2호기 CEP A 자동기동 시험 실패, 출구 압력스위치 접점 안 붙음", "IP"),
        ("2호기 급수펌프 A 윤활유압 저 트립스위치 시험 시 미동작", "IP"),  # "트립" inside its name is no trip
        ("Unit 2 BFP A trip test failed, the low suction pressure switch did not actuate", "IP"),
        # Spellings operators use: 히타 (heater), 뎀퍼 (damper), 스트래이너 (strainer).
        ("2호기 저압히타 3번 튜브 누설로 수위 상승", "HE"),
        ("2호기 PAF A 출구 뎀퍼 열림 지령 줬는데 안 열림", "VA"),
        ("1호기 CCW 펌프 흡입 스트래이너 차압 높음", "FS"),
        # A gauge glass is an instrument; a flexible gas hose is the supply piping.
        ("1호기 탈기기 현장 수면계 유리 깨짐", "IP"),
        ("2호기 버너 LNG 플렉시블 호스에서 가스 냄새, 검지기 15% LEL", "PI"),
        # Battery words name the battery (UP); an ESP's rectifier is its T/R set (PT).
        ("1호기 축전지 전압 점검 기록 있나요", "UP"),
        ("2호기 ESP 정류기 교체 이력 보여줘", "PT"),
    ],
)
def test_class_words(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        # The failure's owner among the classes named.
        ("U2 FGD booster fan: lost comms with the damper PLC, damper not responding", "CL"),  # link lost
        ("1호기 순환수펌프 B 기동 직후 지락 계전기 동작, 모터 절연 측정 필요", "EM"),  # electrical fault
        ("2호기 급수펌프 B 과속 트립 발생, BFPT 속도 과속으로 정지", "ST"),  # overspeed
        ("2호기 1차과열기 출구 메탈 TC 고온 경보 605도", "HB"),  # the tube runs hot
        ("2호기 윤활유 냉각기 A 냉각수 조절밸브 열어도 출구 유온 50도 이상", "HE"),  # not cooling
        ("1호기 주변압기 DGA 에틸렌 급증, 과열 의심", "PT"),  # a gas finding
        ("2호기 주변압기 유면계 최저 가까움, 누유 흔적 있음", "PT"),  # a level read at the gauge's mark
        ("역삼투 2계열 차압 상승, 세정 주기 당겨야 함", "FS"),  # membranes fouling
    ],
)
def test_failure_owner(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


@pytest.mark.parametrize(
    "text",
    [
        "2호기 CCW 펌프 B 기동 시 4.16kV 차단기 투입 불가, 제어전원은 정상",
        "2호기 미분기 A 구동모터 기동 시 6.9kV 차단기 투입 안됨",
    ],
)
def test_breaker_that_will_not_close_on_start_is_the_breaker_on_its_board(understand: Understand, text: str) -> None:
    fields = understand(text)[1]
    assert fields.equipment_type.normalized == "SG"
    assert (fields.location.unit, fields.location.system) == ("2", "BBA")


def test_feeder_in_switchgear_is_a_breaker(understand: Understand) -> None:
    fields = understand("1호기 MCC 1A 버킷 5 (AOP feeder) 단자 과열 변색")[1]
    assert fields.equipment_type.normalized == "SG"
    assert fields.location.system == "BFA"


@pytest.mark.parametrize(
    ("text", "cls", "system"),
    [
        # A route or destination says where: "탈기기로 내려가는 쪽" is on the feedwater line.
        ("2호기 급수배관 탈기기로 내려가는 쪽 보온재 떨어짐", "PI", "LAB"),
        # English "after X" places the instrument; the system is the one it measures.
        ("U2 feedwater flow FT-2 after HPH 6 reading jumps around", "IP", "LAB"),
    ],
)
def test_places_are_not_heads(understand: Understand, text: str, cls: str, system: str) -> None:
    fields = understand(text)[1]
    assert fields.equipment_type.normalized == cls
    assert fields.location.system == system


def test_side_named_last_is_a_place(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "2호기 윤활유 펌프 B 진동 큼"),
        ("assistant", "접수: 2호기 / MAV 터빈 윤활유 계통 / PU 펌프 / VIB 진동 / 우선순위 3"),
    )
    fields = understand("죄송해요, 밀봉유 펌프 B였어요 발전기측", history)[1]
    assert (fields.location.system, fields.equipment_type.normalized) == ("MKW", "PU")


def test_question_about_a_whole_system_has_no_class(understand: Understand) -> None:
    fields = understand("발전기 밀봉유 계통 정비 절차서 있나요?")[1]
    assert fields.equipment_type.normalized is None


def test_english_part_said_fine_is_set_aside(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "Unit 1 BFP B high vibration"),
        ("assistant", "Logged: Unit 1 / LAC feedwater pump / PU pump / VIB vibration / priority 3"),
    )
    fields = understand("Sorry, it is the motor - the pump side is fine.", history)[1]
    assert fields.equipment_type.normalized == "EM"


@pytest.mark.parametrize(
    ("text", "unit", "system"),
    [
        # The x of a word ("aux") or of a vibration order ("1X") marks nothing wrong.
        ("공용 aux steam 공급배관 보온 밑에서 증기 새는 소리", "0", "LBG"),
        ("U1 FD fan B: 1X amplitude doubled to 6 mm/s since last week", "1", "HLB"),
        # A machine written as one compound with its umbrella is the subsystem's, even "쪽".
        ("2호기 복수기 진공펌프 B 쪽 소리가 이상함", "2", "MAJ"),
        # Loanword spellings inside compounds ("터닝모타").
        ("1호기 터닝모타 기동 안됨", "1", "MAK"),
    ],
)
def test_location_families(understand: Understand, text: str, unit: str, system: str) -> None:
    fields = understand(text)[1]
    assert (fields.location.unit, fields.location.system) == (unit, system)
