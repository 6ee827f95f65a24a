"""Demo plant data: a two-unit coal/LNG plant's equipment register, ten years of work orders, procedures.

``generate_plant()`` is deterministic for the same arguments: all randomness comes from one
``random.Random(seed)``, and no clock is read.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from pmark3.plant import PlantData
from pmark3.seed.procedures import build_procedures
from pmark3.seed.register import build_register
from pmark3.seed.work_orders import generate_work_orders

__all__ = ["DEFAULT_AS_OF", "DEFAULT_SEED", "generate_plant", "write_jsonl"]

DEFAULT_SEED = 20261126
DEFAULT_AS_OF = date(2026, 11, 1)


def generate_plant(
    seed: int = DEFAULT_SEED, *, work_orders: int = 30000, as_of: date = DEFAULT_AS_OF, open_orders: int = 40
) -> PlantData:
    """The register, ``work_orders`` closed orders over the ten years before ``as_of`` plus
    ``open_orders`` open notifications from its last 30 days, and the procedures."""
    rng = random.Random(seed)
    locations = build_register()
    orders = generate_work_orders(rng, locations, as_of, work_orders, open_orders)
    return PlantData(locations=locations, work_orders=orders, procedures=build_procedures(locations))


def _write(path: Path, records: list[BaseModel]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n")


def write_jsonl(data: PlantData, out_dir: Path) -> dict[str, Path]:
    """Write locations.jsonl, work_orders.jsonl and procedures.jsonl (one record a line) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / f"{name}.jsonl" for name in ("locations", "work_orders", "procedures")}
    _write(paths["locations"], list(data.locations))
    _write(paths["work_orders"], list(data.work_orders))
    _write(paths["procedures"], list(data.procedures))
    return paths
