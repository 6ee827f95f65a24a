"""Evaluation of PMark3 against hand-labeled request sets (``pmark3 eval``).

Usage: ``report = evaluate(load_examples(default_path("dev")), predict)`` where
``predict(example)`` returns a result dict; then ``format_report(report)`` for people
or ``report.model_dump(mode="json")`` for ``--json``.
"""

from pmark3.evaluation.dataset import (
    COMMON_SYSTEMS,
    DatasetError,
    EvalLanguage,
    Example,
    Expected,
    check_labels,
    coverage,
    default_path,
    detect_language,
    learning_sets,
    load_examples,
)
from pmark3.evaluation.metrics import (
    WEIGHTS,
    CalibrationBin,
    EvalReport,
    ExampleOutcome,
    GroupScore,
    HighConfidenceCheck,
    Prediction,
    build_report,
    calibration_table,
    evaluate,
    percentile,
    read_prediction,
    score_example,
)
from pmark3.evaluation.report import format_report

__all__ = [
    "COMMON_SYSTEMS",
    "WEIGHTS",
    "CalibrationBin",
    "DatasetError",
    "EvalLanguage",
    "EvalReport",
    "Example",
    "ExampleOutcome",
    "Expected",
    "GroupScore",
    "HighConfidenceCheck",
    "Prediction",
    "build_report",
    "calibration_table",
    "check_labels",
    "coverage",
    "default_path",
    "detect_language",
    "evaluate",
    "format_report",
    "learning_sets",
    "load_examples",
    "percentile",
    "read_prediction",
    "score_example",
]
