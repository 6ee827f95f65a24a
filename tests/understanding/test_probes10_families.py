"""Failure-mode families learned from probes10 and probes11, each checked on wording that is in no labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Vibration written as a level or a spectrum, with no vibration word.
        ("#1 BFP B pump outboard bearing overall 7.9 mm/s, up from 2.5 last month", "VIB"),
        ("U2 CEP A motor: 2X axial peak grew since last survey, coupling misalignment suspected", "VIB"),
        ("1호기 고압터빈 2번 베어링 축 95μm 경보", "VIB"),
        ("Unit 1 PA fan B: blade pass amplitude tripled with sidebands around it", "VIB"),
        # "트립치 근접" is a trip value being approached, not a trip.
        ("1호기 IDF A 진동 트립치 근접 경보", "VIB"),
    ],
)
def test_vibration_levels_and_spectra(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A thermography hot spot or ΔT against the other phases is overheating.
        ("2호기 MCC 2B 피더 단자 열화상 측정 ΔT 40도, 다른 상보다 높음", "OHE"),
        ("IR scan of the unit 1 UAT A LV bushing: hot spot on the phase C connector", "OHE"),
        # A metal temperature stated is overheating, however slowly it climbs.
        ("1호기 최종과열기 튜브 메탈온도 한 점만 605도, 천천히 오르는 중", "OHE"),
        # A casing's top-bottom temperature difference is a deviation, not a temperature.
        ("2호기 고압터빈 케이싱 상하부 온도차 경보 발생", "PDE"),
    ],
)
def test_temperature_families(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Unit 1 DC emergency oil pump did not auto-start during the weekly test", "FTS"),
        ("2호기 EDG 시험 중 크랭킹 불가, 배터리 전압은 정상", "FTS"),
        # The pressure switch's contact named as not making: the protection fails on demand.
        ("2호기 보조유펌프 자동기동 시험 실패, 압력스위치 접점이 안 닫히는 듯", "FTF"),
    ],
)
def test_starts(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    "text",
    [
        # A level switch stuck in one state.
        "1호기 탈기기 레벨스위치가 항상 low 상태로 떠 있음, 실제 수위는 정상",
        "Unit 2 hotwell level switch stuck low, the alarm stays in with a normal level",
        # A transmitter's indication stuck and not changing.
        "2호기 급수 유량전송기 지시 고착, 부하 바꿔도 값 변화 없이 일정",
        # A needle held at one value.
        "1호기 주증기 압력계 바늘이 12에 멈춰서 꿈쩍 안함",
        # The sensor itself named as the problem.
        "2호기 보일러 출구 온도 TE-5 하나만 높게 찍히는데 센서 문제인 듯",
        # One channel spiking.
        "1호기 BFP A 진동 프로브 한 채널만 튐, 다른 베어링은 조용함",
        # The field gauge reads normal.
        "2호기 탈기기 압력전송기 때문에 경보 떴는데 현장 게이지는 정상",
    ],
)
def test_wrong_readings(understand: Understand, text: str) -> None:
    assert understand(text)[1].status_code.normalized == "AIR"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Partial discharge measured, internal discharge, a protective relay that operated.
        ("Unit 1 6.9 kV switchgear bus B: UHF PD reading 1200 pC on cubicle 7", "ELE"),
        ("2호기 소내변압기 A 유중가스 수소 급증, 내부 아크 의심", "ELE"),
        ("2호기 BFP C 기동 직후 과부하 계전기 떨어짐", "ELE"),
        # A charger's or inverter's output voltage gone up or down, a cell's voltage stated.
        ("Unit 2 UPS inverter output dropped to 198 V, alarm on the panel", "FOV"),
        ("2호기 축전지 12번 셀 전압 1.85V 측정", "FOV"),
        ("1호기 여자기 계자전압 계속 출렁임", "FOV"),
        # Zero volts out while the supply is there.
        ("1호기 정류기 A 출력 0V, 입력 AC는 들어옴", "NOO"),
    ],
)
def test_electrical(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A cooler's outlet at a stated temperature, a heater that does not heat, dirty tubes.
        ("1호기 윤활유 냉각기 B 출구 유온 52도, 설계 45도", "IHT"),
        ("#2 HP heater 7 feedwater temperature rise only 10 C against 28 C design", "IHT"),
        ("2호기 복수기 튜브가 더러워서 진공이 점점 나빠짐", "IHT"),
        # A strainer's differential pressure alarmed, whatever got in.
        ("1호기 연료유 필터 B 차압 1.2 bar 알람, 이물질 많을 듯", "PLU"),
        # A pressure above its setpoint written as two numbers.
        ("1호기 소내증기 감압밸브 후단 8 bar 설정인데 11 bar까지 올라감", "HIO"),
        # A pressure from one value down to another, however long the numbers.
        ("2호기 복수펌프 A 토출압력이 2.55 MPa에서 1.70 MPa로 떨어짐", "LOO"),
    ],
)
def test_process_values(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A sequence or controller that skips a step, a machine going to the wrong place in auto.
        ("1호기 회전식 수트블로워 시퀀스가 3번 블로워를 건너뛰고 다음으로 넘어감", "FTI"),
        ("Unit 2 ESP rapper controller skipping row 3 in auto, works fine when jogged by hand", "FTI"),
        ("공용 스태커 자동 모드에서 붐이 엉뚱한 위치로 감", "FTI"),
        # "close 안됨" with the English verb.
        ("2호기 FDF B 입구 댐퍼 close 불가, 60%에서 멈춤", "FTC"),
        # A relief valve lifting below its set pressure or at normal pressure.
        ("1호기 재열기 안전밸브가 설정압 도달 전에 리프트함", "SPO"),
        ("2호기 탈기기 안전밸브가 정상압력에서 팝 하고 다시 닫힘", "SPO"),
        # A command and the long time it took.
        ("2호기 GAH 댐퍼 구동기 30% 지령에 2분 넘게 걸림", "DOP"),
    ],
)
def test_commands(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Hydrogen make-up doubled or a hydrogen leak suspected: the generator's hydrogen leaks.
        ("1호기 발전기 수소 보충량이 두 배로 늘었음", "ELU"),
        ("Unit 2 generator purity slipping, possible hydrogen leak at the seal oil", "ELU"),
        # Seawater into a condenser, read on the sodium; oil in a cooler's water.
        ("2호기 복수기 나트륨 상승, 해수 누입 의심", "INL"),
        ("Oil found in the cooling water outlet of lube oil cooler A on unit 1", "INL"),
        # Steam "세는" (misspelt 새는) out of a line.
        ("2호기 급수가열기 벤트 배관 용접부에서 스팀 세고 있음", "ELP"),
        # A leak looked for and not found is no leak.
        ("2호기 BFP A 윤활유 탱크 레벨 낮음, 주변에 기름 샌 흔적은 안 보임", "PDE"),
    ],
)
def test_leaks(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # Severe corrosion, with the paint peeling over it.
        ("2호기 탈황 순환펌프 케이싱 부식 아주 심함, 도장도 다 벗겨짐", "STD"),
        # Mistracking with wear: the wear.
        ("공용 BC-3 벨트 사행, 가장자리 마모 심함", "STD"),
        # Brushes worn short; tubes bent.
        ("1호기 여자기 카본 브러시 절반이 짧아져서 교체 필요", "STD"),
        ("2호기 과열기 튜브 몇 개 휨 변형 발견", "STD"),
        # A gauge glass clouded: cleaning.
        ("1호기 탈기기 수면계 유리 흐려서 수위 확인 어려움", "SER"),
        # A tear feared is not a tear; the broken part is reported.
        ("BC-2 리턴 롤러 깨져서 떨어짐, 벨트 찢어질 수 있음", "BRD"),
        # Rubbing is heard.
        ("Unit 1 GAH B: rubbing at the radial seal on every turn", "NOI"),
    ],
)
def test_condition(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode
