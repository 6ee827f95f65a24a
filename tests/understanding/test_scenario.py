"""S1 new fault, S2 follow-up merged with the session, S3 information request."""

from __future__ import annotations

import pytest

from pmark3.catalog import Catalog
from pmark3.understanding.scenario import read_summary
from tests.understanding.conftest import Understand, turns


@pytest.mark.parametrize(
    "text",
    [
        "1호기 주변압기 최근 DGA 분석 결과 보여주세요",
        "2호기 CWP B 다음 예방정비 일정 언제예요?",
        "Any past cases of BFP mechanical seal leaks? Which unit has had more of them?",
        "What's the isolation procedure for the unit 2 auxiliary steam header?",
        "탈황설비 석고 탈수기 최근 정비이력 조회 부탁드립니다",
    ],
)
def test_information_requests_are_s3_without_priority(understand: Understand, text: str) -> None:
    parsed, f = understand(text)
    assert parsed.scenario == "S3"
    assert f.priority.normalized is None


def test_s3_keeps_a_failure_mode_only_when_one_is_named(understand: Understand) -> None:
    _, f = understand("Any past cases of BFP mechanical seal leaks?")
    assert f.status_code.normalized == "ELP"
    _, f = understand("2호기 발전기 수소 순도 트렌드 어디서 봐요?")
    assert f.status_code.normalized is None


@pytest.mark.parametrize(
    "text",
    ["2호기 급수펌프 B 진동 심함, 긴급", "FD fan B motor won't start from DCS.", "1호기 윤활유 필터 차압 높음 경보"],
)
def test_fault_reports_are_s1(understand: Understand, text: str) -> None:
    parsed, _ = understand(text)
    assert parsed.scenario == "S1"


def test_summary_line_is_read_back(catalog: Catalog) -> None:
    s = read_summary("접수: 1호기 / MKW 밀봉유 계통 / PU 펌프 / LOO 출력저하 / 우선순위 3", catalog)
    assert s is not None
    assert (s.unit, s.system, s.cls, s.failure_mode, s.priority) == ("1", "MKW", "PU", "LOO", 3)
    s = read_summary("Logged: Unit 1 / LCB condensate pump / EM motor / VIB vibration / priority 3", catalog)
    assert s is not None and (s.unit, s.system, s.cls, s.failure_mode) == ("1", "LCB", "EM", "VIB")
    assert read_summary("몇 호기 설비인가요?", catalog) is None
    s = read_summary("접수: 호기 미상 / PGB 폐회로냉각수 계통 / PU 펌프 / NOI 소음 / 우선순위 3", catalog)
    assert s is not None and s.unit is None and (s.system, s.failure_mode, s.priority) == ("PGB", "NOI", 3)
    s = read_summary("Logged: plant-common / EGC Fuel oil pump system / PU Pumps / ? / priority ?", catalog)
    assert s is not None and (s.unit, s.system, s.failure_mode, s.priority) == ("0", "EGC", None, None)


def test_s2_priority_change_keeps_the_rest(understand: Understand) -> None:
    history = turns(
        ("user", "1호기 밀봉유 펌프 B 토출압 낮음"),
        ("assistant", "접수: 1호기 / MKW 밀봉유 계통 / PU 펌프 / LOO 출력저하 / 우선순위 3"),
    )
    parsed, f = understand("A펌프도 정비중이라 예비기 없어요. 우선처리로 바꿔주세요", history)
    assert parsed.scenario == "S2"
    assert (f.location.unit, f.location.system) == ("1", "MKW")
    assert f.equipment_type.normalized == "PU"
    assert f.status_code.normalized == "LOO"
    assert f.priority.normalized == 2
    assert f.location.normalized == "1MKW20AP001"  # still train B: "A펌프도" only mentions A


def test_s2_corrected_system_and_class(understand: Understand) -> None:
    history = turns(
        ("user", "2호기 GAH B 주모터 소음"),
        ("assistant", "접수: 2호기 / HLD 공기예열기 / EM 전동기 / NOI 소음 / 우선순위 3"),
    )
    _, f = understand("GAH 아니고 IDF B motor 쪽이에요, sorry", history)
    assert (f.location.unit, f.location.system) == ("2", "HNC")
    assert (f.equipment_type.normalized, f.status_code.normalized, f.priority.normalized) == ("EM", "NOI", 3)


