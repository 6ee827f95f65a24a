"""Ten years of closed work orders and a few dozen open notifications, written the way operators write."""

from __future__ import annotations

import bisect
import itertools
import random
import re
from datetime import date, timedelta

from pmark3.plant import FunctionalLocation, Part, WorkOrder
from pmark3.seed.failures import (
    CLASS_RATE,
    CRITICALITY_RATE,
    FUEL_SYSTEMS,
    MILD_MODES,
    SEVERE_MODES,
    actions_for,
    kind_of,
    modes_for,
    symptoms_for,
)
from pmark3.seed.vocabulary import CONTEXT_EN, CONTEXT_KO, URGENCY_EN, URGENCY_KO, cue_priority, respell, typo

HISTORY_DAYS = 3652
OPEN_WINDOW_DAYS = 30
CLOSE_DAYS: dict[int, tuple[int, int]] = {1: (0, 2), 2: (0, 6), 3: (1, 25), 4: (10, 160)}
_UNIT_PREFIX = re.compile(r"^(#\d |U\d |\dU |\d호기 |\d-)")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(rng: random.Random, phrase: str) -> str:
    """Put plausible readings into a phrase's placeholders ({vib} mm/s, {temp} ℃, ...)."""

    def value(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "vib":
            return f"{rng.uniform(6.5, 18.0):.1f}"
        if key == "um":
            return str(rng.randrange(80, 180, 5))
        if key == "temp":
            return str(rng.randrange(72, 118))
        if key == "pct":
            return str(rng.randrange(5, 100))
        if key == "dp":
            return f"{rng.uniform(0.6, 2.5):.1f}"
        if key == "bar":
            return f"{rng.uniform(1.0, 12.0):.1f}"
        if key == "mohm":
            return f"{rng.uniform(0.2, 5.0):.1f}"
        if key == "n":
            return str(rng.randrange(8, 60))
        if key == "brg":
            return str(rng.randrange(1, 9))
        return m.group(0)

    return _PLACEHOLDER.sub(value, phrase)


_HANGUL = re.compile("[\uac00-\ud7a3]")


def _is_latin(text: str) -> bool:
    return _HANGUL.search(text) is None


def _location_mention(rng: random.Random, fl: FunctionalLocation, english: bool) -> str:
    """One of the many ways a location gets written: a tag alias, the name, the KKS code, or no unit at all."""
    aliases = [a for a in fl.aliases if _is_latin(a)] if english else list(fl.aliases)
    r = rng.random()
    if r < 0.05:
        return fl.kks
    if r < 0.20 and fl.unit != "0":
        # Unit left out: operators often skip it when it is "obvious" to them.
        bare = [_UNIT_PREFIX.sub("", a) for a in aliases if _UNIT_PREFIX.match(a)]
        if bare:
            return rng.choice(bare)
    if r < 0.35 or not aliases:
        name = fl.name_en if english else fl.name_ko
        if english and rng.random() < 0.6:
            name = name.replace(f"Unit {fl.unit} ", f"U{fl.unit} ").lower()
        return name
    return rng.choice(aliases)


def _priority_target(rng: random.Random, mode: str, criticality: str) -> int:
    weights = [5.0, 20.0, 55.0, 20.0]
    if criticality == "A":
        weights = [9.0, 28.0, 48.0, 15.0]
    elif criticality == "C":
        weights = [2.0, 12.0, 58.0, 28.0]
    if mode in SEVERE_MODES:
        weights[0] *= 2.5
        weights[1] *= 1.6
    elif mode in MILD_MODES:
        weights[0] *= 0.2
        weights[3] *= 1.8
    return rng.choices((1, 2, 3, 4), weights=weights)[0]


def _compose(rng: random.Random, fl: FunctionalLocation, kind: str | None, mode: str, priority: int) -> str:
    r = rng.random()
    lang = "ko" if r < 0.65 else "mixed" if r < 0.85 else "en"
    sym_ko, sym_en = symptoms_for(fl.equipment_class, mode, kind)
    loc_english = lang == "en" or (lang == "mixed" and rng.random() < 0.5)
    sym_english = lang == "en" or (lang == "mixed" and not loc_english)
    loc = typo(rng, respell(rng, _location_mention(rng, fl, loc_english)), 0.15)
    sym = _fill(rng, rng.choice(sym_en if sym_english else sym_ko))
    if fl.equipment_class == "EM" and re.search(r"모터|motor|전동기|-M\b|MTR", loc, re.IGNORECASE):
        sym = re.sub(r"^(모터|motor) ", "", sym)  # "#2 BFP C 모터 모터 과열" reads wrong
    sym = typo(rng, respell(rng, sym), 0.2)
    ko_side = not sym_english
    urgency = ""
    if priority != 3 or rng.random() < 0.35:
        urgency = rng.choice((URGENCY_KO if ko_side else URGENCY_EN)[priority])
    context = ""
    if rng.random() < 0.3:
        context = rng.choice(CONTEXT_KO if ko_side else CONTEXT_EN)
    shape = rng.randrange(7)
    if shape == 0:
        text = f"{loc} {sym}"
    elif shape == 1:
        text = f"{loc}에서 {sym}" if ko_side and not _is_latin(sym) else f"{loc}: {sym}"
    elif shape == 2:
        text = f"{sym} ({loc})"
    elif shape == 3:
        text = f"[{loc}] {sym}"
    elif shape == 4:
        text = f"{loc} - {sym}"
    else:
        text = f"{loc} {sym}"
    parts = [text]
    if context:
        parts.append(context)
    if urgency:
        if rng.random() < 0.25:
            parts.insert(0, urgency)
        else:
            parts.append(urgency)
    sep = rng.choice((", ", ". ", " ", " / "))
    return sep.join(parts)


class _Profile:
    """What one register entry can suffer, prepared once: kind, failure modes and their cumulative weights."""

    def __init__(self, fl: FunctionalLocation) -> None:
        self.kind = kind_of(fl)
        weights = modes_for(fl)
        # Fuel systems leak fuel, not process or utility media (ISO 14224 ELF).
        fuel = fl.system in FUEL_SYSTEMS or (fl.system == "HHA" and fl.equipment_class == "VA")
        self.modes = ["ELF" if fuel and m in ("ELP", "ELU") else m for m in weights]
        self.cum = list(itertools.accumulate(weights.values()))

    def mode(self, rng: random.Random) -> str:
        return self.modes[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


class WorkOrderFactory:
    """Draws equipment, failure, text, priority and repair for one order at a time."""

    def __init__(self, rng: random.Random, locations: list[FunctionalLocation], as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        # System-level entries are groupings, not equipment: nothing is ever written against them.
        self.targets = [fl for fl in locations if fl.parent is not None]
        # Every plant has bad actors: a lognormal factor makes some units of equipment fail far more
        # often than their twins, which is what "which unit has had more of them?" is asked about.
        weights = [
            CLASS_RATE[fl.equipment_class] * CRITICALITY_RATE[fl.criticality] * rng.lognormvariate(0.0, 0.5)
            for fl in self.targets
        ]
        self.cum = list(itertools.accumulate(weights))
        self.profiles = [_Profile(fl) for fl in self.targets]

    def draft(self, reported_at: date, closed: bool) -> dict[str, object]:
        rng = self.rng
        i = bisect.bisect_right(self.cum, rng.random() * self.cum[-1])
        fl, profile = self.targets[i], self.profiles[i]
        mode = profile.mode(rng)
        if (
            closed
            and profile.kind == "screen"
            and mode == "PLU"
            and reported_at.month not in (6, 7, 8, 9)
            and rng.random() < 0.7
        ):
            # Jellyfish season: circulating-water screens plug mostly in summer.
            summer = reported_at.replace(month=rng.choice((6, 7, 8)), day=min(reported_at.day, 28))
            if self.as_of - timedelta(days=HISTORY_DAYS) <= summer < self.as_of - timedelta(days=1):
                reported_at = summer
        text = _compose(rng, fl, profile.kind, mode, _priority_target(rng, mode, fl.criticality))
        # The text decides: its most urgent cue word, or 3 without one (priorities.csv).
        priority = cue_priority(text)
        record: dict[str, object] = {
            "kks": fl.kks,
            "unit": fl.unit,
            "system": fl.system,
            "equipment_class": fl.equipment_class,
            "failure_mode": mode,
            "priority": priority,
            "text": text,
            "reported_at": reported_at,
            "status": "closed" if closed else "open",
        }
        if closed:
            action = rng.choice(actions_for(fl.equipment_class, mode, profile.kind))
            lo, hi = CLOSE_DAYS[priority]
            closed_at = min(reported_at + timedelta(days=rng.randint(lo, hi)), self.as_of - timedelta(days=1))
            hours = round(rng.uniform(*action.hours) * 2) / 2
            english = rng.random() < (0.6 if _is_latin(text) else 0.15)
            parts = [Part(name=p, quantity=self._quantity(p)) for p in action.parts]
            record.update(
                closed_at=closed_at, actions=action.en if english else action.ko, parts=parts, labour_hours=hours
            )
        return record

    def _quantity(self, part: str) -> int:
        if part.startswith(
            (
                "bearing",
                "tube plug",
                "carrying idler",
                "battery cell",
                "crusher hammer",
                "radial seal",
                "screen mesh",
                "heating element",
                "bowl liner",
                "grinding roll",
            )
        ):
            return self.rng.randint(1, 4)
        return 1


def generate_work_orders(
    rng: random.Random, locations: list[FunctionalLocation], as_of: date, closed: int, open_: int
) -> list[WorkOrder]:
    factory = WorkOrderFactory(rng, locations, as_of)
    drafts: list[dict[str, object]] = []
    start = as_of - timedelta(days=HISTORY_DAYS)
    for _ in range(closed):
        # Slightly more orders in later years: the CMMS was used more consistently over time.
        offset = int(HISTORY_DAYS * (rng.random() ** 0.9))
        day = min(start + timedelta(days=offset), as_of - timedelta(days=1))
        drafts.append(factory.draft(day, closed=True))
    for _ in range(open_):
        day = as_of - timedelta(days=rng.randint(1, OPEN_WINDOW_DAYS))
        drafts.append(factory.draft(day, closed=False))
    drafts.sort(key=lambda d: d["reported_at"])  # type: ignore[arg-type, return-value]
    counters: dict[int, int] = {}
    out: list[WorkOrder] = []
    for d in drafts:
        reported = d["reported_at"]
        assert isinstance(reported, date)
        counters[reported.year] = counters.get(reported.year, 0) + 1
        out.append(WorkOrder(id=f"WO-{reported.year}-{counters[reported.year]:05d}", **d))  # type: ignore[arg-type]
    return out
