"""Equipment class, failure mode, alternatives, learning and LLM hints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pytest

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation
from pmark3.ports import Mentions, ParsedRequest
from pmark3.understanding import LocalParser, Normalizer
from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("FD fan B motor won't start from DCS.", "EM"),  # the failed component, not the fan
        ("#2 드럼 수위전송기 LT-2A가 B, C보다 40mm 낮게 지시함", "IP"),
        ("2호기 1차송풍기 A 윤활유 필터 차압 높음", "FS"),
        ("1호기 수트블로워 PLC 통신두절, HMI에서 블로워 선택이 안 됨", "CL"),
        ("1호기 복수배관 저압히터 2번 입구 쪽 플랜지 누수", "PI"),  # the heater is only a landmark
        ("2호기 CWP B 진동", "PU"),  # the system names a pump
    ],
)
def test_class_of_the_failed_component(understand: Understand, text: str, cls: str) -> None:
    _, f = understand(text)
    assert f.equipment_type.normalized == cls


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("2호기 급수펌프 B 덜덜 떨림", "VIB"),
        ("2호기 급수펌프 B 물이 샘", "ELP"),
        ("2호기 급수펌프 B 이상한 소리 남", "NOI"),
        ("2호기 급수펌프 B 안 돌아감", "FTS"),
        ("2호기 급수펌프 B 모터에서 타는 냄새", "OHE"),
        ("2호기 급수유량 전송기 reading 이상", "AIR"),
        ("1호기 MS 드레인밸브 패싱", "LCP"),
        ("2호기 BFP B 흡입 스트레이너 차압 높음", "PLU"),
        ("2호기 BFP B 윤활유 누유", "ELU"),
        ("U2 mill D classifier drive motor making a grinding noise, vibration normal.", "NOI"),  # negated VIB
        ("2호기 부스터펌프 B 상태 이상", "UNK"),
        ("U2 HP heater 8 normal drain valve stuck, level rising", "FTO"),  # a stuck valve fails to move
        ("1호기 EHC 어큐뮬레이터 질소 압력 낮음", "PDE"),  # a vessel's pressure is a deviation
        ("U2 condensate extraction pump B motor tripped on earth fault", "ELE"),  # a trip is coded by its cause
        ("2호기 6.9kV 배전반 2A 피더 차단기 트립 신호 줬는데 개방 안 됨", "FDC"),
    ],
)
def test_colloquial_symptoms(understand: Understand, text: str, mode: str) -> None:
    _, f = understand(text)
    assert f.status_code.normalized == mode


@pytest.mark.parametrize(
    "text",
    [
        "2호기 급수 펌프 B 진동 심함",  # spacing
        "2호기 급수펌프가 B 진동이 심함",  # particles
        "2호기 급수펌르 B 진동 심함",  # one jamo off
        "2호기   급수펌프B진동심함",  # spaces lost and doubled
        "2호기 BFP-B vibraton high",  # English typo
        "2호기 BFP B 진똥 심함",  # two-syllable symptom word one jamo off
    ],
)
def test_typo_spacing_and_particle_robustness(understand: Understand, text: str) -> None:
    _, f = understand(text)
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("2", "LAC", "PU")
    assert f.status_code.normalized == "VIB"


def test_alternatives_are_at_most_three_sorted_and_exclude_the_choice(understand: Understand) -> None:
    for text in (
        "1호기 복수배관 저압히터 2번 입구 쪽 플랜지 누수",
        "미분기 윤활유펌프 토출압 떨어짐, 과열 및 소음",
        "급수펌프 진동",
    ):
        _, f = understand(text)
        for field in (f.location, f.equipment_type, f.status_code, f.priority):
            alts = field.alternatives
            assert len(alts) <= 3
            assert [a.confidence for a in alts] == sorted((a.confidence for a in alts), reverse=True)
            assert all(a.value != field.normalized for a in alts)
            assert all(0.0 <= a.confidence <= 1.0 for a in alts)


def test_confidence_is_high_for_a_clear_request_and_lower_for_a_vague_one(understand: Understand) -> None:
    _, clear = understand("2호기 급수펌프 B 진동 심함, 긴급")
    _, vague = understand("뭔가 이상함")
    assert clear.location.confidence >= 0.9 and clear.status_code.confidence >= 0.8
    assert vague.location.confidence <= 0.5 and vague.status_code.confidence <= 0.5


def test_learn_turns_a_correction_into_an_alias_at_once(catalog: Catalog, register: list[FunctionalLocation]) -> None:
    normalizer = Normalizer(catalog, register[:400])  # its own analyzer: learning must not leak into other tests
    parser = LocalParser(catalog, register[:400])
    text = "1호기 쿨링타워 팬 진동"
    before = normalizer.normalize(parser.parse(text, []), text, [])
    assert before.location.system != "PAC"
    normalizer.learn("쿨링타워", "system", "PAC")
    normalizer.learn("쩔쩔맴", "status_code", "ERO")
    normalizer.learn("나중에 천천히", "priority", 4)
    text2 = "1호기 쿨링타워 팬 쩔쩔맴, 나중에 천천히"
    after = normalizer.normalize(parser.parse(text2, []), text2, [])
    assert after.location.system == "PAC"
    assert after.status_code.normalized == "ERO"
    assert after.priority.normalized == 4
    with pytest.raises(ValueError):
        normalizer.learn("x펌프", "equipment_type", "ZZ")


def _llm(text: str, **hints: str | int | None) -> ParsedRequest:
    return ParsedRequest(scenario="S1", language="ko", mentions=Mentions(), hints=dict(hints), parser="llm")


def test_llm_hints_that_agree_raise_confidence(normalizer: Normalizer) -> None:
    text = "2호기 급수펌프 B 진동 심함"
    local = normalizer.normalize(_llm(text), text, [])
    agreed = normalizer.normalize(
        _llm(text, unit="2", system="LAC", equipment_type="PU", status_code="VIB", priority=3), text, []
    )
    assert agreed.status_code.normalized == "VIB"
    assert agreed.status_code.confidence > local.status_code.confidence
    assert agreed.equipment_type.confidence > local.equipment_type.confidence


def test_llm_hints_that_disagree_lower_confidence_and_become_alternatives(normalizer: Normalizer) -> None:
    text = "2호기 급수펌프 B 진동 심함"
    local = normalizer.normalize(_llm(text), text, [])
    other = normalizer.normalize(_llm(text, status_code="NOI", equipment_type="EM"), text, [])
    assert other.status_code.normalized == "VIB"  # strong local evidence stays
    assert other.status_code.confidence < local.status_code.confidence
    assert other.status_code.alternatives[0].value == "NOI"


def test_llm_hints_are_validated(normalizer: Normalizer) -> None:
    text = "급수펌프 B 진동 심함"  # no unit written
    f = normalizer.normalize(_llm(text, unit="2", kks="2LAC20AP001", status_code="XYZ", system="QQQ"), text, [])
    assert f.location.unit is None  # the LLM's unit is a guess: refused
    assert f.location.system == "LAC"
    assert f.status_code.normalized == "VIB"


def test_llm_hint_fills_what_the_words_do_not_say(normalizer: Normalizer) -> None:
    text = "2호기 그 설비 좀 이상해요"
    f = normalizer.normalize(_llm(text, system="PAC", equipment_type="PU", kks="2PAC20AP001"), text, [])
    assert (f.location.unit, f.location.system, f.equipment_type.normalized) == ("2", "PAC", "PU")
    assert f.location.normalized == "2PAC20AP001"


class _KeywordEmbedder:
    """A stand-in for the Embedder port: one dimension, "is this about circulating water"."""

    dimension = 1

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> list[list[float]]:
        return [[1.0 if "circ" in t.lower() or "순환수" in t else 0.0] for t in texts]


def test_embedding_fallback_only_when_no_word_names_system_or_class(
    catalog: Catalog, register: list[FunctionalLocation]
) -> None:
    normalizer = Normalizer(catalog, register, embedder=_KeywordEmbedder())
    parser = LocalParser(catalog, register)
    text = "2호기 circ 쪽이 좀 이상해요"
    f = normalizer.normalize(parser.parse(text, []), text, [])
    assert f.location.system == "PAC"  # filled by similarity, as weak evidence
    assert f.location.confidence <= 0.6
    text = "2호기 급수펌프 B 진동"
    f = normalizer.normalize(parser.parse(text, []), text, [])
    assert f.location.system == "LAC"  # words win; the embedder is not consulted


def test_generator_subsystem_beats_the_generator(understand: Understand) -> None:
    _, f = understand("1호기 발전기 고정자 냉각수 펌프 A 트립, B 자동기동")
    assert (f.location.system, f.equipment_type.normalized) == ("MKF", "PU")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("1호기 BFP A 흡입압력 전송기 값이 이상하게 고정됨", "AIR"),
        ("U2 CEP B discharge pressure gauge needle not moving", "AIR"),
        ("Unit 1 IDF A bearing temp reading flatlined at 65", "AIR"),
        ("U1 drum level reading bouncing around", "ERO"),
        ("#2 HPH 8 level transmitter shows zero", "NOO"),
        ("2호기 CWP A 모터 베어링 쪽 오일 조금씩 맺혀 있음", "ELU"),
        ("U1 BFP B mech seal seeping water", "ELP"),
        ("Unit 2 PA fan motor feels hot, smells fine", "OHE"),
        ("2호기 IDF B 베어링 하우징 손으로 못 만질 정도", "OHE"),
        ("1호기 MCC 단자 탄 자국, 변색", "OHE"),
        ("1호기 급수 조절밸브 움직임이 굼떠요", "DOP"),
        ("U2 FDF A pitch actuator slow, takes 40 sec to respond", "DOP"),
    ],
)
def test_operator_phrasing_of_symptoms(understand: Understand, text: str, mode: str) -> None:
    _, f = understand(text)
    assert f.status_code.normalized == mode


def test_a_reading_of_a_quantity_is_the_instruments(understand: Understand) -> None:
    _, f = understand("2호기 급수 유량계 지시가 자꾸 튐")
    assert (f.equipment_type.normalized, f.status_code.normalized) == ("IP", "ERO")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # A reading contradicted by a second measurement.
        ("2호기 탈기기 압력계 3.5bar 지시, 옆 압력계는 1.2bar", "AIR"),
        ("1호기 복수 전도도 분석계 지시 높음, 휴대용 측정기로 재보니 정상", "AIR"),
        ("U2 hotwell level transmitter reads 900 mm, local gauge shows 600", "AIR"),
        ("Coal feeder B load cell shows 20 t/h while the belt is empty", "AIR"),
        # Oil quality out of limit.
        ("2호기 주유탱크 오일 수분 500ppm 기준 초과", "CTM"),
        ("U1 turbine lube oil acid number 0.4, above limit", "CTM"),
        # Pressure against its setpoint; a relief valve lifting low.
        ("공용 계장공기 감압밸브 출구압력 설정치보다 높음", "HIO"),
        ("2호기 탈기기 안전밸브 설정압보다 낮게 동작함", "SPO"),
        # Commanded and nothing moves.
        ("1호기 IDF B 입구댐퍼 닫힘 지령 줘도 그대로", "FTC"),
        ("U2 FDF A inlet damper open command given, no movement", "FTO"),
        ("2호기 미분기 B 출구밸브 지령 줘도 반응 없음", "FTF"),
        # Breakers.
        ("U2 6.9kV feeder breaker for CWP B will not close on command", "FCO"),
        ("1호기 로드센터 A 차단기 트립 명령에도 안 떨어짐", "FDC"),
        ("2호기 BFP A 윤활유펌프 트립, 과부하 계전기 동작", "ELE"),
        # Communication lost; the duty card lost and the standby took over.
        ("Unit 2 ash handling PLC comms lost since midnight", "PTF"),
        ("1호기 석탄설비 HMI 통신이 안 되네요", "PTF"),
        ("2호기 DCS 컨트롤러 A 고장, B로 자동 절체됨", "LOR"),
        # The cause written before the trip outranks what the trip caused.
        ("1호기 CEP A 진동 트립, 복수 압력 떨어지는 중", "VIB"),
        # A leak into the other side; cooling water and hydrogen leaks.
        ("1호기 오일냉각기 튜브 쪽으로 기름이 넘어옴", "INL"),
        ("2호기 폐회로냉각수 펌프 배관 연결부에서 물이 샘", "ELU"),
        ("1호기 발전기 수소 보충량 늘었음, 누설 부위 찾아주세요", "ELU"),
        # Lining, wire rope strands, drawings, something off.
        ("2호기 흡수탑 재순환 배관 고무 라이닝 박리", "STD"),
        ("하역기 2호기 와이어로프 소선 파단 여러 곳", "STD"),
        ("1호기 HP 히터 6 레벨 스위치 설치 위치가 도면과 다름", "OTH"),
        ("2호기 CEP B 평소랑 좀 다른 것 같다고 함", "UNK"),
        # An impending trip is no trip.
        ("2호기 BFP B 흡입 스트레이너 차압 계속 올라감, 트립 직전", "PLU"),
    ],
)
def test_symptom_families(understand: Understand, text: str, mode: str) -> None:
    _, f = understand(text)
    assert f.status_code.normalized == mode, text


@pytest.mark.parametrize(
    ("text", "cls", "mode"),
    [
        # Told to stop and still running: the motor fails to stop.
        ("2호기 CEP B 모터 정지 버튼 눌러도 계속 돌아감", "EM", "STP"),
        ("Unit 1 CCW pump A motor still running after the stop command", "EM", "STP"),
        # Passing found by the heat downstream: the valve, passing.
        ("1호기 급수펌프 C 드레인밸브 닫혀있는데 하류 배관 뜨거움, 패싱 의심", "VA", "LCP"),
        # A tube leak is the heater's; boiler tubes leak internally.
        ("2호기 고압히터 3 수위 계속 상승, 튜브 누설 추정", "HE", "INL"),
        ("#2 과열기 튜브 누설음 확인", "HB", "INL"),
        # An indication that jumps is the instrument's; an instrument's cable is the instrument.
        ("1호기 복수기 수위 지시 왔다갔다 함", "IP", "ERO"),
        ("2호기 IDF A 진동센서 케이블 단선", "IP", "PTF"),
        # A motor's rotor is the motor's, not the generator's.
        ("1호기 CWP A 모터 회전자 온도 높음", "EM", "OHE"),
        # One of a redundant pair left running alone.
        ("1호기 계장용공기 압축기 A 혼자 운전 중, B 고장", "CO", "LOR"),
    ],
)
def test_probes5_families(understand: Understand, text: str, cls: str, mode: str) -> None:
    _, f = understand(text)
    assert (f.equipment_type.normalized, f.status_code.normalized) == (cls, mode)


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("1호기 BFP A 정기점검에서 발견한 씰 누설", 3),  # where it was found, not when to fix it
        ("1호기 BFP A 씰 누설, 정기점검 때 확인", 4),  # when to check it
        ("Unit 2 BFP B seal leak, not an emergency", 3),
        ("1호기 계장용공기 압축기 A 혼자 운전 중, B 고장", 2),  # no backup left
        ("2호기 복수펌프 A 차단기 원격 개방 안 돼서 현장 수동 트립으로 개방", 3),  # a trip by hand
    ],
)
def test_probes5_priority_context(understand: Understand, text: str, priority: int) -> None:
    _, f = understand(text)
    assert f.priority.normalized == priority
