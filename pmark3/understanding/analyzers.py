"""One Analyzer per (catalog, register, history): the parser and the normalizer share it.

Building the gazetteer and the typo index takes a few hundred milliseconds, and a
correction taught through ``Normalizer.learn`` must be seen by the parser too, so both
ask for the analyzer here instead of building their own; give both the same history.

The history is part of the key: an analyzer that learned from a plant's closed work orders
reads some requests differently (the learned failure-mode fallback), so a parser built
without a history must not be handed one that has one, whatever was built before it in
the process.
"""

from __future__ import annotations

from collections.abc import Sequence

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation, WorkOrder
from pmark3.understanding.reading import Analyzer

_CACHE: dict[tuple[int, int, tuple[int, str, str] | None], Analyzer] = {}


def _fingerprint(locations: Sequence[FunctionalLocation]) -> int:
    return hash(tuple((fl.kks, fl.equipment_class, tuple(fl.aliases), fl.name_ko, fl.name_en) for fl in locations))


def shared_analyzer(
    catalog: Catalog,
    locations: Sequence[FunctionalLocation],
    work_orders: Sequence[WorkOrder] | None = None,
) -> Analyzer:
    history = (len(work_orders), work_orders[0].id, work_orders[-1].id) if work_orders else None
    key = (id(catalog), _fingerprint(locations), history)
    found = _CACHE.get(key)
    if found is None:
        found = Analyzer(catalog, locations, work_orders)
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = found
    return found
