"""The linear second opinion: the shipped weights, how they are used, and that they can be rebuilt."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pmark3.catalog import Catalog
from pmark3.evaluation import load_examples
from pmark3.plant import FunctionalLocation
from pmark3.understanding.calibration import Calibrator
from pmark3.understanding.linear import OVERRULE, LinearModel, load_model
from pmark3.understanding.reading import Analyzer
from pmark3.understanding.textnorm import canonical


def _toy(vocabulary: list[str], classes: list[str], favour: str) -> LinearModel:
    """A model that is sure of ``favour`` whenever a text has one of its words."""
    coef = np.array([[6.0 if c == favour else -6.0 for c in classes] for _ in vocabulary])
    return LinearModel(vocabulary, classes, coef, np.zeros(len(classes)), overrule=(20.0, math.inf))


def test_probabilities_are_a_softmax_over_known_features() -> None:
    m = _toy(["누유"], ["ELU", "VIB"], "ELU")
    p = m.probabilities(canonical("펌프 누유 발견"))
    assert set(p) == {"ELU", "VIB"} and p["ELU"] > 0.99 and sum(p.values()) == pytest.approx(1.0)
    assert m.probabilities(canonical("xyz")) == {}  # nothing it knows: no opinion


def test_it_overrules_only_when_far_surer() -> None:
    m = LinearModel(["누유", "진동"], ["ELU", "VIB"], np.array([[3.0, -3.0], [-3.0, 3.0]]), np.zeros(2), (20.0, 500.0))
    assert m.overrules(canonical("누유"), "VIB") == ("ELU", pytest.approx(0.9975, abs=1e-3))  # 400 times surer
    assert m.overrules(canonical("누유"), "VIB", specific=True) is None  # not 500 times
    assert m.overrules(canonical("누유"), "ELU") is None  # agrees
    assert m.overrules(canonical("누유 진동"), "VIB") is None  # 50/50 is not twenty times surer
    assert m.overrules(canonical("누유"), None) is not None  # nothing read counts as UNK, unknown to it


def test_weights_that_do_not_fit_are_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        LinearModel(["a"], ["ELU", "VIB"], np.zeros((2, 2)), np.zeros(2), (20.0, math.inf))


def test_shipped_models_speak_the_catalog(catalog: Catalog) -> None:
    modes, classes = load_model("mode"), load_model("class")
    assert set(modes.classes) <= set(catalog.failure_modes) and len(modes.classes) >= 30
    assert set(classes.classes) <= set(catalog.equipment_classes) and len(classes.classes) >= 20
    assert (modes.overrule, classes.overrule) == (OVERRULE["mode"], OVERRULE["class"])
    assert set(load_model("system").classes) == set(catalog.systems)
    assert load_model("scenario").classes == ["S1", "S3"]
    assert load_model("priority").classes == ["1", "2", "3", "4"]
    assert load_model("priority").overrule == OVERRULE["priority"]


@pytest.fixture
def analyzer(catalog: Catalog, register: list[FunctionalLocation]) -> Analyzer:
    """An analyzer of its own whose linear models are sure of CTM at "냄새" and of VE at "탱크"."""
    a = Analyzer(catalog, register)
    a.linear_modes = _toy(["냄새", "불안정", "투입"], ["CTM", "OHE", "ERO", "FCO"], "CTM")
    a.linear_classes = _toy(["탱크", "차단기", "경보"], ["VE", "TA", "SG", "EM"], "VE")
    a.linear_classes.overrule = (80.0, math.inf)
    return a


def test_a_weak_reading_is_overruled_and_kept_as_the_first_alternative(analyzer: Analyzer) -> None:
    # The rules read a tank (a class word) and a smell (a weak symptom pattern).
    r = analyzer.read("1호기 EHC 오일 탱크 쪽 냄새 이상")
    assert [(c.value, c.key) for c in r.modes[:2]] == [("CTM", "linear"), ("OHE", "s2_single")]
    assert [(c.value, c.key) for c in r.classes[:2]] == [("VE", "linear"), ("TA", "head_single")]


def test_a_specific_reading_and_a_register_tag_are_never_overruled(analyzer: Analyzer) -> None:
    r = analyzer.read("2호기 보일러 버너 3번 화염 불안정")  # a strength-3 pattern and a register tag
    assert (r.modes[0].value, r.classes[0].value) == ("ERO", "HB")
    assert "linear" not in (r.modes[0].key, r.classes[0].key)
    r = analyzer.read("2호기 미분기 A 구동모터 기동 시 6.9kV 차단기 투입 안됨")  # FCO names the breaker
    assert (r.modes[0].value, r.classes[0].value) == ("FCO", "SG")


def test_no_second_opinion_on_a_question(analyzer: Analyzer) -> None:
    r = analyzer.read("1호기 EHC 오일 탱크 냄새 관련 정비 이력 보여줘")
    assert r.scenario == "S3" and all(c.key != "linear" for c in (*r.modes, *r.classes))


def test_a_follow_up_gets_one_only_for_what_its_words_read_and_never_on_a_denial(analyzer: Analyzer) -> None:
    r = analyzer.read("탱크 쪽 냄새가 더 심해졌어요", has_history=True)
    assert (r.modes[0].value, r.modes[0].key) == ("CTM", "linear")  # far surer, even at the follow-up's factor
    assert not analyzer.read("2호기요", has_history=True).modes  # nothing read: no mode from the model
    r = analyzer.read("냄새 아니고 탱크 쪽 진동이에요", has_history=True)
    assert all(c.key != "linear" for c in (*r.modes, *r.classes))
    # The toy is e^12 (about 163 000) times surer: enough for a first turn at 100 000, not for a
    # follow-up at FOLLOWUP_SCALE times that.
    analyzer.linear_modes.overrule = (100_000.0, 100_000.0)
    analyzer.clear_cache()
    assert analyzer.read("1호기 EHC 오일 탱크 쪽 냄새 이상").modes[0].key == "linear"
    r = analyzer.read("탱크 쪽 냄새가 더 심해졌어요", has_history=True)
    assert all(c.key != "linear" for c in r.modes)


def test_an_overruling_code_is_capped_at_its_blind_accuracy() -> None:
    cal = Calibrator()
    assert cal.confidence("status_code", "linear:S1@ko") <= 0.8
    assert cal.confidence("equipment_type", "linear:S1@en") <= 0.8


def test_the_trainer_rebuilds_the_shipped_weights() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (the dev extra) trains the linear models")
    from pmark3.understanding import train_linear

    examples = [ex for path in train_linear.SOURCES for ex in load_examples(path)]
    for field in ("mode", "class", "system", "scenario", "priority"):
        pairs = train_linear.training_pairs(examples, field)
        extras = train_linear.rules_priorities(t for t, _ in pairs) if field == "priority" else None
        rebuilt = train_linear.train(pairs, field, extras=extras)
        shipped = load_model(field)
        assert rebuilt.classes == shipped.classes and rebuilt.index == shipped.index
        # float16 on disk: the same weights to its precision.
        np.testing.assert_allclose(rebuilt.coef, shipped.coef, atol=2e-2)


def test_a_system_no_word_names_is_filled_and_sets_no_unit(
    catalog: Catalog, register: list[FunctionalLocation]
) -> None:
    a = Analyzer(catalog, register)
    a.linear_systems = _toy(["모터", "냄새"], ["EAC", "LAC"], "EAC")
    r = a.read("모터 쪽에서 타는 냄새 남")
    assert [(c.value, c.key) for c in r.systems] == [("EAC", "linear")]
    assert r.unit is None  # a plant-common system found this way does not make the unit 0
    r = a.read("2호기 급수펌프 B 모터 쪽에서 타는 냄새 남")  # a system its words name stays
    assert (r.systems[0].value, r.systems[0].key) != ("EAC", "linear")
    assert Calibrator().confidence("location", "none+linear:S1@ko") <= 0.85


def test_it_fills_only_when_fairly_sure() -> None:
    m = LinearModel(["누유", "진동"], ["ELU", "VIB"], np.array([[3.0, -3.0], [-3.0, 3.0]]), np.zeros(2), (20.0, 500.0))
    assert m.fills(canonical("누유"), floor=0.9) == ("ELU", pytest.approx(0.9975, abs=1e-3))
    assert m.fills(canonical("누유 진동"), floor=0.9) is None  # 50/50
    assert m.fills(canonical("xyz")) is None


@pytest.mark.parametrize(
    "text",
    ["복수펌프 임펠러 부식 사례 조회 부탁드립니다", "2호기 공기예열기 바스켓 교체 업체 어디였는지 확인 부탁"],
)
def test_questions_the_patterns_miss_are_read_as_questions(analyzer: Analyzer, text: str) -> None:
    # The shipped scenario model (the fixture replaces only the mode and class models).
    r = analyzer.read(text)
    assert (r.scenario, r.scenario_key) == ("S3", "linear")


def test_the_scenario_model_never_turns_a_report_asking_for_work_or_a_question(
    catalog: Catalog, register: list[FunctionalLocation]
) -> None:
    a = Analyzer(catalog, register)
    # Sure of a question at "업체", "이력" and "절차서", sure of a report at "언제".
    a.linear_scenarios = LinearModel(
        ["업체", "이력", "절차서", "언제"],
        ["S1", "S3"],
        np.array([[-6.0, 6.0], [-6.0, 6.0], [-6.0, 6.0], [6.0, -6.0]]),
        np.zeros(2),
        OVERRULE["scenario"],
    )
    assert a.read("2호기 공기예열기 바스켓 납품 업체").scenario == "S3"  # no symptom: the model's question
    assert a.read("2호기 공기예열기 바스켓 업체 진동").scenario == "S3"  # a symptom: only when far surer
    assert a.read("2호기 IDF A 진동 상승, 정비 이력 보니 작년에도 교체함. 점검 바람").scenario == "S1"  # work asked
    assert a.read("2호기 밀봉유 펌프 A 기동 불가, 절차서 있으면 같이 보내주세요").scenario == "S1"  # riding
    assert a.read("1호기 급수펌프 A 메카니컬씰 교체 언제 했어요?").scenario == "S3"  # a question stays one
    assert a.read("절차서 좀", has_history=True).scenario == "S2"  # follow-ups are told by their history


def test_a_two_class_fit_ships_both_columns() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (the dev extra) trains the linear models")
    from pmark3.understanding import train_linear

    pairs = [
        ("펌프 진동 심함", "S1"),
        ("모터 과열 확인 요망", "S1"),
        ("정비 이력 보여줘", "S3"),
        ("절차서 있나요", "S3"),
    ]
    m = train_linear.train(pairs * 2, "scenario")
    assert m.classes == ["S1", "S3"] and m.coef.shape == (len(m.index), 2)
    p = m.probabilities(canonical("정비 이력 있나요"))
    assert p["S3"] > p["S1"]


def test_the_priority_model_reads_the_rules_priority_beside_the_words(
    catalog: Catalog, register: list[FunctionalLocation]
) -> None:
    a = Analyzer(catalog, register)
    # Sure of 2 where "예비" is written; a little inclined to 2 at the rules' default 3.
    a.linear_priorities = LinearModel(
        ["예비", "RK=3_default"],
        ["1", "2", "3", "4"],
        np.array([[0.0, 4.0, 0.0, 0.0], [0.0, 0.5, 0.0, 0.0]]),
        np.zeros(4),
        OVERRULE["priority"],
    )
    assert a.rules_priority("2호기 급수펌프 B 누설, 예비펌프 없음") == (3, "default")
    r = a.read("2호기 급수펌프 B 누설, 예비펌프 없음")
    assert r.priority is not None and (r.priority.value, r.priority.key) == (2, "linear")
    assert a.read("2호기 급수펌프 B 누설").priority is None  # the model is not surer: the rules' default stays
    assert a.read("2호기 급수펌프 B 누설, 예비펌프 없음", has_history=True).priority is None  # no follow-up
    assert Calibrator().confidence("priority", "linear:S1@ko") <= 0.75
