"""The SQL store and the batch's snapshot answer the recommendations' HistorySource exactly
as the reference does."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pmark3.plant import PlantData, WorkOrder
from pmark3.recommend.history import HistorySource, InMemoryHistory, SnapshotHistory
from pmark3.seed import generate_plant
from pmark3.store import SqlStore


@pytest.fixture(scope="module")
def plant() -> PlantData:
    return generate_plant(7, work_orders=1500)


@pytest.fixture(scope="module")
def sql(plant: PlantData, tmp_path_factory: pytest.TempPathFactory) -> SqlStore:
    store = SqlStore(f"sqlite:///{tmp_path_factory.mktemp('hist') / 'h.db'}")
    store.create_schema()
    store.load_plant(plant)
    return store


@pytest.fixture(params=["sql", "snapshot"])
def source(request: pytest.FixtureRequest, plant: PlantData, sql: SqlStore) -> HistorySource:
    return sql if request.param == "sql" else SnapshotHistory(plant, live=sql)


def _ids(rows: list) -> list[str]:
    return [r.id for r in rows]


def test_store_is_a_history_source(source: HistorySource) -> None:
    assert isinstance(source, HistorySource)


def test_similar_work_orders_match_the_reference(plant: PlantData, source: HistorySource) -> None:
    ref = InMemoryHistory(plant)
    probes = plant.work_orders[:40:4]
    for wo in probes:
        for kwargs in (
            {
                "kks": wo.kks,
                "equipment_class": wo.equipment_class,
                "failure_mode": wo.failure_mode,
                "system": wo.system,
            },
            {"kks": None, "equipment_class": wo.equipment_class, "failure_mode": wo.failure_mode, "system": wo.system},
            {"kks": wo.kks, "equipment_class": None, "failure_mode": None},
            {"kks": None, "equipment_class": wo.equipment_class, "failure_mode": None, "system": wo.system},
            {"kks": wo.kks, "equipment_class": wo.equipment_class, "failure_mode": None},
        ):
            for limit in (15, 50):
                assert _ids(source.similar_work_orders(**kwargs, limit=limit)) == _ids(
                    ref.similar_work_orders(**kwargs, limit=limit)
                )
    assert source.similar_work_orders(kks=None, equipment_class=None, failure_mode="VIB") == []


def test_open_work_orders_and_procedures_match_the_reference(plant: PlantData, source: HistorySource) -> None:
    ref = InMemoryHistory(plant)
    open_orders = [w for w in plant.work_orders if w.status == "open"]
    assert open_orders, "the demo plant has open notifications"
    for wo in open_orders[:10]:
        since = wo.reported_at - timedelta(days=30)
        assert _ids(source.open_work_orders(kks=wo.kks, failure_mode=wo.failure_mode, since=since)) == _ids(
            ref.open_work_orders(kks=wo.kks, failure_mode=wo.failure_mode, since=since)
        )
        assert source.open_work_orders(kks=wo.kks, failure_mode=wo.failure_mode, since=date(2100, 1, 1)) == []
    for proc in plant.procedures[:20]:
        system = proc.systems[0] if proc.systems else None
        mode = proc.failure_modes[0] if proc.failure_modes else None
        assert _ids(source.procedures_for(proc.equipment_class, system, mode)) == _ids(
            ref.procedures_for(proc.equipment_class, system, mode)
        )
        assert _ids(source.procedures_for(proc.equipment_class)) == _ids(ref.procedures_for(proc.equipment_class))


def test_existing_ids(plant: PlantData, source: HistorySource, tmp_path: Path) -> None:
    wanted = {plant.work_orders[0].id, plant.procedures[0].id, plant.locations[0].kks, "WO-1999-00000", "PRC-999"}
    assert source.existing_ids(wanted) == InMemoryHistory(plant).existing_ids(wanted)
    assert "WO-1999-00000" not in source.existing_ids(wanted)


def test_the_snapshot_sees_notifications_raised_after_it(plant: PlantData, tmp_path: Path) -> None:
    store = SqlStore(f"sqlite:///{tmp_path / 'h.db'}")
    store.create_schema()
    store.load_plant(plant)
    snapshot = SnapshotHistory(plant, live=store)
    first = plant.work_orders[0]
    raised = WorkOrder(
        **{**first.model_dump(), "id": "WO-2099-00001", "status": "open", "reported_at": date(2099, 1, 2)}
    )
    store.upsert_work_order(raised)
    found = snapshot.open_work_orders(kks=first.kks, failure_mode=first.failure_mode, since=date(2099, 1, 1))
    assert _ids(found) == ["WO-2099-00001"]
    assert snapshot.existing_ids(["WO-2099-00001", first.id]) == {"WO-2099-00001", first.id}
