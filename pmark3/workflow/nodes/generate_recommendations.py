"""generate_recommendations: similar work orders, procedures, an open duplicate, alternative codes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pmark3.models import FIELD_NAMES
from pmark3.ports import SearchHit
from pmark3.workflow.language import answer_language


def generate_recommendations(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    from pmark3.recommend import recommend

    raw_hits = state.get("search_hits", {})
    hits = (
        None
        if raw_hits is None
        else {name: [SearchHit.model_validate(h) for h in found] for name, found in raw_hits.items()}
    )
    fields = {name: state.get(name) or {} for name in FIELD_NAMES}
    history = deps.history or deps.store
    result = recommend(
        fields,
        hits,
        history,
        deps.catalog,
        now=datetime.fromisoformat(state["received_at"]),
        language=answer_language(state.get("language")),
    )
    warnings = list(state.get("warnings") or [])
    warnings.extend(w for w in result.warnings if w not in warnings)
    return {
        "recommendations": [r.model_dump(mode="json") for r in result.recommendations],
        "duplicate_of": result.duplicate_of,
        "warnings": warnings,
    }
