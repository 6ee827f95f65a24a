"""Text normalization shared by every matcher.

Requests mix Hangul, Latin shorthand, digits and tags ("2U BFP-B", "A미분기", "LT-2A가").
Everything is matched on one canonical form so that spacing, case, width and
punctuation variants of the same words compare equal:

* NFC for Hangul, NFKC for everything else (full-width letters, "㎜", "Ω");
* lower case; punctuation becomes a space (``#`` is kept: it marks units, "#2");
* clause punctuation (. , ; ! ? brackets) becomes a `` | `` token, so patterns that
  join a measurement to its direction ("차압 ... 높음") stay inside one clause;
* a space at every change of script (Hangul / Latin / digit), so "B펌프" = "b 펌프"
  and "2U" = "2 u", and ASCII tokens always stand alone;
* spaces between two Hangul characters are dropped, so "급수 펌프" = "급수펌프";
  Korean terms are then found as substrings, which also ignores particles
  ("펌프가", "펌프의", "펌프에서").

``Doc`` keeps, for each canonical character, the index of the source character, so a
match can be reported with the user's own words (``original``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3


def is_hangul(ch: str) -> bool:
    o = ord(ch)
    return _HANGUL_FIRST <= o <= _HANGUL_LAST or 0x3131 <= o <= 0x318E or 0x1100 <= o <= 0x11FF


_CLAUSE = frozenset(".,;!?()[]{}\n·。、，；！？")


def _kind(ch: str) -> str:
    """'H' Hangul, 'L' other letter, 'D' digit, 'K' kept symbol, 'P' clause break, 'S' separator."""
    if is_hangul(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "L"
    if ch == "#":
        return "K"
    if ch in _CLAUSE:
        return "P"
    return "S"


def _fold(ch: str) -> str:
    if is_hangul(ch):
        return ch
    return unicodedata.normalize("NFKC", ch).lower()


@dataclass(frozen=True)
class Doc:
    """A request in canonical form with a map back to the source text."""

    source: str
    canon: str
    index: tuple[int, ...]  # canon position -> source position

    def original(self, start: int, end: int) -> str:
        """The source words covering canon[start:end]."""
        if start >= end or not self.index:
            return ""
        s = self.index[start]
        e = self.index[end - 1] + 1
        return self.source[s:e].strip()


def canonical(text: str) -> str:
    return make_doc(text).canon


def make_doc(text: str) -> Doc:
    source = unicodedata.normalize("NFC", text)
    out: list[str] = []
    idx: list[int] = []
    prev_kind = ""
    pending_space = False
    pending_break = False
    for i, raw in enumerate(source):
        folded = _fold(raw)
        for ch in folded:
            kind = _kind(ch)
            if (
                kind == "P"
                and ch == "."
                and 0 < i < len(source) - 1
                and source[i - 1].isdigit()
                and source[i + 1].isdigit()
            ):
                kind = "S"  # a decimal point, not a full stop
            if (
                ch == ","
                and i > 0
                and source[i - 1].isdigit()
                and source[i + 1 : i + 4].isdigit()
                and len(source[i + 1 : i + 4]) == 3
                and not source[i + 4 : i + 5].isdigit()
            ):
                continue  # a thousands separator ("4,000 kW"), not a clause break
            if kind == "P":
                pending_break = bool(out)
                continue
            if kind == "S":
                pending_space = True
                continue
            if pending_break:
                out.append(" | ")
                idx.extend((i, i, i))
                pending_break = False
            elif out:
                boundary = pending_space or (kind != prev_kind)
                if boundary and not (kind == "H" and prev_kind == "H"):
                    out.append(" ")
                    idx.append(i)
            out.append(ch)
            idx.append(i)
            prev_kind = kind
            pending_space = False
    canon = "".join(out)
    # A contraction typed without its apostrophe ("didnt", "doesnt") reads as the one typed with it ("didn t");
    # "wont" and "cant" are words of their own and stay.
    for m in reversed(list(_CONTRACTION.finditer(canon))):
        cut = m.end() - 1
        canon = canon[:cut] + " " + canon[cut:]
        idx.insert(cut, idx[cut])
    return Doc(source=source, canon=canon, index=tuple(idx))


_CONTRACTION = re.compile(
    r"(?<![a-z])(?:didn|doesn|don|isn|wasn|weren|aren|hasn|haven|hadn|wouldn|couldn|shouldn)t(?![a-z])"
)


# --- Korean particles -----------------------------------------------------------------

# Longest first so that "에서는" is removed whole, not as "는".
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            "이",
            "가",
            "은",
            "는",
            "을",
            "를",
            "의",
            "에",
            "에서",
            "에서는",
            "으로",
            "로",
            "와",
            "과",
            "도",
            "만",
            "랑",
            "이랑",
            "하고",
            "부터",
            "까지",
            "쪽",
            "쪽에",
            "쪽에서",
            "에는",
            "으로는",
            "이에요",
            "예요",
            "입니다",
            "이요",
            "요",
            "이고",
            "이며",
            "인데",
            "임",
            "인가요",
        },
        key=len,
        reverse=True,
    )
)


def strip_particle(word: str) -> str:
    for p in PARTICLES:
        if len(word) > len(p) + 1 and word.endswith(p):
            return word[: -len(p)]
    return word


# --- Jamo -----------------------------------------------------------------------------

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def to_jamo(text: str) -> str:
    """Decompose Hangul syllables into compatibility jamo; other characters pass through."""
    out: list[str] = []
    for ch in text:
        o = ord(ch) - _HANGUL_FIRST
        if 0 <= o <= _HANGUL_LAST - _HANGUL_FIRST:
            out.append(_CHO[o // 588])
            out.append(_JUNG[(o % 588) // 28])
            if o % 28:
                out.append(_JONG[o % 28])
        else:
            out.append(ch)
    return "".join(out)


def edit_distance_le1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
