"""Answering many requests at once (``pmark3 batch``): every line gets the whole workflow and is
recorded, and output rows come back in input order.

Where the platform forks (Linux), requests run on worker processes, one per core, so every
core runs Python (threads share one interpreter lock: two of them reached ≈ 95 requests/s
here, where each request is ≈ 10 ms of CPU). The workers are forked from the process that built
the engine, so they start at once and share its plant data, index and word vectors; they read
the database but hold their writes back (``SqlStore.hold_writes``) and hand them over with
each answer, and this process writes them, one statement per table for a chunk of requests in
one transaction: SQLite keeps one writer and no worker waits on another's lock.

Lines naming a ``session_id`` run here, in input order, in the chunk's transaction: each must
see the turns of the one before, which a worker could not see while they are not yet written.
Elsewhere (or with one process) requests run on threads in this process, as before.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from types import TracebackType
from typing import Any

from pydantic import ValidationError

from pmark3.errors import InvalidRequest
from pmark3.models import MaintenanceRequest
from pmark3.store.sql_store import PendingWrites

# One commit per chunk of requests, not a dozen per request; bounded in time too, so another
# writer (the API on the same database) never waits long for the lock.
CHUNK = 64
CHUNK_SECONDS = 0.5
# Requests per task handed to a worker process: fewer hand-offs, still an even spread.
SLICE = 8
# Tasks queued per worker process, so a worker never waits while this one writes a chunk.
AHEAD = 4

Row = tuple[dict[str, Any], float]


def parse_line(number: int, line: str) -> tuple[Any, MaintenanceRequest | dict[str, Any]]:
    """A batch line's id and request, or the rejected result a bad line becomes (not a crash)."""
    line_id: Any = f"line-{number}"
    try:
        raw = json.loads(line)
        if not isinstance(raw, dict):
            raise InvalidRequest("a line must be a JSON object")
        line_id = raw.get("id", line_id)
        return line_id, MaintenanceRequest.model_validate(
            {k: v for k, v in raw.items() if k in ("text", "history", "session_id", "user")}
        )
    except (json.JSONDecodeError, InvalidRequest, ValidationError) as exc:
        message = exc.message if isinstance(exc, InvalidRequest) else str(exc).splitlines()[0]
        return line_id, {
            "id": line_id,
            "request_id": None,
            "status": "rejected",
            "response": "",
            "errors": [{"step": "input", "type": "InvalidRequest", "message": f"line {number}: {message}"}],
        }


def answer(engine: Any, line_id: Any, request: MaintenanceRequest) -> Row:
    started = time.perf_counter()
    result = engine.ask(request, source="batch")
    row = {"id": line_id, **result.model_dump(mode="json")}
    return row, (time.perf_counter() - started) * 1000


def can_fork() -> bool:
    # Forking a process that has loaded native libraries is sound on Linux; macOS's system
    # frameworks are not fork-safe, and Windows cannot fork.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class BatchRunner:
    """Runs batch lines on ``processes`` worker processes (see the module docstring), or on
    ``threads`` threads here when that is 1 or the platform cannot fork.

    Start it (``with``) before anything else starts threads in this process (a progress bar's
    monitor): a thread holding a lock at the fork would leave it held in the workers.
    """

    def __init__(self, engine: Any, *, processes: int, threads: int) -> None:
        self.engine = engine
        self.processes = processes if can_fork() else 1
        self.threads = threads
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> BatchRunner:
        if self.processes > 1:
            self._pool = _start_workers(self.engine, self.processes)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pool is not None:
            # Workers only hold answers not yet written: nothing of theirs is lost by stopping them.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, lines: Iterable[tuple[int, str]]) -> Iterator[Row]:
        """Each line's output row, in input order, with the milliseconds its request took.

        A row is yielded only once its request, audit and result rows are committed, so an
        output line never claims work the database lost. Lines of one session run in input
        order, each seeing the turns of the one before.
        """
        if self._pool is None:
            return _run_on_threads(self.engine, lines, self.threads)
        return _run_on_processes(self.engine, self._pool, self.processes, lines)


# -- worker processes -----------------------------------------------------------------------

# The engine the workers inherit at the fork (a fork copies this process, globals included).
_worker_engine: Any = None


def _start_workers(engine: Any, processes: int) -> ProcessPoolExecutor:
    global _worker_engine
    deps = engine.deps
    # SQLite connections must not cross a fork (a child would share the parent's file locks):
    # close this process's before forking; each side opens its own afterwards.
    deps.store.engine.dispose()
    _close_index_files(deps.index)
    _worker_engine = engine
    # A worker that dies or fails to start breaks the pool (BrokenProcessPool) instead of
    # leaving its task unanswered, as multiprocessing.Pool would.
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init)
    try:
        # With "fork" the executor starts every worker at the first task: now, while the
        # files are closed.
        pool.submit(os.getpid).result()
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        _worker_engine = None
        _reopen_index_files(deps.index)
    return pool


