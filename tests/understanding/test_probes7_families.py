"""Families learned from probes7, each checked on wording that is not in any labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand, turns


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("1호기 재열기 스프레이밸브 닫힘 지령 줬는데 30%에서 멈춰 있음", "FTC"),  # commanded shut, stops short
        ("U1 BFP recirc valve stays at 40% closed when commanded open", "FTO"),
        ("Any work orders on the Unit 2 ID fan dampers failing to close?", "FTC"),
        ("2호기 탈기기 수위조절밸브 지령 80%인데 60%까지만 가고 더 안 움직임", "FTI"),  # part travel
        ("1호기 급수재순환밸브 닫힘 명령 후 전폐까지 2분 걸림, 평소 20초", "DOP"),  # time to get there
        ("2호기 발전기 과전압 계전기 시험, 설정치 넘겨도 동작 안 함", "FTF"),  # a test with no action
        ("1호기 복수 용존산소 분석기 값이 0으로 고정", "NOO"),
        ("2호기 드럼 압력 지시가 17로 떨어졌다 19로 올라갔다 함, 현장 게이지는 18", "ERO"),
        ("1호기 주증기 온도 TE 하나만 580, 나머지 채널은 540으로 같음", "AIR"),  # the other channel
        ("수처리 전도도계 자체 문제였어요, 샘플 분석은 정상", "AIR"),
        ("공용 경유 이송 유량계 적산값이 멈춤", "NOO"),
        ("2호기 저압히터 3 TTD가 2도에서 7도로 커짐", "IHT"),
        ("1호기 급수조절밸브 계장용공기 튜빙 파열, 쉭 소리", "ELU"),
        ("IK-07 전진 완료 후에도 계속 움직여서 리밋 넘어감", "STP"),
        ("U1 seal oil: makeup oil consumption up a lot this week", "ELU"),  # more make-up: a leak
        ("2호기 탈기기 수위 전송기 설치 위치 변경 요청", "OTH"),
        ("1호기 CWP B 모터 외함 도장 벗겨지고 녹 생김", "SER"),
        ("2호기 IDF B VFD 주파수 42에서 47 Hz 사이로 왔다갔다", "FOF"),
    ],
)
def test_symptom_families(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("1호기 터빈 윤활유 분석 결과 수분 기준 초과, 필터 교체 필요", "TA"),  # the oil is the tank's
        ("2호기 주변압기 부흐홀츠 동작 이력 있나요?", "PT"),  # the relay acted: the transformer
        ("U2 diesel generator would not start on test", "CE"),
        ("1호기 밀봉유 진공탱크 수위 낮음", "VE"),
    ],
)
def test_class_families(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


def test_a_false_buchholz_operation_is_the_relay(understand: Understand) -> None:
    f = understand("1호기 소내변압기 A 부흐홀츠 계전기 오동작, 가스는 없음")[1]
    assert f.equipment_type.normalized == "IP"


def test_another_train_named_in_passing_keeps_the_session(understand: Understand) -> None:
    history = turns(
        ("user", "1호기 4.16kV 배전반 A 복수펌프 A 차단기 투입 안 됨"),
        ("assistant", "접수: 1호기 / BBA 고압 배전반 / SG 개폐장치 / FCO 투입 불가 / 우선순위 3"),
    )
    f = understand("복수펌프 B도 점검 중이라 예비기가 없습니다", history)[1]
    assert (f.location.system, f.equipment_type.normalized) == ("BBA", "SG")
    assert f.priority.normalized == 2


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("Unit 1 ash pump B motor junction box smoking", 1),
        ("1호기 고압 정지밸브 시험 때 닫힘 명령에 절반만 닫힘", 1),  # a protective valve that fails
        ("2호기 복수펌프 B 모터 과부하 계전기 동작으로 트립", 1),  # the relay tripped the machine
        ("1호기 보일러 제어 PLC 이중화 한쪽 고장, 단일 CPU로 운전 중", 2),
        ("2호기 복수펌프 A 과전류 계전기 동작으로 트립, 예비기 운전 중이라 내일 조치해도 됨", 3),
    ],
)
def test_priority_families(understand: Understand, text: str, priority: int) -> None:
    assert understand(text)[1].priority.normalized == priority


def test_a_past_tense_question_about_cases_is_s3(understand: Understand) -> None:
    assert understand("급수펌프 씰 교체한 건들, 보통 몇 달 쓰고 바꿨나요")[0].scenario == "S3"
