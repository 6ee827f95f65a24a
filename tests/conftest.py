"""Shared fixtures: a seeded demo plant built once per session, copied fresh for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pmark3.config import Settings

# Small enough to build quickly, large enough for real evidence (the default is 30,000).
TEST_WORK_ORDERS = 3000
# Pinned so every run sees the same plant (the default follows today's date).
TEST_AS_OF = date(2026, 11, 1)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    # _env_file=None: a developer's .env must not change what the tests see.
    return Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=data_dir, seed_work_orders=TEST_WORK_ORDERS, seed_as_of=TEST_AS_OF, **overrides
    )


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plant data and search index, built once with the real generator and indexer."""
    from pmark3.workflow.deps import build_deps

    data_dir = tmp_path_factory.mktemp("seeded")
    deps = build_deps(make_settings(data_dir))
    deps.store.close()
    close = getattr(deps.index, "close", None)
    if close:
        close()
    return data_dir


@pytest.fixture
def settings(tmp_path: Path, seeded_dir: Path) -> Settings:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_dir, data_dir)
    return make_settings(data_dir)


@pytest.fixture
def deps(settings: Settings) -> Iterator[Any]:
    from pmark3.workflow.deps import build_deps

    built = build_deps(settings)
    yield built
    built.store.close()


@pytest.fixture
def engine(deps: Any) -> Iterator[Any]:
    from pmark3.workflow.local_engine import LocalEngine

    eng = LocalEngine(deps)
    yield eng
    eng.close()
