"""Unit and train markers. A unit is only ever read from the words, never guessed.

Markers (on the canonical text): "1호기", "#2", "2U", "U2", "Unit 1", "2-BFP-B",
full or partial KKS codes ("2LAC20AP001", "2LAC"), and the plant-common words
"공용", "공통", "common" (unit "0"). "#5 bearing" or "HPH #2" are numbers of parts,
not units, and "3호기" names no unit of this plant (it is reported, not mapped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmark3.understanding.textnorm import Doc

VALID_UNITS = ("0", "1", "2")

_KKS = re.compile(r"(?<![A-Za-z0-9])([0-2])([A-Z]{3})(\d{2})?([A-Z]{2}\d{3})?(?![A-Za-z])")
# A full code is unmistakable in any case ("2pgb20ac001"); a bare prefix only in capitals ("2LAC").
_KKS_FULL_ANY_CASE = re.compile(r"(?<![A-Za-z0-9])([0-2])([A-Za-z]{3})(\d{2})([A-Za-z]{2}\d{3})(?![A-Za-z])")
_HOGI = re.compile(r"(?<![\d.])(\d) 호기")
_UNIT_WORD = re.compile(r"(?:^| )(?:unit|no|u) ([0-9])(?= |$)")
_U_AFTER = re.compile(r"(?:^| )([0-9]) u(?= |$)")
# "No.1 unit" (the period is a clause break in canonical text) and "Unit two".
_NO_UNIT = re.compile(r"(?:^| )no (?:\| )?([0-9]) unit(?= |$)")
_SPELLED = re.compile(r"(?:^| )unit (zero|one|two|three)(?= |$)")
_SPELLED_DIGIT = {"zero": "0", "one": "1", "two": "2", "three": "3"}
_HASH = re.compile(r"# ([0-9])(?= |$)")
_GLUED = re.compile(r"(?<![A-Za-z0-9.#])([0-2])-?(?=[A-Za-z]{2,})")
_COMMON = re.compile(r"공용|공통|소내공용|(?:^| )(?:plant )?common(?= |$)")
# Both units named at once ("1, 2호기", "1·2호기", "양 호기", "전 호기", "both units", "Units 1 and 2"):
# the request is about neither one alone, so each unit is a mention and the conflict leaves the
# unit null. "양호" (good) is not "양 호기" when 록/준 follows ("양호기록", "양호기준").
_MULTI_HOGI = re.compile(r"(?<![\d.])([0-2]) (?:(?:\||,|·|/|~|및|와|과|and|&|-) ?)?(?:# ?)?([0-2]) 호기")
_BOTH_UNITS = re.compile(
    r"양호기(?![록준간])|전호기|각호기|(?:^| )(?:both|all|each) (?:the )?units(?= |$)|"
    r"(?:^| )units? ([0-2]) (?:and |& |, |\| |or )?([0-2])(?= |$)"
)
# Items a unit has several of, numbered in series: "#5 bearing", "#2 governor valve", "#3 버너".
_PART_AFTER = re.compile(
    r"^ ?(?:bearing|brg|베어링|번|호|차|단|stage|열|governor|gv(?= |$)|가버너|조속|burner|버너|cell|셀)"
)
_TRAIN_NUM = {"10": "A", "20": "B", "30": "C", "40": "D"}


@dataclass(frozen=True)
class UnitMention:
    unit: str
    start: int  # canonical positions (KKS codes: -1, read from the source)
    end: int
    kind: str  # kks | hogi | unit_word | hash | glued | common | invalid
    system: str | None = None
    train: str | None = None
    kks: str | None = None


def find_units(doc: Doc, known_systems: set[str], equipment_spans: list[tuple[int, int]]) -> list[UnitMention]:
    canon = doc.canon
    found: list[UnitMention] = []
    seen_codes: set[str] = set()
    for m in (*_KKS.finditer(doc.source), *_KKS_FULL_ANY_CASE.finditer(doc.source)):
        system = m.group(2).upper()
        if system not in known_systems or m.group(0).upper() in seen_codes:
            continue
        seen_codes.add(m.group(0).upper())
        train = _TRAIN_NUM.get(m.group(3) or "")
        full = m.group(0).upper() if m.group(3) and m.group(4) else None
        found.append(UnitMention(m.group(1), -1, -1, "kks", system, train, full))
    for rx, kind in ((_HOGI, "hogi"), (_UNIT_WORD, "unit_word"), (_U_AFTER, "unit_word")):
        for m in rx.finditer(canon):
            unit = m.group(1)
            # The mention starts at its first word ("unit 2"), so "not unit 2" reads as negated.
            start = m.start() + (1 if canon[m.start()] == " " else 0)
            found.append(UnitMention(unit if unit in VALID_UNITS else "?", start, m.end(), kind))
    for m in _NO_UNIT.finditer(canon):
        found.append(UnitMention(m.group(1) if m.group(1) in VALID_UNITS else "?", m.start(1), m.end(), "unit_word"))
    for m in _SPELLED.finditer(canon):
        unit = _SPELLED_DIGIT[m.group(1)]
        start = m.start() + (1 if canon[m.start()] == " " else 0)
        found.append(UnitMention(unit if unit in VALID_UNITS else "?", start, m.end(), "unit_word"))
    ends = {e for _, e in equipment_spans}
    for m in _HASH.finditer(canon):
        after = canon[m.end() :]
        before_end = m.start() - 1
        if _PART_AFTER.match(after) or before_end in ends or m.start() in ends:
            continue  # "#5 bearing", "HPH #2": a part or item number
        unit = m.group(1)
        found.append(UnitMention(unit if unit in VALID_UNITS else "?", m.start(), m.end(), "hash"))
    for m in _GLUED.finditer(doc.source):
        # "2-BFP-B", "2BFP": the digit is glued to an equipment tag in the source.
        pos = _canon_pos(doc, m.start(1))
        if pos is None:
            continue
        nxt = pos + 2
        if not any(s == nxt for s, _ in equipment_spans):
            continue
        if any(u.start == pos for u in found):
            continue
        found.append(UnitMention(m.group(1), pos, pos + 1, "glued"))
    for m in _COMMON.finditer(canon):
        found.append(UnitMention("0", m.start(), m.end(), "common"))
    for m in (*_MULTI_HOGI.finditer(canon), *_BOTH_UNITS.finditer(canon)):
        named = {g for g in m.groups() if g} or {"1", "2"}
        if len(named) > 1:
            found += [UnitMention(u, m.start(), m.end(), "hogi") for u in sorted(named)]
    found.sort(key=lambda u: u.start)
    return found


def _canon_pos(doc: Doc, source_pos: int) -> int | None:
    for i, s in enumerate(doc.index):
        if s == source_pos:
            return i
    return None


_TRAIN_TOKEN = re.compile(r"(?:^| )([a-d])(?= |$)")
_TRAIN_WORD = re.compile(r"(?:train|line|열|계열) ?([a-d])(?= |$)|(?:^| )([a-d]) (?:열|계열|train|side|trn)")


@dataclass(frozen=True)
class TrainMention:
    train: str
    start: int
    end: int


def find_trains(canon: str, equipment_spans: list[tuple[int, int]], loose: bool = False) -> list[TrainMention]:
    """Single letters A-D next to an equipment word ("BFP B", "B펌프", "A열").

    ``loose`` (a follow-up such as "A 말고 B요") also takes a letter that stands alone.
    """
    starts = {s for s, _ in equipment_spans}
    ends = {e for _, e in equipment_spans}
    out: list[TrainMention] = []
    for m in _TRAIN_TOKEN.finditer(canon):
        s, e = m.start(1), m.end(1)
        prev = canon[:s].rstrip()
        if prev and prev[-1].isdigit():
            continue  # "LT-2A": an instrument tag
        adjacent = (s - 1) in ends or (e + 1) in starts or s in ends or e in starts
        if adjacent or loose:
            out.append(TrainMention(m.group(1).upper(), s, e))
    for m in _TRAIN_WORD.finditer(canon):
        letter = m.group(1) or m.group(2)
        if not any(t.start <= m.start(0) <= t.end or m.start(0) <= t.start <= m.end(0) for t in out):
            out.append(TrainMention(letter.upper(), m.start(0), m.end(0)))
    out.sort(key=lambda t: t.start)
    return out
