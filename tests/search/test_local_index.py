"""The local hybrid index: keyword + vector + filters, incremental writes, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmark3.errors import SearchError
from pmark3.ports import IndexDocument, SearchFilters, VectorIndex
from pmark3.search import LocalHybridIndex, local_index
from pmark3.search.synthetic import HashEmbedder


def doc(i: str, text: str, **kw: object) -> IndexDocument:
    return IndexDocument(id=i, text=text, **kw)  # type: ignore[arg-type]


@pytest.fixture
def index(tmp_path: Path) -> LocalHybridIndex:
    return LocalHybridIndex(tmp_path / "idx", HashEmbedder())


def ids(hits: list) -> list[str]:
    return [h.id for h in hits]


def test_is_a_vector_index(index: LocalHybridIndex) -> None:
    assert isinstance(index, VectorIndex)


@pytest.mark.parametrize("written", ["급수 펌프 진동", "급수펌프의 진동이 심함", "급수펌프 베어링"])
def test_korean_keyword_matches_spacing_and_particles(index: LocalHybridIndex, written: str) -> None:
    index.upsert("equipment_docs", [doc("A", written), doc("B", "복수기 진공 저하"), doc("C", "압입송풍기 소음")])
    hits = index.search("equipment_docs", "급수펌프", None)
    assert ids(hits) == ["A"]


def test_english_and_kks_tokens(index: LocalHybridIndex) -> None:
    index.upsert("location_docs", [doc("2LAC20AP001", "2LAC20AP001 #2 BFP B"), doc("1LCB10AP001", "1LCB10AP001 CP A")])
    assert ids(index.search("location_docs", "bfp", None)) == ["2LAC20AP001"]
    assert ids(index.search("location_docs", "2LAC", None)) == ["2LAC20AP001"]
    assert ids(index.search("location_docs", "2lac20ap001", None))[0] == "2LAC20AP001"


def test_upsert_is_searchable_at_once_and_replaces(index: LocalHybridIndex) -> None:
    index.upsert("work_orders", [doc("WO-1", "펌프 진동", status="closed")])
    assert ids(index.search("work_orders", "진동", None)) == ["WO-1"]
    index.upsert("work_orders", [doc("WO-1", "밸브 누설", status="closed")])
    assert ids(index.search("work_orders", "진동", None)) == []
    assert ids(index.search("work_orders", "누설", None)) == ["WO-1"]
    assert index.count("work_orders") == 1


@pytest.mark.parametrize("flushed", [False, True])
def test_delete_removes_from_keyword_and_vector_search(index: LocalHybridIndex, flushed: bool) -> None:
    index.upsert("work_orders", [doc("WO-1", "펌프 진동"), doc("WO-2", "펌프 누설")])
    if flushed:
        index.flush()  # postings compacted into the sorted arrays
    index.delete("work_orders", ["WO-1", "WO-404"])
    vec = index.embedder.embed(["펌프 진동"], "query")[0].tolist()
    assert ids(index.search("work_orders", "펌프 진동", vec)) == ["WO-2"]


def test_hybrid_fuses_keyword_and_vector_with_rrf(index: LocalHybridIndex) -> None:
    e = index.embedder
    index.upsert(
        "equipment_docs",
        [
            doc("kw", "급수펌프 진동", vector=e.embed(["전혀 다른 문장"], "passage")[0].tolist()),
            doc("vec", "관련 없음", vector=e.embed(["급수펌프 진동"], "passage")[0].tolist()),
            doc("both", "급수펌프 진동 점검", vector=e.embed(["급수펌프 진동 점검"], "passage")[0].tolist()),
        ],
    )
    hits = index.search("equipment_docs", "급수펌프 진동", e.embed(["급수펌프 진동"], "query")[0].tolist())
    by_id = {h.id: h.score for h in hits}
    assert set(by_id) == {"kw", "vec", "both"}
    # "vec" has no keyword match: only its vector rank (1st) counts, 1 / (60 + 1).
    assert by_id["vec"] == pytest.approx(1 / 61)
    # "both" is 2nd in both lists; "kw" is 1st by keyword and last by vector.
    assert by_id["both"] == pytest.approx(2 / 62)
    assert by_id["kw"] == pytest.approx(1 / 61 + 1 / 63)
    assert [h.score for h in hits] == sorted(by_id.values(), reverse=True)


def _corpus() -> list[IndexDocument]:
    return [
        doc(
            "WO-1",
            "급수펌프 진동",
            unit="1",
            system="LAC",
            kks="1LAC10AP001",
            equipment_class="PU",
            failure_mode="VIB",
            date="2024-01-10",
            status="closed",
        ),
        doc(
            "WO-2",
            "급수펌프 진동",
            unit="2",
            system="LAC",
            kks="2LAC10AP001",
            equipment_class="PU",
            failure_mode="VIB",
            date="2025-06-01",
            status="closed",
        ),
        doc(
            "WO-3",
            "급수펌프 진동",
            unit="2",
            system="LAC",
            kks="2LAC10AP001",
            equipment_class="PU",
            failure_mode="VIB",
            date="2026-10-20",
            status="open",
        ),
        doc(
            "WO-4",
            "급수펌프 누설",
            unit="2",
            system="LAC",
            kks="2LAC20AP001",
            equipment_class="PU",
            failure_mode="ELP",
            date="2026-01-01",
            status="closed",
        ),
        doc(
            "WO-5",
            "송풍기 진동",
            unit="2",
            system="HLB",
            kks="2HLB10AN001",
            equipment_class="BL",
            failure_mode="VIB",
            date="2023-03-03",
            status="closed",
        ),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(unit="2"), {"WO-2", "WO-3", "WO-4", "WO-5"}),
        (SearchFilters(system="HLB"), {"WO-5"}),
        (SearchFilters(kks="2LAC10AP001"), {"WO-2", "WO-3"}),
        (SearchFilters(equipment_class="PU", failure_mode="VIB"), {"WO-1", "WO-2", "WO-3"}),
        (SearchFilters(status="open"), {"WO-3"}),
        (SearchFilters(date_from="2025-01-01"), {"WO-2", "WO-3", "WO-4"}),
        (SearchFilters(date_from="2025-01-01", date_to="2026-01-01"), {"WO-2", "WO-4"}),
        (SearchFilters(unit="9"), set()),
    ],
)
@pytest.mark.parametrize("exact_max", [10_000, 0])
def test_filters_on_every_field(
    index: LocalHybridIndex, monkeypatch: pytest.MonkeyPatch, filters: SearchFilters, expected: set[str], exact_max: int
) -> None:
    # 0 forces the HNSW-with-predicate vector path and the full-array keyword path.
    monkeypatch.setattr(local_index, "EXACT_MAX", exact_max)
    monkeypatch.setattr(local_index, "SUBSET_MAX", exact_max)
    index.upsert("work_orders", _corpus())
    vec = index.embedder.embed(["진동"], "query")[0].tolist()
    for text, vector in [("진동 누설 펌프 송풍기", None), ("", vec), ("펌프", vec), ("", None)]:
        got = set(ids(index.search("work_orders", text, vector, filters, top=10)))
        if vector is None and text:
            assert got <= expected  # keyword-only returns matching docs only
            assert got == {d for d in expected if d != "WO-5" or "송풍기" in text}
        else:
            assert got == expected


def test_filter_only_listing_is_newest_first(index: LocalHybridIndex) -> None:
    index.upsert("work_orders", _corpus())
    hits = index.search("work_orders", "", None, SearchFilters(equipment_class="PU"), top=2)
    assert ids(hits) == ["WO-3", "WO-4"]


def test_hits_carry_fields_and_payload(index: LocalHybridIndex) -> None:
    index.upsert("work_orders", [doc("WO-9", "펌프 진동", unit="1", payload={"actions": "베어링 교체", "hours": 6})])
    hit = index.search("work_orders", "진동", None)[0]
    assert hit.collection == "work_orders"
    assert hit.document["unit"] == "1"
    assert hit.document["payload"] == {"actions": "베어링 교체", "hours": 6}
    assert "vector" not in hit.document


def test_persists_and_reopens_with_snapshot_and_replay(tmp_path: Path) -> None:
    e = HashEmbedder()
    first = LocalHybridIndex(tmp_path / "i", e)
    first.upsert("work_orders", _corpus())
    first.flush()
    # Written after the snapshot: must be replayed from the SQLite file on open.
    first.upsert("work_orders", [doc("WO-6", "복수펌프 소음", unit="1", status="closed")])
    first.delete("work_orders", ["WO-1"])
    first.upsert("work_orders", [doc("WO-2", "교체된 내용 가스켓", unit="2", status="closed")])
    first._store.close()  # no flush: simulate a crash after the writes

    again = LocalHybridIndex(tmp_path / "i", e)
    assert again.count("work_orders") == 5
    assert ids(again.search("work_orders", "복수펌프 소음", None))[0] == "WO-6"
    assert "WO-1" not in ids(again.search("work_orders", "급수펌프 진동", None))
    assert ids(again.search("work_orders", "가스켓", None)) == ["WO-2"]
    vec = e.embed(["복수펌프 소음"], "query")[0].tolist()
    assert again.search("work_orders", "", vec, top=1)[0].id == "WO-6"
    again.delete("work_orders", ["WO-3"])  # a document that came from the loaded snapshot
    assert "WO-3" not in ids(again.search("work_orders", "진동 발생", q := e.embed(["진동"], "query")[0].tolist()))
    again.close()
    third = LocalHybridIndex(tmp_path / "i", e)
    assert third.count("work_orders") == 4
    assert ids(third.search("work_orders", "가스켓", None)) == ["WO-2"]
    assert "WO-3" not in ids(third.search("work_orders", "진동", q, top=10))
    assert third._collections["work_orders"].kw.n_docs == 4


def test_unknown_collection_and_bad_vector_raise_search_error(index: LocalHybridIndex) -> None:
    with pytest.raises(SearchError):
        index.search("nope", "x", None)
    with pytest.raises(SearchError):
        index.upsert("work_orders", [doc("X", "x", vector=[0.1, 0.2])])


def test_upsert_takes_vectors_as_one_array(index: LocalHybridIndex) -> None:
    e = HashEmbedder()
    vectors = e.embed(["밸브 누설", "펌프 진동"], "passage")
    index.upsert("work_orders", [doc("WO-1", "아무 말"), doc("WO-2", "다른 말")], vectors=vectors)
    assert index.search("work_orders", "", vectors[1].tolist(), top=1)[0].id == "WO-2"
    with pytest.raises(SearchError):
        index.upsert("work_orders", [doc("WO-3", "x")], vectors=vectors)


def test_dimension_mismatch_on_open_is_search_error(tmp_path: Path) -> None:
    LocalHybridIndex(tmp_path / "i", HashEmbedder()).close()
    with pytest.raises(SearchError):
        LocalHybridIndex(tmp_path / "i", HashEmbedder(dimension=16))


def test_many_upserts_grow_and_auto_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_index, "AUTO_SNAPSHOT", 700)
    idx = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    for b in range(3):
        idx.upsert("work_orders", [doc(f"WO-{b}-{i}", f"설비 {i} 진동 {b}", unit=str(i % 3)) for i in range(500)])
    assert idx.count("work_orders") == 1500
    assert idx.count("work_orders", SearchFilters(unit="1")) == 3 * 167
    assert (tmp_path / "i" / "work_orders.npz").exists()
    reopened = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    assert reopened.count("work_orders") == 1500
    assert ids(reopened.search("work_orders", "설비 7 진동 2", None, top=1)) == ["WO-2-7"]


def test_bulk_writes_one_snapshot_at_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_index, "AUTO_SNAPSHOT", 100)
    idx = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    with idx.bulk():
        for b in range(3):
            idx.upsert("work_orders", [doc(f"WO-{b}-{i}", f"설비 {i} 진동") for i in range(100)])
        assert not (tmp_path / "i" / "work_orders.npz").exists()
    assert (tmp_path / "i" / "work_orders.npz").exists()
    idx.upsert("work_orders", [doc(f"WO-9-{i}", "설비") for i in range(100)])
    assert LocalHybridIndex(tmp_path / "i", HashEmbedder()).count("work_orders") == 400


def test_keyword_scores_agree_between_full_and_subset_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idx = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    idx.upsert("work_orders", [doc(f"A{i}", f"급수펌프 진동 {i % 7} 베어링", unit=str(i % 2)) for i in range(300)])
    idx.flush()  # half the postings in the compact arrays, half in the delta
    idx.upsert("work_orders", [doc(f"B{i}", f"급수펌프 누설 {i % 5}", unit=str(i % 2)) for i in range(300)])
    results = []
    for subset_max in (0, 20_000):
        monkeypatch.setattr(local_index, "SUBSET_MAX", subset_max)
        got = idx.search("work_orders", "급수펌프 진동 누설 3", None, SearchFilters(unit="1"), top=50)
        assert all(h.document["unit"] == "1" for h in got)
        results.append([(h.id, round(h.score, 6)) for h in got])
    assert results[0] == results[1]
    assert len(results[0]) == 50


def test_snapshot_without_its_store_is_ignored(tmp_path: Path) -> None:
    first = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    first.upsert("work_orders", _corpus())
    first.close()
    for name in ("docs.sqlite", "docs.sqlite-wal", "docs.sqlite-shm"):
        (tmp_path / "i" / name).unlink(missing_ok=True)
    again = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    assert again.count("work_orders") == 0
    assert again.search("work_orders", "진동", None) == []
    again.upsert("work_orders", _corpus()[:1])
    assert ids(again.search("work_orders", "진동", None)) == ["WO-1"]
