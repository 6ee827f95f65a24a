from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("운탄 BC-4 테일풀리 베어링에서 연기 남!! 컨베이어 즉시 정지함, 화재 위험", 1),
        ("2호기 급수펌프 B 진동 심함, 긴급", 1),
        ("1호기 윤활유 필터 차압 높음 경보, 예비 필터로 전환함", 2),
        ("1호기 LP turbine B #5 bearing vibration 95um alarm", 2),
        ("2호기 AVR 출력 전압 불안정. 오늘 점검 필요", 2),
        ("2호기 SH outlet header TE reading 이상함. 급한 건 아니고 다음 O/H 때 교체", 4),
        ("1호기 복수배관 플랜지 누수. 다음 계획정비 때 가스켓 교체", 4),
        ("2호기 순환수펌프 B 모터 베어링 온도 86도로 올라감. 확인 요망", 3),
        ("2호기 1차송풍기 A 윤활유 필터 차압 높음, 필터 전환했는데도 계속 높음", 3),  # "높음" alone is no cue
        ("U1 wall blower motor doesn't start, overload relay found tripped.", 3),  # the relay did its job
    ],
)
def test_priority_cues_and_default(understand: Understand, text: str, priority: int) -> None:
    _, f = understand(text)
    assert f.priority.normalized == priority


def test_default_priority_has_no_original_words(understand: Understand) -> None:
    _, f = understand("2호기 부스터펌프 B 상태 이상")
    assert f.priority.normalized == 3
    assert f.priority.original is None


def test_cue_words_are_reported_as_original(understand: Understand) -> None:
    _, f = understand("2호기 급수펌프 B 진동 심함, 긴급")
    assert f.priority.original == "긴급"


def test_priority_asked_for_by_number_wins(understand: Understand) -> None:
    from tests.understanding.conftest import turns

    history = turns(
        ("user", "2호기 GSU 냉각팬 과열"),
        ("assistant", "접수: 2호기 / BAT 주변압기 / BL 송풍기 / OHE 과열 / 우선순위 3"),
    )
    _, f = understand("우선순위 1로 올려주세요. 화재 경보도 떴어요", history)
    assert f.priority.normalized == 1
    _, f = understand("2호기 CEP A 진동 경보, priority 4 please, next outage")
    assert f.priority.normalized == 4


@pytest.mark.parametrize(
    "text",
    [
        "2호기 재열기 스프레이 밸브 늦게 열림, 재발",
        "U1 CCW pump B vibration increasing trend, standby A out of service",
        "1호기 밀봉유 펌프 A 소음, 빠른 조치 바랍니다",
    ],
)
def test_repeat_trend_and_no_standby_are_high(understand: Understand, text: str) -> None:
    _, f = understand(text)
    assert f.priority.normalized == 2


def test_emergency_in_an_equipment_name_is_no_urgency(understand: Understand) -> None:
    _, f = understand("Unit 1 HP heater 7 emergency drain valve stroking slowly")
    assert f.priority.normalized == 3


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        # Hazard families: fuel gas out, protection gone, load already cut, steam blowing, a stop by itself.
        ("2호기 B버너 LNG 배관 플랜지에서 가스 새는 중", 1),
        ("Unit 2 gas smell near burner C shut-off valve", 1),
        ("1호기 발전기 수소냉각기 냉각수 벤트에서 가스 검출", 1),
        ("2호기 모선 보호계전기 전원 나감, 보호기능 상실 상태", 1),
        ("Unit 1 6.9kV incomer trip circuit faulty, protection lost", 1),
        ("2호기 IDF B 진동 상승으로 부하 450MW로 낮췄음", 1),
        ("U2 BFP A seal leak getting worse, load reduced to 380 MW", 1),
        ("1호기 보조증기 헤더 안전밸브에서 증기 계속 뿜어져 나옴", 1),
        ("2호기 석탄분쇄기 B 자동정지, 원인 확인 중", 1),
        # Still worsening, or the backup gone.
        ("1호기 CEP B 모터 권선온도 계속 오르는 중", 2),
        ("Unit 2 AOP bearing temperature still rising, 88 C now", 2),
        ("2호기 EDG 주간 시험 중 기동 실패", 2),
        ("U1 DC seal oil pump failed its weekly run test", 2),
        ("2호기 고압히터 6 튜브 누설, 히터 격리하고 비상드레인 사용 중", 2),
        ("1호기 IDF A 윤활유 필터 차압 높음, 우선 교체 바람", 2),
        ("Unit 1 mill C feeder belt torn, please expedite", 2),
        # Downgrades and the next opportunity.
        ("Unit 1 CEP A tripped, standby running fine, normal priority is fine", 3),
        ("2호기 터닝기어 모터 지락 트립, 기동 정지 전까지 필요 없음", 3),
        ("2호기 SCR 덕트 보온 일부 탈락, 다음 정비 때 보수", 4),
        ("Unit 1 ID fan B inlet vane linkage worn, fix at the next shutdown", 4),
        # A name, not an urgency.
        ("1호기 비상용 조명 분전반 차단기 투입 안 됨", 3),
    ],
)
def test_priority_by_family(understand: Understand, text: str, priority: int) -> None:
    _, f = understand(text)
    assert f.priority.normalized == priority, text
