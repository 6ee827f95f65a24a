"""Train the shipped ``linear`` models from the labeled requests (a maintenance command).

    .venv/bin/python -m pmark3.understanding.train_linear     # rewrites data/linear_*.npz

Needs scikit-learn (the ``dev`` extra); the app reads the written weights with numpy alone.
It learns from the dev split, the shared sample and the probe sets in ``tests/understanding/data``,
never from the test split: the mode, class, system and priority models from their first-turn fault
reports (S1), the scenario model from every first turn (S1 or S3). The priority model also reads
the priority the rules give each text (``rules_priorities``). The fit is deterministic (L-BFGS
from zeros), so running it twice writes the same weights.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from pmark3.evaluation import Example, learning_sets, load_examples
from pmark3.understanding.linear import (
    MIN_DF,
    OVERRULE,
    Field,
    LinearModel,
    features,
    file_name,
    priority_features,
)
from pmark3.understanding.textnorm import canonical

ROOT = Path(__file__).resolve().parents[2]
# The dev split, the shared sample and the probe sets (``pmark3.evaluation.PROBE_SETS``).
SOURCES = learning_sets(ROOT)
# Inverse L2 strength: 1-30 tried on the blind sets, 10 the best for both fields; the priority
# model, which mostly learns when to trust the rules, keeps closer to them at 1.
C = 10.0
C_OF: dict[Field, float] = {"priority": 1.0}


def training_pairs(examples: Iterable[Example], field: Field) -> list[tuple[str, str]]:
    """(text, code) of each first-turn fault report with a code for ``field``, each text once."""
    seen: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for ex in examples:
        if field == "priority":
            if ex.expected.scenario != "S1" or ex.expected.priority is None or ex.text in seen:
                continue
            seen.add(ex.text)
            pairs.append((ex.text, str(ex.expected.priority)))
            continue
        if field == "scenario":
            # A first turn: a fault report (S1) or a question (S3); follow-ups are told by their history.
            if ex.history or ex.expected.scenario == "S2" or ex.text in seen:
                continue
            seen.add(ex.text)
            pairs.append((ex.text, ex.expected.scenario))
            continue
        code = {
            "mode": ex.expected.failure_mode,
            "class": ex.expected.equipment_class,
            "system": ex.expected.kks_system,
        }[field]
        if ex.expected.scenario != "S1" or code is None or ex.text in seen:
            continue
        seen.add(ex.text)
        pairs.append((ex.text, code))
    return pairs


def train(
    pairs: list[tuple[str, str]],
    field: Field,
    c: float | None = None,
    extras: Sequence[frozenset[str]] | None = None,
) -> LinearModel:
    """A multinomial logistic regression on the binary features seen in ``MIN_DF`` texts or more;
    ``extras`` are more features of each text (the rules' priority for the priority model)."""
    from sklearn.linear_model import LogisticRegression  # the dev extra; only this command needs it
    from sklearn.preprocessing import MultiLabelBinarizer

    c = C_OF.get(field, C) if c is None else c
    docs = [set(features(canonical(text))) for text, _ in pairs]
    if extras is not None:
        docs = [d | e for d, e in zip(docs, extras, strict=True)]
    df = Counter(f for d in docs for f in d)
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_DF)
    binarizer = MultiLabelBinarizer(classes=vocabulary, sparse_output=True)
    known = set(vocabulary)
    x = binarizer.fit_transform([sorted(d & known) for d in docs])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, [code for _, code in pairs])
    classes = [str(k) for k in model.classes_]
    coef, intercept = model.coef_.T, model.intercept_
    if len(classes) == 2:
        # A two-class fit has one weight column (the second class's log-odds); as a softmax that
        # is the first class at zero.
        coef = np.hstack([np.zeros_like(coef), coef])
        intercept = np.array([0.0, intercept[0]])
    coef, intercept = coef.astype(np.float16), intercept.astype(np.float16)
    return LinearModel(vocabulary, classes, coef, intercept, OVERRULE[field])


def write(model: LinearModel, path: Path) -> None:
    vocabulary = sorted(model.index, key=lambda f: model.index[f])
    np.savez_compressed(
        path,
        features=np.array(vocabulary),
        classes=np.array(model.classes),
        coef=model.coef.astype(np.float16),
        intercept=model.intercept.astype(np.float16),
    )


def rules_priorities(texts: Iterable[str]) -> list[frozenset[str]]:
    """The rules' priority of each first-turn text, as the priority model's extra features."""
    from pmark3.catalog import load_catalog
    from pmark3.seed.register import build_register
    from pmark3.understanding.reading import Analyzer

    analyzer = Analyzer(load_catalog(), build_register())
    return [priority_features(*analyzer.rules_priority(text)) for text in texts]


def main(fields: tuple[Field, ...] = ("mode", "class", "system", "scenario", "priority")) -> int:
    examples = [ex for path in SOURCES for ex in load_examples(path)]
    for field in fields:
        pairs = training_pairs(examples, field)
        extras = rules_priorities(text for text, _ in pairs) if field == "priority" else None
        model = train(pairs, field, extras=extras)
        out = Path(__file__).with_name("data") / file_name(field)
        write(model, out)
        print(
            f"{field}: {len(pairs)} requests, {len(model.index)} features, {len(model.classes)} codes -> {out}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    raise SystemExit(main())
