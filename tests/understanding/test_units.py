"""A unit is read from the words or the session, never guessed."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1호기 급수펌프 B 진동 심함", "1"),
        ("#2 BFP B 진동", "2"),
        ("2U CWP A 소음", "2"),
        ("U1 CEP A motor vibration high", "1"),
        ("Unit 2 ID fan B vibration", "2"),
        ("2-BFP-B 메카니컬씰 누수", "2"),
        ("2LAC20AP001 진동 상승", "2"),
        ("2 호기 순환수펌프 B 소음", "2"),
        ("No.2 unit CEP A motor tripped", "2"),
        ("Unit one BFP B seal leaking", "1"),
    ],
)
def test_unit_markers(understand: Understand, text: str, unit: str) -> None:
    _, f = understand(text)
    assert f.location.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "FD fan B motor won't start from DCS",
        "급수펌프 B 진동 심함",
        "1차공기팬 B 모타에서 타는 냄새 남",
        "LP turbine B #5 bearing vibration 95um alarm",  # "#5" numbers a bearing
        "HPH #2 수위 지시 이상",  # "#2" numbers a heater
        "EHC oil weeping at the #2 governor valve servo",  # a turbine has several governor valves
        "보일러 #1 버너 화염 불안정",  # and burners
        "EDG 연료필터 쪽에서 경유가 줄줄 흘러서 바닥에 고임",  # the EDG's fuel is no plant-common fuel-oil system
        "3호기 급수펌프 진동",  # there is no unit 3
        "Unit three BFP A vibration",  # nor spelled out
        "No.2 bearing on the BFP A motor running hot",  # a numbered part, no "unit" after it
        "1호기 BFP A와 2호기 BFP A 둘 다 진동 있음",  # two units written: which one is not
    ],
)
def test_no_unit_is_guessed(understand: Understand, text: str) -> None:
    _, f = understand(text)
    assert f.location.unit is None
    assert f.location.normalized is None
    assert f.location.system is not None  # the system is still known
    assert f.location.confidence < 0.8  # and the answer will ask for the unit


def test_unit_alternatives_offer_both_units_without_choosing(understand: Understand) -> None:
    _, f = understand("급수펌프 B 진동 심함")
    values = {a.value for a in f.location.alternatives}
    assert {"1LAC20AP001", "2LAC20AP001"} <= values


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("운탄 BC-4 테일풀리 베어링에서 연기 남", "EAC"),
        ("수처리 RO 막 차압 상승", "GCF"),
        ("중유탱크 드레인밸브 패싱", "EGB"),
        ("FO pump B doesn't stop from the local panel", "EGC"),
    ],
)
def test_plant_common_systems_are_unit_0(understand: Understand, text: str, system: str) -> None:
    _, f = understand(text)
    assert (f.location.unit, f.location.system) == ("0", system)


@pytest.mark.parametrize(
    "text", ["수처리동 MCC 피더 차단기 투입 불가", "coal handling building MCC breaker won't close"]
)
def test_a_board_in_a_plant_common_building_gives_no_unit(understand: Understand, text: str) -> None:
    # The building names a plant-common system, but the failed item is the board's (BFA), which
    # exists in both units: the unit is not written, so it is asked, never guessed as 0.
    _, f = understand(text)
    assert (f.location.unit, f.location.system) == (None, "BFA")


@pytest.mark.parametrize(
    "text",
    [
        "수처리동으로 가는 보조증기 배관 트랩 누설",
        "steam trap leaking on the aux steam line into the water treatment building",
    ],
)
def test_a_plant_common_building_only_says_where_another_system_runs(understand: Understand, text: str) -> None:
    _, f = understand(text)
    assert (f.location.unit, f.location.system) == (None, "LBG")


@pytest.mark.parametrize("text", ["복수탈염기 출구 밸브 패싱", "condensate polisher bypass valve letting by"])
def test_a_condensate_polisher_is_the_units_condensate_system_not_water_treatment(
    understand: Understand, text: str
) -> None:
    # "탈염" (demineralization) names the plant-common water treatment; the condensate polisher is each unit's.
    _, f = understand(text)
    assert (f.location.unit, f.location.system) == (None, "LCA")


def test_common_word_gives_unit_0(understand: Understand) -> None:
    _, f = understand("공용 공기압축기 A 과열")
    assert f.location.unit == "0"


def test_full_location_when_the_equipment_is_clear(understand: Understand) -> None:
    _, f = understand("2호기 급수펌프 B 진동 심함, 긴급")
    assert f.location.normalized == "2LAC20AP001"
    _, f = understand("2호기 순환수펌프 B 모터 베어링 과열")
    assert f.location.normalized == "2PAC20GM001"
    assert f.equipment_type.normalized == "EM"
    _, f = understand("2호기 급수펌프 진동")  # no train: only the unit and system are certain
    assert f.location.normalized == "2LAC"


def test_negated_unit_is_not_taken(understand: Understand) -> None:
    _, f = understand("2호기 말고 1호기 흡수탑 pH계 지시 이상")
    assert f.location.unit == "1"


@pytest.mark.parametrize(
    "text",
    [
        "패싱 때문에 교체한 고압히터 드레인밸브 목록 있나요? 1, 2호기 전부요",
        "1·2호기 급수펌프 B 진동 비교",
        "양 호기 순환수펌프 스크린 차압 높음",
        "전 호기 BFP 씰 누설 사례 있나요?",
        "1/2호기 복수펌프 진동",
        "#1, #2 CWP 소음",
        "Both units' ID fans show the same vibration",
        "Units 1 and 2 BFP seal leak history",
        "Unit 1 & 2 condenser vacuum trend",
    ],
)
def test_both_units_named_leave_the_unit_null(understand: Understand, text: str) -> None:
    # Naming both units says the request is about neither one alone: never pick one of them.
    _, f = understand(text)
    assert f.location.unit is None
    assert f.location.normalized is None


@pytest.mark.parametrize(
    ("text", "unit", "system"),
    [
        ("Unit 2 condenser backpressure 2 kPa worse than Unit 1 at the same load", "2", "MAG"),
        ("2호기 복수기 진공 1호기 대비 낮음", "2", None),
        ("1호기보다 2호기 BFP A 진동이 큼", "2", "LAC"),
        ("하역기 2호기 붐 호이스트 와이어 소선 끊어짐", "0", "EAC"),
    ],
)
def test_compared_unit_and_machine_numbers_are_not_the_unit(
    understand: Understand, text: str, unit: str, system: str | None
) -> None:
    # The unit compared with ("than Unit 1", "1호기 대비") is a reference, and a numbered
    # coal-yard machine ("하역기 2호기") is unit 0 whatever its number.
    _, f = understand(text)
    assert f.location.unit == unit
    if system is not None:
        assert f.location.system == system
