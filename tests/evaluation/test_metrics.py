"""Metrics of pmark3.evaluation on small hand-made example lists and fake predictors."""

from __future__ import annotations

from typing import Any

import pytest

from pmark3.evaluation import (
    WEIGHTS,
    Example,
    calibration_table,
    detect_language,
    evaluate,
    format_report,
    percentile,
    read_prediction,
)


def _ex(
    id_: str,
    text: str,
    unit: str | None,
    system: str | None,
    cls: str | None,
    mode: str | None,
    prio: int | None,
    scenario: str = "S1",
    lang: str | None = None,
) -> Example:
    data: dict[str, Any] = {
        "id": id_,
        "text": text,
        "history": [],
        "expected": {
            "unit": unit,
            "kks_system": system,
            "equipment_class": cls,
            "failure_mode": mode,
            "priority": prio,
            "scenario": scenario,
        },
    }
    if lang:
        data["lang"] = lang
    return Example.model_validate(data)


EXAMPLES = [
    _ex("A1", "2호기 급수펌프 B 진동 심함, 긴급", "2", "LAC", "PU", "VIB", 1),
    _ex("A2", "FD fan B motor won't start from DCS", None, "HLB", "EM", "FTS", 3),
    _ex("A3", "1호기 주변압기 최근 DGA 분석 결과 보여주세요", "1", "BAT", "PT", None, None, "S3"),
    _ex("A4", "운탄 BC-4 테일풀리 베어링에서 연기 남", "0", "EAC", "CV", "OHE", 1),
]


def _result(
    unit: str | None,
    system: str | None,
    cls: str | None,
    mode: str | None,
    prio: int | None,
    scenario: str | None,
    conf: float = 0.95,
) -> dict[str, Any]:
    code = f"{unit}{system}10AP001" if unit and system else None
    return {
        "scenario": scenario,
        "location": {
            "original": "x",
            "normalized": code,
            "confidence": conf,
            "alternatives": [],
            "unit": unit,
            "system": system,
        },
        "equipment_type": {"original": "x", "normalized": cls, "confidence": conf, "alternatives": []},
        "status_code": {"original": "x", "normalized": mode, "confidence": conf, "alternatives": []},
        "priority": {"original": "x", "normalized": prio, "confidence": conf, "alternatives": []},
    }


def perfect(ex: Example) -> dict[str, Any]:
    e = ex.expected
    return _result(e.unit, e.kks_system, e.equipment_class, e.failure_mode, e.priority, e.scenario)


def test_perfect_predictor_scores_one_everywhere() -> None:
    report = evaluate(EXAMPLES, perfect)
    assert report.n == 4
    assert report.weighted_accuracy == pytest.approx(1.0)
    assert all(v == pytest.approx(1.0) for v in report.accuracy.values())
    assert report.guessed_units == 0
    assert report.errors == 0
    assert all(not hints for hints in report.confusions.values())
    assert report.high_confidence.passed is True


def test_one_wrong_field_costs_exactly_its_weight() -> None:
    def wrong_status_on_a1(ex: Example) -> dict[str, Any]:
        r = perfect(ex)
        if ex.id == "A1":
            r["status_code"]["normalized"] = "NOI"
        return r

    report = evaluate(EXAMPLES, wrong_status_on_a1)
    assert report.weighted_accuracy == pytest.approx((4 - WEIGHTS["status_code"]) / 4)
    assert report.accuracy["status_code"] == pytest.approx(0.75)
    assert report.accuracy["priority"] == pytest.approx(1.0)
    assert report.confusions["status_code"][0].expected == "VIB"
    assert report.confusions["status_code"][0].predicted == "NOI"
    assert report.confusions["status_code"][0].examples == ["A1"]


