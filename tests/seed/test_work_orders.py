from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta

from pmark3.catalog import load_catalog
from pmark3.plant import PlantData
from pmark3.seed import generate_plant
from pmark3.seed.failures import modes_for
from pmark3.seed.vocabulary import cue_priority

AS_OF = date(2026, 11, 1)


def test_default_count_is_30000_closed_orders_plus_a_few_dozen_open(plant: PlantData) -> None:
    closed = [w for w in plant.work_orders if w.status == "closed"]
    opened = [w for w in plant.work_orders if w.status == "open"]
    assert len(closed) == 30000
    assert 24 <= len(opened) <= 100


def test_ids_unique_and_follow_the_year_of_report(plant: PlantData) -> None:
    ids = [w.id for w in plant.work_orders]
    assert len(set(ids)) == len(ids)
    for w in plant.work_orders:
        assert re.fullmatch(r"WO-\d{4}-\d{5}", w.id)
        assert w.id[3:7] == str(w.reported_at.year)


def test_every_order_references_an_existing_location_with_consistent_fields(plant: PlantData) -> None:
    by_kks = {fl.kks: fl for fl in plant.locations}
    catalog = load_catalog()
    for w in plant.work_orders:
        fl = by_kks[w.kks]
        assert fl.parent is not None, "orders are written against equipment, not system groupings"
        assert (w.unit, w.system, w.equipment_class) == (fl.unit, fl.system, fl.equipment_class)
        assert w.failure_mode in catalog.failure_modes


def test_only_sensible_class_and_mode_combinations(plant: PlantData) -> None:
    by_kks = {fl.kks: fl for fl in plant.locations}
    for w in plant.work_orders:
        allowed = set(modes_for(by_kks[w.kks])) | {"ELF"}
        assert w.failure_mode in allowed, (w.equipment_class, w.failure_mode)
        if w.failure_mode == "ELF":
            assert w.system in {"EGB", "EGC", "HHA"}


def test_dates_span_ten_years_and_open_orders_are_recent(plant: PlantData) -> None:
    closed = [w for w in plant.work_orders if w.status == "closed"]
    assert min(w.reported_at for w in closed) >= AS_OF - timedelta(days=3653)
    assert min(w.reported_at for w in closed) < AS_OF - timedelta(days=3500)
    assert len({w.reported_at.year for w in closed}) >= 10
    for w in closed:
        assert w.closed_at is not None and w.reported_at <= w.closed_at < AS_OF
        assert w.actions and w.labour_hours > 0
    for w in plant.work_orders:
        if w.status == "open":
            assert w.closed_at is None and w.actions == "" and w.parts == []
            assert AS_OF - timedelta(days=30) <= w.reported_at < AS_OF


def test_priority_follows_the_cue_words_in_the_text(plant: PlantData) -> None:
    for w in plant.work_orders:
        assert w.priority == cue_priority(w.text), w.text
    counts = Counter(w.priority for w in plant.work_orders)
    assert counts[3] == max(counts.values())
    assert all(counts[p] > 500 for p in (1, 2, 4))


def test_pumps_mostly_vibrate_and_leak(plant: PlantData) -> None:
    modes = Counter(w.failure_mode for w in plant.work_orders if w.equipment_class == "PU")
    top = [m for m, _ in modes.most_common(2)]
    assert set(top) == {"VIB", "ELP"}
    # Not uniform: the most common mode is several times the rarest that occurs.
    assert modes.most_common(1)[0][1] > 5 * min(modes.values())


def test_typical_failures_per_class(plant: PlantData) -> None:
    def top(cls: str, n: int = 2) -> set[str]:
        modes = Counter(w.failure_mode for w in plant.work_orders if w.equipment_class == cls)
        return {m for m, _ in modes.most_common(n)}

    assert "LCP" in top("VA")
    assert "AIR" in top("IP", 1)
    assert "ELU" in top("PT", 1)
    assert "PLU" in top("FS", 1)
    assert "STD" in top("CV", 1)
    assert "OHE" in top("EM")


