"""The linear second opinion: the shipped weights, how they are used, and that they can be rebuilt."""

from __future__ import annotations

import numpy as np
import pytest

from pmark3.catalog import Catalog
from pmark3.evaluation import load_examples
from pmark3.understanding.calibration import Calibrator
from pmark3.understanding.linear import OVERRULE, LinearModel, load_model
from pmark3.understanding.textnorm import canonical
from tests.understanding.conftest import Understand, turns


def _toy() -> LinearModel:
    # Two features, two codes: "누유" votes ELU, "진동" votes VIB.
    coef = np.array([[3.0, -3.0], [-3.0, 3.0]])
    return LinearModel(["누유", "진동"], ["ELU", "VIB"], coef, np.zeros(2), overrule=10.0)


def test_probabilities_are_a_softmax_over_known_features() -> None:
    m = _toy()
    p = m.probabilities(canonical("펌프 누유 발견"))
    assert set(p) == {"ELU", "VIB"} and p["ELU"] > 0.99 and sum(p.values()) == pytest.approx(1.0)
    assert m.probabilities(canonical("xyz")) == {}  # nothing it knows: no opinion


def test_it_overrules_only_when_far_surer() -> None:
    m = _toy()
    assert m.overrules(canonical("누유"), "VIB") == ("ELU", pytest.approx(0.9975, abs=1e-3))
    assert m.overrules(canonical("누유"), "ELU") is None  # agrees
    assert m.overrules(canonical("누유 진동"), "VIB") is None  # 50/50 is not ten times surer
    assert m.overrules(canonical("누유"), None) is not None  # nothing read counts as UNK, unknown to it


def test_weights_that_do_not_fit_are_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        LinearModel(["a"], ["ELU", "VIB"], np.zeros((2, 2)), np.zeros(2), overrule=10.0)


def test_shipped_models_speak_the_catalog(catalog: Catalog) -> None:
    modes, classes = load_model("mode"), load_model("class")
    assert set(modes.classes) <= set(catalog.failure_modes) and len(modes.classes) >= 30
    assert set(classes.classes) <= set(catalog.equipment_classes) and len(classes.classes) >= 20
    assert (modes.overrule, classes.overrule) == (OVERRULE["mode"], OVERRULE["class"])


def test_a_class_read_from_words_is_overruled_with_a_capped_confidence(understand: Understand) -> None:
    # "튜브 메탈 TC": the thermocouple only reports; the tube that runs hot is the boiler's.
    _, f = understand("2호기 재열기 튜브 메탈 TC 하나만 경보")
    assert f.equipment_type.normalized == "HB"
    assert f.equipment_type.confidence <= Calibrator().confidence("equipment_type", "linear:S1") <= 0.55
    assert "IP" in [a.value for a in f.equipment_type.alternatives]  # the rules' pick is still offered


def test_a_register_tag_class_is_never_overruled(understand: Understand) -> None:
    text = "2호기 급수펌프 B 베어링 오일 분석 결과 철분 높음"
    parsed, f = understand(text)
    assert f.equipment_type.normalized == "PU"
    assert understand.normalizer.evidence(parsed, text, [])["equipment_type"].startswith("register")


def test_no_second_opinion_on_a_question_or_a_follow_up(understand: Understand) -> None:
    question = "2호기 재열기 튜브 메탈 TC 경보 이력 보여줘"
    parsed, _ = understand(question)
    assert parsed.scenario == "S3"
    assert "linear" not in understand.normalizer.evidence(parsed, question, [])["equipment_type"]
    history = turns(
        ("user", "2호기 재열기 튜브 메탈 TC 하나만 경보"),
        ("assistant", "접수: 2호기 / HAJ 재열기 / HB 보일러 / OHE 과열 / 우선순위 3"),
    )
    follow = "온도계 자체 문제였어요"
    parsed, f = understand(follow, history)
    assert parsed.scenario == "S2" and f.equipment_type.normalized == "IP"  # the follow-up's correction stands


def test_the_trainer_rebuilds_the_shipped_weights() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (the dev extra) trains the linear models")
    from pmark3.understanding import train_linear

    examples = [ex for path in train_linear.SOURCES for ex in load_examples(path)]
    for field in ("mode", "class"):
        rebuilt = train_linear.train(train_linear.training_pairs(examples, field), field)
        shipped = load_model(field)
        assert rebuilt.classes == shipped.classes and rebuilt.index == shipped.index
        # float16 on disk: the same weights to its precision.
        np.testing.assert_allclose(rebuilt.coef, shipped.coef, atol=2e-2)
