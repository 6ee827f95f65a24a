"""What recommendations need from the system of record (SQL), as a small Protocol.

The index can be down or stale; the store cannot be skipped. Recommendations use
this to find duplicates (always), to check that every id they cite exists, and as
the whole source of evidence when the index is unavailable. The lead's SQLite /
Azure SQL store implements the same four methods; ``InMemoryHistory`` is the
reference implementation over a ``PlantData``, and ``SnapshotHistory`` the fast one that
``pmark3 batch`` uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import chain
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


def _plant_ids(plant: PlantData) -> set[str]:
    """Every id a recommendation may cite: work orders, procedures and functional locations."""
    return {w.id for w in plant.work_orders} | {p.id for p in plant.procedures} | {fl.kks for fl in plant.locations}


class InMemoryHistory:
    """HistorySource over a PlantData (tests, the local demo, and the reference semantics)."""

    def __init__(self, plant: PlantData) -> None:
        self.plant = plant
        self._ids = _plant_ids(plant)

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


class SnapshotHistory:
    """HistorySource for bulk work (``pmark3 batch``): the plant data as loaded at the start,
    indexed, in place of a few SQL queries per request.

    Work orders, procedures and ids come from the snapshot, answered exactly as the store
    would (the contract tests hold both to ``InMemoryHistory``). Open notifications, the
    duplicates, are always asked of the ``live`` store, and so are ids the snapshot lacks: a
    notification raised while the batch runs is still a duplicate.
    """

    def __init__(self, plant: PlantData, live: HistorySource) -> None:
        self.live = live
        self._ids = _plant_ids(plant)
        closed = sorted(
            (w for w in plant.work_orders if w.status == "closed"), key=lambda w: (-w.reported_at.toordinal(), w.id)
        )
        # Newest first (then by id) everywhere, as the store's ORDER BY; a key's mode None means any mode.
        self._by_kks: dict[str, list[WorkOrder]] = defaultdict(list)
        self._by_class: dict[tuple[str, str | None], list[WorkOrder]] = defaultdict(list)
        self._by_class_system: dict[tuple[str, str | None, str], list[WorkOrder]] = defaultdict(list)
        for w in closed:
            self._by_kks[w.kks].append(w)
            for mode in (None, w.failure_mode):
                self._by_class[(w.equipment_class, mode)].append(w)
                self._by_class_system[(w.equipment_class, mode, w.system)].append(w)
        self._procedures: dict[str, list[Procedure]] = defaultdict(list)
        for p in plant.procedures:
            self._procedures[p.equipment_class].append(p)

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
        found: list[WorkOrder] = []
        if kks is not None:
            here = self._by_kks.get(kks, [])
            if failure_mode:
                here = [w for w in here if w.failure_mode == failure_mode] + [
                    w for w in here if w.failure_mode != failure_mode
                ]
            found += here[:limit]
        if equipment_class is not None and len(found) < limit:
            mode = failure_mode or None
            same_system = self._by_class_system.get((equipment_class, mode, system), []) if system else []
            elsewhere = (w for w in self._by_class.get((equipment_class, mode), []) if not system or w.system != system)
            for w in chain(same_system, elsewhere):
                if kks is not None and w.kks == kks:
                    continue
                found.append(w)
                if len(found) >= limit:
                    break
        return found

    def open_work_orders(self, *, kks: str, failure_mode: str | None, since: date) -> list[WorkOrder]:
        return self.live.open_work_orders(kks=kks, failure_mode=failure_mode, since=since)

    def procedures_for(
        self, equipment_class: str, system: str | None = None, failure_mode: str | None = None
    ) -> list[Procedure]:
        found = [
            p
            for p in self._procedures.get(equipment_class, [])
            if (system is None or not p.systems or system in p.systems)
            and (failure_mode is None or not p.failure_modes or failure_mode in p.failure_modes)
        ]
        return sorted(found, key=lambda p: (-_specificity(p, system, failure_mode), p.id))

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = set(ids)
        found = wanted & self._ids
        missing = wanted - found
        return found | self.live.existing_ids(missing) if missing else found