def test_s2_corrected_train(understand: Understand) -> None:
    history = turns(
        ("user", "2호기 급수펌프 A 진동 심함"),
        ("assistant", "접수: 2호기 / LAC 보일러급수펌프 계통 / PU 펌프 / VIB 진동 / 우선순위 3"),
    )
    _, f = understand("A 말고 B요", history)
    assert f.location.normalized == "2LAC20AP001"
    assert (f.location.unit, f.location.system, f.status_code.normalized) == ("2", "LAC", "VIB")


def test_s2_corrected_unit(understand: Understand) -> None:
    history = turns(
        ("user", "2호기 탈황 pH계 지시 이상"),
        ("assistant", "접수: 2호기 / HTA 배연탈황설비 / IP 입력장치 / AIR 계기 지시 이상 / 우선순위 3"),
    )
    _, f = understand("아, 2호기 말고 1호기 흡수탑 pH계입니다", history)
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("1", "HTA", "IP")
    assert f.status_code.normalized == "AIR"


def test_s2_unit_given_after_the_question(understand: Understand) -> None:
    history = turns(("user", "CCW 펌프 B 소음 있음, 확인 부탁"), ("assistant", "몇 호기 설비인가요?"))
    parsed, f = understand("맞습니다, 2호기 CCW B펌프", history)
    assert parsed.scenario == "S2"
    assert parsed.mentions.unit == "2"
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("2", "PGB", "PU")
    assert (f.status_code.normalized, f.priority.normalized) == ("NOI", 3)


def test_s2_class_correction_in_english(understand: Understand) -> None:
    history = turns(
        ("user", "U1 CEP A motor vibration high"),
        ("assistant", "Logged: Unit 1 / LCB condensate pump / EM motor / VIB vibration / priority 3"),
    )
    _, f = understand("It's the pump side, not the motor - DE bearing of the pump.", history)
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("1", "LCB", "PU")
    assert f.status_code.normalized == "VIB"


def test_s2_without_a_unit_anywhere_stays_without_one(understand: Understand) -> None:
    history = turns(("user", "과열기 출구 온도계 오지시"), ("assistant", "몇 호기 설비인가요?"))
    _, f = understand("잘 모르겠어요, 확인해서 다시 말씀드릴게요", history)
    assert f.location.unit is None and f.location.normalized is None
    assert (f.location.system, f.equipment_type.normalized, f.status_code.normalized) == ("HAH", "IP", "AIR")


def test_s2_naming_the_parent_again_keeps_the_reported_part(understand: Understand) -> None:
    history = turns(("user", "FD fan motor won't start"), ("assistant", "Which unit is it?"))
    _, f = understand("Unit 1, fan B", history)
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("1", "HLB", "EM")
    assert f.location.normalized == "1HLB20GM001"
    assert f.status_code.normalized == "FTS"


def test_s2_unitless_tag_resolves_in_the_sessions_unit(understand: Understand) -> None:
    history = turns(
        ("user", "Unit 2 CWP A vibration high"),
        ("assistant", "Logged: Unit 2 / PAC circulating water pump / PU pump / VIB vibration / priority 3"),
    )
    _, f = understand("Sorry, it's CWP B not A", history)
    assert f.location.normalized == "2PAC20AP001"


@pytest.mark.parametrize(
    "text",
    ["순환수 회전 스크린 막힘 때문에 작업한 기록 있나요?", "What was done last time on unit 1 FD fan A vibration?"],
)
def test_asking_for_records_is_s3_even_with_a_symptom(understand: Understand, text: str) -> None:
    parsed, f = understand(text)
    assert parsed.scenario == "S3"
    assert f.priority.normalized is None


@pytest.mark.parametrize(
    "text",
    [
        "언제부터인지 모르겠는데 2호기 BFP A 진동 남",
        "점검 절차대로 했는데도 1호기 IDF A 진동 계속됨",
        "이력 보니 지난달에도 같은 증상, 2호기 CEP B 메카니컬씰 누수 재발",
        "2호기 밀봉유 펌프 A 기동 불가, 절차서 있으면 같이 보내주세요",
    ],
)
def test_fault_reports_that_mention_records_stay_s1(understand: Understand, text: str) -> None:
    parsed, f = understand(text)
    assert parsed.scenario == "S1"
    assert f.priority.normalized is not None and f.status_code.normalized is not None


@pytest.mark.parametrize(("answer", "unit"), [("2", "2"), ("2번이요", "2"), ("Unit 1", "1"), ("잘 모르겠어요", None)])
def test_bare_answer_to_the_unit_question(understand: Understand, answer: str, unit: str | None) -> None:
    history = turns(("user", "CCW 펌프 B 소음 있음"), ("assistant", "몇 호기 설비인가요?"))
    _, f = understand(answer, history)
    assert f.location.unit == unit
    assert (f.location.system, f.status_code.normalized) == ("PGB", "NOI")


