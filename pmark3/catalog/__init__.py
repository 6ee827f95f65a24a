"""The plant's standard code lists (KKS systems, ISO 14224 classes and failure modes, priorities).

The CSV files under ``data/`` are copied verbatim from the plant's catalog and are facts:
code never edits them, it only reads them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Code:
    """One catalog row: a code, its names and the synonyms operators write."""

    code: str
    name_en: str
    name_ko: str
    synonyms_en: tuple[str, ...] = ()
    synonyms_ko: tuple[str, ...] = ()
    description_en: str = ""

    @property
    def synonyms(self) -> tuple[str, ...]:
        return self.synonyms_en + self.synonyms_ko


@dataclass(frozen=True)
class Priority:
    priority: int
    name_en: str
    name_ko: str
    response_hours: int
    cue_words_en: tuple[str, ...]
    cue_words_ko: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    systems: dict[str, Code] = field(default_factory=dict)
    equipment_classes: dict[str, Code] = field(default_factory=dict)
    failure_modes: dict[str, Code] = field(default_factory=dict)
    priorities: dict[int, Priority] = field(default_factory=dict)

    def name(self, kind: str, code: str | int | None, lang: str = "ko") -> str | None:
        """Human name of a code in ``lang`` ("ko" or "en"); None for an unknown code."""
        if code is None:
            return None
        tables: dict[str, dict[Any, Any]] = {
            "system": self.systems,
            "equipment_type": self.equipment_classes,
            "status_code": self.failure_modes,
            "priority": self.priorities,
        }
        table = tables[kind]
        row = table.get(code)
        if row is None:
            return None
        return str(row.name_ko if lang == "ko" else row.name_en)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split("|") if s.strip())


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _codes(name: str, key: str) -> dict[str, Code]:
    return {
        r[key]: Code(
            code=r[key],
            name_en=r["name_en"],
            name_ko=r["name_ko"],
            synonyms_en=_split(r.get("synonyms_en")),
            synonyms_ko=_split(r.get("synonyms_ko")),
            description_en=r.get("description_en", "") or "",
        )
        for r in _rows(name)
    }


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Load the packaged catalog once per process."""
    priorities = {
        int(r["priority"]): Priority(
            priority=int(r["priority"]),
            name_en=r["name_en"],
            name_ko=r["name_ko"],
            response_hours=int(r["response_hours"]),
            cue_words_en=_split(r["cue_words_en"]),
            cue_words_ko=_split(r["cue_words_ko"]),
        )
        for r in _rows("priorities.csv")
    }
    return Catalog(
        systems=_codes("systems.csv", "kks_system"),
        equipment_classes=_codes("equipment_classes.csv", "code"),
        failure_modes=_codes("failure_modes.csv", "code"),
        priorities=priorities,
    )
