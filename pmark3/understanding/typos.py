"""Typo repair against the known vocabulary, before matching.

Korean slips are usually one jamo off ("급수펌르", "진동섬서"), so Hangul windows of
3-6 syllables that match no known word are compared, jamo by jamo, with the known
words of that length (a single insertion, deletion, substitution or swap). Latin
tokens of 5+ letters get the same treatment letter by letter ("vibraton",
"transmiter"). Words that already match exactly are never touched, and a window is
only replaced when exactly one known word is that close, so a correct but unknown
word is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pmark3.understanding.textnorm import Doc, edit_distance_le1, is_hangul, to_jamo

# Symptom and measurement words worth repairing too (the gazetteer holds equipment).
EXTRA_WORDS: tuple[str, ...] = (
    "기동불가",
    "기동안됨",
    "통신두절",
    "통신불량",
    "절연저항",
    "토출압력",
    "지시이상",
    "떨어짐",
    "올라감",
    "누설",
    "과열",
    "막힘",
    "진동",
    "소음",
    "헌팅",
    "패싱",
    "트립",
    "vibration",
    "leaking",
    "leakage",
    "noise",
    "pressure",
    "temperature",
    "transmitter",
    "overheating",
    "bearing",
    "start",
    "tripped",
    "alarm",
    "reading",
    "clogged",
    "plugged",
    "urgent",
    "emergency",
    "conveyor",
    "compressor",
    "transformer",
    "generator",
    "turbine",
    "condenser",
    "deaerator",
    "sootblower",
    "precipitator",
    "heater",
    "valve",
    "motor",
    "strainer",
    "filter",
    "breaker",
)

# Two-syllable symptom words are repaired too ("누슈" -> "누수"): only in the second pass,
# which runs when the first found no failure mode, so "누구" in a request costs little.
SHORT_WORDS: tuple[str, ...] = (
    "누수",
    "누설",
    "누유",
    "진동",
    "소음",
    "과열",
    "막힘",
    "패싱",
    "트립",
    "떨림",
    "고착",
    "파손",
    "균열",
    "부식",
    "마모",
    "단선",
    "지락",
    "단락",
    "헌팅",
    "이음",
    "발열",
    "고온",
    "폐색",
    "감육",
)

_LATIN = re.compile(r"(?<![a-z])[a-z]{5,}(?![a-z])")


def _deletes(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))} | {s}


class TypoFixer:
    def __init__(self, terms: Iterable[str]) -> None:
        self._known_ko: set[str] = set()
        self._known_en: set[str] = set()
        for t in (*terms, *EXTRA_WORDS):
            if all(is_hangul(c) for c in t):
                self._known_ko.add(t)
            elif re.fullmatch(r"[a-z]+", t) and len(t) >= 3:
                self._known_en.add(t)
        self._ko_index: dict[str, set[str]] = {}
        for w in self._known_ko:
            if 3 <= len(w) <= 6:
                for d in _deletes(to_jamo(w)):
                    self._ko_index.setdefault(d, set()).add(w)
        self._en_index: dict[str, set[str]] = {}
        for w in self._known_en:
            if len(w) >= 5:
                for d in _deletes(w):
                    self._en_index.setdefault(d, set()).add(w)
        self._ko_sub = {w[i:j] for w in self._known_ko for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
        # A syllable dropped ("고압터" for "고압터빈", "폐회로각수" for "폐회로냉각수").
        syl: dict[str, set[str]] = {}
        for w in self._known_ko:
            if 4 <= len(w) <= 7:
                for i in range(len(w)):
                    syl.setdefault(w[:i] + w[i + 1 :], set()).add(w)
        self._ko_dropped = {k: next(iter(v)) for k, v in syl.items() if len(v) == 1 and k not in self._known_ko}
        self._short_index: dict[str, set[str]] = {}
        for w in SHORT_WORDS:
            for d in _deletes(to_jamo(w)):
                self._short_index.setdefault(d, set()).add(w)

    def _ko_match(self, window: str, index: dict[str, set[str]] | None = None) -> str | None:
        jamo = to_jamo(window)
        found: set[str] = set()
        for d in _deletes(jamo):
            for w in (self._ko_index if index is None else index).get(d, ()):
                if w != window and edit_distance_le1(jamo, to_jamo(w)):
                    found.add(w)
        if index is not None and found:
            return min(found, key=SHORT_WORDS.index)  # ties go to the more common word
        return next(iter(found)) if len(found) == 1 else None

    def _en_match(self, token: str) -> str | None:
        found: set[str] = set()
        for d in _deletes(token):
            for w in self._en_index.get(d, ()):
                if w != token and edit_distance_le1(token, w):
                    found.add(w)
        return next(iter(found)) if len(found) == 1 else None

    def _en_repair(self, tok: str) -> str | None:
        """A Latin token glued to its train or unit ("fanb", "ugah"), typed with a doubled letter
        ("milll", "ggah") or one letter off ("vibraton")."""
        known = self._known_en
        if tok[:-1] in known and tok[-1] in "abcd" and len(tok) >= 4:
            return f"{tok[:-1]} {tok[-1]}"
        if tok[0] == "u" and tok[1:] in known and len(tok) >= 4:
            return f"u {tok[1:]}"
        for i in range(len(tok) - 1):
            if tok[i] == tok[i + 1] and tok[:i] + tok[i + 1 :] in known:
                return tok[:i] + tok[i + 1 :]
        if len(tok) >= 5:
            return self._en_match(tok)
        return None

    def fix(self, doc: Doc) -> Doc:
        canon = doc.canon
        edits: list[tuple[int, int, str]] = []
        for m in re.finditer(r"[\uac00-\ud7a3]{3,}", canon):
            run, base = m.group(0), m.start()
            for k in range(len(run) - 1):
                # A syllable typed twice ("송송풍기", "냉냉각수").
                if run[k] == run[k + 1]:
                    single = run[: k + 1] + run[k + 2 :]
                    if any(
                        single[a:b] in self._known_ko
                        for a in range(k + 1)
                        for b in range(k + 2, len(single) + 1)
                        if b - a >= 3
                    ):
                        edits.append((base + k, base + k + 2, run[k]))
        for m in re.finditer(r"[\uac00-\ud7a3]{3,}", canon):
            run, base = m.group(0), m.start()
            i = 0
            while i < len(run) - 2:
                done = False
                for size in (6, 5, 4, 3):
                    window = run[i : i + size]
                    if len(window) < size or window in self._ko_sub:
                        continue
                    # A window that contains a known word is read by that word, not repaired.
                    if any(window[a:b] in self._known_ko for a in range(size) for b in range(a + 2, size + 1)):
                        continue
                    w = self._ko_match(window) or self._ko_dropped.get(window)
                    if w is not None and not any(s < base + i + size and base + i < e for s, e, _ in edits):
                        edits.append((base + i, base + i + size, w))
                        i += size
                        done = True
                        break
                if not done:
                    i += 1
        for m in re.finditer(r"[\uac00-\ud7a3]{2,}", canon):
            run, base = m.group(0), m.start()
            # Known words written right here ("윤활유" in "아니고윤활유"): a window reaching into one
            # is not a slip ("고윤" is not "고온").
            known = [
                (a, b)
                for a in range(len(run))
                for b in range(a + 3, min(len(run), a + 7) + 1)
                if run[a:b] in self._known_ko
            ]
            for i in range(len(run) - 1):
                window = run[i : i + 2]
                # A word of the plant's own vocabulary ("진공" in "진공펌프") is not a slip of "진동".
                if window in SHORT_WORDS or window in self._ko_sub or any(s <= base + i < e for s, e, _ in edits):
                    continue
                if any(a < i + 2 and i < b for a, b in known):
                    continue
                # Two syllables of two words ("모르겠고 운전원" -> "고운") are no slip of one word ("고온").
                if doc.index[base + i + 1] - doc.index[base + i] > 1:
                    continue
                w = self._ko_match(window, self._short_index)
                # Only a slip in the second syllable ("누슈", "진똥"): "있음" is not "이음", "방열" not "발열".
                if w is not None and w[0] == window[0] and len(to_jamo(w)) == len(to_jamo(window)):
                    edits.append((base + i, base + i + 2, w))
        for m in re.finditer(r"(?<![a-z])[a-z]{3,}(?![a-z])", canon):
            tok = m.group(0)
            if tok in self._known_en:
                continue
            w = self._en_repair(tok)
            if w is not None:
                edits.append((m.start(), m.end(), w))
        if not edits:
            return doc
        return _apply(doc, sorted(edits))


def _apply(doc: Doc, edits: list[tuple[int, int, str]]) -> Doc:
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    for start, end, word in edits:
        if start < pos:
            continue
        out.append(doc.canon[pos:start])
        idx.extend(doc.index[pos:start])
        src = doc.index[start:end]
        out.append(word)
        idx.extend(src[min(k, len(src) - 1)] for k in range(len(word)))
        pos = end
    out.append(doc.canon[pos:])
    idx.extend(doc.index[pos:])
    return Doc(source=doc.source, canon="".join(out), index=tuple(idx))
