"""The hand-labeled dev/test sets parse and follow the catalog and the labeling conventions."""

from __future__ import annotations

from collections import Counter

import pytest

from pmark3.catalog import load_catalog
from pmark3.evaluation import Example, check_labels, default_path, detect_language, load_examples


@pytest.fixture(scope="module")
def dev() -> list[Example]:
    return load_examples(default_path("dev"))


@pytest.fixture(scope="module")
def test_set() -> list[Example]:
    return load_examples(default_path("test"))


def test_sets_parse_with_their_id_prefixes(dev: list[Example], test_set: list[Example]) -> None:
    assert dev and test_set
    assert all(e.id.startswith("D") for e in dev)
    assert all(e.id.startswith("T") for e in test_set)
    assert [e.id for e in dev] == [f"D{i:03d}" for i in range(1, len(dev) + 1)]
    assert [e.id for e in test_set] == [f"T{i:03d}" for i in range(1, len(test_set) + 1)]


def test_no_request_text_is_in_both_sets(dev: list[Example], test_set: list[Example]) -> None:
    assert not {e.text for e in dev} & {e.text for e in test_set}


def test_every_label_is_a_catalog_code_and_follows_the_conventions(dev: list[Example], test_set: list[Example]) -> None:
    assert check_labels(dev + test_set) == []


def test_every_line_states_its_language(dev: list[Example], test_set: list[Example]) -> None:
    assert all(e.lang in ("ko", "en", "mixed") for e in dev + test_set)


# Classes that a coal/LNG steam plant barely has; the README says why they are rare or absent.
RARE_CLASSES = {"GT"}


def test_coverage_rules(dev: list[Example], test_set: list[Example]) -> None:
    cat = load_catalog()
    all_ = dev + test_set
    assert len(all_) >= 400

    systems = Counter(e.expected.kks_system for e in all_)
    assert {s: n for s, n in systems.items() if s in cat.systems and n < 3} == {}
    assert set(cat.systems) <= set(systems)

    classes = Counter(e.expected.equipment_class for e in all_)
    thin = {c for c in cat.equipment_classes if classes[c] < 3}
    assert thin <= RARE_CLASSES

    modes = Counter(e.expected.failure_mode for e in all_)
    assert set(cat.failure_modes) <= set(modes), "every failure mode appears at least once"

    assert {e.expected.priority for e in all_} == {1, 2, 3, 4, None}
    assert sum(e.expected.unit is None for e in all_) >= 40

    n = len(all_)
    scen = Counter(e.expected.scenario for e in all_)
    assert 0.6 <= scen["S1"] / n <= 0.8
    assert 0.1 <= scen["S2"] / n <= 0.2
    assert 0.1 <= scen["S3"] / n <= 0.2
    lang = Counter(e.language for e in all_)
    assert 0.45 <= lang["ko"] / n <= 0.65
    assert 0.15 <= lang["en"] / n <= 0.3
    assert 0.15 <= lang["mixed"] / n <= 0.35


def test_split_is_about_40_60_in_every_scenario_and_language(dev: list[Example], test_set: list[Example]) -> None:
    assert 0.33 <= len(dev) / (len(dev) + len(test_set)) <= 0.45
    d = Counter((e.expected.scenario, e.language) for e in dev)
    t = Counter((e.expected.scenario, e.language) for e in test_set)
    for key in d.keys() | t.keys():
        share = d[key] / (d[key] + t[key])
        assert 0.2 <= share <= 0.5, (key, d[key], t[key])


def test_stated_language_matches_the_script(dev: list[Example], test_set: list[Example]) -> None:
    assert [e.id for e in dev + test_set if detect_language(e.text) != e.lang] == []
