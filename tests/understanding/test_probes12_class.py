"""Equipment-class and system families learned from probes12 misses, each checked on fresh wording."""

from __future__ import annotations

import pytest

from pmark3.models import Turn
from tests.understanding.conftest import Understand, turns


@pytest.mark.parametrize(
    ("text", "unit", "system", "cls"),
    [
        # Coal-handling machines by the conventions: crushers and stacker-reclaimers are conveyors (CV), a
        # vibrating screen is a screen (FS), a tripper car and the coal handling building are the coal yard's.
        ("석탄 파쇄기 B 베어링 쪽에서 쇠 긁는 소리", "0", "EAC", "CV"),
        ("How many times did the reclaimer trip last year?", "0", "EAC", "CV"),
        ("진동스크린 1번 스크린 망 구멍 남, 큰 덩어리 섞여 나옴", "0", "EAC", "FS"),
        ("트리퍼카 주행 모터 과열로 정지", "0", "EAC", "EM"),
        ("석탄취급동 천정크레인 주행 안 됨", "0", "EAC", "CR"),
        # The BFP's drive turbine written as "급수펌프 터빈".
        ("2호기 급수펌프 터빈 A 거버너측 베어링 진동 상승", "2", "LAC", "ST"),
        # Ion-exchange vessels are VE; the demin water tank TA.
        ("순수설비 mixed bed A 재생 후 수질 안 나옴", "0", "GCF", "VE"),
        ("순수 저장탱크 바닥 쪽 부식 심함", "0", "GCF", "TA"),
    ],
)
def test_plant_words(understand: Understand, text: str, unit: str, system: str, cls: str) -> None:
    fields = understand(text)[1]
    assert (fields.location.unit, fields.location.system) == (unit, system)
    assert fields.equipment_type.normalized == cls


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        # A gate opens and closes like a valve.
        ("1호기 급탄기 C 출구 슬라이드 게이트 닫힘 지령에도 안 닫힘", "VA"),
        # An MCCB is a breaker.
        ("2호기 MCC 2B 공기압축기 A MCCB 이유 없이 혼자 떨어짐", "SG"),
        # The Korean name of an ESP's T/R set.
        ("1호기 EP 2번 변압정류기 출력 전압 낮음", "PT"),
    ],
)
def test_class_words(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


def test_polarization_index_is_no_pressure_indicator(understand: Understand) -> None:
    fields = understand("U1 CWP A motor PI test result 1.3, acceptance is 2.0")[1]
    assert fields.equipment_type.normalized == "EM"


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("2호기 급수 양이온전도도 지시 안 나옴", "LAB"),
        ("Unit 1 turbine lube oil pump B tripped, not the seal oil pump", "MAV"),
    ],
)
def test_system_words(understand: Understand, text: str, system: str) -> None:
    assert understand(text)[1].location.system == system


def test_a_button_pressed_is_the_means(understand: Understand) -> None:
    fields = understand("1호기 탈기기 재순환펌프 B 정지 스위치 눌러도 계속 돎")[1]
    assert fields.equipment_type.normalized == "PU"


def test_board_a_machine_was_stopped_at_is_the_means(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "2호기 CCW 펌프 A 소음 큼"),
        ("assistant", "접수: 2호기 / PGB 폐회로냉각수 계통 / PU 펌프 / NOI 소음 / 우선순위 3"),
    )
    fields = understand("소음보다 정지가 안 되는 게 문제예요. 결국 MCC에서 전원 내려서 멈췄어요", history)[1]
    assert fields.location.system == "PGB"
    assert fields.equipment_type.normalized == "PU"


def test_question_about_a_system_named_by_its_machine_has_no_class(understand: Understand) -> None:
    fields = understand("1호기 저압급수가열기 계통 점검 주기 알려주세요")[1]
    assert fields.equipment_type.normalized is None


def test_relay_test_is_the_relays(understand: Understand) -> None:
    assert (
        understand("When is the Unit 2 main transformer Buchholz relay due for testing?")[1].equipment_type.normalized
        == "IP"
    )
    fields = understand("1호기 소내변압기 차동계전기 시험 시 정정치 이상 주입해도 동작 안 함")[1]
    assert fields.equipment_type.normalized == "CL"


def test_relay_that_operated_is_its_transformers(understand: Understand) -> None:
    assert understand("1호기 주변압기 비율차동 계전기 동작으로 트립")[1].equipment_type.normalized == "PT"


def test_cable_of_a_motor_cleared(understand: Understand) -> None:
    fields = understand(
        "1호기 6.9kV 배전반 1A 순환수펌프 B 모터 케이블 절연 불량, 모터는 이상 없고 케이블 문제로 확인됨"
    )[1]
    assert fields.equipment_type.normalized == "PC"


def test_correction_denying_the_class_takes_the_named_equipment(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "1호기 BFPT A 진동 높음"),
        ("assistant", "접수: 1호기 / LAC 보일러급수펌프 계통 / ST 증기터빈 / VIB 진동 / 우선순위 3"),
    )
    assert understand("BFPT 쪽 아니고 부스터펌프 쪽 베어링이에요", history)[1].equipment_type.normalized == "PU"


def test_part_of_the_parent_after_a_denied_part(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "2호기 IDF B 모터 진동"),
        ("assistant", "접수: 2호기 / HNC 유인송풍기 / EM 전동기 / VIB 진동 / 우선순위 3"),
    )
    assert understand("모터 아니고 팬 쪽 베어링이에요", history)[1].equipment_type.normalized == "BL"
    history = turns(
        ("user", "Unit 1 air heater B drive motor hot"),
        ("assistant", "Logged: Unit 1 / HLD air preheater / EM electric motor / OHE overheating / priority 3"),
    )
    assert (
        understand("Not the motor, it's the support bearing that runs hot", history)[1].equipment_type.normalized
        == "HE"
    )


def test_correcting_the_train_or_system_keeps_the_part(understand: Understand) -> None:
    history: list[Turn] = turns(
        ("user", "2호기 PAF A 모터 권선온도 높음"),
        ("assistant", "접수: 2호기 / HFD 1차공기송풍기 / EM 전동기 / OHE 과열 / 우선순위 3"),
    )
    fields = understand("A 말고 B 팬이에요, 호기는 맞아요", history)[1]
    assert fields.equipment_type.normalized == "EM"
    history = turns(
        ("user", "2호기 저압히터 3번 드레인밸브 패싱"),
        ("assistant", "접수: 2호기 / LCC 저압급수가열기 / VA 밸브 / LCP 내부누설 / 우선순위 3"),
    )
    fields = understand("저압히터 3번 아니고 고압히터 5번 거예요", history)[1]
    assert (fields.location.system, fields.equipment_type.normalized) == ("LAD", "VA")
