"""What recommendations need from the system of record (SQL), as a small Protocol.

The index can be down or stale; the store cannot be skipped. Recommendations use
this to find duplicates (always), to check that every id they cite exists, and as
the whole source of evidence when the index is unavailable. The lead's SQLite /
Azure SQL store implements the same four methods; ``InMemoryHistory`` is the
reference implementation over a ``PlantData``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol, runtime_checkable

from pmark3.plant import PlantData, Procedure, WorkOrder


@runtime_checkable
class HistorySource(Protocol):
    def similar_work_orders(
        self,
        *,
        kks: str | None,
        equipment_class: str | None,
        failure_mode: str | None,
        system: str | None = None,
        limit: int = 20,
    ) -> list[WorkOrder]:
        """Closed work orders like this one, best first, at most ``limit``.

        Tiers: same kks and failure mode; same kks; same class and failure mode
        (same system before others); newest first inside a tier. Criteria that are
        None are not used; with no criterion at all the answer is [].
        """
        ...

    def open_work_orders(self, *, kks: str, failure_mode: str | None, since: date) -> list[WorkOrder]:
        """Open work orders at ``kks`` (with ``failure_mode`` when given) reported on or after ``since``, newest first."""
        ...

    def procedures_for(
        self, equipment_class: str, system: str | None = None, failure_mode: str | None = None
    ) -> list[Procedure]:
        """Procedures for ``equipment_class`` that apply to ``system`` and ``failure_mode``.

        A procedure with an empty ``systems`` (or ``failure_modes``) list applies to any;
        a None argument does not filter. Order: most specific first, then by id.
        """
        ...

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` that name an existing work order, procedure or functional location (KKS)."""
        ...


def _specificity(p: Procedure, system: str | None, failure_mode: str | None) -> int:
    return int(system is not None and system in p.systems) + int(
        failure_mode is not None and failure_mode in p.failure_modes
    )


class InMemoryHistory:
    """HistorySource over a PlantData (tests, the local demo, and the reference semantics)."""

    def __init__(self, plant: PlantData) -> None:
        self.plant = plant
        self._ids = (
            {w.id for w in plant.work_orders} | {p.id for p in plant.procedures} | {fl.kks for fl in plant.locations}
        )

    def similar_work_orders(
        self,
        *,
        kks: str | None,
        equipment_class: str | None,
        failure_mode: str | None,
        system: str | None = None,
        limit: int = 20,
    ) -> list[WorkOrder]:
        if kks is None and equipment_class is None:
            return []

        def tier(w: WorkOrder) -> int | None:
            same_fm = failure_mode is None or w.failure_mode == failure_mode
            if kks is not None and w.kks == kks:
                return 0 if same_fm else 1
            if equipment_class is not None and w.equipment_class == equipment_class and same_fm:
                return 2 if system is not None and w.system == system else 3
            return None

        ranked = [(t, w) for w in self.plant.work_orders if w.status == "closed" and (t := tier(w)) is not None]
        ranked.sort(key=lambda tw: (tw[0], -tw[1].reported_at.toordinal(), tw[1].id))
        return [w for _, w in ranked[:limit]]

    def open_work_orders(self, *, kks: str, failure_mode: str | None, since: date) -> list[WorkOrder]:
        found = [
            w
            for w in self.plant.work_orders
            if w.status == "open"
            and w.kks == kks
            and (failure_mode is None or w.failure_mode == failure_mode)
            and w.reported_at >= since
        ]
        return sorted(found, key=lambda w: (w.reported_at, w.id), reverse=True)

    def procedures_for(
        self, equipment_class: str, system: str | None = None, failure_mode: str | None = None
    ) -> list[Procedure]:
        found = [
            p
            for p in self.plant.procedures
            if p.equipment_class == equipment_class
            and (system is None or not p.systems or system in p.systems)
            and (failure_mode is None or not p.failure_modes or failure_mode in p.failure_modes)
        ]
        return sorted(found, key=lambda p: (-_specificity(p, system, failure_mode), p.id))

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        return {i for i in ids if i in self._ids}
