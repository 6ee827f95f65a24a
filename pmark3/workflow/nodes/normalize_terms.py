"""normalize_terms: the four coded fields with confidence and alternatives; never guess the unit."""

from __future__ import annotations

from typing import Any

from pmark3.models import FIELD_NAMES, Turn
from pmark3.ports import NormalizedFields, ParsedRequest
from pmark3.workflow.nodes.parse_input import turns


def normalize_terms(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    text: str = state["text"]
    history = turns(state)
    parsed = ParsedRequest.model_validate(state["parsed"])
    source = state.get("source_hints")
    warnings = list(state.get("warnings") or [])
    fields, notes = _normalize(deps, parsed, text, history, source)
    update: dict[str, Any] = {name: getattr(fields, name).model_dump(mode="json") for name in FIELD_NAMES}
    update["parser_disagreement"] = []
    if notes:
        # A retried parse comes back here: say each thing once.
        warnings += [n for n in notes if n not in warnings]
        update["warnings"] = warnings
    if parsed.parser == "llm":
        # A second opinion is cheap locally; telling the user where the two readings differ is
        # worth more than hiding it.
        local, _ = _normalize(deps, deps.parser.parse(text, history), text, history, source)
        differ = [name for name in FIELD_NAMES if getattr(local, name).normalized != getattr(fields, name).normalized]
        if differ:
            detail = ", ".join(
                f"{n}: LLM {getattr(fields, n).normalized} / local {getattr(local, n).normalized}" for n in differ
            )
            warnings.append(f"the LLM and local parsers disagree ({detail})")
            update["warnings"] = warnings
            update["parser_disagreement"] = differ
    return update


def _normalize(
    deps: Any, parsed: ParsedRequest, text: str, history: list[Turn], source: dict[str, Any] | None
) -> tuple[NormalizedFields, list[str]]:
    """The four fields, using a CMMS message's unit and equipment tag when the request has them."""
    if not source:
        return deps.normalizer.normalize(parsed, text, history), []
    with_source = getattr(deps.normalizer, "normalize_with_source", None)
    if with_source is None:
        fields = deps.normalizer.normalize(parsed, text, history)
        return fields, ["this normalizer cannot use the CMMS unit and equipment tag; they were ignored"]
    result: tuple[NormalizedFields, list[str]] = with_source(parsed, text, history, source)
    return result
