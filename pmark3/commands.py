"""What each CLI command does; ``cli.py`` only parses arguments and maps errors to exit codes."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pmark3.config import Settings, get_settings
from pmark3.errors import InvalidRequest
from pmark3.models import MaintenanceRequest, Result
from pmark3.workflow.batch import BatchRunner, default_processes


class StderrProgress:
    """Progress for long work on stderr (a tqdm bar per stage), so stdout stays clean for data."""

    def __init__(self) -> None:
        self._bars: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = tqdm(total=total, desc=stage, file=sys.stderr, unit="item", leave=True)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()


def _engine(settings: Settings | None = None, *, checkpoints: bool = True) -> Any:
    from pmark3.workflow.deps import build_deps
    from pmark3.workflow.local_engine import LocalEngine

    deps = build_deps(settings or get_settings(), progress=StderrProgress())
    return LocalEngine(deps, checkpoints=checkpoints)


def ask(args: argparse.Namespace) -> int:
    engine = _engine()
    result = engine.ask(MaintenanceRequest(text=args.text, session_id=args.session), source="cli")
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif result.status != "rejected":
        print(summary(result, engine.deps.catalog))
    if result.status == "rejected":
        print(f"pmark3: error: {result.errors[0].message}", file=sys.stderr)
        return 2
    return 1 if result.status == "error" else 0


def summary(result: Result, catalog: Any) -> str:
    """A readable summary: the fields with confidence, the recommendations, the answer."""
    lang = result.language
    lines = [f"request {result.request_id}  session {result.session_id}  {result.scenario or '-'}  [{result.status}]"]
    labels = {
        "location": "location",
        "equipment_type": "equipment",
        "status_code": "failure mode",
        "priority": "priority",
    }
    for name, label in labels.items():
        field = getattr(result, name)
        value = field.normalized if field.normalized is not None else "—"
        kind = {"location": None}.get(name, name)
        named = catalog.name(kind, field.normalized, lang) if kind and field.normalized is not None else None
        extra = f" ({named})" if named else ""
        original = f'  "{field.original}"' if field.original else ""
        lines.append(f"  {label:<13} {value}{extra}  {field.confidence:.2f}{original}")
    if result.recommendations:
        lines.append("evidence:")
        lines.extend(f"  [{r.kind}] {r.id} {r.score:.2f}  {r.reason}" for r in result.recommendations[:6])
    lines.append("")
    lines.append(result.response)
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise InvalidRequest(f"{path}: no such file")


def _read_jsonl(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="strict") as fh:
        try:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    yield number, line
        except UnicodeDecodeError as exc:
            raise InvalidRequest(f"{path}: not UTF-8 ({exc.reason})") from exc


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def batch_engine(settings: Settings | None = None) -> Any:
    """The engine ``pmark3 batch`` runs on (and ``bench/batch_bench.py`` measures)."""
    from pmark3.recommend.history import SnapshotHistory
    from pmark3.search.retrieve import document_vocabulary

    engine = _engine(settings, checkpoints=False)
    deps = engine.deps
    plant = deps.store.plant_data()
    deps.query_vocabulary = document_vocabulary(plant, deps.catalog)
    deps.history = SnapshotHistory(plant, live=deps.store)
    return engine


# Worker processes for `pmark3 batch`, one per core (workflow/batch.py); with 1, threads here.
BATCH_PROCESSES = default_processes()
# Threads, where requests run in this process: while one waits on the model (an e5 pass runs in
# C, without the GIL) or on SQLite, the other runs Python.
BATCH_THREADS = 2


def batch_runner(engine: Any, processes: int | None = None) -> BatchRunner:
    """What runs ``pmark3 batch``'s lines (start it with ``with`` before any progress bar)."""
    return BatchRunner(engine, processes=BATCH_PROCESSES if processes is None else processes, threads=BATCH_THREADS)


def run_batch(
    engine: Any, lines: Iterable[tuple[int, str]], processes: int | None = None
) -> Iterator[tuple[dict[str, Any], float]]:
    """Each line's output row, in input order, with the milliseconds its request took (BatchRunner.run)."""
    with batch_runner(engine, processes) as runner:
        yield from runner.run(lines)


def batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    _require_file(args.input)
    total = _count_lines(args.input)
    lines = _read_jsonl(args.input)
    engine = batch_engine()
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    started = time.perf_counter()
    count = 0
    try:
        with (
            batch_runner(engine, args.processes) as runner,
            tqdm(total=total, desc="batch", unit="req", file=sys.stderr, mininterval=0.5) as bar,
        ):
            for row, _ms in runner.run(lines):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
                bar.update(1)
    finally:
        if args.out:
            out.close()
    elapsed = time.perf_counter() - started
    print(f"pmark3: {count} requests in {elapsed:.1f} s ({count / elapsed if elapsed else 0:.0f}/s)", file=sys.stderr)
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pmark3.api.app import create_app

    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    engine = _engine(settings)
    app = create_app(engine)
    url = f"http://{host}:{port}"
    print(f"PMark3 is serving on {url}  (portal: {url}/  API docs: {url}/api/docs)", file=sys.stderr)
    print(
        f"try:  curl -s -X POST '{url}/api/requests?wait=10' -H 'Content-Type: application/json' "
        '-d \'{"text": "2호기 급수펌프 B 진동 심함, 긴급"}\'',
        file=sys.stderr,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
    engine.close()
    return 0


def evaluate(args: argparse.Namespace) -> int:
    _require_file(args.input)
    engine = _engine(checkpoints=False)
    # A measurement is not a notification: nothing goes to the CMMS outbox.
    engine.deps.publisher = None
    if args.retrieval:
        from pmark3.search.evaluation import format_report as fmt_retrieval
        from pmark3.search.evaluation import run_retrieval_eval
        from pmark3.search.retrieve import composed_queries, document_vocabulary

        if args.query_vectors == "composed":
            with composed_queries(document_vocabulary(engine.deps.store.plant_data(), engine.deps.catalog)):
                retrieval = run_retrieval_eval(args.input, engine.deps.index, engine.deps.embedder)
        else:
            retrieval = run_retrieval_eval(args.input, engine.deps.index, engine.deps.embedder)
        print(
            json.dumps(retrieval.model_dump(), ensure_ascii=False, indent=2) if args.json else fmt_retrieval(retrieval)
        )
        return 0
    from pmark3.evaluation import evaluate as run_eval
    from pmark3.evaluation import format_report, load_examples

    examples = load_examples(args.input)

    def predict(example: Any) -> dict[str, Any]:
        request = MaintenanceRequest(text=example.text, history=example.history)
        return engine.ask(request, source="eval").model_dump(mode="json")

    report = run_eval(examples, predict)
    print(json.dumps(report.model_dump(), ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def seed(args: argparse.Namespace) -> int:
    import shutil

    from pmark3.workflow.deps import build_deps, open_store, seed_demo_plant

    settings = get_settings()
    if args.force:
        for path in (settings.data_dir / "pmark3.db", settings.index_path, settings.checkpoint_path):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    progress = StderrProgress()
    store = open_store(settings)
    if not store.has_plant_data():
        seed_demo_plant(store, settings, progress)
    deps = build_deps(settings, store=store, progress=progress)
    plant = deps.store.plant_data()
    print(
        f"pmark3: demo plant ready in {settings.data_dir}: {len(plant.locations)} locations, "
        f"{len(plant.work_orders)} work orders, {len(plant.procedures)} procedures",
        file=sys.stderr,
    )
    return 0


def ingest(args: argparse.Namespace) -> int:
    from pmark3.ingest import ingest_file

    _require_file(args.input)
    engine = _engine()
    summary_ = ingest_file(args.input, engine)
    print(json.dumps(summary_ if isinstance(summary_, dict) else summary_.model_dump(), ensure_ascii=False))
    return 0


def outbox(args: argparse.Namespace) -> int:
    from pmark3.publish.outbox import export_jsonl
    from pmark3.workflow.deps import open_store

    store = open_store(get_settings())
    count = export_jsonl(store, args.out) if args.out else export_jsonl(store, sys.stdout)
    print(f"pmark3: {count} messages exported", file=sys.stderr)
    return 0


def migrate(args: argparse.Namespace) -> int:
    from pmark3.workflow.deps import open_store

    settings = get_settings()
    open_store(settings).close()
    print(f"pmark3: schema is current on {settings.sqlalchemy_url.split('?')[0]}", file=sys.stderr)
    return 0
