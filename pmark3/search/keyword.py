"""BM25 keyword scoring over integer slots, held in numpy arrays.

Postings live in two parts: a compact CSR ``base`` (built at compaction, saved in
the snapshot) and a small ``delta`` of lists for documents added since, so an
upsert is searchable at once without rebuilding the arrays. Deleted slots stay in
the postings until the next compaction; the caller masks them out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.75


class KeywordIndex:
    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df: list[int] = []
        self.offsets = np.zeros(1, dtype=np.int64)
        self.post_slots = np.zeros(0, dtype=np.int32)
        self.post_weights = np.zeros(0, dtype=np.float32)
        self.delta: dict[int, tuple[list[int], list[float]]] = {}
        self._doc_terms: dict[int, tuple[int, ...]] = {}
        # Per-document (length, term ids) as loaded from a snapshot; decoded only when a
        # document is first removed or the snapshot is rewritten (opening stays cheap).
        self._packed: tuple[Any, Any, Any] | None = None
        self.total_len = 0
        self.n_docs = 0

    @property
    def doc_terms(self) -> dict[int, tuple[int, ...]]:
        if self._packed is not None:
            slots, lens, flat = (a.tolist() for a in self._packed)
            self._packed = None
            pos = 0
            for slot, ln in zip(slots, lens, strict=True):
                self._doc_terms.setdefault(slot, tuple(flat[pos : pos + ln]))
                pos += ln
        return self._doc_terms

    def known(self, slots: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Which of ``slots`` have statistics here (without decoding a loaded snapshot)."""
        mask = np.isin(slots, np.fromiter(self._doc_terms.keys(), dtype=np.int64, count=len(self._doc_terms)))
        if self._packed is not None:
            mask |= np.isin(slots, self._packed[0])
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
        counts = Counter(terms)
        dl = max(len(terms), 1)
        self.total_len += dl
        self.n_docs += 1
        norm = K1 * (1 - B + B * dl / self.avgdl)
        tids = []
        for term, tf in counts.items():
            tid = self._term_id(term)
            tids.append(tid)
            self.df[tid] += 1
            slots, weights = self.delta.setdefault(tid, ([], []))
            slots.append(slot)
            weights.append(tf * (K1 + 1) / (tf + norm))
        self._doc_terms[slot] = (dl, *tids)

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
        if parts_t:
            t = np.concatenate(parts_t)
            s = np.concatenate(parts_s)
            w = np.concatenate(parts_w)
            keep = alive[s] if len(alive) else np.zeros(len(s), dtype=bool)
            t, s, w = t[keep], s[keep], w[keep]
            order = np.lexsort((s, t))
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

    def state(self) -> dict[str, Any]:
        """Arrays for the snapshot (call after ``compact``)."""
        slots = np.fromiter(self.doc_terms.keys(), dtype=np.int64, count=len(self.doc_terms))
        flat: list[int] = []
        lens = []
        for entry in self.doc_terms.values():
            flat.extend(entry)
            lens.append(len(entry))
        return {
            "kw_terms": np.asarray(list(self.vocab), dtype=np.str_),
            "kw_df": np.asarray(self.df, dtype=np.int64),
            "kw_offsets": self.offsets,
            "kw_slots": self.post_slots,
            "kw_weights": self.post_weights,
            "kw_doc_slots": slots,
            "kw_doc_lens": np.asarray(lens, dtype=np.int64),
            "kw_doc_flat": np.asarray(flat, dtype=np.int64),
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
        kw._packed = (st["kw_doc_slots"], st["kw_doc_lens"], st["kw_doc_flat"])
        kw.total_len, kw.n_docs = (int(x) for x in st["kw_total"])
        return kw
