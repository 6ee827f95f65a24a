"""BM25 keyword scoring over integer slots, held in numpy arrays.

Postings live in two parts: a compact CSR ``base`` (built at compaction, saved in
the snapshot) and a small ``delta`` of lists for documents added since, so an
upsert is searchable at once without rebuilding the arrays. Deleted slots stay in
the postings until the next compaction; the caller masks them out.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from pmark3.search.tokenize import chunk_tokens

K1 = 1.2
B = 0.75


class _ChunkTermIds(dict[str, tuple[int, ...]]):
    """Whitespace chunk -> term ids of its tokens (new terms numbered in order of first use,
    as ``add_many`` numbers them); ids never change, so entries stay valid."""

    def __init__(self, index: KeywordIndex) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, chunk: str) -> tuple[int, ...]:
        ids = self[chunk] = tuple(self.index._term_id(t) for t in chunk_tokens(chunk))
        return ids


class KeywordIndex:
    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df: list[int] = []
        self.offsets = np.zeros(1, dtype=np.int64)
        self.post_slots = np.zeros(0, dtype=np.int32)
        self.post_weights = np.zeros(0, dtype=np.float32)
        self.delta: dict[int, tuple[list[int], list[float]]] = {}
        # Postings of add_many batches as (term, slot, weight) arrays: folded into ``delta``
        # only when a search needs them, so a bulk build goes from arrays to the CSR
        # arrays at compaction without a Python list per term.
        self._pending: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.float32]]] = []
        self._doc_terms: dict[int, tuple[int, ...]] = {}
        self._chunk_ids = _ChunkTermIds(self)
        # Per-document (length, term ids) as (slots, entry lengths, flat entries), from a
        # snapshot or an add_many batch; decoded only when a document is first removed
        # (opening and bulk building stay cheap).
        self._packed: list[tuple[Any, Any, Any]] = []
        self.total_len = 0
        self.n_docs = 0

    @property
    def doc_terms(self) -> dict[int, tuple[int, ...]]:
        for packed in self._packed:
            slots, lens, flat = (a.tolist() for a in packed)
            pos = 0
            for slot, ln in zip(slots, lens, strict=True):
                self._doc_terms.setdefault(slot, tuple(flat[pos : pos + ln]))
                pos += ln
        self._packed = []
        return self._doc_terms

    def known(self, slots: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Which of ``slots`` have statistics here (without decoding a loaded snapshot)."""
        mask = np.isin(slots, np.fromiter(self._doc_terms.keys(), dtype=np.int64, count=len(self._doc_terms)))
        for packed in self._packed:
            mask |= np.isin(slots, packed[0])
        return mask

    @property
    def avgdl(self) -> float:
        return self.total_len / self.n_docs if self.n_docs else 1.0

    def _term_id(self, term: str) -> int:
        tid = self.vocab.get(term)
        if tid is None:
            tid = self.vocab[term] = len(self.df)
            self.df.append(0)
        return tid

    def add(self, slot: int, terms: Sequence[str]) -> None:
        self.add_many([slot], [terms])

    def add_many(self, slots: Sequence[int], docs: Sequence[Sequence[str]]) -> None:
        """Index ``docs[i]`` (its tokens) under ``slots[i]``. Weights are those of adding the
        documents one by one: each uses the average length including itself and those before."""
        flat = list(chain.from_iterable(docs))
        vocab = self.vocab
        for term in dict.fromkeys(flat):  # new terms get ids in order of first use
            if term not in vocab:
                self._term_id(term)
        tids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        self._add_ids(slots, tids, np.fromiter(map(len, docs), dtype=np.int64, count=len(docs)))

    def add_texts(self, slots: Sequence[int], texts: Sequence[str]) -> None:
        """``add_many`` of the texts' ``tokenize.tokens``, term ids looked up per whitespace chunk."""
        flat: array[int] = array("q")
        lens = np.zeros(len(texts), dtype=np.int64)
        ids_of = self._chunk_ids.__getitem__
        for i, text in enumerate(texts):
            before = len(flat)
            flat.extend(chain.from_iterable(map(ids_of, text.split())))
            lens[i] = len(flat) - before
        self._add_ids(slots, np.frombuffer(flat, dtype=np.int64), lens)

    def _add_ids(self, slots: Sequence[int], tids: npt.NDArray[np.int64], lens: npt.NDArray[np.int64]) -> None:
        m = len(lens)
        if m == 0:
            return
        n_terms = len(self.df)
        doc = np.repeat(np.arange(m, dtype=np.int64), lens)
        # One entry per (document, term), with its frequency; sorted by document, then term.
        pairs, tf = np.unique(doc * n_terms + tids, return_counts=True)
        d, t = np.divmod(pairs, n_terms)
        dl = np.maximum(lens, 1)
        avgdl = (self.total_len + np.cumsum(dl)) / (self.n_docs + np.arange(1, m + 1))
        norm = K1 * (1 - B + B * dl / avgdl)
        weights = tf * (K1 + 1) / (tf + norm[d])
        self.total_len += int(dl.sum())
        self.n_docs += m
        per_term = np.bincount(t, minlength=n_terms)
        df = self.df
        for tid in np.flatnonzero(per_term).tolist():
            df[tid] += int(per_term[tid])
        slot_arr = np.asarray(slots, dtype=np.int64)
        self._pending.append((t.astype(np.int32), slot_arr[d].astype(np.int32), weights.astype(np.float32)))
        # Packed (length, *term ids) per document, as the snapshot stores them.
        per_doc = np.bincount(d, minlength=m)
        starts = np.concatenate([[0], np.cumsum(per_doc + 1)[:-1]])
        entries = np.empty(m + len(t), dtype=np.int64)
        is_len = np.zeros(len(entries), dtype=bool)
        is_len[starts] = True
        entries[starts] = dl
        entries[~is_len] = t
        self._packed.append((slot_arr, per_doc + 1, entries))

    def _settle(self) -> None:
        """Fold add_many's arrays into the per-term delta lists (before a search reads them)."""
        for t, s, w in self._pending:
            if not len(t):
                continue
            order = np.argsort(t, kind="stable")
            t, s, w = t[order], s[order], w[order]
            cuts = np.flatnonzero(np.diff(t)) + 1
            heads = t[np.concatenate([[0], cuts])].tolist()
            for tid, ss, ww in zip(heads, np.split(s, cuts), np.split(w, cuts), strict=True):
                slots, weights = self.delta.setdefault(tid, ([], []))
                slots.extend(ss.tolist())
                weights.extend(ww.tolist())
        self._pending = []

    def remove(self, slot: int) -> None:
        """Forget a slot's statistics; its postings are dropped at compaction."""
        entry = self.doc_terms.pop(slot, None)
        if entry is None:
            return
        self.total_len -= entry[0]
        self.n_docs -= 1
        for tid in entry[1:]:
            self.df[tid] -= 1

    def scores(self, terms: Iterable[str], size: int) -> npt.NDArray[np.float32] | None:
        """BM25 score of every slot < ``size``; None when no query term is known."""
        self._settle()
        out: npt.NDArray[np.float32] | None = None
        n = max(self.n_docs, 1)
        for term in set(terms):
            tid = self.vocab.get(term)
            if tid is None or self.df[tid] <= 0:
                continue
            idf = math.log(1 + (n - self.df[tid] + 0.5) / (self.df[tid] + 0.5))
            if out is None:
                out = np.zeros(size, dtype=np.float32)
            lo, hi = (self.offsets[tid], self.offsets[tid + 1]) if tid + 1 < len(self.offsets) else (0, 0)
            if hi > lo:
                out[self.post_slots[lo:hi]] += np.float32(idf) * self.post_weights[lo:hi]
            extra = self.delta.get(tid)
            if extra:
                out[np.asarray(extra[0], dtype=np.int64)] += np.float32(idf) * np.asarray(extra[1], dtype=np.float32)
        return out

    def scores_for(self, terms: Iterable[str], slots: npt.NDArray[np.int64]) -> npt.NDArray[np.float32] | None:
        """BM25 scores of the given sorted ``slots`` only: a binary search per term in its
        (slot-sorted) postings, so a selective filter does not pay for common terms'
        long posting lists."""
        self._settle()
        out: npt.NDArray[np.float32] | None = None
        n = max(self.n_docs, 1)
        for term in set(terms):
            tid = self.vocab.get(term)
            if tid is None or self.df[tid] <= 0:
                continue
            idf = np.float32(math.log(1 + (n - self.df[tid] + 0.5) / (self.df[tid] + 0.5)))
            if out is None:
                out = np.zeros(len(slots), dtype=np.float32)
            lo, hi = (self.offsets[tid], self.offsets[tid + 1]) if tid + 1 < len(self.offsets) else (0, 0)
            if hi > lo:
                ps, pw = self.post_slots[lo:hi], self.post_weights[lo:hi]
                if len(ps) >= len(slots):  # common term: look the subset up in its postings
                    pos = np.minimum(np.searchsorted(ps, slots), len(ps) - 1)
                    hit = ps[pos] == slots
                    out[hit] += idf * pw[pos[hit]]
                else:  # rare term: look its postings up in the subset
                    pos = np.minimum(np.searchsorted(slots, ps), len(slots) - 1)
                    hit = slots[pos] == ps
                    out[pos[hit]] += idf * pw[hit]
            extra = self.delta.get(tid)
            if extra:
                ds = np.asarray(extra[0], dtype=np.int64)
                dw = np.asarray(extra[1], dtype=np.float32)
                keep = np.isin(ds, slots)
                if keep.any():
                    out[np.searchsorted(slots, ds[keep])] += idf * dw[keep]
        return out

    def compact(self, alive: npt.NDArray[np.bool_]) -> None:
        """Fold the delta into the CSR arrays and drop postings of dead slots."""
        n_terms = len(self.df)
        parts_t: list[npt.NDArray[np.int32]] = []
        parts_s: list[npt.NDArray[np.int32]] = []
        parts_w: list[npt.NDArray[np.float32]] = []
        if len(self.post_slots):
            counts = np.diff(self.offsets)
            parts_t.append(np.repeat(np.arange(len(counts), dtype=np.int32), counts))
            parts_s.append(self.post_slots)
            parts_w.append(self.post_weights)
        for tid, (slots, weights) in self.delta.items():
            parts_t.append(np.full(len(slots), tid, dtype=np.int32))
            parts_s.append(np.asarray(slots, dtype=np.int32))
            parts_w.append(np.asarray(weights, dtype=np.float32))
        for t, s, w in self._pending:
            parts_t.append(t)
            parts_s.append(s)
            parts_w.append(w)
        if parts_t:
            t = np.concatenate(parts_t)
            s = np.concatenate(parts_s)
            w = np.concatenate(parts_w)
            keep = alive[s] if len(alive) else np.zeros(len(s), dtype=bool)
            t, s, w = t[keep], s[keep], w[keep]
            # (term, slot) pairs are unique, so one sort on a combined key orders them.
            order = np.argsort(t.astype(np.int64) << 32 | s.astype(np.int64))
            t, s, w = t[order], s[order], w[order]
        else:
            t = np.zeros(0, dtype=np.int32)
            s = np.zeros(0, dtype=np.int32)
            w = np.zeros(0, dtype=np.float32)
        self.offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(t, minlength=n_terms), out=self.offsets[1:])
        self.post_slots = s.astype(np.int32)
        self.post_weights = w.astype(np.float32)
        self.delta = {}
        self._pending = []

    def state(self) -> dict[str, Any]:
        """Arrays for the snapshot (call after ``compact``)."""
        decoded = self._doc_terms
        flat: list[int] = []
        lens = []
        for entry in decoded.values():
            flat.extend(entry)
            lens.append(len(entry))
        packed = [
            (np.fromiter(decoded.keys(), dtype=np.int64, count=len(decoded)), np.asarray(lens, dtype=np.int64)),
            *((np.asarray(p[0], dtype=np.int64), np.asarray(p[1], dtype=np.int64)) for p in self._packed),
        ]
        flats = [np.asarray(flat, dtype=np.int64), *(np.asarray(p[2], dtype=np.int64) for p in self._packed)]
        return {
            "kw_terms": np.asarray(list(self.vocab), dtype=np.str_),
            "kw_df": np.asarray(self.df, dtype=np.int64),
            "kw_offsets": self.offsets,
            "kw_slots": self.post_slots,
            "kw_weights": self.post_weights,
            "kw_doc_slots": np.concatenate([p[0] for p in packed]),
            "kw_doc_lens": np.concatenate([p[1] for p in packed]),
            "kw_doc_flat": np.concatenate(flats),
            "kw_total": np.asarray([self.total_len, self.n_docs], dtype=np.int64),
        }

    @classmethod
    def from_state(cls, st: Any) -> KeywordIndex:
        kw = cls()
        kw.vocab = {str(t): i for i, t in enumerate(st["kw_terms"])}
        kw.df = [int(x) for x in st["kw_df"]]
        kw.offsets = st["kw_offsets"]
        kw.post_slots = st["kw_slots"]
        kw.post_weights = st["kw_weights"]
        kw._packed = [(st["kw_doc_slots"], st["kw_doc_lens"], st["kw_doc_flat"])]
        kw.total_len, kw.n_docs = (int(x) for x in st["kw_total"])
        return kw
