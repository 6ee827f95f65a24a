"""Codes an LLM parser proposes (``ParsedRequest.hints``), checked and combined with our reading.

Each hint is validated first: a code must exist in the catalog, a KKS code in the
register (or be a unit+system prefix), and a unit is accepted only when our own reading
finds it in the text or the session (an LLM may guess a unit; we never do). A valid hint that agrees
with the local reading raises the confidence (key suffix ``+agree``); one that
disagrees lowers it (``+disagree``) and the other value becomes the first alternative.
The local value stays unless it was weak (no word named it) and the hint is valid.

``SourceHints`` (below) are the other kind: what a CMMS notification states besides its
text (its unit and equipment tag), applied before the LLM's hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation
from pmark3.understanding.reading import Candidate
from pmark3.understanding.register import RegisterIndex
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


# -- hints from the source system (a CMMS notification's unit and equipment tag) ---------------
#
# Unlike an LLM's hints these are stated, not read: the CMMS knows the unit a notification was
# raised on and the functional location it was raised against. They are still checked against
# the register (an unknown tag is ignored, never trusted), and the text wins where it clearly
# names different equipment: the tag then becomes an alternative and the location's confidence
# drops (``+disagree``), with a warning saying why.

# Class evidence that comes from words naming the equipment (not from a symptom or a default).
_NAMED_CLASS = frozenset({"kks", "register", "head_single", "head_multi", "history", "summary"})


def tag_key(tag: str) -> str:
    """A tag as the CMMS or an operator writes it ("2-BFP-B", "2lac20ap001"), compared loosely."""
    return re.sub(r"[^0-9A-Z]", "", tag.upper())


def tag_aliases(locations: Iterable[FunctionalLocation]) -> dict[str, str]:
    """Register aliases that can be a CMMS tag ("#2 BFP B" -> "2BFPB"), each naming one location."""
    seen: dict[str, set[str]] = {}
    for fl in locations:
        for alias in fl.aliases:
            key = tag_key(alias)
            if alias.isascii() and len(key) >= 3 and re.search(r"[A-Z]", key) and re.search(r"[0-9]", key):
                seen.setdefault(key, set()).add(fl.kks)
    return {key: next(iter(kks)) for key, kks in seen.items() if len(kks) == 1}


@dataclass(frozen=True)
class SourceHints:
    """The source system's unit and (register-checked) functional location of a request."""

    unit: str | None = None
    location: FunctionalLocation | None = None
    tag: str | None = None  # the equipment tag as the source wrote it

    @classmethod
    def read(
        cls,
        raw: Mapping[str, str | None],
        register: Mapping[str, FunctionalLocation],
        aliases: Mapping[str, str],
    ) -> tuple[SourceHints, list[str]]:
        """The hints that survive validation, and a warning for each one ignored."""
        warnings: list[str] = []
        unit = _s(raw.get("unit"))
        if unit is not None and unit not in ("0", "1", "2"):
            warnings.append(f"the CMMS unit {unit!r} is not a unit of this plant; it was ignored")
            unit = None
        tag = _s(raw.get("equipment_tag"))
        fl: FunctionalLocation | None = None
        if tag:
            key = tag_key(tag)
            fl = register.get(key) or register.get(aliases.get(key, ""))
            if fl is None:
                warnings.append(f"the CMMS equipment tag {tag} is not in the register; it was ignored")
            elif unit is not None and fl.unit != unit:
                warnings.append(
                    f"the CMMS unit {unit} and equipment tag {tag} (unit {fl.unit}) disagree; neither was used"
                )
                unit, fl = None, None
        return cls(unit, fl, tag if fl is not None else None), warnings


@dataclass
class SourceOutcome:
    """What applying the source's hints left to say: warnings, and values kept as alternatives."""

    warnings: list[str] = field(default_factory=list)
    other_location: str | None = None  # the source's location, where the text named other equipment
    other_unit: str | None = None  # the source's unit, where the text stated another


