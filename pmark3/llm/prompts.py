"""The single source of PMark3's LLM prompts and of the parse output's JSON schema.

The app (``LLMParser``, ``LLMResponder``) and the GPU load test (``gpu_service/loadtest.py``)
both build their messages here, so the load test always replays what the app sends.

Message layout is chosen for vLLM's automatic prefix caching: the first message is a long
system prompt that depends only on the packaged catalog (byte-identical for every request),
so its KV cache is computed once per replica; everything that varies per request comes after.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from pmark3.catalog import Catalog, load_catalog
from pmark3.models import Alternative, Turn

Language = Literal["ko", "en"]

#: ``<unit><system><2-digit system number><2-letter equipment unit code><3-digit number>``.
KKS_PATTERN = r"^[012][A-Z]{3}[0-9]{2}[A-Z]{2}[0-9]{3}$"
UNITS: tuple[str, ...] = ("0", "1", "2")
TRAINS: tuple[str, ...] = ("A", "B", "C", "D")
MENTION_FIELDS: tuple[str, ...] = ("location", "unit", "train", "equipment", "symptom", "priority_cue")
CODE_FIELDS: tuple[str, ...] = ("unit", "kks_system", "kks", "equipment_type", "status_code", "priority")

PARSE_SCHEMA_NAME = "pmark3_parse"
#: Bounds on the variable part, so the worst-case prompt fits the served --max-model-len.
MAX_HISTORY_TURNS = 6
MAX_TURN_CHARS = 400
MAX_EXAMPLES = 5
#: Output budgets: the parse JSON is ~60-120 tokens; the answer is a few sentences.
PARSE_MAX_TOKENS = 384
RESPONSE_MAX_TOKENS = 512


def _nullable_enum(values: Sequence[str | int]) -> dict[str, Any]:
    return {"enum": [*values, None]}


def _nullable_string() -> dict[str, Any]:
    return {"type": ["string", "null"]}


def build_parse_json_schema(catalog: Catalog) -> dict[str, Any]:
    """The parse output schema, with the code enums taken from ``catalog``.

    Strict-mode shape (every property required, no extra properties) so that both OpenAI's
    strict structured outputs and vLLM's xgrammar backend accept it; "unknown" is null.
    """
    mentions = {
        "type": "object",
        "additionalProperties": False,
        "required": list(MENTION_FIELDS),
        "properties": {
            "location": _nullable_string(),
            "unit": _nullable_enum(UNITS),
            "train": _nullable_enum(TRAINS),
            "equipment": _nullable_string(),
            "symptom": _nullable_string(),
            "priority_cue": _nullable_string(),
        },
    }
    codes = {
        "type": "object",
        "additionalProperties": False,
        "required": list(CODE_FIELDS),
        "properties": {
            "unit": _nullable_enum(UNITS),
            "kks_system": _nullable_enum(sorted(catalog.systems)),
            "kks": {"anyOf": [{"type": "string", "pattern": KKS_PATTERN}, {"type": "null"}]},
            "equipment_type": _nullable_enum(sorted(catalog.equipment_classes)),
            "status_code": _nullable_enum(sorted(catalog.failure_modes)),
            "priority": _nullable_enum(sorted(catalog.priorities)),
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["scenario", "language", "mentions", "codes"],
        "properties": {
            "scenario": {"enum": ["S1", "S2", "S3"]},
            "language": {"enum": ["ko", "en"]},
            "mentions": mentions,
            "codes": codes,
        },
    }


PARSE_JSON_SCHEMA: dict[str, Any] = build_parse_json_schema(load_catalog())


class FewShotExample(BaseModel):
    """A similar request from history and the codes it was given."""

    text: str
    codes: dict[str, str | int | None] = Field(default_factory=dict)


class ParseContext(BaseModel):
    """What the caller already knows about a request before the LLM sees it.

    ``candidates`` maps a code field (one of ``CODE_FIELDS``) to the values the local parser
    and the equipment register found, each with its confidence; ``examples`` are a few similar
    requests from history with their codes, used as few-shot examples.
    """

    candidates: dict[str, list[Alternative]] = Field(default_factory=dict)
    examples: list[FewShotExample] = Field(default_factory=list)


def _codes_block(title: str, rows: Mapping[str, Any], synonyms: bool = True) -> str:
    lines = [f"### {title}"]
    for code, row in rows.items():
        line = f"{code}: {row.name_en} / {row.name_ko}"
        if synonyms and row.synonyms:
            line += f" [{', '.join(row.synonyms)}]"
        lines.append(line)
    return "\n".join(lines)


@lru_cache(maxsize=1)
def parse_system_prompt() -> str:
    """The stable system prompt of the parse call: rules, then the whole catalog."""
    catalog = load_catalog()
    priorities = "\n".join(
        f"{p.priority}: {p.name_en} / {p.name_ko}, respond within {p.response_hours} h "
        f"[{', '.join(p.cue_words_en + p.cue_words_ko)}]"
        for p in catalog.priorities.values()
    )
    rules = """You are PMark3's request parser for a two-unit thermal power plant (units 1 and 2; unit 0 is plant-common).
