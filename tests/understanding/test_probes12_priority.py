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
