"""The hand-labeled dev/test sets parse and follow the catalog and the labeling conventions."""

from __future__ import annotations

import pytest

from pmark3.evaluation import Example, check_labels, default_path, load_examples


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
