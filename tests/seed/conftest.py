from __future__ import annotations

import pytest

from pmark3.plant import PlantData
from pmark3.seed import generate_plant


@pytest.fixture(scope="session")
def plant() -> PlantData:
    """The default data set (30,000 closed orders), built once for the session."""
    return generate_plant()


@pytest.fixture(scope="session")
def small_plant() -> PlantData:
    return generate_plant(work_orders=2000)
