"""Confidence calibration: evidence key -> probability of being right.

Every field value comes with an evidence key (how it was read: "hogi+single" for a
"2호기" unit and one unambiguous system word, "s3_single" for one specific symptom
pattern, "default" for the normal priority nobody asked to change...). The confidence
of a key is its accuracy on the labeled dev split (plus the shared sample), smoothed
towards a conservative prior so a key seen a few times cannot claim 0.9:

    confidence = (right + A * prior) / (seen + A),   A = 4, prior = 0.55

``fit`` recomputes the table from (field, key, correct) triples; the fitted table is
``calibration.json`` next to this file (``bench/parse_bench.py --fit`` writes it).
Keys never seen fall back to ``DEFAULTS`` (hand-set, also conservative).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

A = 4.0
PRIOR = 0.55
TABLE_FILE = "calibration.json"

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
        row = self.table.get(field, {})
        if key in row:
            return row[key]
        base = key.split(":")[0]
        if base in row:
            return row[base]
        return row.get("*", DEFAULTS.get(field, {}).get("*", 0.5))


def load_table() -> dict[str, dict[str, float]]:
    try:
        text = resources.files(__package__).joinpath(TABLE_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {k: dict(v) for k, v in DEFAULTS.items()}
    data = json.loads(text)
    return {f: {k: float(v) for k, v in row.items()} for f, row in data["confidence"].items()}


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
        confidence[fld] = {k: round((r + A * PRIOR) / (n + A), 3) for k, (r, n) in sorted(row.items())}
        confidence[fld]["*"] = DEFAULTS.get(fld, {}).get("*", 0.5)
    return {
        "method": f"per evidence key: (right + {A} * {PRIOR}) / (seen + {A}) on the dev split + shared sample",
        "counts": {f: {k: v for k, v in sorted(row.items())} for f, row in counts.items()},
        "confidence": confidence,
    }


def write_table(table: dict[str, object], path: Path | None = None) -> Path:
    target = path or Path(__file__).with_name(TABLE_FILE)
    target.write_text(json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return target
