from __future__ import annotations

import random

from pmark3.seed.failures import CLASS_SYMPTOMS, KIND_SYMPTOMS, SYMPTOMS
from pmark3.seed.register import build_register
from pmark3.seed.vocabulary import (
    CONTEXT_EN,
    CONTEXT_KO,
    SPELLING_VARIANTS,
    URGENCY_EN,
    URGENCY_KO,
    cue_priorities,
    cue_priority,
    typo,
)


def test_cue_priority_reads_the_catalog_cue_words() -> None:
    assert cue_priority("2호기 급수펌프 B 진동 심함, 긴급") == 1
    assert cue_priority("BFP B vibration, high priority") == 2
    assert cue_priority("다음정지시 교체") == 4
    assert cue_priority("CEP A 소리 남") == 3
    # English cues are whole words: "flow" is not "low".
    assert cue_priority("not enough flow") == 3
    assert cue_priority("긴급, 다음정지시 교체") == 1


def test_symptom_equipment_and_context_wording_carry_no_priority_cue() -> None:
    phrases = [
        p for ko, en in (*SYMPTOMS.values(), *CLASS_SYMPTOMS.values(), *KIND_SYMPTOMS.values()) for p in (*ko, *en)
    ]
    phrases += [*CONTEXT_KO, *CONTEXT_EN, *(v for vs in SPELLING_VARIANTS.values() for v in vs)]
    # System-level names come from the catalog verbatim ("MV switchgear (normal supply)"); texts never use them.
    phrases += [s for fl in build_register() if fl.parent for s in (fl.name_ko, fl.name_en, *fl.aliases)]
    offenders = [p for p in phrases if cue_priorities(p)]
    assert offenders == []


def test_each_urgency_phrase_signals_its_own_priority() -> None:
    for table in (URGENCY_KO, URGENCY_EN):
        for prio, phrases in table.items():
            for p in phrases:
                assert cue_priority(p) == prio, p


def test_typo_changes_some_texts_and_is_deterministic() -> None:
    texts = ["2호기 급수펌프 B 진동 심함"] * 200
    a = [typo(random.Random(i), t, rate=0.5) for i, t in enumerate(texts)]
    b = [typo(random.Random(i), t, rate=0.5) for i, t in enumerate(texts)]
    assert a == b
    assert 40 < sum(x != texts[0] for x in a) < 160
