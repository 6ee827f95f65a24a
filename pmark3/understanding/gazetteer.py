"""Finds equipment words (system, class, register tags) in a canonical text.

Terms come from the catalog synonyms, the curated shorthand in ``lexicon``, the
register's aliases and names, and corrections that people taught (``learn``).
Matching is exact on the canonical form (``textnorm``): Korean terms match as
substrings (particles and compounds are fine), Latin/digit ends must sit on a token
boundary ("ep" does not match inside "step"). Overlaps keep the longest term, so
"급수펌프" wins over "펌프" and "수트블로워" over "블로워".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pmark3.catalog import Catalog
from pmark3.plant import FunctionalLocation
from pmark3.understanding.lexicon import EQUIPMENT_LINES, SKIP_CATALOG_TERMS, parse_lines
from pmark3.understanding.textnorm import canonical

_END = "\0"
_GYE_WORDS = frozenset("속획통열단측약산좌절")
_SOURCE_RANK = {"learned": 4, "register": 3, "lexicon": 2, "catalog": 1}


@dataclass
class Entry:
    """What a term means. Any of the parts may be unknown."""

    system: str | None = None
    cls: str | None = None
    flags: frozenset[str] = frozenset()
    source: str = "lexicon"
    unit: str | None = None
    train: str | None = None
    kks: str | None = None
    # Unit-less register names ("급수펌프 B") may stand for the same equipment in several units.
    kks_by_unit: dict[str, str] = field(default_factory=dict)
    # Length of the unit words a register alias starts with ("1 호기"): they do not make
    # the alias a longer, better match than the equipment words it competes with.
    prefix: int = 0


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    entry: Entry

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def weight(self) -> int:
        return self.end - self.start - self.entry.prefix


def _ascii_edge(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "#")


_UNIT_PREFIX = re.compile(r"^(?:# ?[0-2] |[0-2] 호기|[0-2] u |u [0-2] |unit [0-2] |[0-2] (?=[a-z]))")
_TRAIN_SUFFIX = re.compile(r" ([a-d])$")


class Gazetteer:
    def __init__(self) -> None:
        self._terms: dict[str, Entry] = {}
        # A character trie: walking it from each position finds every term that starts there.
        self._trie: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._terms)

    def add(self, term: str, entry: Entry) -> None:
        key = canonical(term)
        if not key or (len(key) < 2 and entry.source not in ("lexicon", "catalog", "learned")):
            return
        old = self._terms.get(key)
        if old is not None and _SOURCE_RANK[old.source] > _SOURCE_RANK[entry.source]:
            return
        if old is None:
            node = self._trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[_END] = key
        self._terms[key] = entry

    def entry(self, term: str) -> Entry | None:
        return self._terms.get(canonical(term))

    def terms(self) -> Iterable[tuple[str, Entry]]:
        return self._terms.items()

    def _bounded(self, canon: str, key: str, start: int, end: int) -> Hit | None:
        """The hit if its Latin/digit ends sit on token boundaries."""
        n = len(canon)
        if _ascii_edge(key[0]) and start > 0 and canon[start - 1] != " ":
            return None
        if key[-1] == "계" and end < n and canon[end] in _GYE_WORDS:
            return None  # "수위 계속 올라감" is not a level gauge (계속, 계획, 계통...)
        if _ascii_edge(key[-1]) and end < n and canon[end] != " ":
            # English plurals ("fans", "valves") still name the thing.
            if not (key[-1].isalpha() and canon[end] == "s" and (end + 1 == n or canon[end + 1] == " ")):
                return None
            end += 1
        return Hit(start, end, key, self._terms[key])

    def find(self, canon: str) -> list[Hit]:
        """All non-overlapping hits, longest first, returned in text order."""
        hits: list[Hit] = []
        n = len(canon)
        for start in range(n):
            node: dict[str, Any] | None = self._trie
            i = start
            while i < n and node is not None:
                node = node.get(canon[i])
                if node is None:
                    break
                i += 1
                key = node.get(_END)
                if key is not None:
                    hit = self._bounded(canon, key, start, i)
                    if hit is not None:
                        hits.append(hit)
        hits.sort(key=lambda h: (-h.weight, -h.length, -_SOURCE_RANK[h.entry.source], h.start))
        taken = [False] * (n + 1)
        kept: list[Hit] = []
        for h in hits:
            if any(taken[h.start : h.end]):
                continue
            for i in range(h.start, h.end):
                taken[i] = True
            kept.append(h)
        kept.sort(key=lambda h: h.start)
        return kept


_US = {"analyser": "analyzer", "vapour": "vapor", "travelling": "traveling", "centre": "center"}


def _us_spelling(name: str) -> str:
    """The register writes British English ("analyser"); operators often write American."""
    for uk, us in _US.items():
        name = name.replace(uk, us)
    return name


def build_equipment_gazetteer(catalog: Catalog, locations: Sequence[FunctionalLocation]) -> Gazetteer:
    gz = Gazetteer()
    for code, row in catalog.systems.items():
        for term in (row.name_ko, *row.synonyms):
            if term.lower() not in SKIP_CATALOG_TERMS:
                gz.add(term, Entry(system=code, source="catalog"))
    for code, row in catalog.equipment_classes.items():
        for term in (row.name_ko, *row.synonyms):
            if term.lower() not in SKIP_CATALOG_TERMS:
                gz.add(term, Entry(cls=code, source="catalog"))
    for terms, system, cls, flags in parse_lines(EQUIPMENT_LINES):
        for term in terms:
            gz.add(term, Entry(system=system, cls=cls, flags=flags, source="lexicon"))
    add_register(gz, locations)
    add_spellings(gz)
    return gz


# How operators spell loanwords inside compounds ("터닝모타", "고압히타", "입구뎀퍼"): each
# Hangul term with the standard spelling is also found with the common variant.
_SPELLINGS = (("모터", "모타"), ("히터", "히타"), ("댐퍼", "뎀퍼"), ("스트레이너", "스트래이너"), ("필터", "휠터"))


def add_spellings(gz: Gazetteer) -> None:
    for term, entry in list(gz.terms()):
        for standard, variant in _SPELLINGS:
            if standard in term and term != standard:
                gz.add(term.replace(standard, variant), entry)


def add_register(gz: Gazetteer, locations: Sequence[FunctionalLocation]) -> None:
    """Register aliases name one location; their unit-less forms name it in any unit."""
    unitless: dict[str, list[FunctionalLocation]] = {}
    untrained: dict[str, list[FunctionalLocation]] = {}
    for fl in locations:
        names = {*fl.aliases, fl.name_ko, fl.name_en}
        names |= {_us_spelling(n) for n in names}
        system_level = fl.parent is None and len(fl.kks) == 4
        for name in names:
            key = canonical(name)
            if len(key) < 3:
                continue
            m = _UNIT_PREFIX.match(key)
            gz.add(
                key,
                Entry(
                    # A system-level entry names the system, not one class of its equipment.
                    system=fl.system,
                    cls=None if system_level else fl.equipment_class,
                    source="register",
                    unit=fl.unit,
                    train=fl.train,
                    kks=fl.kks,
                    prefix=m.end() if m else 0,
                ),
            )
            if system_level:
                # "1호기 순환수펌프" (system alias) still names a pump when its words do.
                bare_entry = gz.entry(_UNIT_PREFIX.sub("", key).strip())
                if bare_entry is not None and bare_entry.cls and bare_entry.source != "register":
                    gz.add(
                        key,
                        Entry(
                            system=fl.system,
                            cls=bare_entry.cls,
                            source="register",
                            unit=fl.unit,
                            kks=fl.kks,
                            prefix=m.end() if m else 0,
                        ),
                    )
                continue
            bare = _UNIT_PREFIX.sub("", key).strip()
            if bare != key and len(bare) >= 3:
                unitless.setdefault(bare, []).append(fl)
            plain = _TRAIN_SUFFIX.sub("", bare).strip()
            if plain != bare and len(plain) >= 3:
                untrained.setdefault(plain, []).append(fl)
    for key, dup in unitless.items():
        fls = list({f.kks: f for f in dup}.values())
        systems = {f.system for f in fls}
        classes = {f.equipment_class for f in fls}
        trains = {f.train for f in fls}
        if len(systems) != 1:
            continue
        by_unit: dict[str, str] = {}
        for f in fls:
            by_unit.setdefault(f.unit, f.kks)
        if len(by_unit) != len(fls):
            continue  # the same name for two locations of one unit: not specific
        gz.add(
            key,
            Entry(
                system=next(iter(systems)),
                cls=next(iter(classes)) if len(classes) == 1 else None,
                train=next(iter(trains)) if len(trains) == 1 else None,
                source="register",
                kks_by_unit=by_unit,
            ),
        )
    for key, dup in untrained.items():
        fls = list({f.kks: f for f in dup}.values())
        # "혼상탈염기" for "공용 혼상탈염기 A/B": system and class without a train.
        systems = {f.system for f in fls}
        classes = {f.equipment_class for f in fls}
        old = gz.entry(key)
        if len(systems) == 1 and len(classes) == 1 and (old is None or old.source != "register"):
            gz.add(key, Entry(system=next(iter(systems)), cls=next(iter(classes)), source="register"))