def test_criticality_a_equipment_fails_more_often_per_location(plant: PlantData) -> None:
    per_fl = Counter(w.kks for w in plant.work_orders)
    by_crit: dict[str, list[int]] = {"A": [], "C": []}
    for fl in plant.locations:
        if fl.parent is not None and fl.equipment_class == "PU" and fl.criticality in by_crit:
            by_crit[fl.criticality].append(per_fl[fl.kks])
    mean = {k: sum(v) / len(v) for k, v in by_crit.items()}
    assert mean["A"] > 1.3 * mean["C"]


def test_texts_mix_languages_shorthand_and_missing_units(plant: PlantData) -> None:
    texts = [w.text for w in plant.work_orders]
    hangul = sum(any("\uac00" <= ch <= "\ud7a3" for ch in t) for t in texts)
    assert 0.6 * len(texts) < hangul < 0.95 * len(texts)
    joined = "\n".join(texts)
    for form in (
        "#2 BFP",
        "2호기",
        "U1 ",
        "2U ",
        "BC-",
        "덜덜 떨림",
        "물이 샘",
        "소리 남",
        "안 돌아감",
        "벨브",
        "메카씰",
        "A미분기",
        "운탄 BC-",
    ):
        assert form in joined, form
    no_unit = [
        w
        for w in plant.work_orders
        if w.unit != "0"
        and not re.search(
            rf"{w.unit}(호기|U|-)|[#U]{w.unit}|"
            rf"^{w.unit}[A-Z]{{3}}|Unit {w.unit}",
            w.text,
        )
    ]
    assert len(no_unit) > 0.05 * len(texts)


def test_closed_orders_carry_parts_for_real_repairs(plant: PlantData) -> None:
    seals = [w for w in plant.work_orders if w.equipment_class == "PU" and w.failure_mode == "ELP" and w.parts]
    assert any(p.name == "mechanical seal" for w in seals for p in w.parts)
    assert any(p.name == "bearing 6316 C3" for w in plant.work_orders for p in w.parts)


def test_same_seed_same_data_other_seed_different_data() -> None:
    a = generate_plant(7, work_orders=1500)
    b = generate_plant(7, work_orders=1500)
    c = generate_plant(8, work_orders=1500)
    assert a.model_dump() == b.model_dump()
    assert [w.text for w in a.work_orders] != [w.text for w in c.work_orders]
    assert a.locations == c.locations  # the register is fixed; only the history varies


def test_work_order_count_and_as_of_are_honoured() -> None:
    data = generate_plant(1, work_orders=500, as_of=date(2020, 1, 1))
    closed = [w for w in data.work_orders if w.status == "closed"]
    assert len(closed) == 500
    assert max(w.reported_at for w in data.work_orders) < date(2020, 1, 1)


def test_circulating_water_screens_plug_mostly_in_summer(plant: PlantData) -> None:
    plugs = [
        w for w in plant.work_orders if w.system == "PAC" and w.equipment_class == "FS" and w.failure_mode == "PLU"
    ]
    summer = [w for w in plugs if w.reported_at.month in (6, 7, 8, 9)]
    assert len(plugs) > 20
    assert len(summer) > 0.6 * len(plugs)


def test_some_equipment_are_bad_actors(plant: PlantData) -> None:
    seals = Counter(
        w.kks for w in plant.work_orders if w.system == "LAC" and w.equipment_class == "PU" and w.failure_mode == "ELP"
    )
    assert len(seals) >= 6
    counts = sorted(seals.values())
    assert counts[-1] >= 1.5 * counts[0]


def test_output_does_not_depend_on_the_interpreter_hash_seed() -> None:
    """Set iteration order varies with PYTHONHASHSEED; the data must not."""
    script = (
        "import hashlib; from pmark3.seed import generate_plant; "
        "print(hashlib.sha256(generate_plant(3, work_orders=300).model_dump_json().encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(h)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for h in (1, 2)
    }
    assert len(digests) == 1
