"""Benchmark: `pmark3 batch` end to end, on unique request texts.

Runs every distinct request text of the labeled dev and test splits and the parser's probe
sets (≈ 2,100 texts; only the texts are read, never the labels) through the same batch
function and engine as `pmark3 batch`, all nodes and SQLite writes included, and prints
requests/s and per-request p50/p95. No text repeats, so no in-memory cache answers a
request twice; the parser alone is measured by bench/parse_bench.py.

    python bench/batch_bench.py [--data-dir DIR] [--limit N] [--processes N] [--threads N]

``--data-dir`` is used as a template: the run works on a copy, so the benchmark never
changes it (a fresh demo plant is built when it is not given).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pmark3 import commands
from pmark3.commands import batch_engine, run_batch
from pmark3.config import Settings

REPO = Path(__file__).resolve().parents[1]
SOURCES = (
    "pmark3/eval/requests.dev.jsonl",
    "pmark3/eval/requests.test.jsonl",
    "tests/understanding/data/probes*.jsonl",
)


def unique_lines() -> list[str]:
    """Batch input lines (id, text, history) for every distinct request of SOURCES."""
    seen: set[str] = set()
    lines: list[str] = []
    for pattern in SOURCES:
        for path in sorted(REPO.glob(pattern)):
            for raw in path.read_text(encoding="utf-8").splitlines():
                if not raw.strip():
                    continue
                row = json.loads(raw)
                item = {"text": row["text"], "history": row.get("history", [])}
                key = json.dumps(item, ensure_ascii=False, sort_keys=True)
                if key in seen:
                    continue
                seen.add(key)
                lines.append(json.dumps({"id": f"bench-{len(lines) + 1}", **item}, ensure_ascii=False))
    return lines


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the batch's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=None, help="a seeded data dir to copy (default: build one)")
    ap.add_argument("--work-orders", type=int, default=30000, help="history size when building a fresh plant")
    ap.add_argument("--limit", type=int, default=None, help="run only the first N texts")
    ap.add_argument("--processes", type=int, default=commands.BATCH_PROCESSES, help="worker processes (1: threads)")
    ap.add_argument("--threads", type=int, default=commands.BATCH_THREADS, help="threads, with --processes 1")
    args = ap.parse_args()
    commands.BATCH_THREADS = args.threads

    work = Path(tempfile.mkdtemp(prefix="pmark3-batch-bench-"))
    data_dir = work / "data"
    if args.data_dir:
        shutil.copytree(args.data_dir, data_dir)
    settings = Settings(_env_file=None, data_dir=data_dir, seed_work_orders=args.work_orders)  # type: ignore[call-arg]
    lines = unique_lines()[: args.limit]
    print(f"building the engine in {data_dir} ...", file=sys.stderr)
    engine = batch_engine(settings)
    try:
        per_request: list[float] = []
        cpu = _cpu_seconds()
        started = time.perf_counter()
        for row, ms in run_batch(engine, enumerate(lines, 1), args.processes):
            if row.get("status") == "error":
                print(f"warning: {row['id']} ended in error: {row.get('errors')}", file=sys.stderr)
            per_request.append(ms)
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu  # the workers are reaped when run_batch ends, so their CPU counts
    finally:
        engine.close()
        shutil.rmtree(work, ignore_errors=True)
    how = f"{args.processes} processes" if args.processes > 1 else f"1 process, {args.threads} threads"
    print(
        f"pmark3 batch ({len(lines)} unique requests, {how}): {len(lines) / elapsed:.1f} requests/s, "
        f"p50 {statistics.median(per_request):.1f} ms, p95 {_pct(per_request, 0.95):.1f} ms; "
        f"{cpu * 1000 / len(lines):.1f} CPU ms a request"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
