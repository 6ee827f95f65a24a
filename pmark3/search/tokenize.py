"""Keyword tokens for Korean and English maintenance text.

Korean compounds are written with and without spaces and with particles attached
("급수펌프", "급수 펌프", "급수펌프의"), so Hangul runs are indexed as character
bigrams: every spelling shares the bigrams of the stem. Latin and digit runs are
whole lower-cased words; a KKS code also yields its system and unit+system parts so
that "LAC" or "2LAC" find "2LAC20AP001".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

_RUN = re.compile(r"[\uac00-\ud7a3]+|[a-z0-9]+")
_KKS = re.compile(r"^([0-9])([a-z]{3})(\d{2})?([a-z]{2})?(\d{3})?$")


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _hangul(run: str) -> Iterator[str]:
    if len(run) == 1:
        yield run
        return
    for i in range(len(run) - 1):
        yield run[i : i + 2]


def _latin(run: str) -> Iterator[str]:
    yield run
    m = _KKS.match(run)
    if m and m.group(3):
        yield m.group(2)
        yield m.group(1) + m.group(2)
        if m.group(4):
            yield m.group(4)


@lru_cache(maxsize=1 << 17)
def chunk_tokens(chunk: str) -> tuple[str, ...]:
    """``tokens`` of a text without whitespace."""
    out: list[str] = []
    for m in _RUN.finditer(normalize_text(chunk)):
        run = m.group()
        out.extend(_hangul(run) if "\uac00" <= run[0] <= "\ud7a3" else _latin(run))
    return tuple(out)


def tokens(text: str) -> list[str]:
    """Keyword tokens of ``text``, in order, with repeats (term frequency matters)."""
    # Per whitespace-separated chunk, cached: no token spans whitespace (and NFKC never
    # merges across it), and 100k work orders repeat the same few thousand chunks.
    return list(chain.from_iterable(map(chunk_tokens, text.split())))
