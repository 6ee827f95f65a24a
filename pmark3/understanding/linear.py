"""A second opinion on failure mode and equipment class, learned from labeled requests.

The symptom patterns and class rules of ``reading`` are precise but brittle: on text written by
someone they were not written for, about one failure mode in five and one class in ten comes
out wrong. A multinomial logistic regression over the ``learned`` features (Hangul 2-3-grams,
Latin words and word pairs) of the labeled hand-written requests weighs every word at once.

It is trained offline from the labeled sets (never the test split) by
``python -m pmark3.understanding.train_linear`` (scikit-learn, a dev dependency) and shipped
as ``data/linear_<field>.npz``: features, classes and weights, read here with numpy alone.

How it is used (``reading.Analyzer``): on a first-turn fault report, where the model's best
code is more than ``OVERRULE`` times as probable as the reading (10 for a failure mode, 80 for
a class), it replaces the reading under the evidence key ``linear``, and the reading stays the
first alternative. It may overrule a weak symptom pattern (strength 1-2), the naive Bayes guess
of ``learned`` or "nothing read", never a specific pattern (strength 3-4) or one that says the
cause is unknown; and a class picked among class words or a system's head equipment, never one
that a register tag, a KKS code or the failure itself names.

Measured blind, each probe set scored by rules that had not seen it and a model trained without
it, on first-turn requests: probes10-12 (390) with today's rules, failure mode 79.0% -> 80.5%
(12 changed: 7 to the right code, 1 away from it), class 86.7% -> 88.0% (11 changed: 7 right,
2 away). Overruling specific patterns too gained more on these sets (81.8%) but turned 12 right
readings wrong and 7 fresh wordings of the family tests. An overruling code is right a little
over half the time, so ``calibration`` caps its confidence below the question threshold: the
answer still asks.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import numpy as np

from pmark3.understanding.learned import features

Field = Literal["mode", "class"]
# How much more probable than the rules' reading the model's best code must be to replace it.
# Failure mode: 2-50 tried on the blind sets, 10 the best and the steadiest across sets. Class:
# 10 changed 25 first-turn classes of probes10-12 (14 right, 8 that had been right), 80 changed
# 11 (7 right, 2 that had been right) for about the same gain; the fewer wrong turns win.
OVERRULE: dict[Field, float] = {"mode": 10.0, "class": 80.0}
MIN_DF = 2


class LinearModel:
    """Softmax over the summed weight rows of a text's known features."""

    def __init__(
        self,
        vocabulary: list[str],
        classes: list[str],
        coef: np.ndarray,
        intercept: np.ndarray,
        overrule: float,
    ) -> None:
        if coef.shape != (len(vocabulary), len(classes)) or intercept.shape != (len(classes),):
            raise ValueError(f"weights {coef.shape} do not fit {len(vocabulary)} features x {len(classes)} classes")
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.classes = classes
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.overrule = overrule

    def probabilities(self, canon: str) -> dict[str, float]:
        """Each code's probability; empty when the text has no feature the model knows."""
        rows = sorted({self.index[f] for f in features(canon) if f in self.index})
        if not rows:
            return {}
        z = self.intercept + self.coef[rows].sum(axis=0)
        p = np.exp(z - z.max())
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def overrules(self, canon: str, reading: str | None) -> tuple[str, float] | None:
        """The model's code and probability where it is ``overrule`` times as sure as of ``reading``."""
        p = self.probabilities(canon)
        if not p:
            return None
        best = max(p, key=lambda c: p[c])
        if best == reading or p[best] <= self.overrule * p.get(reading or "UNK", 0.0):
            return None
        return best, p[best]


def file_name(field: Field) -> str:
    return f"linear_{field}.npz"


@cache
def load_model(field: Field) -> LinearModel:
    """The shipped model of ``field`` (read once per process)."""
    with resources.files(__package__).joinpath("data", file_name(field)).open("rb") as f:
        data = np.load(f, allow_pickle=False)
        return LinearModel(
            [str(x) for x in data["features"]],
            [str(x) for x in data["classes"]],
            data["coef"],
            data["intercept"],
            OVERRULE[field],
        )
