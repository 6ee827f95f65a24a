"""The workflow's vector_search step: one query over the four collections.

Filters come only from fields the normalizer is sure of (confidence >= 0.8), so a
wrong guess cannot hide the right evidence. Work orders are searched twice: the same
functional location first, then the same class anywhere (what the crew did on the
sister pump is still useful), merged in that order.

The query vector is an e5 pass over the text (≈ 40 ms on one core) or, where throughput
matters more (``pmark3 batch``), composed from the cached vectors of the documents' words,
the way the documents' own vectors are (pieces.py): see ``query_vector``.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain
from typing import Any

import numpy as np

from pmark3.catalog import Catalog, load_catalog
from pmark3.plant import PlantData
from pmark3.ports import COLLECTIONS, Embedder, SearchFilters, SearchHit, VectorIndex
from pmark3.search.documents import (
    RARE_BELOW,
    equipment_document,
    location_document,
    procedure_document,
    work_order_text,
)
from pmark3.search.fusion import rrf
from pmark3.search.local_index import LocalHybridIndex
from pmark3.search.pieces import stand_ins, words

CONFIDENT = 0.8
FEEDBACK_SHARE = 0.4


def _part(field: Any, name: str) -> Any:
    if field is None:
        return None
    if isinstance(field, Mapping):
        return field.get(name)
    return getattr(field, name, None)


def _confident(field: Any) -> str | None:
    value = _part(field, "normalized")
    conf = _part(field, "confidence") or 0.0
    return str(value) if value is not None and float(conf) >= CONFIDENT else None


def confident_codes(fields: Mapping[str, Any] | Any) -> dict[str, str | None]:
    """kks, unit, system, equipment_class, failure_mode that may be used as filters."""
    get = fields.get if isinstance(fields, Mapping) else (lambda k: getattr(fields, k, None))
    location = get("location")
    kks = _confident(location)
    # When no code could be chosen, the stated unit and system are all there is and they
    # filter; parts of an uncertain code are as uncertain as the code and do not.
    parts_only = _part(location, "normalized") is None
    unit = _part(location, "unit") if parts_only or kks else None
    system = _part(location, "system") if parts_only or kks else None
    unit = unit or (kks[0] if kks else None)
    system = system or (kks[1:4] if kks else None)
    return {
        "kks": kks,
        "unit": str(unit) if unit is not None else None,
        "system": str(system) if system is not None else None,
        "equipment_class": _confident(get("equipment_type")),
        "failure_mode": _confident(get("status_code")),
    }


def search_plan(codes: Mapping[str, str | None]) -> dict[str, list[SearchFilters]]:
    """The filtered searches to run per collection; work orders get a same-FL pass first."""
    unit, system, kks = codes["unit"], codes["system"], codes["kks"]
    cls, fm = codes["equipment_class"], codes["failure_mode"]
    wo: list[SearchFilters] = []
    if kks:
        wo.append(SearchFilters(kks=kks, failure_mode=fm))
    elif cls and (unit or system):
        # No code, but the stated unit/system narrows the class to a few FLs: those first.
        wo.append(SearchFilters(unit=unit, system=system, equipment_class=cls, failure_mode=fm))
    if cls:
        wo.append(SearchFilters(equipment_class=cls, failure_mode=fm))
    elif not kks:
        wo.append(SearchFilters(unit=unit, system=system, failure_mode=fm))
    if kks and not cls:
        wo.append(SearchFilters(system=system, failure_mode=fm))
    return {
        "location_docs": [SearchFilters(unit=unit, system=system)],
        "equipment_docs": [SearchFilters(unit=unit, system=system, equipment_class=cls)],
        "procedure_docs": [SearchFilters(equipment_class=cls)],
        "work_orders": wo,
    }


def _merge(passes: list[list[SearchHit]], top: int) -> list[SearchHit]:
    seen: set[str] = set()
    out: list[SearchHit] = []
    for hits in passes:
        for h in hits:
            if h.id not in seen:
                seen.add(h.id)
                out.append(h)
    return out[:top]


def _located_pass(
    index: VectorIndex,
    text: str,
    vector: list[float],
    codes: Mapping[str, str | None],
    located: list[SearchHit],
    wo_hits: list[SearchHit],
    top: int,
) -> list[SearchHit]:
    """When the failure mode is sure but the location code is not, the best location document
    still says which FL the text names: that FL's history for this failure mode is fused (RRF)
    with the ranking as a soft boost, not a filter. Without a sure failure mode the guess
    mostly brings the FL's other faults, so it is not used."""
    if codes["kks"] or not codes["failure_mode"] or not located:
        return wo_hits
    guess = located[0].id
    if codes["equipment_class"] and located[0].document.get("equipment_class") != codes["equipment_class"]:
        return wo_hits
    near = index.search("work_orders", text, vector, SearchFilters(kks=guess, failure_mode=codes["failure_mode"]), top)
    fused = rrf([[h.id for h in near], [h.id for h in wo_hits]])
    by_id = {h.id: h for h in [*wo_hits, *near]}
    return [by_id[i].model_copy(update={"score": score}) for i, score in fused[:top]]


