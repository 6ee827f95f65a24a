"""Failure-mode families learned from probes12 (E&I, chemistry, coal handling), each checked on wording that is in no
labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand, turns


def mode_of(understand: Understand, text: str) -> str | None:
    return understand(text)[1].status_code.normalized


@pytest.mark.parametrize(
    "text",
    [
        # An alarm called false, in either language, and a machine plainly running while its detector says stopped.
        "1호기 석탄분쇄기 C 출구온도 고온 알람이 허위로 계속 들어옴",
        "2호기 탈기기 저수위 경보가 허위로 반복해서 뜸",
        "Unit 1 ID fan B: repeated spurious bearing-temp alarms since the card swap",
        "1호기 공기예열기 B 회전감시 센서, 로터 잘 돌아가고 있는데 정지 신호 들어옴",
        # A thermocouple's junction named bad.
        "U1 final SH outlet header TC 7 looks like a bad hot junction, swap it at the next chance",
    ],
)
def test_false_alarms_and_bad_sensors(understand: Understand, text: str) -> None:
    assert mode_of(understand, text) == "AIR"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A display gone dark gives nothing out.
        ("2호기 발전기 보호계전기 B 전면 표시창이 꺼져 있음, 리셋도 안 먹음", "NOO"),
        ("U2 CEMS analyzer display is dark, cabinet fan still running", "NOO"),
        # "정전 협의" is an outage to work in, not a supply lost: the insulation reading is the fault.
        ("정전 협의되면 바로 하게, 1호기 480V MCC 1A 인입 케이블 절연저항 낮음", "ELE"),
    ],
)
def test_dark_displays_and_planned_outages(understand: Understand, text: str, mode: str) -> None:
    assert mode_of(understand, text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Raised and the output does not follow.
        ("1호기 탈질 요소수 펌프 B 회전수 높여도 주입량이 안 늘어남", "LOO"),
        ("U2 phosphate dosing pump A: stroke raised to 90%, dosing rate won't go up", "LOO"),
        # A frame hot to the hand outranks a current read against normal.
        ("1호기 석탄이송 벨트 구동모터 전류가 평소 대비 높고 프레임도 뜨거움", "OHE"),
        # A suspected cause does not outrank the symptom found.
        ("U1 BFP B motor winding temps up to 118 C, alarm at 120; cooler tubes might be fouled", "OHE"),
        # A water-chemistry value past its limit is a deviation.
        ("공용 순수설비 2계열 RO 생산수 실리카 25ppb, 기준 20 넘어서 생산 중지", "PDE"),
    ],
)
def test_process_families(understand: Understand, text: str, mode: str) -> None:
    assert mode_of(understand, text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A controller sending a command nobody gave.
        ("공용 석탄 취급 PLC가 정지 중인 BC-5에 기동 지령을 임의로 보냄", "SPO"),
        # Commanded one way, stopped at a position on its torque switch.
        ("1호기 급수펌프 A 토출 MOV 열림 명령 후 토크 트립 걸리면서 40%에서 정지", "FTO"),
        # A pull cord or emergency stop that does not stop the machine: the protective device fails on demand.
        ("공용 BC-4 비상정지 버튼 시험으로 눌렀는데 벨트가 계속 돌아감", "FTF"),
        ("Stacker-reclaimer #2 slew limit switch failed, the boom overran its end stop", "FTF"),
        # "안 서요": will not stop.
        ("1호기 석탄 크러셔 A 모터가 안 서요", "STP"),
    ],
)
def test_commands_and_stops(understand: Understand, text: str, mode: str) -> None:
    assert mode_of(understand, text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Insulation tests below acceptance in shorthand; a discharge heard and named so.
        ("Unit 1 CWP B motor polarization index 1.4 on the outage test, below the 2.0 we need", "ELE"),
        ("2호기 주변압기 부싱 tan delta 측정값 기준 초과, 다음 정지 때 교체 검토", "ELE"),
        ("1호기 6.9kV 배전반 1B 케이블 단말 쪽에서 방전 소리 들림", "ELE"),
        # A contactor welded, a trip push-button that does not drop the breaker.
        ("1호기 MCC 1D 공기압축기 B 전자접촉기 접점 융착, 정지해도 계속 운전", "FDC"),
        ("2호기 480V 로드센터 B 인입 ACB, 트립 버튼 눌러도 안 떨어짐", "FDC"),
        # The generator's reactive power swinging with the AVR.
        ("2호기 AVR 자동 모드에서 무효전력이 계속 흔들림", "FOV"),
    ],
)
def test_electrical_families(understand: Understand, text: str, mode: str) -> None:
    assert mode_of(understand, text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Oil running down or pooling.
        ("Unit 2 FD fan B bearing housing: puddle of oil under the pedestal since yesterday", "ELU"),
        # A detector alarm confirmed by a portable meter is a leak, not the detector wrong.
        ("1호기 발전기 여자기 쪽 수소 검지기 알람, 포터블로 재보니 0.8% 검출", "ELU"),
        # Steam heard blowing at a boiler tube section is a tube leak.
        ("1호기 보일러 재열기 쪽에서 쉭쉭거리는 증기 소리, 확인 바람", "INL"),
        # A replacement that does not fit what it replaces.
        ("2호기 복수펌프 A 신품 모터 볼트 구멍 간격이 기존 베이스랑 안 맞음", "OTH"),
    ],
)
def test_leaks_and_modifications(understand: Understand, text: str, mode: str) -> None:
    assert mode_of(understand, text) == mode


def test_contraction_without_apostrophe(understand: Understand) -> None:
    assert mode_of(understand, "Unit 1 CCW pump B doesnt start from the DCS") == "FTS"


def test_typo_window_across_two_words(understand: Understand) -> None:
    # "모르겠고 운전원" holds "고운", which is one jamo from "고온": two words, no slip.
    history = turns(("user", "탈황 흡수탑 재순환펌프 C 토출밸브 열림 불량"), ("assistant", "몇 호기 설비인가요?"))
    _, fields = understand("저도 잘 모르겠고 운전원이 말해줬어요. C 펌프 쪽이래요", history)
    assert fields.status_code.normalized == "FTO"
