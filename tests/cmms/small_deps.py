"""Real workflow dependencies on a small demo plant, without the embedding index.

The session-wide seeded fixture embeds thousands of documents; these tests only need the
parser, the normalizer and SQL history (vector_search degrades to SQL when there is no index,
which is the documented behaviour), so they build in about a second.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pmark3.config import Settings
from pmark3.plant import PlantData
from pmark3.publish.outbox import OutboxPublisher
from pmark3.store import SqlStore

WORK_ORDERS = 300


@cache
def _plant() -> PlantData:
    from pmark3.seed import generate_plant

    return generate_plant(Settings(_env_file=None).seed, work_orders=WORK_ORDERS)  # type: ignore[call-arg]


def small_deps(data_dir: Path) -> Any:
    from pmark3.catalog import load_catalog
    from pmark3.understanding import LocalParser, Normalizer
    from pmark3.workflow.deps import Deps

    settings = Settings(_env_file=None, data_dir=data_dir, seed_work_orders=WORK_ORDERS)  # type: ignore[call-arg]
    store = SqlStore(settings.sqlalchemy_url)
    store.create_schema()
    plant = _plant()
    store.load_plant(plant)
    catalog = load_catalog()
    return Deps(
        settings=settings,
        catalog=catalog,
        store=store,
        parser=LocalParser(catalog, plant.locations, work_orders=plant.work_orders),
        normalizer=Normalizer(catalog, plant.locations, work_orders=plant.work_orders),
        publisher=OutboxPublisher(store, settings.results_topic),
    )