def apply_source(
    state: State, h: SourceHints, register: RegisterIndex, out: SourceOutcome | None = None
) -> SourceOutcome:
    """Fill what the text leaves open from the source's hints; where the text disagrees, keep it.
    What is left to say goes into ``out`` (a new one when None), which is returned."""
    out = out if out is not None else SourceOutcome()
    fl = h.location
    if fl is not None:
        differ = _differences(state, fl, register)
        if differ:
            out.warnings.append(
                f"the CMMS equipment tag {h.tag} ({fl.name_en}) is not the equipment the text names "
                f"({', '.join(differ)}); the text's reading was kept"
            )
            out.other_location = fl.kks
            _disagree(state)
            if state.cls.value != fl.equipment_class:
                state.cls.alternatives = [
                    Candidate(fl.equipment_class, 0.4, "source", h.tag or ""),
                    *state.cls.alternatives,
                ]
        else:
            _apply_location(state, fl, h.tag or fl.kks)
    unit = h.unit or (fl.unit if fl is not None and out.other_location is None else None)
    if unit is not None:
        if state.unit.value is None:
            state.unit = Value(unit, "source", "", state.unit.alternatives)
            if state.kks is None:
                state.kks = state.kks_by_unit.get(unit)
        elif str(state.unit.value) != unit and out.other_location is None:
            out.warnings.append(
                f"the CMMS unit {unit} differs from the unit the text states ({state.unit.value}); the text's unit was kept"
            )
            out.other_unit = unit
            _disagree(state)
    return out


def _differences(state: State, fl: FunctionalLocation, register: RegisterIndex) -> list[str]:
    """How the text's own reading names other equipment than ``fl`` (empty: it does not)."""
    differ: list[str] = []
    if state.unit.value is not None and str(state.unit.value) != fl.unit:
        differ.append(f"unit {state.unit.value}")
    s = state.system
    # A system the linear model filled is its guess where no word names one: the tag outranks it.
    named_system = s.value is not None and s.key.split(":")[0].split("+")[0] not in _WEAK_KEYS | {"linear"}
    ambiguous = s.key.startswith("multi") and any(c.value == fl.system for c in s.alternatives)
    if named_system and s.value != fl.system and not ambiguous:
        differ.append(f"system {s.value}")
    if state.train and fl.train and state.train != fl.train:
        differ.append(f"train {state.train}")
    c = state.cls
    if (
        c.value is not None
        and c.key.split("+")[0] in _NAMED_CLASS
        and c.value != fl.equipment_class
        and not _part_of(fl, str(c.value), register)
    ):
        differ.append(f"class {c.value}")
    if state.kks and state.kks != fl.kks and not differ and not _related(state.kks, fl, register):
        differ.append(state.kks)
    return differ


def _part_of(fl: FunctionalLocation, cls: str, register: RegisterIndex) -> bool:
    """The words name a part of the tagged equipment (its motor), or what the tag is a part of."""
    if register.child(fl.kks, cls) is not None:
        return True
    parent = register.by_kks.get(fl.parent) if fl.parent else None
    return parent is not None and parent.equipment_class == cls


def _related(kks: str, fl: FunctionalLocation, register: RegisterIndex) -> bool:
    other = register.by_kks.get(kks)
    return fl.parent == kks or (other is not None and other.parent == fl.kks)


def _disagree(state: State) -> None:
    if "+disagree" not in state.system.key:
        state.system = Value(
            state.system.value, state.system.key + "+disagree", state.system.original, state.system.alternatives
        )


def _apply_location(state: State, fl: FunctionalLocation, tag: str) -> None:
    state.kks = fl.kks
    state.train = state.train or fl.train
    s = state.system
    if s.value == fl.system:
        state.system = Value(s.value, s.key + "+agree", s.original, s.alternatives)
    else:
        # Nothing (or only a weak word, or one of several systems) named the system: the tag does.
        alts = [Candidate(s.value, 0.3, s.key, s.original)] if s.value is not None else []
        rest = [a for a in s.alternatives if a.value != fl.system]
        state.system = Value(fl.system, "kks", s.original or tag, alts + rest)
    c = state.cls
    if c.value == fl.equipment_class:
        state.cls = Value(c.value, c.key + "+agree", c.original, c.alternatives)
    elif c.value is None or c.key.split("+")[0] not in _NAMED_CLASS:
        alts = [Candidate(c.value, 0.3, c.key, c.original)] if c.value is not None else []
        state.cls = Value(fl.equipment_class, "kks", c.original or tag, alts + c.alternatives)
    else:
        # The words name a part of the tagged equipment (or what it is part of): they say which.
        state.cls.alternatives = [Candidate(fl.equipment_class, 0.5, "source", tag), *c.alternatives]
