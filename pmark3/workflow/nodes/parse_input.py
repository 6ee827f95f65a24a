"""parse_input: scenario and mentions, by the LLM when configured, else (or on failure) locally."""

from __future__ import annotations

from typing import Any

from pmark3.errors import LLMError
from pmark3.models import Turn
from pmark3.ports import ParsedRequest


def turns(state: dict[str, Any]) -> list[Turn]:
    return [Turn.model_validate(t) for t in state.get("history") or []]


def parse_input(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    text: str = state["text"]
    history = turns(state)
    warnings = list(state.get("warnings") or [])
    wanted = state.get("next_parser") or ("llm" if deps.llm_parser is not None else "local")
    parsed: ParsedRequest | None = None
    if wanted == "llm" and deps.llm_parser is not None:
        try:
            parsed = deps.llm_parser.parse(text, history)
        except LLMError as exc:
            warnings.append(f"LLM parser unavailable ({exc.message}); the local parser was used")
    if parsed is None:
        parsed = deps.parser.parse(text, history)
    return {
        "parsed": parsed.model_dump(mode="json"),
        "scenario": parsed.scenario,
        "language": parsed.language,
        "parse_attempts": int(state.get("parse_attempts") or 0) + 1,
        "warnings": warnings,
    }
