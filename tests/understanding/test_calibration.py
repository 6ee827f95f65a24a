"""Calibration keyed by language: English readings are not as sure as Korean ones."""

from __future__ import annotations

from pmark3.understanding.calibration import MIN_WRITTEN, Calibrator, fit


def test_language_row_replaces_pooled_estimate_only_where_fitted() -> None:
    cal = Calibrator({"equipment_type": {"register:S1": 0.95, "register:S1@en": 0.89, "*": 0.6}})
    assert cal.confidence("equipment_type", "register:S1@en") == 0.89
    assert cal.confidence("equipment_type", "register:S1@ko") == 0.95  # no Korean row: the pooled one
    assert cal.confidence("equipment_type", "register+agree:S1@en") > 0.89  # an agreeing hint still helps


def test_fit_pools_languages_and_writes_a_language_row_once_seen_enough() -> None:
    en = [("priority", "context:S1@en", i % 5 != 0) for i in range(MIN_WRITTEN)]  # 80% right
    ko = [("priority", "context:S1@ko", True) for _ in range(MIN_WRITTEN * 3)]
    rare = [("priority", "explicit:S1@en", True) for _ in range(MIN_WRITTEN - 1)]
    table = fit(en + ko + rare, en + ko + rare)
    conf = table["confidence"]
    assert isinstance(conf, dict)
    row = conf["priority"]
    assert row["context:S1@en"] < row["context:S1"] < row["context:S1@ko"]
    assert "explicit:S1@en" not in row and "explicit:S1" in row  # too few English sightings for a row
