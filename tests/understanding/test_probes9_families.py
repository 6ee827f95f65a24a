"""English mechanisms learned from probes9, each checked on wording that is not in any labeled set."""

from __future__ import annotations

import pytest

from tests.understanding.conftest import Understand


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        # "X for/on [qualifier] Y": the head comes first, a short qualifier may sit before Y.
        ("Unit 2 limit switch for the DC EOP auto start stuck, found during the monthly test", "IP"),
        ("Recirculation pump B on #1 FGD making a loud noise", "PU"),
        # Nothing read as a symptom: the subject of the first sentence, not a later sentence's words.
        ("Unit 1 CWP B travelling screen packed with seaweed. Screen wash pump kept running all night.", "FS"),
    ],
)
def test_english_head_of_the_phrase(understand: Understand, text: str, cls: str) -> None:
    assert understand(text)[1].equipment_type.normalized == cls


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("U1 condensate pump A discharge press dropped from 2.8 to 1.9 bar", "LOO"),  # "press" = pressure
        ("Unit 2 air compressor B discharge pressure crept up to 9.5 bar", "HIO"),  # verb before "to"
    ],
)
def test_english_symptom_wording(understand: Understand, text: str, mode: str) -> None:
    assert understand(text)[1].status_code.normalized == mode


def test_brg_is_a_bearing_part_not_a_class() -> None:
    from pmark3.understanding.lexicon import EQUIPMENT_LINES

    line = next(row for row in EQUIPMENT_LINES.splitlines() if "|brg|" in row)
    assert line.rstrip().endswith("part")
