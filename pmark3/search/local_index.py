"""The embedded hybrid index: BM25 + HNSW, fused with RRF, persisted under one folder.

Layout of ``path``: ``docs.sqlite`` (every document, its slot and vector: the truth)
and, per collection, a snapshot ``<name>.npz`` (vectors, BM25 postings) plus
``<name>.hnsw`` (the graph). Opening loads the snapshot and replays the documents
written after it, so upserts are durable at once and a restart never re-embeds.

Vector search is exact (numpy) when the filters leave few documents, because HNSW
with a selective filter walks most of the graph anyway; otherwise HNSW with the
filter as a predicate. One writer per folder.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import hnswlib
import numpy as np
import numpy.typing as npt

from pmark3.errors import SearchError
from pmark3.ports import COLLECTIONS, Embedder, IndexDocument, SearchFilters, SearchHit
from pmark3.search.docstore import FIELDS, DocStore
from pmark3.search.fusion import rrf
from pmark3.search.keyword import KeywordIndex
from pmark3.search.tokenize import tokens

CANDIDATES = 50
# Measured at 100k work orders with e5 query vectors (recall of the exact top 50): ef_construction
# 100 / ef 100 found 0.67 for 12 s of graph build; 32 / 300 finds 0.69 for 4 s, and a filtered
# search costs ~0.2 ms more.
EF_CONSTRUCTION = 32
EF_SEARCH = 300
EXACT_MAX = 10_000
SUBSET_MAX = 20_000
AUTO_SNAPSHOT = 50_000
BULK_THREADS = max(1, min(4, os.cpu_count() or 1))
_CATEGORICAL = ("unit", "system", "kks", "equipment_class", "failure_mode", "status")


def _day(value: str | None) -> int:
    if not value:
        return -1
    return date.fromisoformat(value[:10]).toordinal()


class _Collection:
    def __init__(self, name: str, folder: Path, store: DocStore, dimension: int) -> None:
        self.name = name
        self.folder = folder
        self.store = store
        self.dim = dimension
        self.next_slot = store.collection(name, dimension)
        self.ids: list[str | None] = []
        self.slot_of: dict[str, int] = {}
        self.codes: dict[str, dict[str | None, int]] = {f: {None: 0} for f in _CATEGORICAL}
        self.cols: dict[str, npt.NDArray[np.int32]] = {f: np.zeros(0, np.int32) for f in (*_CATEGORICAL, "date")}
        self.alive = np.zeros(0, dtype=bool)
        self.vectors = np.zeros((0, dimension), dtype=np.float32)
        self.kw = KeywordIndex()
        self.hnsw = hnswlib.Index(space="ip", dim=dimension)
        self.snapshot_slot = 0
        self.bulk = False  # LocalHybridIndex.bulk(): one snapshot at the end, none on the way
        # One lock per collection: the four collections of a query are searched in parallel.
        self.lock = threading.RLock()
        self._load()

    # -- capacity and bookkeeping ------------------------------------------------
    def _grow(self, size: int) -> None:
        cap = len(self.alive)
        if size <= cap:
            return
        new = max(size, 2 * cap, 1024)
        self.alive = np.concatenate([self.alive, np.zeros(new - cap, dtype=bool)])
        for f, col in self.cols.items():
            self.cols[f] = np.concatenate([col, np.full(new - cap, -1 if f == "date" else 0, np.int32)])
        vecs = np.zeros((new, self.dim), dtype=np.float32)
        vecs[:cap] = self.vectors
        self.vectors = vecs
        self.ids.extend([None] * (new - cap))
        if self.hnsw.get_max_elements() < new:
            self.hnsw.resize_index(new)

    def _code(self, field: str, value: str | None) -> int:
        table = self.codes[field]
        code = table.get(value)
        if code is None:
            code = table[value] = len(table)
        return code

    def _bulk_meta(self, rows: list[tuple[Any, ...]]) -> None:
        """Ids and filter columns of (slot, id, *FIELDS) rows, set column by column (opening or
        writing 100k documents in numpy, not one document at a time in Python)."""
        if not rows:
            return
        slots = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        ids = [r[1] for r in rows]
        for slot, doc_id in zip(slots.tolist(), ids, strict=True):
            self.ids[slot] = doc_id
        self.slot_of.update(zip(ids, slots.tolist(), strict=True))
        self.alive[slots] = True
        for j, f in enumerate(FIELDS, start=2):
            values = [r[j] for r in rows]
            if f == "date":
                days = {v: _day(v) for v in set(values)}
                self.cols["date"][slots] = [days[v] for v in values]
            else:
                for v in set(values):
                    self._code(f, v)
                table = self.codes[f]
                self.cols[f][slots] = [table[v] for v in values]

    def _kill(self, slot: int) -> None:
        self.alive[slot] = False
        doc_id = self.ids[slot]
        if doc_id is not None and self.slot_of.get(doc_id) == slot:
            del self.slot_of[doc_id]
        self.kw.remove(slot)
        # RuntimeError: never added to the graph, or already deleted in the snapshot.
        with contextlib.suppress(RuntimeError):
            self.hnsw.mark_deleted(slot)

    # -- persistence -------------------------------------------------------------
    def _paths(self) -> tuple[Path, Path]:
        return self.folder / f"{self.name}.npz", self.folder / f"{self.name}.hnsw"

    def _load(self) -> None:
        npz, graph = self._paths()
        loaded = None
        if npz.exists() and graph.exists():
            with np.load(npz) as st:
                if int(st["snapshot_slot"]) <= self.next_slot:  # else: not this store's snapshot
                    loaded = int(st["snapshot_slot"]), KeywordIndex.from_state(st), st["vectors"]
        if loaded is not None:
            self.snapshot_slot, self.kw, vecs = loaded
            self.hnsw.load_index(str(graph), max_elements=max(len(vecs), 1024))
            self._grow(max(self.next_slot, 1))
            self.vectors[: len(vecs)] = vecs
        else:
            self.hnsw.init_index(max_elements=1024, ef_construction=EF_CONSTRUCTION, M=16)
            self.snapshot_slot = 0
            self._grow(max(self.next_slot, 1))
        self.hnsw.set_ef(EF_SEARCH)
        self._bulk_meta(list(self.store.meta(self.name)))
        # Slots the snapshot still holds as live but the store no longer has were deleted after it.
        dead = np.flatnonzero(~self.alive[: self.snapshot_slot])
        for slot in dead[self.kw.known(dead)].tolist():
            self._kill(int(slot))
        fresh = self.store.full(self.name, self.snapshot_slot)
        if fresh:
            slots = np.asarray([r[0] for r in fresh], dtype=np.int64)
            vecs = np.frombuffer(b"".join(r[2] for r in fresh), dtype=np.float32).reshape(len(fresh), self.dim)
            self.vectors[slots] = vecs
            self.kw.add_texts(slots.tolist(), [text for _, text, _ in fresh])
            self.hnsw.add_items(vecs, slots, num_threads=1)

    def snapshot(self) -> None:
        npz, graph = self._paths()
        self.kw.compact(self.alive)
        tmp_graph = graph.with_suffix(".hnsw.tmp")
        self.hnsw.save_index(str(tmp_graph))
        tmp_npz = npz.with_suffix(".tmp.npz")
        np.savez(
            tmp_npz, snapshot_slot=np.asarray(self.next_slot), vectors=self.vectors[: self.next_slot], **self.kw.state()
        )
        os.replace(tmp_graph, graph)
        os.replace(tmp_npz, npz)
        self.snapshot_slot = self.next_slot

    # -- writes ------------------------------------------------------------------
    def upsert(self, docs: Sequence[IndexDocument], vectors: npt.NDArray[np.float32]) -> None:
        latest = {d.id: i for i, d in enumerate(docs)}  # the last copy of an id in one batch wins
        order = sorted(latest.values())
        picked = [docs[i] for i in order]
        vecs = np.ascontiguousarray(vectors[order], dtype=np.float32)
        start, n = self.next_slot, len(order)
        self._grow(start + n)
        slots = np.arange(start, start + n, dtype=np.int64)
        replaced = [d.id for d in picked if d.id in self.slot_of]
        self.store.write(self.name, list(zip(slots.tolist(), picked, vecs, strict=True)), replaced, start + n)
        for doc_id in replaced:
            self._kill(self.slot_of[doc_id])
        self._bulk_meta(
            [(slot, d.id, *(getattr(d, f) for f in FIELDS)) for slot, d in zip(slots.tolist(), picked, strict=True)]
        )
        self.vectors[start : start + n] = vecs
        self.kw.add_texts(slots.tolist(), [d.text for d in picked])
        self.next_slot = start + n
        if n:
            # A bulk batch uses every core (the graph build is most of a warm rebuild); one
            # new document stays on the calling thread.
            self.hnsw.add_items(vecs, slots, num_threads=BULK_THREADS if n >= 64 else 1)
        if self.next_slot - self.snapshot_slot >= AUTO_SNAPSHOT and not self.bulk:
            self.snapshot()

    def delete(self, ids: Sequence[str]) -> None:
        present = [i for i in ids if i in self.slot_of]
        if not present:
            return
        self.store.write(self.name, [], present, self.next_slot)
        for doc_id in present:
            self._kill(self.slot_of[doc_id])

    # -- reads -------------------------------------------------------------------
    def mask(self, filters: SearchFilters | None) -> npt.NDArray[np.bool_]:
        n = self.next_slot
        m = self.alive[:n].copy()
        if filters is None:
            return m
        for f in _CATEGORICAL:
            value = getattr(filters, f)
            if value is None:
                continue
            code = self.codes[f].get(value)
            if code is None:
                return np.zeros(n, dtype=bool)
            m &= self.cols[f][:n] == code
        days = self.cols["date"][:n]
        if filters.date_from:
            m &= days >= _day(filters.date_from)
        if filters.date_to:
            m &= (days >= 0) & (days <= _day(filters.date_to))
        return m

    def keyword_ranking(self, text: str, mask: npt.NDArray[np.bool_], k: int, count: int) -> list[int]:
        terms = tokens(text)
        if count <= SUBSET_MAX:
            subset = np.flatnonzero(mask)
            sub = self.kw.scores_for(terms, subset)
            if sub is None:
                return []
            nz = np.flatnonzero(sub)
            slots, scores = subset[nz], sub[nz]
        else:
            full = self.kw.scores(terms, self.next_slot)
            if full is None:
                return []
            full[~mask] = 0
            slots = np.flatnonzero(full)
            scores = full[slots]
        if len(slots) > k:
            top = np.argpartition(-scores, k)[:k]
            slots, scores = slots[top], scores[top]
        order = np.lexsort((slots, -scores))
        return slots[order].tolist()

    def vector_ranking(
        self, vector: Sequence[float], mask: npt.NDArray[np.bool_], k: int, filtered: bool, count: int
    ) -> list[int]:
        q = np.asarray(vector, dtype=np.float32)
        if count == 0:
            return []
        if count <= EXACT_MAX:
            idx = np.flatnonzero(mask)
            # einsum, not BLAS gemv: OpenBLAS wakes its thread pool for this, which costs
            # milliseconds of tail latency on a busy machine; einsum stays on this core.
            sims = np.einsum("ij,j->i", self.vectors[idx], q)
            if len(idx) > k:
                top = np.argpartition(-sims, k)[:k]
                idx, sims = idx[top], sims[top]
            return idx[np.argsort(-sims, kind="stable")].tolist()
        k = min(k, count)
        if filtered:
            labels, _ = self.hnsw.knn_query(q, k=k, num_threads=1, filter=lambda label: bool(mask[label]))
        else:
            labels, _ = self.hnsw.knn_query(q, k=k, num_threads=1)
        return [int(x) for x in labels[0]]

    def listing(self, mask: npt.NDArray[np.bool_], k: int) -> list[int]:
        """Filter-only search: newest first, as a keyword-less listing."""
        idx = np.flatnonzero(mask)
        days = self.cols["date"][idx]
        return idx[np.lexsort((-idx, -days))][:k].tolist()


class LocalHybridIndex:
    """ports.VectorIndex on local files; see the module docstring."""

    def __init__(self, path: Path, embedder: Embedder) -> None:
        self.path = Path(path)
        self.embedder = embedder
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = DocStore(self.path / "docs.sqlite")
            self._collections = {
                name: _Collection(name, self.path, self._store, embedder.dimension) for name in COLLECTIONS
            }
        except (OSError, sqlite3.Error, RuntimeError, ValueError, KeyError) as exc:
            raise SearchError(f"cannot open local index at {self.path}: {exc}") from exc

    def _collection(self, name: str) -> _Collection:
        try:
            return self._collections[name]
        except KeyError:
            raise SearchError(f"unknown collection {name!r}; expected one of {', '.join(COLLECTIONS)}") from None

    def upsert(
        self,
        collection: str,
        documents: Sequence[IndexDocument],
        vectors: npt.NDArray[np.float32] | None = None,
    ) -> None:
        """Write ``documents``; ``vectors`` (one row per document), when given, is used instead
        of their ``vector`` fields (the bulk build passes arrays, not 384 floats per document)."""
        col = self._collection(collection)
        if not documents:
            return
        if vectors is not None:
            vectors = np.asarray(vectors, dtype=np.float32)
            if vectors.shape != (len(documents), col.dim):
                raise SearchError(f"vectors of shape {vectors.shape} for {len(documents)} documents of {col.dim} dims")
        else:
            missing = [i for i, d in enumerate(documents) if d.vector is None]
            vectors = np.zeros((len(documents), col.dim), dtype=np.float32)
            if missing:
                vectors[missing] = np.asarray(self.embedder.embed([documents[i].text for i in missing], "passage"))
            for i, d in enumerate(documents):
                if d.vector is not None:
                    if len(d.vector) != col.dim:
                        raise SearchError(
                            f"document {d.id}: vector has {len(d.vector)} dimensions, index has {col.dim}"
                        )
                    vectors[i] = d.vector
        with col.lock:
            try:
                col.upsert(documents, vectors)
            except (OSError, sqlite3.Error, RuntimeError) as exc:
                raise SearchError(f"upsert into {collection} failed: {exc}") from exc

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        col = self._collection(collection)
        with col.lock:
            try:
                col.delete(list(ids))
            except (OSError, sqlite3.Error) as exc:
                raise SearchError(f"delete from {collection} failed: {exc}") from exc

    def search(
        self,
        collection: str,
        text: str,
        vector: Sequence[float] | None,
        filters: SearchFilters | None = None,
        top: int = 10,
    ) -> list[SearchHit]:
        col = self._collection(collection)
        if top <= 0:
            return []
        k = max(CANDIDATES, top)
        with col.lock:
            try:
                mask = col.mask(filters)
                filtered = filters is not None and any(v is not None for v in filters.model_dump().values())
                count = int(mask.sum())
                rankings = []
                if text.strip():
                    rankings.append(col.keyword_ranking(text, mask, k, count))
                if vector is not None:
                    rankings.append(col.vector_ranking(vector, mask, k, filtered, count))
                if not text.strip() and vector is None:
                    fused = [(slot, 0.0) for slot in col.listing(mask, top)]
                else:
                    fused = rrf(rankings)[:top]
                docs = col.store.documents(collection, [s for s, _ in fused])
            except (OSError, sqlite3.Error, RuntimeError) as exc:
                raise SearchError(f"search in {collection} failed: {exc}") from exc
        return [
            SearchHit(id=docs[s]["id"], collection=collection, score=score, document=docs[s])
            for s, score in fused
            if s in docs
        ]

    def count(self, collection: str, filters: SearchFilters | None = None) -> int:
        col = self._collection(collection)
        with col.lock:
            return int(col.mask(filters).sum())

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Many upserts in a row (a build): no snapshot every AUTO_SNAPSHOT documents on the
        way (a 100k build wrote one at 50k only to rewrite it), one ``flush`` at the end."""
        for col in self._collections.values():
            col.bulk = True
        try:
            yield
        finally:
            for col in self._collections.values():
                col.bulk = False
        self.flush()

    def flush(self) -> None:
        """Write the snapshots so the next open does not replay documents."""
        try:
            for col in self._collections.values():
                with col.lock:
                    if col.next_slot != col.snapshot_slot:
                        col.snapshot()
        except (OSError, RuntimeError) as exc:
            raise SearchError(f"cannot write index snapshot under {self.path}: {exc}") from exc

    def close(self) -> None:
        self.flush()
        self._store.close()

    def close_files(self) -> None:
        """Close the document file but keep the in-memory index, before a fork: a SQLite
        connection must not cross one (the child would share the parent's file locks)."""
        self._store.close()

    def reopen_files(self) -> None:
        """Open the document file again after ``close_files``, in the parent or a forked child."""
        self._store = DocStore(self.path / "docs.sqlite")
        for collection in self._collections.values():
            collection.store = self._store