def _close_index_files(index: Any) -> None:
    from pmark3.search.local_index import LocalHybridIndex

    if isinstance(index, LocalHybridIndex):
        index.close_files()


def _reopen_index_files(index: Any) -> None:
    # The local index reads its documents from a SQLite file on every search; its other
    # structures are in memory and are shared with the workers as forked.
    from pmark3.search.local_index import LocalHybridIndex

    if isinstance(index, LocalHybridIndex):
        index.reopen_files()


def _worker_init() -> None:
    global _worker_engine
    # Ctrl-C reaches the whole process group: the parent stops the workers; they just go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine = _current_engine()
    engine.deps.store.engine.dispose(close=False)
    _reopen_index_files(engine.deps.index)
    engine.deps.store.hold_writes()
    _worker_engine = engine


def _current_engine() -> Any:
    # Set in the parent only for the moment of the fork; each worker keeps its copy.
    engine = _worker_engine
    if engine is None:
        raise RuntimeError("batch worker started without an engine")
    return engine


def _answer_slice(items: list[tuple[Any, MaintenanceRequest]]) -> list[tuple[dict[str, Any], float, PendingWrites]]:
    engine = _current_engine()
    store = engine.deps.store
    store.take_writes()  # what a request that failed before left behind is not written
    out = []
    for line_id, request in items:
        row, ms = answer(engine, line_id, request)
        out.append((row, ms, store.take_writes()))
    return out


def _run_on_processes(
    engine: Any, pool: ProcessPoolExecutor, processes: int, lines: Iterable[tuple[int, str]]
) -> Iterator[Row]:
    store = engine.deps.store
    items = iter(lines)
    # In input order: ("rows", rows) ready now, ("async", task) answered by a worker,
    # ("here", (line_id, request)) a session's line, run here.
    slots: deque[tuple[str, Any]] = deque()
    part: list[tuple[Any, MaintenanceRequest]] = []
    queued = 0
    exhausted = False

    def submit() -> None:
        nonlocal part, queued
        if part:
            slots.append(("async", pool.submit(_answer_slice, part)))
            part = []
            queued += 1

    def fill() -> None:
        nonlocal exhausted
        while not exhausted and queued < AHEAD * processes:
            item = next(items, None)
            if item is None:
                exhausted = True
                submit()
                return
            line_id, request = parse_line(*item)
            if isinstance(request, dict):
                submit()
                slots.append(("rows", [(request, 0.0)]))
            elif request.session_id is not None:
                submit()
                slots.append(("here", (line_id, request)))
            else:
                part.append((line_id, request))
                if len(part) >= SLICE:
                    submit()

    while True:
        fill()
        if not slots:
            return
        rows: list[Row] = []
        writes: list[PendingWrites] = []
        opened = time.perf_counter()
        with store.transaction():
            while slots and len(rows) < CHUNK and time.perf_counter() - opened < CHUNK_SECONDS:
                kind, value = slots.popleft()
                if kind == "rows":
                    rows.extend(value)
                elif kind == "async":
                    queued -= 1
                    fill()  # keep the workers busy while this one waits and writes
                    task: Future[list[tuple[dict[str, Any], float, PendingWrites]]] = value
                    for row, ms, pending in task.result():
                        rows.append((row, ms))
                        writes.append(pending)
                else:
                    rows.append(answer(engine, *value))
                if not slots:
                    fill()
            store.apply_writes(writes)
        yield from rows


def _run_on_threads(engine: Any, lines: Iterable[tuple[int, str]], threads: int) -> Iterator[Row]:
    # While one thread waits on the model (an e5 pass runs in C, without the GIL) or on
    # SQLite, another runs Python; every thread joins the chunk's one transaction.
    store = engine.deps.store
    items = iter(lines)
    done = False
    with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="pmark3-batch") as pool:
        while not done:
            chunk: list[Future[Row]] = []
            sessions: dict[str, Future[Row]] = {}
            opened = time.perf_counter()
            with store.transaction():
                try:
                    while len(chunk) < CHUNK and time.perf_counter() - opened < CHUNK_SECONDS:
                        item = next(items, None)
                        if item is None:
                            done = True
                            break
                        line_id, request = parse_line(*item)
                        if isinstance(request, dict):
                            rejected: Future[Row] = Future()
                            rejected.set_result((request, 0.0))
                            chunk.append(rejected)
                            continue
                        if len(chunk) >= 2 * threads:
                            chunk[-2 * threads].exception()  # a short queue keeps the time bound
                        if request.session_id in sessions:
                            sessions[request.session_id].exception()
                        chunk.append(pool.submit(answer, engine, line_id, request))
                        if request.session_id:
                            sessions[request.session_id] = chunk[-1]
                finally:
                    wait(chunk)  # nothing may still write when the transaction ends
                rows = [future.result() for future in chunk]
            yield from rows


def default_processes() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
