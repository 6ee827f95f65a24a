from __future__ import annotations

import re
from collections import Counter

from pmark3.catalog import load_catalog
from pmark3.plant import PlantData
from pmark3.seed.register import COMMON_SYSTEMS, TRAIN_NUMBER, build_register

KKS_RE = re.compile(r"^(?P<unit>[012])(?P<system>[A-Z]{3})(?:(?P<number>\d{2})(?P<code>[A-Z]{2})(?P<seq>\d{3}))?$")


def test_register_has_at_least_600_locations_over_all_50_systems() -> None:
    register = build_register()
    assert len(register) >= 600
    assert {fl.system for fl in register} == set(load_catalog().systems)
    assert len(load_catalog().systems) == 50


def test_plant_common_systems_exist_only_as_unit_0_and_the_rest_only_in_units_1_and_2() -> None:
    units_by_system: dict[str, set[str]] = {}
    for fl in build_register():
        units_by_system.setdefault(fl.system, set()).add(fl.unit)
    for system, units in units_by_system.items():
        expected = {"0"} if system in COMMON_SYSTEMS else {"1", "2"}
        assert units == expected, system
    assert {"EAC", "GCF", "EGB", "EGC"} == COMMON_SYSTEMS


def test_every_kks_code_matches_the_pattern_and_its_own_fields() -> None:
    codes = load_catalog().equipment_classes
    for fl in build_register():
        m = KKS_RE.match(fl.kks)
        assert m, fl.kks
        assert m["unit"] == fl.unit and m["system"] == fl.system
        assert fl.equipment_class in codes
        if m["number"] is None:
            assert fl.parent is None  # system-level entry
        else:
            assert fl.parent is not None
            if fl.train:
                assert m["number"] == TRAIN_NUMBER[fl.train]


def test_kks_codes_unique_and_parents_exist_in_the_same_unit_and_system() -> None:
    register = build_register()
    by_kks = {fl.kks: fl for fl in register}
    assert len(by_kks) == len(register)
    for fl in register:
        if fl.parent is not None:
            parent = by_kks[fl.parent]
            assert (parent.unit, parent.system) == (fl.unit, fl.system)


def test_feedwater_pump_b_of_unit_2_carries_the_aliases_operators_write() -> None:
    fl = {f.kks: f for f in build_register()}["2LAC20AP001"]
    assert fl.equipment_class == "PU" and fl.train == "B" and fl.unit == "2" and fl.criticality == "A"
    for alias in ("2-BFP-B", "#2 BFP B", "2호기 급수펌프 B", "2U BFP-B", "2호기 BFP B", "U2 BFP B"):
        assert alias in fl.aliases


def test_pumps_have_aliases_in_every_unit_form() -> None:
    pumps = [fl for fl in build_register() if fl.equipment_class == "PU" and fl.unit != "0" and fl.train]
    assert pumps
    for fl in pumps:
        if fl.parent and len(fl.parent) > 4:
            continue  # sub-pumps (lube oil, booster) hang off their parent's tag instead
        assert any(a.startswith(f"#{fl.unit} ") for a in fl.aliases), fl.kks
        assert any(a.startswith(f"U{fl.unit} ") for a in fl.aliases), fl.kks
        assert any(a.startswith(f"{fl.unit}호기 ") for a in fl.aliases), fl.kks
        assert any(a.startswith(f"{fl.unit}-") for a in fl.aliases), fl.kks


def test_system_shorthand_appears_in_aliases() -> None:
    aliases = {a for fl in build_register() for a in fl.aliases}
    for tag in (
        "#1 CWP A",
        "#2 CCW B",
        "U1 CEP A",
        "#2 FDF A",
        "U1 IDF B",
        "#1 PAF A",
        "#2 GAH B",
        "BC-4",
        "U1 GSU",
        "#2 UAT A",
        "U2 SOP A",
        "#1 MILL D",
        "2-IK-07",
        "U2 ESP-CTL",
        "#1 RCP A",
    ):
        assert tag in aliases, tag


def test_aliases_are_unique_across_the_register() -> None:
    counts = Counter(a.lower() for fl in build_register() for a in fl.aliases)
    assert [a for a, c in counts.items() if c > 1] == []


def test_names_in_both_languages_and_criticality_mix(plant: PlantData) -> None:
    crit = Counter(fl.criticality for fl in plant.locations)
    assert set(crit) == {"A", "B", "C"}
    for fl in plant.locations:
        assert any("\uac00" <= ch <= "\ud7a3" for ch in fl.name_ko), fl.name_ko
        assert fl.name_en.isascii(), fl.name_en


def test_korean_train_first_forms_and_common_area_words() -> None:
    by_kks = {fl.kks: fl for fl in build_register()}
    assert "2호기 A미분기 윤활유펌프" in by_kks["2HFC10AP001"].aliases
    assert "1호기 D급탄기" in by_kks["1HFB40AF001"].aliases
    assert "운탄 BC-4" in by_kks["0EAC10AF004"].aliases
    assert "2호기 LT 2A" in by_kks["2HAD10CL001"].aliases
