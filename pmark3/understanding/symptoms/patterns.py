"""The symptom patterns of every family, in the order the reader tries them.

Order only decides a tie: two patterns of equal strength that match the very same span
(``reader._dedupe`` sorts stably, so the earlier one is kept). Families that can tie come in
the order the readings were written in: an instrument's words before the process values and
commands that share them ("출력 안 나옴" is no output, not low output), process values before
a source's voltage ("셀 전압 떨어짐" has read LOO since before the cell-voltage FOV pattern),
leaks before the noise mimetics ("방울방울" drips). Within a family the patterns keep their
written order. Moving a family changes readings only through such ties.
"""

from pmark3.understanding.symptoms import (
    commands,
    electrical,
    leaks,
    other,
    process,
    readings,
    starts_stops,
    wear,
)

# (code, strength, regex)
PATTERNS: list[tuple[str, int, str]] = [
    *readings.PATTERNS,
    *process.PATTERNS,
    *leaks.PATTERNS,
    *commands.PATTERNS,
    *starts_stops.PATTERNS,
    *electrical.PATTERNS,
    *wear.PATTERNS,
    *other.PATTERNS,
]
