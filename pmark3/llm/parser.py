"""``LLMParser``: the ``RequestParser`` port backed by an OpenAI-compatible LLM.

The LLM's output is trusted only after two checks: the JSON schema (the server may ignore
guided decoding, e.g. a proxy or a model without grammar support), then the catalog and the
KKS pattern, including agreement between the full location code and the unit/system codes.
Anything that fails raises ``LLMError``; the workflow then falls back to the local parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from jsonschema import Draft202012Validator

from pmark3.catalog import Catalog
from pmark3.errors import LLMError
from pmark3.llm.client import LLMClient
from pmark3.llm.prompts import (
    KKS_PATTERN,
    PARSE_MAX_TOKENS,
    PARSE_SCHEMA_NAME,
    ParseContext,
    build_parse_json_schema,
    build_parse_messages,
)
from pmark3.models import Turn
from pmark3.ports import Mentions, ParsedRequest

ContextFn = Callable[[str, Sequence[Turn]], ParseContext]
_KKS = re.compile(KKS_PATTERN)


def schema_errors(value: Any, schema: Mapping[str, Any]) -> list[str]:
    """Schema violations of a parse output, as short messages (empty when valid)."""
    validator = Draft202012Validator(schema)
    return [
        f"{'/'.join(str(p) for p in err.absolute_path) or '<root>'}: {err.message}"
        for err in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    ]


def catalog_errors(value: Mapping[str, Any], catalog: Catalog) -> list[str]:
    """Catalog and consistency violations of a schema-valid parse output (empty when valid)."""
    codes = value.get("codes") or {}
    errors: list[str] = []
    unit, system, kks = codes.get("unit"), codes.get("kks_system"), codes.get("kks")
    if unit is not None and unit not in ("0", "1", "2"):
        errors.append(f"unit {unit!r} is not 0, 1 or 2")
    if system is not None and system not in catalog.systems:
        errors.append(f"kks_system {system!r} is not in the catalog")
    eq = codes.get("equipment_type")
    if eq is not None and eq not in catalog.equipment_classes:
        errors.append(f"equipment_type {eq!r} is not in the catalog")
    mode = codes.get("status_code")
    if mode is not None and mode not in catalog.failure_modes:
        errors.append(f"status_code {mode!r} is not in the catalog")
    priority = codes.get("priority")
    if priority is not None and priority not in catalog.priorities:
        errors.append(f"priority {priority!r} is not in the catalog")
    if kks is not None:
        if not isinstance(kks, str) or not _KKS.match(kks):
            errors.append(f"kks {kks!r} does not fit <unit><system><2 digits><2 letters><3 digits>")
        else:
            # A full code fixes unit and system; a null or different unit/system means the model
            # either guessed the location or contradicted itself, and neither may pass.
            if kks[0] != unit:
                errors.append(f"kks {kks} disagrees with unit {unit!r}")
            if kks[1:4] != system:
                errors.append(f"kks {kks} disagrees with kks_system {system!r}")
            if kks[1:4] not in catalog.systems:
                errors.append(f"kks {kks} names system {kks[1:4]} that is not in the catalog")
    mentions = value.get("mentions") or {}
    if mentions.get("unit") is not None and unit is not None and mentions["unit"] != unit:
        errors.append(f"mentioned unit {mentions['unit']!r} disagrees with unit code {unit!r}")
    return errors


class LLMParser:
    """Parses a request with the LLM into a ``ParsedRequest`` (``parser="llm"``, codes in ``hints``)."""

    name: Literal["local", "llm"] = "llm"

    def __init__(self, client: LLMClient, catalog: Catalog, context_fn: ContextFn) -> None:
        self.client = client
        self.catalog = catalog
        self.context_fn = context_fn
        self.schema = build_parse_json_schema(catalog)

    def parse(self, text: str, history: Sequence[Turn]) -> ParsedRequest:
        context = self.context_fn(text, history)
        messages = build_parse_messages(text, history, context)
        value = self.client.chat_json(messages, self.schema, name=PARSE_SCHEMA_NAME, max_tokens=PARSE_MAX_TOKENS)
        problems = schema_errors(value, self.schema)
        if problems:
            raise LLMError("LLM parse output does not match the schema: " + "; ".join(problems[:5]))
        problems = catalog_errors(value, self.catalog)
        if problems:
            raise LLMError("LLM parse output has invalid codes: " + "; ".join(problems))
        codes = value["codes"]
        return ParsedRequest(
            scenario=value["scenario"],
            language=value["language"],
            mentions=Mentions(**value["mentions"]),
            hints={
                "unit": codes["unit"],
                "system": codes["kks_system"],
                "kks": codes["kks"],
                "equipment_type": codes["equipment_type"],
                "status_code": codes["status_code"],
                "priority": codes["priority"],
            },
            parser="llm",
        )