def _feedback_pass(
    index: VectorIndex,
    text: str,
    vector: list[float],
    codes: Mapping[str, str | None],
    located: list[SearchHit],
    wo_hits: list[SearchHit],
    top: int,
) -> tuple[list[SearchHit], dict[str, str | None]]:
    """Without a sure failure mode, the (class, failure mode) most of the best hits agree on is
    a good guess of what the text is about: its orders are fused (RRF) with the ranking.

    The history of the FL the text names (the best location hit) votes too: there the
    equipment words match every order alike, so its ranking is decided by the symptom
    words, which is what the failure mode is about (+0.012 nDCG@10 on the labeled set)."""
    if codes["failure_mode"]:
        return wo_hits, dict(codes)
    bases = [wo_hits[:10]]
    guess = codes["kks"] or (located[0].id if located else None)
    if guess:
        bases.append(index.search("work_orders", text, vector, SearchFilters(kks=guess, status="closed"), 5))
    if len(wo_hits) < 3:
        return wo_hits, dict(codes)
    votes: dict[tuple[str, str], float] = {}
    for basis in bases:
        for rank, h in enumerate(basis):
            key = (str(h.document.get("equipment_class")), str(h.document.get("failure_mode")))
            votes[key] = votes.get(key, 0.0) + 1.0 / (rank + 1)
    (cls, fm), weight = max(votes.items(), key=lambda kv: kv[1])
    if weight < FEEDBACK_SHARE * sum(votes.values()):
        return wo_hits, dict(codes)
    agreed = index.search("work_orders", text, vector, SearchFilters(equipment_class=cls, failure_mode=fm), top)
    fused = rrf([[h.id for h in agreed], [h.id for h in wo_hits]])
    by_id = {h.id: h for h in [*wo_hits, *agreed]}
    inferred = {**codes, "equipment_class": codes["equipment_class"] or cls, "failure_mode": fm}
    return [by_id[i].model_copy(update={"score": score}) for i, score in fused[:top]], inferred


Vocabulary = Mapping[str, Sequence[str]]
_default_vocabulary: ContextVar[Vocabulary | None] = ContextVar("query_vocabulary", default=None)


def document_vocabulary(plant: PlantData, catalog: Catalog | None = None) -> dict[str, tuple[str, ...]]:
    """Every word the indexed documents' vectors are made of, with the words whose vectors it
    stands for: itself, or, for a rare word that the bulk build let borrow (``RARE_BELOW``,
    pieces.stand_ins), the common words standing in for it. Counted as index_plant_data does."""
    cat = catalog or load_catalog()
    locations = {fl.kks: fl for fl in plant.locations}
    texts = chain(
        (location_document(fl, cat).text for fl in plant.locations),
        (equipment_document(fl, cat).text for fl in plant.locations),
        (procedure_document(p, cat).text for p in plant.procedures),
        (work_order_text(wo, locations.get(wo.kks), cat) for wo in plant.work_orders),
    )
    counts = Counter(chain.from_iterable(map(words, texts)))
    common = {w: n for w, n in counts.items() if n >= RARE_BELOW}
    borrowed = stand_ins((w for w, n in counts.items() if n < RARE_BELOW), common) if RARE_BELOW > 1 else {}
    return {w: borrowed.get(w, (w,)) for w in counts}


@contextmanager
def composed_queries(vocabulary: Vocabulary) -> Iterator[None]:
    """Make composed query vectors over ``vocabulary`` the default of the retrieve() calls in
    this block (for callers that cannot pass it, such as the retrieval evaluation)."""
    token = _default_vocabulary.set(vocabulary)
    try:
        yield
    finally:
        _default_vocabulary.reset(token)


