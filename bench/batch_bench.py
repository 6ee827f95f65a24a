"""Benchmark: the whole local workflow, as `pmark3 batch` runs it, on the labeled test texts.

Prints requests/s and per-request p50/p95 (all nodes, SQLite writes included); the parser
alone is measured by bench/parse_bench.py. Run: python bench/batch_bench.py [--requests N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from pmark3.config import Settings
from pmark3.models import MaintenanceRequest, Turn
from pmark3.workflow.deps import build_deps
from pmark3.workflow.local_engine import LocalEngine


def _texts(limit: int) -> list[MaintenanceRequest]:
    path = resources.files("pmark3") / "eval" / "requests.test.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reqs = [MaintenanceRequest(text=r["text"], history=[Turn(**t) for t in r.get("history", [])]) for r in rows]
    return (reqs * (limit // len(reqs) + 1))[:limit]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--data-dir", type=Path, default=None, help="an existing data dir (default: a fresh one)")
    ap.add_argument("--work-orders", type=int, default=30000)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="pmark3-bench-"))
    settings = Settings(_env_file=None, data_dir=data_dir, seed_work_orders=args.work_orders)  # type: ignore[call-arg]
    print(f"building deps in {data_dir} ...", file=sys.stderr)
    deps = build_deps(settings)
    engine = LocalEngine(deps, checkpoints=False)
    requests = _texts(args.requests)
    for req in requests[:20]:  # warm caches
        engine.ask(req, source="bench")

    per_request: list[float] = []
    started = time.perf_counter()
    for req in requests:
        t0 = time.perf_counter()
        engine.ask(req, source="bench")
        per_request.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started

    print(
        f"workflow (batch, {len(requests)} requests): {len(requests) / elapsed:.1f} requests/s, "
        f"p50 {statistics.median(per_request):.1f} ms, p95 {_pct(per_request, 0.95):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
