"""Scores a predictor against a labeled set: accuracy, weighted accuracy, calibration, latency.

``predict`` takes an :class:`Example` and returns a result dict in the shape of the
result contract (ARCHITECTURE.md): ``location``, ``equipment_type``, ``status_code``
and ``priority`` are ``{original, normalized, confidence, alternatives}``; ``location``
also carries ``unit`` and ``system`` (``pmark3.ports.LocationField``); ``scenario`` is
top-level.
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from pmark3.evaluation.dataset import Example

# Weights of the four coded fields in the headline score; location is right when the
# unit and the KKS system (the first four characters of the code) are both right.
WEIGHTS: dict[str, float] = {"location": 0.3, "equipment_type": 0.3, "status_code": 0.25, "priority": 0.15}
# Fields scored one by one; "location" is unit AND kks_system.
SCORED_FIELDS: tuple[str, ...] = (
    "unit",
    "kks_system",
    "location",
    "equipment_type",
    "status_code",
    "priority",
    "scenario",
)
CALIBRATED_FIELDS: tuple[str, ...] = ("location", "equipment_type", "status_code", "priority")
DEFAULT_BINS: tuple[float, ...] = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0)
HIGH_CONFIDENCE = 0.9
HIGH_CONFIDENCE_TARGET = 0.95
CONFUSIONS_PER_FIELD = 5

Predict = Callable[[Example], Mapping[str, Any]]


class Prediction(BaseModel):
    """The comparable values read from one result dict."""

    unit: str | None = None
    kks_system: str | None = None
    equipment_type: str | None = None
    status_code: str | None = None
    priority: int | None = None
    scenario: str | None = None
    confidence: dict[str, float] = Field(default_factory=dict)


class ExampleOutcome(BaseModel):
    """Expected and predicted values of one example and which fields were right."""

    id: str
    scenario: str
    language: str
    expected: dict[str, Any]
    predicted: dict[str, Any]
    correct: dict[str, bool]
    confidence: dict[str, float]
    weighted: float
    latency_ms: float
    error: str | None = None


class GroupScore(BaseModel):
    n: int
    accuracy: dict[str, float]
    weighted_accuracy: float


class CalibrationBin(BaseModel):
    lower: float
    upper: float
    count: int
    correct: int
    accuracy: float | None = Field(description="None when the bin is empty")
    mean_confidence: float | None = None


class HighConfidenceCheck(BaseModel):
    """Fields with confidence >= threshold should be right at least ``target`` of the time."""

    threshold: float = HIGH_CONFIDENCE
    target: float = HIGH_CONFIDENCE_TARGET
    count: int
    correct: int
    accuracy: float | None
    passed: bool | None = Field(description="None when no field reached the threshold")


class ConfusionHint(BaseModel):
    expected: str
    predicted: str
    count: int
    examples: list[str] = Field(default_factory=list, description="Up to three example ids")


class Latency(BaseModel):
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float


class EvalReport(BaseModel):
    n: int
    accuracy: dict[str, float]
    weighted_accuracy: float
    guessed_units: int = Field(description="Expected unit null but a unit was predicted")
    unit_null_expected: int
    by_scenario: dict[str, GroupScore]
    by_language: dict[str, GroupScore]
    calibration: list[CalibrationBin]
    high_confidence: HighConfidenceCheck
    latency: Latency
    confusions: dict[str, list[ConfusionHint]]
    errors: int = Field(description="predict calls that raised; scored as empty predictions")
    outcomes: list[ExampleOutcome]


def _field(result: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = result.get(name)
    if isinstance(value, BaseModel):
        return value.model_dump()
    return value if isinstance(value, Mapping) else {}


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _as_priority(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _confidence(field: Mapping[str, Any]) -> float:
    try:
        value = float(field.get("confidence") or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return min(max(value, 0.0), 1.0) if math.isfinite(value) else 0.0


def read_prediction(result: Mapping[str, Any] | BaseModel) -> Prediction:
    """Pull the scored values out of a result dict (or a pydantic Result).

    ``location.unit``/``location.system`` are preferred, so a system found without a
    unit still scores; without them the full KKS code in ``normalized`` is split.
    """
    data: Mapping[str, Any] = result.model_dump() if isinstance(result, BaseModel) else result
    loc = _field(data, "location")
    code = _as_str(loc.get("normalized"))
    # Explicit parts win; a full code fills what they leave empty (a code always has both).
    unit = _as_str(loc.get("unit")) or (code[0] if code and code[0] in "012" else None)
    system = _as_str(loc.get("system")) or (code[1:4] if code and len(code) >= 4 else None)
    return Prediction(
        unit=unit,
        kks_system=system,
        equipment_type=_as_str(_field(data, "equipment_type").get("normalized")),
        status_code=_as_str(_field(data, "status_code").get("normalized")),
        priority=_as_priority(_field(data, "priority").get("normalized")),
        scenario=_as_str(data.get("scenario")),
        confidence={f: _confidence(_field(data, f)) for f in CALIBRATED_FIELDS},
    )


def _expected_values(ex: Example) -> dict[str, Any]:
    e = ex.expected
    return {
        "unit": e.unit,
        "kks_system": e.kks_system,
        "location": (e.unit, e.kks_system),
        "equipment_type": e.equipment_class,
        "status_code": e.failure_mode,
        "priority": e.priority,
        "scenario": e.scenario,
    }


def _predicted_values(p: Prediction) -> dict[str, Any]:
    return {
        "unit": p.unit,
        "kks_system": p.kks_system,
        "location": (p.unit, p.kks_system),
        "equipment_type": p.equipment_type,
        "status_code": p.status_code,
        "priority": p.priority,
        "scenario": p.scenario,
    }


def score_example(ex: Example, prediction: Prediction) -> tuple[dict[str, bool], float]:
    """Per-field correctness and the weighted score of one example.

    A null label is right only when the prediction is null too; that is how an S3
    request's null priority and failure mode are scored.
    """
    exp = _expected_values(ex)
    pred = _predicted_values(prediction)
    correct = {f: exp[f] == pred[f] for f in SCORED_FIELDS}
    weighted = sum(w for f, w in WEIGHTS.items() if correct[f])
    return correct, weighted


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _group(outcomes: Sequence[ExampleOutcome]) -> GroupScore:
    n = len(outcomes)
    acc = {f: (sum(o.correct[f] for o in outcomes) / n if n else 0.0) for f in SCORED_FIELDS}
    weighted = sum(o.weighted for o in outcomes) / n if n else 0.0
    return GroupScore(n=n, accuracy=acc, weighted_accuracy=weighted)


def calibration_table(
    pairs: Iterable[tuple[float, bool]], edges: Sequence[float] = DEFAULT_BINS
) -> list[CalibrationBin]:
    """Count and accuracy per confidence bin; bins are [lo, hi) and the last one is closed."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(len(edges) - 1)]
    for conf, ok in pairs:
        for i in range(len(edges) - 1):
            last = i == len(edges) - 2
            if edges[i] <= conf < edges[i + 1] or (last and conf == edges[i + 1]):
                bins[i].append((conf, ok))
                break
    table = []
    for i, members in enumerate(bins):
        n = len(members)
        right = sum(ok for _, ok in members)
        table.append(
            CalibrationBin(
                lower=edges[i],
                upper=edges[i + 1],
                count=n,
                correct=right,
                accuracy=right / n if n else None,
                mean_confidence=sum(c for c, _ in members) / n if n else None,
            )
        )
    return table


