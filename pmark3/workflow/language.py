"""Which language to answer in: Korean when the request has any Hangul, else English."""

from __future__ import annotations

from typing import Literal


def detect_language(text: str) -> Literal["ko", "en"]:
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e")
    return "ko" if hangul else ("en" if any(c.isalpha() for c in text) else "ko")


def answer_language(language: str | None) -> Literal["ko", "en"]:
    """The language of everything written back (answer, recommendation reasons) for a request.

    English only for an English request; Korean for ``ko``, ``mixed`` (any Hangul) and an
    unknown language, as the portal is Korean-first.
    """
    return "en" if language == "en" else "ko"
