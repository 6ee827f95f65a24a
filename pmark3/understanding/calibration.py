"""Confidence calibration: evidence key -> probability of being right.

Every field value comes with an evidence key (how it was read: "explicit+register" for a
"2호기" unit and a register tag, "s3_single:S1" for one specific symptom pattern,
"default:S1" for the normal priority nobody asked to change...). The confidence of a
key is its accuracy on labeled requests, smoothed towards a conservative prior so that
a key seen a few times cannot claim 0.9, and discounted because the rules were tuned on
part of those requests (accuracy on unseen text is lower):

    confidence = DISCOUNT * (right + A * PRIOR) / (seen + A),   A = 8, PRIOR = 0.5, DISCOUNT = 0.97
FIELD_DISCOUNT = {"status_code": 0.9}

The failure mode gets a larger discount (0.9): on requests written blind it was right
about three times in four while its dev accuracy was near 1, so no failure-mode key may
claim 0.9 (the high-confidence bin must stay right 95% of the time on unseen text).

The labeled requests are the dev split, the shared sample and 1500 work orders of the
seeded CMMS history (their texts were not used to write the rules, so they keep the
estimate honest; a work order's unit counts as right when the text states none).

``fit`` recomputes the table from (field, key, correct) triples; the fitted table is
``calibration_table.py`` next to this file (``bench/parse_bench.py --fit`` writes it).
Keys never seen fall back to ``DEFAULTS`` (hand-set, also conservative).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

A = 8.0
PRIOR = 0.5
DISCOUNT = 0.97
FIELD_DISCOUNT = {"status_code": 0.9}
TABLE_FILE = "calibration_table.py"

DEFAULTS: dict[str, dict[str, float]] = {
    "location": {"*": 0.6},
    "equipment_type": {"*": 0.6},
    "status_code": {"*": 0.6},
    "priority": {"*": 0.7},
}


class Calibrator:
    def __init__(self, table: dict[str, dict[str, float]] | None = None) -> None:
        self.table = table if table is not None else load_table()

    def confidence(self, field: str, key: str) -> float:
        """Calibrated confidence of an evidence key; an LLM hint that agrees halves the doubt,
        one that disagrees takes 30% off (``hints``)."""
        for mark, adjust in (("+agree", _agree), ("+disagree", _disagree)):
            if mark in key:
                return adjust(self.confidence(field, key.replace(mark, "")))
        row = self.table.get(field, {})
        if key in row:
            return row[key]
        base = key.split(":")[0]
        if base in row:
            return row[base]
        return row.get("*", DEFAULTS.get(field, {}).get("*", 0.5))


MAX_CONFIDENCE = 0.98


def _agree(c: float) -> float:
    return round(min(MAX_CONFIDENCE, 1.0 - (1.0 - c) * 0.5), 3)


def _disagree(c: float) -> float:
    return round(c * 0.7, 3)


def load_table() -> dict[str, dict[str, float]]:
    """The fitted table (a Python module, so it ships in any wheel without package-data)."""
    try:
        from pmark3.understanding.calibration_table import TABLE
    except ImportError:
        return {k: dict(v) for k, v in DEFAULTS.items()}
    return {f: {k: float(v) for k, v in row.items()} for f, row in TABLE["confidence"].items()}


def fit(triples: Iterable[tuple[str, str, bool]]) -> dict[str, object]:
    """Counts and smoothed accuracy per (field, key)."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for fld, key, ok in triples:
        c = counts[fld][key]
        c[0] += int(ok)
        c[1] += 1
        base = key.split(":")[0]
        if base != key:
            b = counts[fld][base]
            b[0] += int(ok)
            b[1] += 1
    confidence: dict[str, dict[str, float]] = {}
    for fld, row in counts.items():
        d = FIELD_DISCOUNT.get(fld, DISCOUNT)
        confidence[fld] = {k: round(d * (r + A * PRIOR) / (n + A), 3) for k, (r, n) in sorted(row.items())}
        confidence[fld]["*"] = DEFAULTS.get(fld, {}).get("*", 0.5)
    return {
        "method": f"per evidence key: {DISCOUNT} * (right + {A} * {PRIOR}) / (seen + {A}) on the dev split, "
        "the shared sample and 1500 seeded work orders",
        "counts": {f: {k: v for k, v in sorted(row.items())} for f, row in counts.items()},
        "confidence": confidence,
    }


def write_table(table: dict[str, object], path: Path | None = None) -> Path:
    target = path or Path(__file__).with_name(TABLE_FILE)
    body = json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True)
    target.write_text(
        '"""Fitted confidence table; written by ``bench/parse_bench.py --fit`` (see calibration.py)."""\n\n'
        "from typing import Any\n\n"
        f"TABLE: dict[str, Any] = {body}\n",
        encoding="utf-8",
    )
    return target