Plant staff write maintenance requests in Korean, English or both, with shorthand such as "#2 BFP B", "2U", "A열", "O/H".
Read the request (and the earlier turns of the same session, if any) and return one JSON object that matches the schema.

Rules:
- scenario: "S1" a new fault report; "S2" a follow-up that refines or corrects an earlier turn of the same session
  (carry over what the earlier turns established unless the new text changes it); "S3" an information request
  (history, results, procedures) with no new fault.
- language: "ko" when the request is mainly Korean, otherwise "en".
- mentions: copy the words of the request that name the location, the unit ("0", "1" or "2"), the train letter (A-D),
  the equipment, the symptom and the priority cue, as written. null when absent.
- codes: only codes from the lists below. null when the text does not determine a value.
  - unit: never guess. "1호기", "#1", "1U", "U1" mean unit 1. With no unit in the text or the session, unit is null.
  - kks_system: the 3-letter KKS system the equipment belongs to.
  - kks: a full functional location only when one of the given candidates fits the text; it must read
    <unit><system><2 digits><2 letters><3 digits>, its first character must equal unit and the next three kks_system.
  - equipment_type: the ISO 14224 equipment class of the item that failed (a transmitter is IP, not the pump it serves).
  - status_code: the ISO 14224 failure mode of the symptom; null for S3 requests with no symptom.
  - priority: 1-4 from the cue words; 3 when a fault is reported with no urgency cue; null for S3.
- Candidates given with the request come from the plant register with a confidence; prefer them when they fit
  the text, and ignore them when they contradict it.
- Output the JSON object only."""
    return "\n\n".join(
        [
            rules,
            "## Catalog",
            _codes_block("KKS systems (kks_system)", catalog.systems),
            _codes_block("ISO 14224 equipment classes (equipment_type)", catalog.equipment_classes),
            _codes_block("ISO 14224 failure modes (status_code)", catalog.failure_modes),
            "### Priorities (priority)\n" + priorities,
        ]
    )


def _history_block(history: Sequence[Turn]) -> str:
    if not history:
        return "(none)"
    # The latest turns carry what an S2 follow-up refines; older ones are dropped.
    return "\n".join(f"{t.role}: {t.text[:MAX_TURN_CHARS]}" for t in history[-MAX_HISTORY_TURNS:])


def _candidates_block(context: ParseContext) -> str:
    lines = []
    for name in CODE_FIELDS:
        alts = context.candidates.get(name) or []
        if alts:
            shown = ", ".join(f"{a.value} ({a.confidence:.2f}{', ' + a.label if a.label else ''})" for a in alts)
            lines.append(f"- {name}: {shown}")
    return "\n".join(lines) if lines else "(none)"


def build_parse_messages(text: str, history: Sequence[Turn], context: ParseContext) -> list[dict[str, str]]:
    """Messages of the parse call: the cached system prompt, few-shot pairs, then this request."""
    messages: list[dict[str, str]] = [{"role": "system", "content": parse_system_prompt()}]
    for example in context.examples[:MAX_EXAMPLES]:
        codes = {name: example.codes.get(name) for name in CODE_FIELDS}
        messages.append({"role": "user", "content": f"Example request:\n{example.text[:MAX_TURN_CHARS]}"})
        messages.append({"role": "assistant", "content": json.dumps({"codes": codes}, ensure_ascii=False)})
    messages.append(
        {
            "role": "user",
            "content": (
                f"Earlier turns of this session:\n{_history_block(history)}\n\n"
                f"Candidates from the plant register:\n{_candidates_block(context)}\n\n"
                f"Request:\n{text}"
            ),
        }
    )
    return messages


RESPONSE_SYSTEM_PROMPT = """You are PMark3, the maintenance-request assistant of a two-unit thermal power plant.
You write the short answer that the requester sees after their request was coded.

