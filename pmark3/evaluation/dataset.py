"""The labeled request sets: loading, language detection and label checks.

A line of a set is ``{"id", "text", "history", "expected": {...}, "lang"?}`` as in
``/work/shared/examples/requests.sample.jsonl``; ``lang`` is optional because the
sample lacks it, and is then detected from the script of the text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pmark3.catalog import load_catalog
from pmark3.models import Scenario, Turn

EvalLanguage = Literal["ko", "en", "mixed"]

# Systems that exist only as plant-common (unit "0") facilities in this plant.
COMMON_SYSTEMS: frozenset[str] = frozenset({"EAC", "GCF", "EGB", "EGC"})

DATA_DIR = Path(__file__).resolve().parent.parent / "eval"


class Expected(BaseModel):
    """The gold labels of one request."""

    model_config = ConfigDict(extra="forbid")

    unit: Literal["0", "1", "2"] | None
    kks_system: str | None
    equipment_class: str | None
    failure_mode: str | None
    priority: int | None = Field(default=None, ge=1, le=4)
    scenario: Scenario


class Example(BaseModel):
    """One labeled request."""

    id: str
    text: str
    history: list[Turn] = Field(default_factory=list)
    expected: Expected
    lang: EvalLanguage | None = None

    @property
    def language(self) -> EvalLanguage:
        return self.lang or detect_language(self.text)


_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Latin words of two or more letters that are not glued to digits: tags such as
# "LT-2A", "BC-4" or "#2" and measurement units do not make a Korean sentence mixed.
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z/'.]*[A-Za-z](?![A-Za-z0-9])")
_TAG = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+-\d[A-Za-z0-9-]*")
_UNIT_WORDS = frozenset(
    {"mm", "cm", "bar", "kg", "mw", "kv", "rpm", "mbar", "ppm", "ppb", "hz", "ma", "kw", "um", "t/h", "kpa", "mpa"}
)


def detect_language(text: str) -> EvalLanguage:
    """Classify a request as Korean-only, English-only or mixed by its script.

    Hangul with Latin words (equipment shorthand like "BFP", words like "motor") is
    mixed; Hangul with only tags and measurement units is Korean.
    """
    has_hangul = bool(_HANGUL.search(text))
    latin = [w for w in _LATIN_WORD.findall(_TAG.sub(" ", text)) if w.lower() not in _UNIT_WORDS]
    if not has_hangul:
        return "en"
    return "mixed" if latin else "ko"


_COMMON_CUE = re.compile(r"공용|공통|common|0호기|#0|\b0U\b|\bU0\b", re.IGNORECASE)


_UNIT_WORDS_EN = {"1": "one", "2": "two"}


class DatasetError(ValueError):
    """A line of a labeled set could not be read."""


def load_examples(path: str | Path) -> list[Example]:
    """Read a JSON-lines labeled set; blank lines are skipped, a bad line raises with its number."""
    examples: list[Example] = []
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                example = Example.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise DatasetError(f"{path}:{lineno}: {exc}") from exc
            if example.id in seen:
                raise DatasetError(f"{path}:{lineno}: duplicate id {example.id}")
            seen.add(example.id)
            examples.append(example)
    return examples


def default_path(split: Literal["dev", "test"] = "test") -> Path:
    """The packaged labeled set of ``split``."""
    return DATA_DIR / f"requests.{split}.jsonl"


# The probe sets of tests/understanding/data that the parser learns from, in the order they were
# written. Each was written blind and scored once before it was added here.
PROBE_SETS: tuple[str, ...] = (
    "probes.jsonl",
    "probes2.jsonl",
    "probes3.jsonl",
    "probes4.jsonl",
    "probes5.jsonl",
    "probes6.jsonl",
    "probes7.jsonl",
    "probes8.jsonl",
    "probes9.jsonl",
    "probes10.jsonl",
    "probes11.jsonl",
    "probes12.jsonl",
    "probes13.jsonl",
    "probes14.jsonl",
    "probes15.jsonl",
    "probes16.jsonl",
    "probes17.jsonl",
    "probes18.jsonl",
    "probes19.jsonl",
    "probes20.jsonl",
    "probes21.jsonl",
    "probes22.jsonl",
    "probes23.jsonl",
    "probes24.jsonl",
    "probes25.jsonl",
    "probes26.jsonl",
    "probes27.jsonl",
    "probes28.jsonl",
    "probes29.jsonl",
    "probes30.jsonl",
    "probes31.jsonl",
    "probes32.jsonl",
    "probes33.jsonl",
    "probes34.jsonl",
    "probes35.jsonl",
    "probes36.jsonl",
    "probes37.jsonl",
    "probes38.jsonl",
    "probes39.jsonl",
    "probes40.jsonl",
    "probes41.jsonl",
    "probes42.jsonl",
    "probes43.jsonl",
    "probes44.jsonl",
    "probes45.jsonl",
    "probes46.jsonl",
    "probes47.jsonl",
    "probes48.jsonl",
    "probes49.jsonl",
    "probes50.jsonl",
    "probes51.jsonl",
    "probes52.jsonl",
    "probes53.jsonl",
    "probes54.jsonl",
    "probes55.jsonl",
    "probes56.jsonl",
    "probes57.jsonl",
    "probes58.jsonl",
    "probes59.jsonl",
    "probes60.jsonl",
    "probes61.jsonl",
    "probes62.jsonl",
    "probes63.jsonl",
    "probes64.jsonl",
    "probes65.jsonl",
)


def learning_sets(root: Path) -> list[Path]:
    """The labeled sets the parser may learn from, in a source checkout at ``root``: the dev split,
    the shared sample and ``PROBE_SETS``; never the test split. The calibration fit
    (``bench/parse_bench.py --fit``), the naive Bayes examples (``python -m
    pmark3.understanding.learned``) and the linear models (``python -m
    pmark3.understanding.train_linear``) all learn from these.
    """
    data = root / "tests" / "understanding" / "data"
    return [root / "pmark3" / "eval" / "requests.dev.jsonl", data / "requests.sample.jsonl"] + [
        data / name for name in PROBE_SETS
    ]


def check_labels(examples: Iterable[Example]) -> list[str]:
    """Problems with the labels of each example: unknown codes and broken labeling conventions.

    An empty list means every label is consistent with the catalog and the conventions
    in ``pmark3/eval/README.md``.
    """
    cat = load_catalog()
    problems: list[str] = []
    for ex in examples:
        e = ex.expected
        where = f"{ex.id}:"
        if e.kks_system is not None and e.kks_system not in cat.systems:
            problems.append(f"{where} unknown KKS system {e.kks_system}")
        if e.equipment_class is not None and e.equipment_class not in cat.equipment_classes:
            problems.append(f"{where} unknown equipment class {e.equipment_class}")
        if e.failure_mode is not None and e.failure_mode not in cat.failure_modes:
            problems.append(f"{where} unknown failure mode {e.failure_mode}")
        if e.priority is not None and e.priority not in cat.priorities:
            problems.append(f"{where} unknown priority {e.priority}")
        if e.kks_system in COMMON_SYSTEMS and e.unit != "0":
            problems.append(f"{where} {e.kks_system} is plant-common, unit must be '0'")
        all_text = " ".join([ex.text, *(t.text for t in ex.history if t.role == "user")])
        if e.unit == "0" and e.kks_system not in COMMON_SYSTEMS and not _COMMON_CUE.search(all_text):
            problems.append(f"{where} unit '0' for {e.kks_system} without a plant-common cue in the text")
        if e.scenario in ("S1", "S2"):
            if e.failure_mode is None or e.priority is None:
                problems.append(f"{where} {e.scenario} needs a failure mode and a priority")
        elif e.priority is not None:
            problems.append(f"{where} S3 with a priority")
        if e.scenario == "S2" and not ex.history:
            problems.append(f"{where} S2 without history")
        if e.scenario != "S2" and ex.history:
            problems.append(f"{where} history on a {e.scenario} request")
        if ex.history and ex.history[0].role != "user":
            problems.append(f"{where} history must start with the user's turn")
        if e.unit in ("1", "2") and e.unit not in all_text and _UNIT_WORDS_EN[e.unit] not in all_text.lower():
            problems.append(f"{where} unit {e.unit} is not written in the text or history")
    return problems


def coverage(examples: Iterable[Example]) -> dict[str, Counter[str]]:
    """Counts per scenario, language, unit, system, class, failure mode and priority."""
    keys = ("scenario", "language", "unit", "kks_system", "equipment_class", "failure_mode", "priority")
    out: dict[str, Counter[str]] = {k: Counter() for k in keys}
    for ex in examples:
        e = ex.expected
        out["scenario"][e.scenario] += 1
        out["language"][ex.language] += 1
        out["unit"][str(e.unit)] += 1
        out["kks_system"][str(e.kks_system)] += 1
        out["equipment_class"][str(e.equipment_class)] += 1
        out["failure_mode"][str(e.failure_mode)] += 1
        out["priority"][str(e.priority)] += 1
    return out