def test_location_needs_unit_and_system_and_unit_null_still_scores_system() -> None:
    def wrong_unit(ex: Example) -> dict[str, Any]:
        r = perfect(ex)
        if ex.id == "A1":
            r["location"]["unit"] = "1"  # right system, wrong unit: location is wrong
        return r

    report = evaluate(EXAMPLES, wrong_unit)
    assert report.accuracy["kks_system"] == pytest.approx(1.0)
    assert report.accuracy["unit"] == pytest.approx(0.75)
    assert report.accuracy["location"] == pytest.approx(0.75)
    assert report.weighted_accuracy == pytest.approx((4 - WEIGHTS["location"]) / 4)
    # A2 has no unit: a result with location.normalized null but system HLB is right.
    a2 = next(o for o in report.outcomes if o.id == "A2")
    assert a2.correct["location"] and a2.predicted["kks_system"] == "HLB"


def test_guessed_units_are_counted() -> None:
    def guesses_unit_1(ex: Example) -> dict[str, Any]:
        r = perfect(ex)
        if ex.expected.unit is None:
            r["location"]["unit"] = "1"
        return r

    report = evaluate(EXAMPLES, guesses_unit_1)
    assert report.unit_null_expected == 1
    assert report.guessed_units == 1
    assert report.accuracy["unit"] == pytest.approx(0.75)


def test_s3_null_priority_is_right_only_when_predicted_null() -> None:
    def default_priority(ex: Example) -> dict[str, Any]:
        r = perfect(ex)
        r["priority"]["normalized"] = r["priority"]["normalized"] or 3
        return r

    report = evaluate(EXAMPLES, default_priority)
    assert report.by_scenario["S3"].accuracy["priority"] == 0.0
    assert report.by_scenario["S1"].accuracy["priority"] == 1.0
    assert report.by_scenario["S3"].weighted_accuracy == pytest.approx(1 - WEIGHTS["priority"])


def test_by_scenario_and_by_language_breakdown() -> None:
    def fails_english(ex: Example) -> dict[str, Any]:
        return {} if ex.language == "en" else perfect(ex)

    report = evaluate(EXAMPLES, fails_english)
    assert set(report.by_scenario) == {"S1", "S3"}
    assert report.by_scenario["S1"].n == 3
    assert report.by_scenario["S3"].n == 1
    assert report.by_language["en"].n == 1
    assert report.by_language["en"].weighted_accuracy == 0.0
    assert report.by_language["ko"].weighted_accuracy == pytest.approx(1.0)
    assert report.by_language["mixed"].weighted_accuracy == pytest.approx(1.0)
    assert report.by_scenario["S1"].weighted_accuracy == pytest.approx(2 / 3)


def test_calibration_bins_and_high_confidence_check() -> None:
    confidences = {"A1": 0.95, "A2": 0.92, "A3": 0.75, "A4": 0.3}

    def wrong_a2_everywhere(ex: Example) -> dict[str, Any]:
        e = ex.expected
        r = _result(
            e.unit, e.kks_system, e.equipment_class, e.failure_mode, e.priority, e.scenario, conf=confidences[ex.id]
        )
        if ex.id == "A2":
            r = _result("2", "HNC", "PU", "VIB", 1, "S1", conf=0.92)
        return r

    report = evaluate(EXAMPLES, wrong_a2_everywhere)
    bins = {(b.lower, b.upper): b for b in report.calibration}
    assert bins[(0.9, 1.0)].count == 8
    assert bins[(0.9, 1.0)].correct == 4
    assert bins[(0.7, 0.8)].count == 4 and bins[(0.7, 0.8)].accuracy == 1.0
    assert bins[(0.0, 0.5)].count == 4
    assert bins[(0.8, 0.9)].count == 0 and bins[(0.8, 0.9)].accuracy is None
    assert report.high_confidence.count == 8
    assert report.high_confidence.accuracy == pytest.approx(0.5)
    assert report.high_confidence.passed is False
    assert report.guessed_units == 1


def test_calibration_edges_are_half_open_and_last_bin_closed() -> None:
    table = calibration_table([(0.5, True), (0.9, False), (1.0, True), (0.0, True)])
    counts = [(b.lower, b.count) for b in table]
    assert counts == [(0.0, 1), (0.5, 1), (0.7, 0), (0.8, 0), (0.9, 2)]


