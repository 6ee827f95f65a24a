"""Recommendations: evidence with sources, duplicates, diversity, degradation, no invented ids."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from pmark3.catalog import load_catalog
from pmark3.plant import Part, PlantData, Procedure, WorkOrder
from pmark3.ports import SearchHit
from pmark3.recommend import INDEX_DOWN, HistorySource, InMemoryHistory, recommend
from pmark3.search import LocalHybridIndex, index_plant_data, retrieve
from pmark3.search.synthetic import HashEmbedder, synthetic_plant, synthetic_register

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
KKS = "2LAC20AP001"


def wo(
    i: int,
    kks: str = KKS,
    fm: str = "VIB",
    actions: str = "베어링 교체",
    status: str = "closed",
    reported: date = date(2025, 5, 1),
    cls: str = "PU",
    hours: float = 6.0,
) -> WorkOrder:
    return WorkOrder(
        id=f"WO-{reported.year}-{i:05d}",
        kks=kks,
        unit=kks[0],
        system=kks[1:4],
        equipment_class=cls,
        failure_mode=fm,
        priority=2,
        text=f"{kks} 진동 {i}",
        reported_at=reported,
        closed_at=None if status == "open" else reported,
        status=status,  # type: ignore[arg-type]
        actions="" if status == "open" else actions,
        parts=[Part(name="bearing")] if status == "closed" else [],
        labour_hours=hours if status == "closed" else 0.0,
    )


def fields(
    kks: str | None = KKS, cls: str | None = "PU", fm: str | None = "VIB", conf: float = 0.95, **over: Any
) -> dict[str, Any]:
    f = {
        "location": {
            "original": "2호기 급수펌프 B",
            "normalized": kks,
            "confidence": conf,
            "alternatives": [],
            "unit": kks[0] if kks else None,
            "system": kks[1:4] if kks else None,
        },
        "equipment_type": {"original": "펌프", "normalized": cls, "confidence": conf, "alternatives": []},
        "status_code": {"original": "진동", "normalized": fm, "confidence": conf, "alternatives": []},
        "priority": {"original": None, "normalized": 2, "confidence": 0.9, "alternatives": []},
    }
    f.update(over)
    return f


def plant(work_orders: list[WorkOrder], procedures: list[Procedure] | None = None) -> PlantData:
    return PlantData(locations=synthetic_register(), work_orders=work_orders, procedures=procedures or [])


def hit(w: WorkOrder, score: float = 0.03) -> SearchHit:
    from pmark3.search import work_order_document

    d = work_order_document(w).model_dump(exclude={"vector"})
    return SearchHit(id=w.id, collection="work_orders", score=score, document=d)


def test_history_source_protocol() -> None:
    assert isinstance(InMemoryHistory(plant([])), HistorySource)


def test_open_duplicate_within_30_days_is_reported() -> None:
    dup = wo(1, status="open", reported=date(2026, 10, 20))
    old = wo(2, status="open", reported=date(2026, 9, 1))  # outside the window
    other_fm = wo(3, fm="ELP", status="open", reported=date(2026, 10, 25))
    rs = recommend(fields(), {}, InMemoryHistory(plant([dup, old, other_fm])), load_catalog(), NOW)
    assert rs.duplicate_of == dup.id
    first = rs.recommendations[0]
    assert first.kind == "duplicate" and first.id == dup.id
    assert f"duplicate of {dup.id}" in first.reason


def test_no_duplicate_when_location_is_uncertain_but_warns() -> None:
    dup = wo(1, status="open", reported=date(2026, 10, 20))
    rs = recommend(fields(conf=0.5), {}, InMemoryHistory(plant([dup])), load_catalog(), NOW)
    assert rs.duplicate_of is None
    assert any(dup.id in w for w in rs.warnings)


def test_similar_work_orders_cite_source_and_are_diverse() -> None:
    same = [wo(i, actions="베어링 교체") for i in range(1, 8)]  # seven copies of one job on this pump
    varied = [wo(10, actions="축 정렬 조정", hours=4), wo(11, kks="2LAC10AP001", actions="로터 밸런싱", hours=8)]
    p = plant(same + varied)
    hits = {"work_orders": [hit(w) for w in same + varied]}
    rs = recommend(fields(), hits, InMemoryHistory(p), load_catalog(), NOW)
    wos = [r for r in rs.recommendations if r.kind == "work_order"]
    assert 3 <= len(wos) <= 5
    actions = [r.details["actions"] for r in wos]
    assert actions.count("베어링 교체") == 1  # one per (FL, job)
    assert {"축 정렬 조정", "로터 밸런싱"} <= set(actions)
    for r in wos:
        assert r.reason.startswith(f"{r.id}: ")
        assert 0.0 <= r.score <= 1.0
    top = next(r for r in wos if r.details["actions"] == "베어링 교체")
    assert "same equipment" in top.reason and "same failure mode" in top.reason and "6 h" in top.reason
    sister = next(r for r in wos if r.id == varied[1].id)
    assert "2LAC10AP001" in sister.reason
    assert sister.score < top.score


def test_procedures_for_class_system_and_failure_mode() -> None:
    procs = [
        Procedure(
            id="PRC-001",
            kind="repair",
            title_ko="급수펌프 베어링 교체",
            title_en="BFP bearing",
            equipment_class="PU",
            systems=["LAC"],
            failure_modes=["VIB"],
        ),
        Procedure(
            id="PRC-002", kind="isolation", title_ko="펌프 격리", title_en="pump isolation", equipment_class="PU"
        ),
        Procedure(
            id="PRC-003",
            kind="repair",
            title_ko="팬 베어링",
            title_en="fan bearing",
            equipment_class="BL",
            failure_modes=["VIB"],
        ),
        Procedure(
            id="PRC-004",
            kind="repair",
            title_ko="펌프 씰",
            title_en="pump seal",
            equipment_class="PU",
            systems=["LAC"],
            failure_modes=["ELP"],
        ),
    ]
    rs = recommend(fields(), {}, InMemoryHistory(plant([], procs)), load_catalog(), NOW)
    got = [r.id for r in rs.recommendations if r.kind == "procedure"]
    assert got == ["PRC-001", "PRC-002"]
    assert rs.recommendations[[r.id for r in rs.recommendations].index("PRC-001")].reason.startswith("PRC-001: ")


def test_alternative_codes_below_confidence_threshold() -> None:
    f = fields()
    f["status_code"] = {
        "original": "소리",
        "normalized": "NOI",
        "confidence": 0.55,
        "alternatives": [{"value": "VIB", "confidence": 0.4}, {"value": "XXX", "confidence": 0.3}],
    }
    f["location"]["confidence"] = 0.6
    f["location"]["alternatives"] = [
        {"value": "2LAC10AP001", "confidence": 0.3},
        {"value": "9ZZZ99ZZ999", "confidence": 0.2},
    ]
    rs = recommend(f, {}, InMemoryHistory(plant([])), load_catalog(), NOW)
    codes = {(r.details["field"], r.id) for r in rs.recommendations if r.kind == "code"}
    assert codes == {("status_code", "VIB"), ("location", "2LAC10AP001")}  # unknown codes are never offered


def test_confident_fields_get_no_alternatives() -> None:
    f = fields()
    f["status_code"]["alternatives"] = [{"value": "NOI", "confidence": 0.1}]
    rs = recommend(f, {}, InMemoryHistory(plant([])), load_catalog(), NOW)
    assert not [r for r in rs.recommendations if r.kind == "code"]


def test_index_down_degrades_to_history_with_warning() -> None:
    history = [wo(1), wo(2, actions="축 정렬 조정"), wo(3, kks="2LAC10AP001"), wo(4, fm="ELP", actions="씰 교체")]
    rs = recommend(fields(), None, InMemoryHistory(plant(history)), load_catalog(), NOW)
    assert INDEX_DOWN in rs.warnings
    got = [r.id for r in rs.recommendations if r.kind == "work_order"]
    assert got[:2] == [history[0].id, history[1].id] or set(got[:2]) == {history[0].id, history[1].id}
    assert history[2].id in got


def test_never_cites_an_id_that_does_not_exist() -> None:
    real = wo(1)
    ghost = wo(99, reported=date(2024, 1, 1))  # in the (stale) index, not in the store
    ghost_proc = SearchHit(
        id="PRC-999",
        collection="procedure_docs",
        score=0.1,
        document={"id": "PRC-999", "equipment_class": "PU", "payload": {"title": "x"}},
    )
    hits = {"work_orders": [hit(ghost), hit(real)], "procedure_docs": [ghost_proc]}
    rs = recommend(fields(), hits, InMemoryHistory(plant([real])), load_catalog(), NOW)
    cited = {r.id for r in rs.recommendations}
    assert real.id in cited
    assert ghost.id not in cited and "PRC-999" not in cited
    assert any("unknown ids" in w and ghost.id in w and "PRC-999" in w for w in rs.warnings)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_end_to_end_every_cited_id_exists(tmp_path: Path, seed: int) -> None:
    p = synthetic_plant(work_orders=400, seed=seed, open_recent=10)
    index = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    index_plant_data(index, p)
    history = InMemoryHistory(p)
    known = {w.id for w in p.work_orders} | {x.id for x in p.procedures} | {fl.kks for fl in p.locations}
    cat = load_catalog()
    for w in p.work_orders[::37]:
        f = fields(kks=w.kks, cls=w.equipment_class, fm=w.failure_mode, conf=0.9 if w.id[-1] in "0123456" else 0.6)
        hits = retrieve(index, index.embedder, w.text, f)
        for rs in (recommend(f, hits, history, cat, NOW), recommend(f, None, history, cat, NOW)):
            for r in rs.recommendations:
                if r.kind == "code":
                    continue
                assert r.id in known
                assert r.reason.startswith(r.id)
            if rs.duplicate_of:
                assert rs.duplicate_of in known


def test_few_distinct_jobs_in_hits_are_completed_from_sister_equipment() -> None:
    here = [wo(i, actions="베어링 교체" if i % 2 else "축 정렬 조정") for i in range(1, 9)]
    sister = [
        wo(20 + i, kks="2LAC10AP001", actions=a) for i, a in enumerate(["로터 밸런싱", "커플링 교체", "베어링 교체"])
    ]
    other_fault = [wo(40, fm="ELP", actions="씰 교체")]
    hits = {"work_orders": [hit(w) for w in here]}
    rs = recommend(fields(), hits, InMemoryHistory(plant(here + sister + other_fault)), load_catalog(), NOW)
    wos = [r for r in rs.recommendations if r.kind == "work_order"]
    assert len(wos) == 5
    assert {r.details["kks"] for r in wos} == {KKS, "2LAC10AP001"}
    assert all(r.details["failure_mode"] == "VIB" for r in wos)
    assert [r.score for r in wos] == sorted((r.score for r in wos), reverse=True)
