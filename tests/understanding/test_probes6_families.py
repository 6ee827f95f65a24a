"""Families learned from probes6, each checked on wording that is not in any labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("2호기 EHC 오일쿨러 냉각이 안 돼요 출구 유온 계속 높음", "IHT"),
        ("1호기 400V MCC 피더 차단기가 트립 지령에도 개방되지 않음", "FDC"),
        ("Unit 1 generator protection relay test: no trip output from relay B", "FTF"),
        ("2호기 급수 유량 지시가 40에서 70 사이로 계속 튐", "ERO"),
        ("공용 경유탱크 드레인 샘플에서 자유수 나옴", "CTM"),
        ("1호기 복수 전도도계가 0에서 꿈쩍도 안 함", "NOO"),
        ("2호기 CCW 펌프 A 커플링 커버가 없는 채로 운전 중", "SER"),
        ("1호기 IK-12가 저절로 기동해서 전진함", "SPO"),
        ("2호기 순환수펌프 B 정지 버튼을 눌렀는데 안 멈춤", "STP"),
        ("U2 seal oil cooler: water getting into the oil side, oil looks milky", "INL"),
        ("1호기 주증기 정지밸브 B 닫힘시간 0.9초, 기준 0.5초", "DOP"),
        ("2호기 보조증기 안전밸브 시트에서 증기 새는 중", "LCP"),
        ("2호기 버너 3번 근처 가스 냄새 남", "ELF"),
    ],
)
def test_symptom_families(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("2호기 석탄이송 컨베이어 풀리 가드가 없음, 작업자 손이 끼일 뻔함", 1),  # a person nearly hurt
        ("1호기 IDF A 베어링 진동이 어제보다 30um 더 올라갔어요", 2),  # rising vibration
        ("1호기 CEP A 씰 누수, C 펌프로 운전 중", 2),  # the other train carries the duty
        ("Unit 2 drum level control went to manual after the transmitter failed", 2),
        ("2호기 진공펌프 A 흡입밸브 고착, 재기동 전에 꼭 봐야 함", 2),  # before it runs again
        ("Unit 1 heater drain valve packing weeping. Fine to plan it for the outage", 4),
        ("1호기 케이블 트레이 피복 변색, 연기는 안 남", 3),  # what did not happen is no hazard
        ("1호기 밀봉유 압력 출렁임, 수소 누설로 이어질까 걱정", 2),  # a feared hazard is context
        ("1호기 급수펌프 A 현장에서 정지시킴, 베어링 소리", 3),  # a stop by hand is no outage timing
    ],
)
def test_priority_families(understand: Understand, text: str, priority: int) -> None:
    assert understand(text)[1].priority.normalized == priority


@pytest.mark.parametrize(
    "text",
    [
        "2호기 발전기 수소 순도 분석치 추세 알려주세요",
        "BC-3 벨트 찢어짐 건 최근 것들 정리해 줄 수 있어요?",
        "Unit 1 BFP B vibration survey results for the last year please.",
    ],
)
def test_records_asked_for(understand: Understand, text: str) -> None:
    assert understand(text)[0].scenario == "S3"