def test_failing_predictor_is_counted_and_scored_empty() -> None:
    def boom(ex: Example) -> dict[str, Any]:
        if ex.id == "A3":
            raise RuntimeError("parser exploded")
        return perfect(ex)

    report = evaluate(EXAMPLES, boom)
    assert report.errors == 1
    a3 = next(o for o in report.outcomes if o.id == "A3")
    assert a3.error is not None and "parser exploded" in a3.error
    # Empty prediction: only the null labels (S3 failure mode and priority) are right.
    assert a3.weighted == pytest.approx(WEIGHTS["status_code"] + WEIGHTS["priority"])


def test_read_prediction_falls_back_to_the_full_code_and_coerces_priority() -> None:
    p = read_prediction(
        {
            "scenario": "S1",
            "location": {"normalized": "2LAC20AP001", "confidence": 0.9},
            "priority": {"normalized": "2"},
            "equipment_type": {"normalized": "PU"},
        }
    )
    assert (p.unit, p.kks_system, p.priority, p.equipment_type, p.status_code) == ("2", "LAC", 2, "PU", None)
    assert p.confidence["status_code"] == 0.0


def test_read_prediction_accepts_the_result_model() -> None:
    from pmark3.models import Result

    full = Result.model_validate(
        {
            "request_id": "r",
            "status": "draft",
            "scenario": "S1",
            "location": {"normalized": "1HLB10AN001", "confidence": 0.8},
            "priority": {"normalized": 3, "confidence": 0.7},
        }
    )
    p = read_prediction(full)
    assert (p.unit, p.kks_system, p.priority, p.scenario) == ("1", "HLB", 3, "S1")

    # No unit written: the code stays null, the system still counts.
    no_unit = Result.model_validate(
        {"request_id": "r", "status": "draft", "location": {"normalized": None, "unit": None, "system": "HLB"}}
    )
    p = read_prediction(no_unit)
    assert (p.unit, p.kks_system) == (None, "HLB")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2호기 급수펌프 B 진동 심함, 긴급", "ko"),
        ("#2 드럼 수위전송기 LT-2A가 40mm 낮게 지시함", "ko"),
        ("2호기 A미분기 윤활유펌프 토출압 1.2bar로 떨어짐", "ko"),
        ("#2 BFP B 진동 심함", "mixed"),
        ("1호기 LP turbine B #5 bearing vibration 95μm alarm", "mixed"),
        ("FD fan B motor won't start from DCS.", "en"),
        ("U2 mill D classifier drive motor noisy", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_explicit_lang_wins_over_detection() -> None:
    ex = _ex("L1", "#2 BFP B 진동", "2", "LAC", "PU", "VIB", 3, lang="ko")
    assert ex.language == "ko"


def test_percentile_interpolates() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([10.0], 95) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile([float(i) for i in range(1, 101)], 95) == pytest.approx(95.05)


def test_format_report_and_json_dump() -> None:
    report = evaluate(EXAMPLES, perfect)
    text = format_report(report)
    assert "weighted accuracy 100.0%" in text
    assert "S3" in text and "mixed" in text
    assert "target >= 95%: PASS" in text
    dumped = report.model_dump(mode="json")
    assert dumped["n"] == 4 and dumped["by_scenario"]["S1"]["n"] == 3
    assert len(dumped["outcomes"]) == 4 and "latency_ms" in dumped["outcomes"][0]


def test_empty_fields_without_confidence_stay_out_of_calibration() -> None:
    def only_location(ex: Example) -> dict[str, Any]:
        e = ex.expected
        return {
            "scenario": e.scenario,
            "location": {"unit": e.unit, "system": e.kks_system, "normalized": None, "confidence": 0.8},
            "equipment_type": {"normalized": None, "confidence": 0.0},
        }

    report = evaluate(EXAMPLES, only_location)
    assert sum(b.count for b in report.calibration) == 4
    assert {(b.lower, b.count) for b in report.calibration if b.count} == {(0.8, 4)}


def test_progress_is_reported_after_each_example() -> None:
    calls: list[tuple[int, int]] = []
    evaluate(EXAMPLES, perfect, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
