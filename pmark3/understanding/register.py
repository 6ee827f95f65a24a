"""The register as the reader needs it: lookups by unit and system, parts of a location,
the default class of a system, and the most specific code for what a request states."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pmark3.plant import FunctionalLocation, WorkOrder
from pmark3.understanding.lexicon import COMMON_SYSTEMS, SYSTEM_DEFAULT_CLASS


class RegisterIndex:
    def __init__(self, locations: Sequence[FunctionalLocation]) -> None:
        self.locations = list(locations)
        self.by_kks = {fl.kks: fl for fl in self.locations}
        self.by_unit_system: dict[tuple[str, str], list[FunctionalLocation]] = {}
        self.children: dict[str, list[FunctionalLocation]] = {}
        for fl in self.locations:
            self.by_unit_system.setdefault((fl.unit, fl.system), []).append(fl)
            if fl.parent:
                self.children.setdefault(fl.parent, []).append(fl)
        # A bare system name ("재열기 튜브 누설") means the system's head equipment.
        self.default_class = dict(SYSTEM_DEFAULT_CLASS)
        heads: dict[str, Counter[str]] = {}
        for fl in self.locations:
            if fl.parent is None:
                heads.setdefault(fl.system, Counter())[fl.equipment_class] += 1
        for system, c in heads.items():
            self.default_class[system] = c.most_common(1)[0][0]
        self.units_by_system: dict[str, list[str]] = {}
        for unit, system in sorted(self.by_unit_system):
            self.units_by_system.setdefault(system, []).append(unit)
        self._work_orders_seen: set[int] = set()

    def use_work_orders(self, work_orders: Sequence[WorkOrder]) -> bool:
        """The closed history's most frequent class of a system, for systems the register lacks.

        Where the register has the system its head equipment is the better default: the
        history's majority is the class with the most register entries (valves), not what
        a bare system name means. True when something was learned.
        """
        if id(work_orders) in self._work_orders_seen:
            return False
        self._work_orders_seen.add(id(work_orders))
        counts: dict[str, Counter[str]] = {}
        for wo in work_orders:
            counts.setdefault(wo.system, Counter())[wo.equipment_class] += 1
        registered = {fl.system for fl in self.locations}
        for system, c in counts.items():
            if system not in registered:
                self.default_class[system] = c.most_common(1)[0][0]
        return True

    def units_with(self, system: str) -> list[str]:
        """Units whose register has this system (or 1 and 2 without a register)."""
        if system in COMMON_SYSTEMS:
            return ["0"]
        return [u for u in self.units_by_system.get(system, ["1", "2"]) if u != "0"]

    def child(self, kks: str, cls: str) -> str | None:
        """The one part of ``kks`` with class ``cls`` (a pump's motor), if there is exactly one."""
        found = [f.kks for f in self.children.get(kks, []) if f.equipment_class == cls]
        return found[0] if len(found) == 1 else None

    def locate(self, unit: str | None, system: str | None, train: str | None, cls: str | None) -> str | None:
        """The most specific register code for what is known; None without a unit."""
        if unit is None or system is None:
            return None
        fls = self.by_unit_system.get((unit, system), [])
        if train:
            fls = [f for f in fls if f.train == train] or fls
        if cls:
            by_cls = [f for f in fls if f.equipment_class == cls]
            if len(by_cls) == 1:
                return by_cls[0].kks
            if by_cls:
                fls = by_cls
        tops = [f for f in fls if f.parent is None or len(f.parent) <= 4]  # equipment, not its parts
        if train and len(fls) == 1:
            return fls[0].kks
        if train and len(tops) == 1:
            return tops[0].kks
        if train and tops and cls:
            # Several candidates: the system's head equipment (CWP B, not its screen wash pump B).
            head = next(
                (f for f in self.by_unit_system.get((unit, system), []) if f.parent and len(f.parent) <= 4), None
            )
            if head is not None and head.equipment_class == cls:
                same = [f for f in tops if f.kks[6:8] == head.kks[6:8] and f.kks[8:] == head.kks[8:]]
                if same:
                    return same[0].kks
        return f"{unit}{system}"