def query_vector(
    embedder: Embedder, text: str, codes: Mapping[str, str | None], vocabulary: Vocabulary | None = None
) -> list[float]:
    """The query's vector: an e5 pass over the text or, given the documents' ``vocabulary``, the
    normalised sum of the passage vectors of the text's words that the documents use (a rare
    one by the words standing in for it), which is how the documents' own vectors are made
    (pieces.py).

    A pass costs ≈ 40 ms on one core; a composed vector nothing, as the documents' words are
    cached since indexing. It is used only when the FL or the failure mode is sure, where the
    filters carry most of the meaning: on the labeled queries (and variants of them with a code
    taken away) it ranked 0 to 0.04 nDCG@10 below the pass there. With neither sure the vector
    decides what the text is about, the composed one ranked 0.16 below, and the pass is paid.
    Words the documents never use ("궁금합니다", "tonight") are left out: they cannot match a
    document word for word, embedding each costs ≈ 11 ms, and without them the top 10 agreed
    with the pass's a little more often (55 % against 53 % of hits, on 389 request texts).
    """
    if vocabulary is not None and (codes["kks"] or codes["failure_mode"]):
        parts = [part for w in words(text) if w in vocabulary for part in vocabulary[w]]
        if parts:
            distinct = sorted(set(parts))
            table = np.asarray(embedder.embed(distinct, "passage"), dtype=np.float32)
            row = {w: i for i, w in enumerate(distinct)}
            summed = table[[row[w] for w in parts]].sum(axis=0)
            norm = float(np.linalg.norm(summed))
            if norm > 0:
                return [float(x) for x in summed / norm]
    return [float(x) for x in embedder.embed([text], "query")[0]]


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _search_all(
    index: VectorIndex, text: str, vector: list[float], jobs: list[tuple[str, SearchFilters]], top: int
) -> list[list[SearchHit]]:
    def search(job: tuple[str, SearchFilters]) -> list[SearchHit]:
        return index.search(job[0], text, vector, job[1], top)

    if isinstance(index, LocalHybridIndex):
        # In-process searches hold the GIL for most of their work: threads only added
        # hand-offs (3.5 ms a request in sequence, 5.2 ms on a shared pool, 7 to 12 ms with
        # a pool per call).
        return [search(job) for job in jobs]
    global _pool
    with _pool_lock:
        if _pool is None:
            # Remote searches wait on the network: in parallel, on threads kept for the process.
            _pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="pmark3-search")
    return list(_pool.map(search, jobs))


def retrieve(
    index: VectorIndex,
    embedder: Embedder,
    text: str,
    fields: Mapping[str, Any] | Any,
    top: int = 10,
    *,
    vocabulary: Vocabulary | None = None,
    collections: Sequence[str] = COLLECTIONS,
) -> dict[str, list[SearchHit]]:
    """Hybrid hits per collection (keys: ``collections``, by default all of ports.COLLECTIONS).
    Raises SearchError when the index fails.

    ``vocabulary`` (else the one set by ``composed_queries()``) makes the query vector composed
    where that is as good (``query_vector``); without one it is an e5 pass. A collection left
    out of ``collections`` is not searched (location documents still are where the work-order
    passes need them: when the FL is not sure), and the hits of the others are the same.
    """
    codes = confident_codes(fields)
    vocabulary = vocabulary if vocabulary is not None else _default_vocabulary.get()
    vector = query_vector(embedder, text, codes, vocabulary)
    plan = search_plan(codes)
    # The best location document names the FL for the work-order passes when no FL is sure.
    needed = set(collections) | ({"location_docs"} if "work_orders" in collections and not codes["kks"] else set())
    searched = [c for c in COLLECTIONS if c in needed]
    jobs = [(c, f) for c in searched for f in plan[c]]
    results = _search_all(index, text, vector, jobs, top)
    out: dict[str, list[SearchHit]] = {c: [] for c in searched}
    for c in searched:
        out[c] = _merge([r for (col, _), r in zip(jobs, results, strict=True) if col == c], top)
    if "work_orders" in out:
        located = out.get("location_docs", [])
        out["work_orders"], inferred = _feedback_pass(index, text, vector, codes, located, out["work_orders"], top)
        out["work_orders"] = _located_pass(index, text, vector, inferred, located, out["work_orders"], top)
    return {c: out[c] for c in collections}