def high_confidence_check(
    pairs: Iterable[tuple[float, bool]], threshold: float = HIGH_CONFIDENCE, target: float = HIGH_CONFIDENCE_TARGET
) -> HighConfidenceCheck:
    hits = [ok for conf, ok in pairs if conf >= threshold]
    n = len(hits)
    right = sum(hits)
    acc = right / n if n else None
    return HighConfidenceCheck(
        threshold=threshold,
        target=target,
        count=n,
        correct=right,
        accuracy=acc,
        passed=None if acc is None else acc >= target,
    )


def _label(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "/".join("∅" if v is None else str(v) for v in value)
    return "∅" if value is None else str(value)


def confusion_hints(
    outcomes: Sequence[ExampleOutcome], top: int = CONFUSIONS_PER_FIELD
) -> dict[str, list[ConfusionHint]]:
    """The most frequent (expected, predicted) pairs among the wrong answers, per field."""
    hints: dict[str, list[ConfusionHint]] = {}
    for f in SCORED_FIELDS:
        if f == "location":
            continue  # unit and kks_system already show where location goes wrong
        pairs: Counter[tuple[str, str]] = Counter()
        ids: dict[tuple[str, str], list[str]] = defaultdict(list)
        for o in outcomes:
            if not o.correct[f]:
                key = (_label(o.expected[f]), _label(o.predicted[f]))
                pairs[key] += 1
                if len(ids[key]) < 3:
                    ids[key].append(o.id)
        hints[f] = [
            ConfusionHint(expected=e, predicted=p, count=c, examples=ids[(e, p)])
            for (e, p), c in pairs.most_common(top)
        ]
    return hints


def evaluate(
    examples: Sequence[Example],
    predict: Predict,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Run ``predict`` on every example and score the results.

    A predict call that raises is counted in ``errors`` and scored as an empty
    prediction, so one bad request does not hide the score of the rest.
    ``progress(done, total)`` is called after each example (a CLI progress bar).
    """
    outcomes: list[ExampleOutcome] = []
    errors = 0
    for ex in examples:
        error: str | None = None
        start = time.perf_counter()
        try:
            result = predict(ex)
        except Exception as exc:  # the report must survive a failing predictor
            result = {}
            error = f"{type(exc).__name__}: {exc}"
            errors += 1
        latency_ms = (time.perf_counter() - start) * 1000.0
        prediction = read_prediction(result)
        correct, weighted = score_example(ex, prediction)
        exp = _expected_values(ex)
        pred = _predicted_values(prediction)
        outcomes.append(
            ExampleOutcome(
                id=ex.id,
                scenario=ex.expected.scenario,
                language=ex.language,
                expected={k: list(v) if isinstance(v, tuple) else v for k, v in exp.items()},
                predicted={k: list(v) if isinstance(v, tuple) else v for k, v in pred.items()},
                correct=correct,
                confidence=prediction.confidence,
                weighted=weighted,
                latency_ms=latency_ms,
                error=error,
            )
        )
        if progress is not None:
            progress(len(outcomes), len(examples))
    return build_report(outcomes, errors)


def _proposed(outcome: ExampleOutcome, field: str) -> bool:
    value = outcome.predicted[field]
    empty = value is None or (isinstance(value, list) and all(v is None for v in value))
    return not empty or outcome.confidence.get(field, 0.0) > 0.0


def build_report(outcomes: Sequence[ExampleOutcome], errors: int = 0) -> EvalReport:
    """Aggregate scored outcomes into the report."""
    overall = _group(outcomes)
    by_scenario = {s: _group([o for o in outcomes if o.scenario == s]) for s in sorted({o.scenario for o in outcomes})}
    by_language = {
        lang: _group([o for o in outcomes if o.language == lang]) for lang in sorted({o.language for o in outcomes})
    }
    # A field left empty with no confidence proposed nothing, so it says nothing about
    # calibration; an empty field with confidence (a confident "no priority") does.
    pairs = [(o.confidence.get(f, 0.0), o.correct[f]) for o in outcomes for f in CALIBRATED_FIELDS if _proposed(o, f)]
    latencies = [o.latency_ms for o in outcomes]
    return EvalReport(
        n=len(outcomes),
        accuracy=overall.accuracy,
        weighted_accuracy=overall.weighted_accuracy,
        guessed_units=sum(1 for o in outcomes if o.expected["unit"] is None and o.predicted["unit"] is not None),
        unit_null_expected=sum(1 for o in outcomes if o.expected["unit"] is None),
        by_scenario=by_scenario,
        by_language=by_language,
        calibration=calibration_table(pairs),
        high_confidence=high_confidence_check(pairs),
        latency=Latency(
            p50_ms=percentile(latencies, 50),
            p95_ms=percentile(latencies, 95),
            mean_ms=sum(latencies) / len(latencies) if latencies else 0.0,
            max_ms=max(latencies, default=0.0),
        ),
        confusions=confusion_hints(outcomes),
        errors=errors,
        outcomes=list(outcomes),
    )
