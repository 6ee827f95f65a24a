"""quality_check: approve the draft, retry the parse once with the other parser, or ask a person.

Errors are for failures; low confidence is a quality outcome (``needs_review``), not an error.
"""

from __future__ import annotations

from typing import Any

from pmark3.models import FIELD_NAMES


def _confidence(state: dict[str, Any], name: str) -> float:
    field = state.get(name) or {}
    if name == "location" and not field.get("unit"):
        return 0.0
    return float(field.get("confidence") or 0.0) if field.get("normalized") is not None else 0.0


def quality_check(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    scenario = state.get("scenario")
    required = ("location", "equipment_type") if scenario == "S3" else FIELD_NAMES
    scores = {name: round(_confidence(state, name), 3) for name in FIELD_NAMES}
    weak = [name for name in required if scores[name] < deps.settings.review_confidence]
    scores["completeness"] = round(sum(1 for n in required if scores[n] > 0) / len(required), 3)
    scores["min_confidence"] = min(scores[n] for n in required)

    update: dict[str, Any] = {"quality_scores": scores, "weak_fields": weak}
    if scenario == "S3" or state.get("duplicate_of"):
        update.update(quality_decision="approved", status="answered")
        return update
    if not weak and not state.get("parser_disagreement"):
        update.update(quality_decision="approved", status="draft")
        return update
    other = "local" if (state.get("parsed") or {}).get("parser") == "llm" else "llm"
    if other == "llm" and deps.llm_parser is None:
        # No second parser to ask: a person decides.
        update.update(quality_decision="review", status="needs_review")
        return update
    update.update(quality_decision="retry", next_parser=other, status="needs_review")
    return update