Rules:
- Write in the language given as "language": "ko" Korean (polite 합니다체), "en" English.
- At most 6 sentences. Plain text, no Markdown headings, no JSON.
- State what the request was coded as: location, equipment class, failure mode, priority, using the names given.
- Use only the facts in the evidence below. Do not invent work orders, procedures, parts, dates, causes or values.
  When you mention a work order, procedure or open notification, cite its id in brackets, e.g. [WO-2024-00123],
  and only ids that appear in the evidence.
- If "duplicate" evidence is present, say that an open notification may already cover this fault and cite it.
- For every field listed under "ask_about", ask one short question so the requester can confirm or fill it in.
  Never state a value for such a field as if it were certain. When "questions" are given, ask exactly
  those, in that order (they are also shown to the requester as a list).
- If there is nothing to ask, do not add questions."""


def _field_view(result: Mapping[str, Any], name: str, language: Language) -> dict[str, Any]:
    field = result.get(name) or {}
    catalog = load_catalog()
    normalized = field.get("normalized")
    kind = {"location": None, "equipment_type": "equipment_type", "status_code": "status_code", "priority": "priority"}[
        name
    ]
    label = catalog.name(kind, normalized, language) if kind and normalized is not None else None
    if name == "location" and field.get("system"):
        label = catalog.name("system", field["system"], language)
    return {
        "original": field.get("original"),
        "code": normalized,
        "name": label,
        "confidence": field.get("confidence", 0.0),
        "alternatives": [a.get("value") for a in field.get("alternatives", [])][:3],
    }


def fields_to_ask(result: Mapping[str, Any], question_confidence: float = 0.8) -> list[str]:
    """The fields that are missing or below ``question_confidence`` (they get a question)."""
    asks = []
    for name in ("location", "equipment_type", "status_code", "priority"):
        field = result.get(name) or {}
        if field.get("normalized") is None or float(field.get("confidence", 0.0)) < question_confidence:
            asks.append(name)
    return asks


def evidence_ids(result: Mapping[str, Any]) -> set[str]:
    """Every id the answer may cite: the ids of the result's recommendations."""
    return {str(r["id"]) for r in result.get("recommendations", []) if r.get("id")}


def build_response_messages(
    result: Mapping[str, Any], language: Language, *, question_confidence: float = 0.8
) -> list[dict[str, str]]:
    """Messages of the response call for a coded result (the workflow's result dict)."""
    fields = {
        name: _field_view(result, name, language) for name in ("location", "equipment_type", "status_code", "priority")
    }
    if result.get("scenario") == "S3":
        # An information request has no fault to code: only the location matters.
        asks = [n for n in fields_to_ask(result, question_confidence) if n == "location"]
    else:
        asks = fields_to_ask(result, question_confidence)
    evidence = [
        {
            "kind": r.get("kind"),
            "id": r.get("id"),
            "title": r.get("title"),
            "score": r.get("score"),
            "reason": r.get("reason"),
            "details": r.get("details", {}),
        }
        for r in result.get("recommendations", [])
    ]
    payload = {
        "language": language,
        "scenario": result.get("scenario"),
        "request": result.get("text") or result.get("request_text"),
        "fields": fields,
        "ask_about": asks,
        "questions": list(result.get("questions") or []),
        "evidence": evidence,
    }
    return [
        {"role": "system", "content": RESPONSE_SYSTEM_PROMPT},
        {"role": "user", "content": json.dumps(payload, ensure_ascii=False, indent=1, default=str)},
    ]
