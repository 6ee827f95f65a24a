"""The SQLite file that is the local index's source of truth.

Every upsert and delete is written here first, with the document's integer slot and
its vector, so the in-memory structures (BM25 postings, HNSW graph) can always be
rebuilt or caught up from it after a restart.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pmark3.ports import IndexDocument

FIELDS: tuple[str, ...] = ("unit", "system", "kks", "equipment_class", "failure_mode", "date", "status")

# One encoder for every row (json.dumps with options builds a new one per call).
_json = json.JSONEncoder(ensure_ascii=False, default=str).encode

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    slot INTEGER NOT NULL,
    text TEXT NOT NULL,
    unit TEXT, system TEXT, kks TEXT, equipment_class TEXT, failure_mode TEXT, date TEXT, status TEXT,
    payload TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS docs_slot ON docs (collection, slot);
CREATE TABLE IF NOT EXISTS collections (
    name TEXT PRIMARY KEY,
    next_slot INTEGER NOT NULL,
    dimension INTEGER NOT NULL
);
"""


class DocStore:
    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def collection(self, name: str, dimension: int) -> int:
        """Register a collection; returns its next free slot."""
        with self._lock:
            row = self.conn.execute("SELECT next_slot, dimension FROM collections WHERE name=?", (name,)).fetchone()
            if row is None:
                self.conn.execute("INSERT INTO collections VALUES (?, 0, ?)", (name, dimension))
                return 0
            if row[1] != dimension:
                raise ValueError(f"collection {name} holds {row[1]}-d vectors, embedder gives {dimension}")
            return int(row[0])

    def write(
        self, name: str, docs: Sequence[tuple[int, IndexDocument, np.ndarray]], deleted: Iterable[str], next_slot: int
    ) -> None:
        rows = [
            (
                name,
                d.id,
                slot,
                d.text,
                *(getattr(d, f) for f in FIELDS),
                _json(d.payload),
                np.asarray(vec, dtype=np.float32).tobytes(),
            )
            for slot, d, vec in docs
        ]
        with self._lock:
            self.conn.execute("BEGIN")
            try:
                self.conn.executemany("DELETE FROM docs WHERE collection=? AND id=?", [(name, i) for i in deleted])
                self.conn.executemany(f"INSERT OR REPLACE INTO docs VALUES ({','.join('?' * 13)})", rows)
                self.conn.execute("UPDATE collections SET next_slot=? WHERE name=?", (next_slot, name))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def meta(self, name: str) -> Iterator[tuple[Any, ...]]:
        """(slot, id, unit, system, kks, class, failure_mode, date, status) of every live document."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT slot, id, {', '.join(FIELDS)} FROM docs WHERE collection=? ORDER BY slot", (name,)
            ).fetchall()
        return iter(rows)

    def full(self, name: str, min_slot: int) -> list[tuple[int, str, bytes]]:
        """(slot, text, vector bytes) of documents written at or after ``min_slot``."""
        with self._lock:
            return self.conn.execute(
                "SELECT slot, text, vector FROM docs WHERE collection=? AND slot>=? ORDER BY slot", (name, min_slot)
            ).fetchall()

    def documents(self, name: str, slots: Sequence[int]) -> dict[int, dict[str, Any]]:
        if not slots:
            return {}
        q = f"SELECT slot, id, text, {', '.join(FIELDS)}, payload FROM docs WHERE collection=? AND slot IN "
        with self._lock:
            rows = self.conn.execute(q + f"({','.join('?' * len(slots))})", (name, *slots)).fetchall()
        out = {}
        for row in rows:
            doc: dict[str, Any] = {"id": row[1], "text": row[2]}
            doc.update(zip(FIELDS, row[3:10], strict=True))
            doc["payload"] = json.loads(row[10])
            out[int(row[0])] = doc
        return out
