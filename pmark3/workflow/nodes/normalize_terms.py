"""normalize_terms: the four coded fields with confidence and alternatives; never guess the unit."""

from __future__ import annotations

from typing import Any

from pmark3.models import FIELD_NAMES
from pmark3.ports import ParsedRequest
from pmark3.workflow.nodes.parse_input import turns


def normalize_terms(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    text: str = state["text"]
    history = turns(state)
    parsed = ParsedRequest.model_validate(state["parsed"])
    fields = deps.normalizer.normalize(parsed, text, history)
    update: dict[str, Any] = {name: getattr(fields, name).model_dump(mode="json") for name in FIELD_NAMES}
    update["parser_disagreement"] = []
    if parsed.parser == "llm":
        # A second opinion is cheap locally; telling the user where the two readings differ is
        # worth more than hiding it.
        local = deps.normalizer.normalize(deps.parser.parse(text, history), text, history)
        differ = [name for name in FIELD_NAMES if getattr(local, name).normalized != getattr(fields, name).normalized]
        if differ:
            warnings = list(state.get("warnings") or [])
            detail = ", ".join(
                f"{n}: LLM {getattr(fields, n).normalized} / local {getattr(local, n).normalized}" for n in differ
            )
            warnings.append(f"the LLM and local parsers disagree ({detail})")
            update["warnings"] = warnings
            update["parser_disagreement"] = differ
    return update
