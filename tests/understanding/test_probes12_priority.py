"""Priority and scenario families learned from probes12, each checked on wording not in any labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


def _priority(understand: Understand, text: str) -> int | None:
    return understand(text)[1].priority.normalized


@pytest.mark.parametrize(
    "text",
    [
        # A record or a standard asked about by a question word at the end, whatever symptom it names.
        "2호기 미분기 롤러 마모 교체 기준이 몇 mm예요",
        "2호기 공기예열기 바스켓 부식 교체 기준은 어떻게 되나요",
        "공용 석탄 컨베이어 벨트 찢어졌을 때 작업 보고서 어디 있어요",
        # The record of occurrences ("발생 이력") asks for no work.
        "2호기 순환수펌프 B 진동 발생 이력 좀 보여줘",
        # A value or a date kept in the records.
        "2호기 유인송풍기 A 모터 절연저하 건, 작년 점검 때 측정치 알려주세요",
        "공용 소방펌프 성능시험 주기하고 최근 시험일",
    ],
)
def test_records_asked_for(understand: Understand, text: str) -> None:
    parsed, fields = understand(text)
    assert parsed.scenario == "S3"
    assert fields.priority.normalized is None


@pytest.mark.parametrize(
    "text",
    [
        # A standard stated in a fault report, or a date not at the end, is no question.
        "1호기 EHC 오일 수분 600ppm, 기준치 초과함. 정화기 연결 바람",
        "2호기 급수유량 전송기 마지막 교정일 이후로 계속 드리프트 발생, 점검 요청",
    ],
)
def test_fault_reports_stay_s1(understand: Understand, text: str) -> None:
    assert understand(text)[0].scenario == "S1"


@pytest.mark.parametrize(
    "text",
    [
        # The standby that took the duty by itself, or one machine or channel left carrying it.
        "2호기 복수펌프 A 토출압 흔들림, 대기 펌프 C가 자동으로 기동됨",
        "1호기 여자기 제어 1계열 통신 fail, 2계열로 자동 전환됨",
        "공용 계장용 공기압축기 둘 다 정비중이라 나머지 한 대로만 돌아가는 중",
        # The standby that did not start when called on.
        "2호기 윤활유 예비펌프 자동기동 실패, 현장에서 수동으로 돌림",
        "Unit 1 CCW pump B never started automatically on low header pressure, we started it from the DCS",
        # A value close to its trip or alarm limit, or the limit stated beside it.
        "1호기 IDF A 모터 권선온도 128도, 트립 설정치 135도",
        "U1 FW heater 6 level runs 40 mm above normal on load swings, not much margin left",
        # A sudden rise; higher than at an earlier time.
        "2호기 주변압기 유중가스 에틸렌 급격히 증가",
        "1호기 CWP A 모터 진동 6.4mm/s, 2주 전에는 2.1 정도였음",
        "Unit 2 PA fan B DE bearing at 81C, was 64C yesterday",
        "1호기 IDF B 베어링 온도 지난달 대비 증가",
        # Still falling, as a trend.
        "2호기 발전기 수소 순도 조금씩 낮아지는 추세",
        # Stopped only with the emergency stop.
        "운탄 BC-6 CCR에서 정지가 안 돼서 현장 비상정지 스위치 눌러서 세웠음",
        # An alarm standing, in English.
        "Unit 1 HP heater 7 level transmitter A shows normal but the high level switch is alarming",
        # Priority work asked for.
        "1호기 GSU 부싱 열화상 점검 우선 부탁드립니다",
    ],
)
def test_priority_2_families(understand: Understand, text: str) -> None:
    assert _priority(understand, text) == 2


@pytest.mark.parametrize(
    "text",
    [
        # A hydrogen detector in alarm: hydrogen in the air around the machine.
        "1호기 발전기 여자기 하우징 수소 검지기 알람 뜸",
        "U2 generator terminal box hydrogen detector alarm, 0.8 % measured",
    ],
)
def test_hydrogen_detector_alarm(understand: Understand, text: str) -> None:
    assert _priority(understand, text) == 1


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        # A false alarm said after the alarm; the usual value is no earlier time; a falling value.
        ("2호기 BFP A 윤활유 저압 알람이 가짜로 계속 뜸, 현장 압력 정상", 3),
        ("1호기 BFP C 베어링 온도 82도, 평소 65도 정도", 3),
        ("2호기 CEP A 진동 2.0mm/s, 지난주엔 4.5 정도였음", 3),
        # Stopped from use or tagged out is 3 in every labeled set; a "do not use" tag hung is 2.
        ("Unit 2 ash slurry pump C casing cracked, pump tagged out", 3),
        ("공용 운탄 호이스트 훅 래치 파손, 사용 중지함", 3),
        # The next planned inspection of the equipment.
        ("Fuel oil day tank #2 roof nozzle flange rusty, leave it for the next statutory inspection", 4),
        ("경유탱크 2번 지붕 노즐 도장 박리, 다음 개방검사 때 보수", 4),
    ],
)
def test_priority_other_families(understand: Understand, text: str, priority: int) -> None:
    assert _priority(understand, text) == priority
