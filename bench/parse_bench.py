"""Accuracy and speed of the local parser + normalizer on the dev split (and the shared sample).

    .venv/bin/python bench/parse_bench.py            # accuracy per field, p50/p95 per request, requests/s
    .venv/bin/python bench/parse_bench.py --fit      # also refit pmark3/understanding/calibration_table.py

Only the dev split (and /work/shared/examples/requests.sample.jsonl when present) is read, plus
the probe sets of tests/understanding/data for --fit (and any --set file given): the test
split measures generalization and is never used for tuning.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from pmark3.catalog import Catalog, load_catalog
from pmark3.evaluation import Example, default_path, learning_sets, load_examples
from pmark3.seed import generate_plant
from pmark3.seed.register import build_register
from pmark3.understanding import LocalParser, Normalizer
from pmark3.understanding.calibration import fit, write_table

# The dev split and the shared sample; then requests written blind (before the rules were changed
# for them), kept as regression sets.
_DEV, SAMPLE, *PROBES = learning_sets(Path(__file__).resolve().parents[1])
FIELDS = ("unit", "kks_system", "equipment_class", "failure_mode", "priority", "scenario")
WEIGHTS = {"location": 0.3, "equipment_type": 0.3, "status_code": 0.25, "priority": 0.15}


def _examples(paths: list[str] | None = None) -> list[Example]:
    if paths:
        return [ex for p in paths for ex in load_examples(Path(p))]
    out = list(load_examples(default_path("dev")))
    if SAMPLE.exists():
        out += load_examples(SAMPLE)
    return out


def _work_order_triples(catalog: Catalog, parser: LocalParser, normalizer: Normalizer) -> list[tuple[str, str, bool]]:
    """(field, evidence key, right) on seeded work orders: text the rules were not written from."""
    plant = generate_plant(work_orders=4000, open_orders=0)
    orders = random.Random(7).sample(plant.work_orders, 1500)
    out: list[tuple[str, str, bool]] = []
    for wo in orders:
        parsed = parser.parse(wo.text, [])
        f = normalizer.normalize(parsed, wo.text, [])
        keys = normalizer.evidence(parsed, wo.text, [])
        # A work order always has a unit; its text often does not say it, and then none is right.
        unit_ok = f.location.unit in (None, wo.unit)
        out += [
            ("location", keys["location"], unit_ok and f.location.system == wo.system),
            ("equipment_type", keys["equipment_type"], f.equipment_type.normalized == wo.equipment_class),
            ("status_code", keys["status_code"], f.status_code.normalized == wo.failure_mode),
            ("priority", keys["priority"], f.priority.normalized == wo.priority),
        ]
    return out


def _triples(parser: LocalParser, normalizer: Normalizer, examples: list[Example]) -> list[tuple[str, str, bool]]:
    """(field, evidence key, right) on labeled requests."""
    out: list[tuple[str, str, bool]] = []
    for ex in examples:
        parsed = parser.parse(ex.text, ex.history)
        f = normalizer.normalize(parsed, ex.text, ex.history)
        keys = normalizer.evidence(parsed, ex.text, ex.history)
        e = ex.expected
        out += [
            ("location", keys["location"], (f.location.unit, f.location.system) == (e.unit, e.kks_system)),
            ("equipment_type", keys["equipment_type"], f.equipment_type.normalized == e.equipment_class),
            ("status_code", keys["status_code"], f.status_code.normalized == e.failure_mode),
            ("priority", keys["priority"], f.priority.normalized == e.priority),
        ]
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round((len(ordered) - 1) * q / 100))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="refit the calibration table from these examples")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the set for the batch timing")
    ap.add_argument("--errors", action="store_true", help="print the wrong fields of each example")
    ap.add_argument(
        "--set",
        action="append",
        metavar="PATH",
        help="measure these JSON-lines files instead of the dev split (repeatable; never the test split)",
    )
    args = ap.parse_args(argv)

    catalog = load_catalog()
    locations = build_register()
    t0 = time.perf_counter()
    parser = LocalParser(catalog, locations)
    normalizer = Normalizer(catalog, locations)
    build_s = time.perf_counter() - t0
    if args.set and any("requests.test" in p for p in args.set):
        ap.error("the test split is held out")
    if args.set and args.fit:
        ap.error("--fit refits from the dev split only")
    examples = _examples(args.set)

    right: Counter[str] = Counter()
    weighted = 0.0
    triples: list[tuple[str, str, bool]] = []
    high = [0, 0]
    latencies: list[float] = []
    for ex in examples:
        start = time.perf_counter()
        parsed = parser.parse(ex.text, ex.history)
        fields = normalizer.normalize(parsed, ex.text, ex.history)
        latencies.append((time.perf_counter() - start) * 1000)
        e = ex.expected
        got = {
            "unit": fields.location.unit,
            "kks_system": fields.location.system,
            "equipment_class": fields.equipment_type.normalized,
            "failure_mode": fields.status_code.normalized,
            "priority": fields.priority.normalized,
            "scenario": parsed.scenario,
        }
        ok = {f: got[f] == getattr(e, f) for f in FIELDS}
        ok_field = {
            "location": ok["unit"] and ok["kks_system"],
            "equipment_type": ok["equipment_class"],
            "status_code": ok["failure_mode"],
            "priority": ok["priority"],
        }
        right.update(f for f in FIELDS if ok[f])
        weighted += sum(w for f, w in WEIGHTS.items() if ok_field[f])
        keys = normalizer.evidence(parsed, ex.text, ex.history)
        conf = {
            "location": fields.location.confidence,
            "equipment_type": fields.equipment_type.confidence,
            "status_code": fields.status_code.confidence,
            "priority": fields.priority.confidence,
        }
        for f in WEIGHTS:
            triples.append((f, keys[f], ok_field[f]))
            if conf[f] >= 0.9:
                high[0] += 1
                high[1] += ok_field[f]
        if args.errors and not all(ok.values()):
            bad = {f: (getattr(e, f), got[f]) for f in FIELDS if not ok[f]}
            print(f"{ex.id} {ex.text[:60]!r} {bad} {keys}")

    n = len(examples)
    what = ", ".join(args.set) if args.set else "dev split + shared sample"
    print(f"{n} examples ({what}), build {build_s:.2f} s")
    print("accuracy: " + ", ".join(f"{f} {right[f] / n:.3f}" for f in FIELDS) + f"; weighted {weighted / n:.3f}")
    if high[0]:
        print(f"confidence >= 0.9: {high[1]}/{high[0]} right ({high[1] / high[0]:.3f})")
    print(
        f"per request (parse + normalize): p50 {_percentile(latencies, 50):.2f} ms, "
        f"p95 {_percentile(latencies, 95):.2f} ms, mean {statistics.mean(latencies):.2f} ms"
    )

    # Batch throughput on fresh texts: clear the reading cache so every pass parses again.
    start = time.perf_counter()
    for _ in range(args.repeat):
        normalizer.analyzer.clear_cache()
        for ex in examples:
            parsed = parser.parse(ex.text, ex.history)
            normalizer.normalize(parsed, ex.text, ex.history)
    total = args.repeat * n
    print(f"batch: {total / (time.perf_counter() - start):.0f} requests/s ({total} requests, one core)")

    if args.fit:
        written = triples + [t for path in PROBES for t in _triples(parser, normalizer, load_examples(path))]
        path = write_table(fit(written + _work_order_triples(catalog, parser, normalizer), written))
        # Keep the generated module in the repository's format (make lint runs ruff format --check).
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(path)], check=False)
        print(f"calibration written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
