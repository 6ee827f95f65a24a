"""Codes an LLM parser proposes (``ParsedRequest.hints``), checked and combined with our reading.

Each hint is validated first: a code must exist in the catalog, a KKS code in the
register (or be a unit+system prefix), and a unit is accepted only when our own reading
finds it in the text or the session (an LLM may guess a unit; we never do). A valid hint that agrees
with the local reading raises the confidence (key suffix ``+agree``); one that
disagrees lowers it (``+disagree``) and the other value becomes the first alternative.
The local value stays unless it was weak (no word named it) and the hint is valid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation
from pmark3.understanding.reading import Candidate
from pmark3.understanding.session import State, Value

# Local evidence too weak to hold against a valid hint.
_WEAK_KEYS = frozenset({"none", "default", "system_default", "weak", "s1_single", "s1_multi", "s3_null", "invalid"})


@dataclass
class Hints:
    unit: str | None = None
    system: str | None = None
    kks: str | None = None
    cls: str | None = None
    mode: str | None = None
    priority: int | None = None

    @classmethod
    def read(
        cls,
        raw: Mapping[str, str | int | None],
        catalog: Catalog,
        register: Mapping[str, FunctionalLocation],
        written_units: set[str],
    ) -> Hints:
        """``written_units``: the units our own reading finds in the text and the session."""
        h = cls()
        kks = _s(raw.get("kks"))
        if kks:
            kks = kks.upper().replace("-", "").replace(" ", "")
            fl = register.get(kks)
            m = re.fullmatch(r"([0-2])([A-Z]{3})", kks)
            if fl is not None:
                h.kks, h.unit, h.system = fl.kks, fl.unit, fl.system
            elif m and m.group(2) in catalog.systems:
                h.unit, h.system = m.group(1), m.group(2)
        unit = _s(raw.get("unit"))
        if unit in ("0", "1", "2"):
            h.unit = unit
        if h.unit is not None and h.unit not in written_units:
            h.unit, h.kks = None, None  # not written anywhere: a guess
        system = _s(raw.get("system"))
        if system and system.upper() in catalog.systems:
            h.system = system.upper()
        c = _s(raw.get("equipment_type"))
        if c and c.upper() in catalog.equipment_classes:
            h.cls = c.upper()
        mode = _s(raw.get("status_code"))
        if mode and mode.upper() in catalog.failure_modes:
            h.mode = mode.upper()
        p = raw.get("priority")
        try:
            pi = int(p) if p is not None else None
        except (TypeError, ValueError):
            pi = None
        if pi in catalog.priorities:
            h.priority = pi
        return h


def _s(v: object) -> str | None:
    if v is None:
        return None
    text = str(v).strip()
    return text or None


def _combine(v: Value, hint: str | int | None) -> Value:
    if hint is None:
        return v
    if v.value == hint:
        return Value(v.value, v.key + "+agree", v.original, v.alternatives)
    if v.value is None or v.key.split(":")[0] in _WEAK_KEYS:
        alts = [Candidate(v.value, 0.3, v.key, v.original)] if v.value is not None else []
        return Value(hint, "llm+disagree" if v.value is not None else "llm", v.original, alts + v.alternatives)
    return Value(v.value, v.key + "+disagree", v.original, [Candidate(hint, 0.4, "llm"), *v.alternatives])


def apply_hints(state: State, h: Hints) -> None:
    state.unit = _combine(state.unit, h.unit)
    state.system = _combine(state.system, h.system)
    state.cls = _combine(state.cls, h.cls)
    if state.mode.key != "s3_null" or h.mode is not None:
        state.mode = _combine(state.mode, h.mode)
    if state.priority.key != "s3_null":
        state.priority = _combine(state.priority, h.priority)
    if h.kks and state.unit.value == h.unit and state.system.value == h.system:
        state.kks = h.kks
