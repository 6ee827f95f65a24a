from __future__ import annotations

import re

from pmark3.catalog import load_catalog
from pmark3.plant import PlantData


def test_at_least_150_procedures_with_unique_ids(plant: PlantData) -> None:
    ids = [p.id for p in plant.procedures]
    assert len(ids) >= 150
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"PRC-\d{3}", i) for i in ids)


def test_every_register_class_has_isolation_inspection_and_repair(plant: PlantData) -> None:
    classes = {fl.equipment_class for fl in plant.locations}
    for cls in classes:
        kinds = {p.kind for p in plant.procedures if p.equipment_class == cls}
        assert kinds == {"isolation", "inspection", "repair"}, cls


def test_procedures_are_short_korean_steps_with_valid_codes(plant: PlantData) -> None:
    catalog = load_catalog()
    for p in plant.procedures:
        assert 4 <= len(p.steps) <= 8, p.title_ko
        assert all(any("\uac00" <= ch <= "\ud7a3" for ch in s) for s in p.steps)
        assert p.title_ko.endswith("절차") and p.title_en.isascii()
        assert p.equipment_class in catalog.equipment_classes
        assert set(p.systems) <= set(catalog.systems)
        assert set(p.failure_modes) <= set(catalog.failure_modes)
        if p.kind == "repair":
            assert p.failure_modes


def test_named_equipment_procedures_exist(plant: PlantData) -> None:
    titles = {p.title_ko: p for p in plant.procedures}
    seal = titles["급수펌프 메카니컬씰 교체 절차"]
    assert seal.systems == ["LAC"] and seal.failure_modes == ["ELP"] and seal.equipment_class == "PU"
    assert any(p.systems == ["EAC"] and p.equipment_class == "CV" for p in plant.procedures)
