"""retrieve(): four collections at once, filters only from confident fields."""

from __future__ import annotations

from typing import Any

import pytest

from pmark3.models import NormalizedField
from pmark3.ports import COLLECTIONS, LocationField, NormalizedFields
from pmark3.search import LocalHybridIndex, confident_codes, index_plant_data, retrieve
from pmark3.search.synthetic import HashEmbedder, synthetic_plant


def fields(kks: str | None, cls: str | None, fm: str | None, conf: float = 0.9) -> dict[str, Any]:
    return {
        "location": {
            "normalized": kks,
            "confidence": conf,
            "unit": kks[0] if kks else None,
            "system": kks[1:4] if kks else None,
        },
        "equipment_type": {"normalized": cls, "confidence": conf},
        "status_code": {"normalized": fm, "confidence": conf},
        "priority": {"normalized": 2, "confidence": conf},
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalHybridIndex, Any]:
    plant = synthetic_plant(work_orders=600, seed=11, open_recent=5)
    index = LocalHybridIndex(tmp_path_factory.mktemp("r") / "i", HashEmbedder())
    n = index_plant_data(index, plant)
    assert n == 2 * len(plant.locations) + len(plant.procedures) + len(plant.work_orders)
    return index, plant


def test_confident_codes_accepts_models_and_dicts() -> None:
    model = NormalizedFields(
        location=LocationField(normalized="2LAC20AP001", confidence=0.95, unit="2", system="LAC"),
        equipment_type=NormalizedField(normalized="PU", confidence=0.5),
        status_code=NormalizedField(normalized="VIB", confidence=0.85),
        priority=NormalizedField(normalized=1, confidence=0.9),
    )
    codes = confident_codes(model)
    assert codes == {"kks": "2LAC20AP001", "unit": "2", "system": "LAC", "equipment_class": None, "failure_mode": "VIB"}
    assert confident_codes(fields(None, "PU", "VIB", conf=0.5))["failure_mode"] is None


def test_returns_every_collection(built: tuple[LocalHybridIndex, Any]) -> None:
    index, _ = built
    hits = retrieve(index, index.embedder, "2호기 급수펌프 B 진동 심함", fields("2LAC20AP001", "PU", "VIB"))
    assert set(hits) == set(COLLECTIONS)
    assert all(hits[c] for c in COLLECTIONS)
    assert hits["location_docs"][0].id == "2LAC20AP001"


def test_same_location_first_then_same_class(built: tuple[LocalHybridIndex, Any]) -> None:
    index, plant = built
    hits = retrieve(index, index.embedder, "2호기 급수펌프 B 진동 심함", fields("2LAC20AP001", "PU", "VIB"), top=10)
    wos = hits["work_orders"]
    n_same = sum(1 for w in plant.work_orders if w.kks == "2LAC20AP001" and w.failure_mode == "VIB")
    assert n_same >= 1
    head = wos[: min(n_same, 10)]
    assert all(h.document["kks"] == "2LAC20AP001" and h.document["failure_mode"] == "VIB" for h in head)
    assert all(h.document["equipment_class"] == "PU" and h.document["failure_mode"] == "VIB" for h in wos)
    assert len({h.id for h in wos}) == len(wos)


def test_unconfident_fields_do_not_filter(built: tuple[LocalHybridIndex, Any]) -> None:
    index, _ = built
    hits = retrieve(index, index.embedder, "송풍기 진동", fields("2LAC20AP001", "PU", "VIB", conf=0.3), top=10)
    classes = {h.document["equipment_class"] for h in hits["work_orders"]}
    assert "BL" in classes  # the wrong guess (PU) did not hide fan work orders


def test_named_location_boosts_its_history_when_the_code_is_unsure(built: tuple[LocalHybridIndex, Any]) -> None:
    index, plant = built
    f = fields(None, "PU", "VIB")
    f["location"] = {"normalized": None, "confidence": 0.0, "unit": None, "system": None}
    hits = retrieve(index, index.embedder, "#2 BFP B 진동 심함", f, top=10)
    same = [w for w in plant.work_orders if w.kks == "2LAC20AP001" and w.failure_mode == "VIB" and w.status == "closed"]
    assert same
    head = hits["work_orders"][: min(3, len(same))]
    assert all(h.document["kks"] == "2LAC20AP001" for h in head)
    assert all(h.document["failure_mode"] == "VIB" for h in hits["work_orders"])


def test_text_only_query_is_steered_by_what_the_best_hits_agree_on(built: tuple[LocalHybridIndex, Any]) -> None:
    index, _ = built
    hits = retrieve(index, index.embedder, "2호기 압입송풍기 A 이상 소음 발생", fields(None, None, None), top=5)
    top = hits["work_orders"]
    assert len(top) == 5
    assert sum(h.document["equipment_class"] == "BL" and h.document["failure_mode"] == "NOI" for h in top) >= 3
