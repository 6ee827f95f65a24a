"""The learned failure-mode fallback: used only where no pattern reads a symptom, never confident."""

from __future__ import annotations

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation
from pmark3.understanding import LocalParser, Normalizer
from pmark3.understanding.calibration import Calibrator
from pmark3.understanding.learned import ModeModel, features
from pmark3.understanding.reading import Analyzer
from pmark3.understanding.textnorm import canonical
from tests.understanding.conftest import Understand, turns


def test_features_are_ngrams_words_and_word_pairs() -> None:
    # No tokenizer: "오일이 새고" and "오일 새는" share the bigram of the noun whatever the particle.
    a, b = set(features(canonical("오일이 새고 있음"))), set(features(canonical("오일 새는 중")))
    assert "오일" in a & b
    assert "오일이" in a  # and trigrams keep a little context
    latin = features(canonical("U1 pump seeping oil, 2 drops"))
    assert {"w:seeping", "b:seeping_oil", "b:pump_seeping"} <= set(latin)
    assert not any(f[-1].isdigit() for f in latin)  # readings are not words


def test_model_learns_phrasing_and_abstains_without_evidence() -> None:
    m = ModeModel()
    m.add_all([("베어링 그리스 삐져나옴", "ELU"), ("베어링 소리 끼익", "NOI"), ("모터 냄새 남", "OHE")] * 3)
    guess = m.predict(canonical("펌프 그리스 삐져나와요"))
    assert guess is not None and guess[0] == "ELU" and 0 < guess[1] <= 1
    assert m.predict(canonical("xyz qwerty")) is None  # nothing it has seen


def test_history_adds_work_orders_evenly() -> None:
    m = ModeModel()
    m.add_history([("오일 누유 발견", "ELU")] * 20000)
    assert 0 < m.docs["ELU"] <= 6000


def test_fallback_only_where_no_pattern_reads(catalog: Catalog, register: list[FunctionalLocation]) -> None:
    a = Analyzer(catalog, register)
    read = a.read("2호기 밀봉유 펌프 A 베어링 하우징 오일 비침")  # no leak pattern names "비침"
    assert read.modes and read.modes[0].key == "learned" and read.modes[0].value == "ELU"
    assert a.read("2호기 BFP A 진동 심함").modes[0].key != "learned"  # a pattern read it
    assert not a.read("2호기 BFP A 어제 교체 내역 보여줘").modes  # a records question is S3: no guess
    assert not a.read("xkcd qwrt").modes  # nothing of a request


def test_learned_guess_is_under_the_question_threshold(understand: Understand) -> None:
    _, f = understand("2호기 밀봉유 펌프 A 베어링 하우징 오일 비침")
    assert f.status_code.normalized == "ELU"
    assert f.status_code.confidence <= 0.4
    assert Calibrator().confidence("status_code", "learned:S1") <= 0.4


def test_a_later_reading_replaces_an_earlier_guess(understand: Understand) -> None:
    # The first turn's symptom is unreadable (a guess); the follow-up says the cause is unknown.
    history = turns(("user", "발전기 여자기 AVR 경보"), ("assistant", "몇 호기 설비인가요?"))
    _, f = understand("2호기 AVR channel A 경보입니다. 원인은 아직 모름", history)
    assert f.status_code.normalized == "UNK"


def test_mimetic_sound_words_read_as_noise(catalog: Catalog) -> None:
    from pmark3.understanding.symptoms import SymptomReader

    reader = SymptomReader(catalog)

    def codes(text: str) -> set[str]:
        return {h.code for h in reader.find(canonical(text))}

    for text in ("모터 베어링 쪽 끼릭끼릭", "덜그럭덜그럭 함", "딸깍딸깍 소리", "윙윙거림", "U1 fan clunking at start"):
        assert codes(text) == {"NOI"}, text
    assert codes("부들부들 떨림") == {"VIB"}  # a shake word, not a sound
    assert codes("물이 방울방울") == {"ELP"}  # a leak word wins the tie
    assert not codes("모터 모터 과열") - {"OHE"}  # a repeated equipment word is no mimetic
    assert not codes("깜빡깜빡") and not codes("이상 상태")


def test_an_analyzer_is_shared_only_with_the_same_history(catalog: Catalog, register: list[FunctionalLocation]) -> None:
    # Built after one that learned from a history, a history-less normalizer must not read
    # with that history's learned model (it made these tests depend on the order they ran in).
    from pmark3.seed import generate_plant

    orders = generate_plant(work_orders=300, open_orders=0).work_orders
    with_history = Normalizer(catalog, register, work_orders=orders)
    without = Normalizer(catalog, register)
    assert with_history.analyzer is not without.analyzer
    assert LocalParser(catalog, register, work_orders=orders).analyzer is with_history.analyzer
    assert LocalParser(catalog, register).analyzer is without.analyzer
