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