def test_s2_unit_correction_in_english(understand: Understand) -> None:
    history = turns(
        ("user", "Unit 2 instrument air compressor B tripped"),
        (
            "assistant",
            "Logged: Unit 2 / QFA Compressed air generation / CO Compressors / UST Spurious stop / priority 1",
        ),
    )
    _, f = understand("It's unit 1, not unit 2", history)
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("1", "QFA", "CO")
    assert (f.status_code.normalized, f.priority.normalized) == ("UST", 1)


def test_s2_added_symptom_keeps_the_reported_one(understand: Understand) -> None:
    history = turns(
        ("user", "1호기 IDF B 진동 높음"),
        ("assistant", "접수: 1호기 / HNC 유인송풍기 계통 / BL 송풍기 / VIB 진동 / 우선순위 3"),
    )
    _, f = understand("모터 베어링 온도도 80도까지 올라갔어요", history)
    assert (f.equipment_type.normalized, f.status_code.normalized) == ("BL", "VIB")
    _, f = understand("진동이 아니라 이상한 소리가 나는 거예요", history)
    assert f.status_code.normalized == "NOI"


def test_s2_generic_leak_keeps_the_known_medium(understand: Understand) -> None:
    history = turns(
        ("user", "Unit 1 seal oil pump A oil leak"),
        ("assistant", "Logged: Unit 1 / MKW seal oil system / PU pump / ELU oil leak / priority 3"),
    )
    _, f = understand("The leak is from the cooler, not the pump", history)
    assert (f.equipment_type.normalized, f.status_code.normalized) == ("HE", "ELU")


@pytest.mark.parametrize(
    "text",
    [
        "IDF B 모터 지난번에 뭐 교체했는지",
        "1호기 CWP 분해점검 언제 했지",
        "2호기 급수펌프 정비 내역 좀",
        "1호기 FDF 베어링 교체한 적 있어?",
        "Has the unit 1 CWP A ever had a seal replaced before?",
    ],
)
def test_questions_about_past_work_are_s3(understand: Understand, text: str) -> None:
    parsed, f = understand(text)
    assert parsed.scenario == "S3"
    assert f.priority.normalized is None


@pytest.mark.parametrize(
    "text",
    [
        "지난번에 교체했는데 또 누수, 확인 바람",
        "작년에 교체한 적 있는데 다시 떨림",
        "2호기 BFP A 트립됐어",
        "U2 PA fan vibration high, has it happened before?",
    ],
)
def test_fault_reports_mentioning_past_work_stay_s1(understand: Understand, text: str) -> None:
    parsed, _ = understand(text)
    assert parsed.scenario == "S1"


@pytest.mark.parametrize(
    "text",
    [
        # Head-final noun phrases: the last noun is the record asked for, whatever symptom precedes it.
        "1호기 BFP A 다음 오버홀 예정일",
        "2호기 복수펌프 B 진동 과거 조치 내역",
        "공용 공기압축기 C 안전밸브 시험 결과",
        "2호기 IDF 윤활유 교환 주기",
        "석탄취급설비 컨베이어 점검표 양식 주세요",
        "급수펌프 씰 누설 조치 표준 절차 공유 부탁드려요",
        "축전지 예비품 재고 확인 부탁드립니다",
        "보일러 튜브 누설 이력 호기별로 비교해줘",
        # English questions opened by a question word or an inverted auxiliary.
        "Which unit 2 mills had roller wear findings last year?",
        "Is there a checklist for the EDG monthly run?",
        "Has the unit 1 CEP B tripped on overcurrent before?",
        "Unit 2 GSU - results of the last oil test?",
    ],
)
def test_requests_for_a_record_are_s3(understand: Understand, text: str) -> None:
    parsed, f = understand(text)
    assert parsed.scenario == "S3", text
    assert f.priority.normalized is None


@pytest.mark.parametrize(
    "text",
    [
        "1호기 BFP A 진동 점검 결과 베어링 마모, 교체 요망",
        "Unit 1 HP heater 7 drain valve stroking slowly, 25 s vs 8 s spec",
        "2호기 IDF A 진동 상승, 정비 이력 보니 작년에도 베어링 교체함. 점검 바람",
    ],
)
def test_fault_reports_naming_records_on_the_way_stay_s1(understand: Understand, text: str) -> None:
    parsed, _ = understand(text)
    assert parsed.scenario == "S1", text
