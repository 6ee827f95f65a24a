"""Follow-ups that name equipment only in the reason they give keep the session's equipment."""

from __future__ import annotations

from tests.understanding.conftest import Understand, turns

_BREAKER = turns(
    ("user", "1호기 MCC 1B 차단기 투입 안 됨"),
    ("assistant", "접수: 1호기 / BFA 저압 배전반 / SG 개폐장치 / FCO 투입 불가 / 우선순위 3"),
)


def test_equipment_in_a_korean_reason_clause_is_context(understand: Understand) -> None:
    f = understand("냉각탑 팬 모터라 여름 전에만 되면 돼요", _BREAKER)[1]
    assert (f.location.system, f.equipment_type.normalized, f.status_code.normalized) == ("BFA", "SG", "FCO")
    # "급한 건 아니고" denies urgency; it corrects no equipment.
    f = understand("급한 건 아니고 예비 펌프라 천천히 해도 됩니다", _BREAKER)[1]
    assert (f.location.system, f.equipment_type.normalized) == ("BFA", "SG")


def test_equipment_in_an_english_reason_is_context(understand: Understand) -> None:
    history = turns(
        ("user", "U2 lube oil cooler A outlet running hot"),
        ("assistant", "Logged: Unit 2 / MAV lube oil system / HE heat exchanger / OHE overheating / priority 3"),
    )
    f = understand("Please hurry, since the turbine goes on turning gear tonight", history)[1]
    assert (f.location.system, f.equipment_type.normalized) == ("MAV", "HE")


def test_a_correction_still_replaces_the_equipment(understand: Understand) -> None:
    f = understand("차단기 말고 모터 쪽이에요, 절연저항 낮게 나와요", _BREAKER)[1]
    assert f.equipment_type.normalized == "EM"
