"""validate_input's text rules: trim, NFC, 3..1000 characters, no control characters."""

from __future__ import annotations

import unicodedata

import pytest

from pmark3.errors import InvalidRequest
from pmark3.workflow.nodes.validate_input import clean_text


def test_trims_and_normalizes_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "  급수펌프 진동  ")
    assert clean_text(decomposed, 3, 1000) == "급수펌프 진동"


def test_keeps_newline_and_tab() -> None:
    assert clean_text("BFP\tB\n진동", 3, 1000) == "BFP\tB\n진동"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "too short"),
        ("  a ", "too short"),
        ("x" * 1001, "too long"),
        ("펌프\x00진동", "U+0000"),
        ("펌프\x1b[31m", "U+001B"),
        ("bad \ud800 surrogate", "UTF-8"),
        (None, "must be a string"),
    ],
)
def test_rejects_with_a_clear_reason(text: object, fragment: str) -> None:
    with pytest.raises(InvalidRequest) as info:
        clean_text(text, 3, 1000)
    assert fragment in info.value.message


def test_limits_are_inclusive() -> None:
    assert clean_text("abc", 3, 1000) == "abc"
    assert len(clean_text("가" * 1000, 3, 1000)) == 1000
