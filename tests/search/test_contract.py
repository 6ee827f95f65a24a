"""One contract for every ports.VectorIndex: the local index and the Azure adapter.

The Azure adapter runs through the real SDK against FakeSearchService at the
transport boundary, so these tests check that both give the same answers to the
same calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pmark3.errors import SearchError
from pmark3.ports import IndexDocument, SearchFilters, VectorIndex
from pmark3.search import LocalHybridIndex
from pmark3.search.azure import AzureSearchIndex
from pmark3.search.synthetic import HashEmbedder
from tests.search.azure_fakes import ENDPOINT, FakeCredential, FakeSearchService, RecordingTransport

E = HashEmbedder()


@pytest.fixture(params=["local", "azure"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[VectorIndex]:
    if request.param == "local":
        yield LocalHybridIndex(tmp_path / "local", E)
    else:
        transport = RecordingTransport(FakeSearchService(tmp_path / "service"))
        yield AzureSearchIndex(ENDPOINT, E, credential=FakeCredential(), transport=transport, sleep=lambda s: None)


def docs() -> list[IndexDocument]:
    rows = [
        ("WO-1", "1호기 급수펌프 A 진동 심함", "1", "LAC", "1LAC10AP001", "PU", "VIB", "2024-01-10", "closed"),
        ("WO-2", "2호기 급수펌프 A 진동 증가", "2", "LAC", "2LAC10AP001", "PU", "VIB", "2025-06-01", "closed"),
        ("WO-3", "2호기 급수펌프 A 진동 발생", "2", "LAC", "2LAC10AP001", "PU", "VIB", "2026-10-20", "open"),
        ("WO-4", "2호기 급수펌프 B 메카니컬 씰 누설", "2", "LAC", "2LAC20AP001", "PU", "ELP", "2026-01-01", "closed"),
        ("WO-5", "2호기 압입송풍기 A 진동", "2", "HLB", "2HLB10AN001", "BL", "VIB", "2023-03-03", "closed"),
    ]
    return [
        IndexDocument.model_validate(
            {
                "id": i,
                "text": t,
                "unit": u,
                "system": s,
                "kks": k,
                "equipment_class": c,
                "failure_mode": f,
                "date": d,
                "status": st,
                "payload": {"title": t, "labour_hours": 6.0, "parts": [{"name": "bearing", "quantity": 1}]},
            }
        )
        for i, t, u, s, k, c, f, d, st in rows
    ]


def q(text: str) -> list[float]:
    return [float(x) for x in E.embed([text], "query")[0]]


def ids(hits: list) -> list[str]:
    return [h.id for h in hits]


def test_upsert_then_hybrid_search_finds_it(index: VectorIndex) -> None:
    index.upsert("work_orders", docs())
    hits = index.search("work_orders", "급수펌프 누설", q("급수펌프 누설"), top=3)
    assert hits[0].id == "WO-4"
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_hit_document_round_trips_fields_and_payload(index: VectorIndex) -> None:
    index.upsert("work_orders", docs())
    hit = index.search("work_orders", "메카니컬 씰", None, top=1)[0]
    assert hit.collection == "work_orders"
    assert hit.document == {
        "id": "WO-4",
        "text": "2호기 급수펌프 B 메카니컬 씰 누설",
        "unit": "2",
        "system": "LAC",
        "kks": "2LAC20AP001",
        "equipment_class": "PU",
        "failure_mode": "ELP",
        "date": "2026-01-01",
        "status": "closed",
        "payload": {
            "title": "2호기 급수펌프 B 메카니컬 씰 누설",
            "labour_hours": 6.0,
            "parts": [{"name": "bearing", "quantity": 1}],
        },
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(unit="2", failure_mode="VIB"), {"WO-2", "WO-3", "WO-5"}),
        (SearchFilters(kks="2LAC10AP001", status="open"), {"WO-3"}),
        (SearchFilters(equipment_class="PU", date_from="2025-01-01", date_to="2026-06-30"), {"WO-2", "WO-4"}),
        (SearchFilters(system="HLB"), {"WO-5"}),
        (SearchFilters(unit="9"), set()),
    ],
)
def test_filters_restrict_hybrid_results(index: VectorIndex, filters: SearchFilters, expected: set[str]) -> None:
    index.upsert("work_orders", docs())
    assert set(ids(index.search("work_orders", "진동", q("진동"), filters, top=10))) == expected


def test_korean_compound_spelling(index: VectorIndex) -> None:
    index.upsert(
        "equipment_docs",
        [
            IndexDocument(id="A", text="급수 펌프"),
            IndexDocument(id="B", text="급수펌프의 베어링"),
            IndexDocument(id="C", text="복수기 진공"),
        ],
    )
    assert set(ids(index.search("equipment_docs", "급수펌프", None))) == {"A", "B"}


def test_replace_and_delete_by_id(index: VectorIndex) -> None:
    index.upsert("work_orders", docs())
    index.upsert("work_orders", [docs()[0].model_copy(update={"text": "1호기 급수펌프 A 커플링 파손"})])
    assert ids(index.search("work_orders", "커플링", None)) == ["WO-1"]
    index.delete("work_orders", ["WO-1", "WO-2"])
    assert set(ids(index.search("work_orders", "진동", q("진동"), top=10))) == {"WO-3", "WO-4", "WO-5"}


def test_filter_only_listing_newest_first(index: VectorIndex) -> None:
    index.upsert("work_orders", docs())
    assert ids(index.search("work_orders", "", None, SearchFilters(equipment_class="PU"), top=2)) == ["WO-3", "WO-4"]


def test_collections_are_separate_and_unknown_is_an_error(index: VectorIndex) -> None:
    index.upsert("work_orders", docs())
    assert index.search("procedure_docs", "진동", q("진동")) == []
    with pytest.raises(SearchError):
        index.search("bogus", "진동", None)
