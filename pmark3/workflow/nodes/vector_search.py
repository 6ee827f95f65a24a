"""vector_search: hybrid search over the four collections; an index outage degrades, never fails."""

from __future__ import annotations

import logging
from typing import Any

from pmark3.errors import SearchError
from pmark3.models import FIELD_NAMES

log = logging.getLogger(__name__)
UNAVAILABLE = "search index unavailable; recommendations come from SQL history"


def vector_search(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    warnings = list(state.get("warnings") or [])
    if deps.index is None or deps.embedder is None:
        warnings.append(UNAVAILABLE)
        return {"search_hits": None, "warnings": warnings}
    from pmark3.search import retrieve

    fields = {name: state.get(name) or {} for name in FIELD_NAMES}
    try:
        hits = retrieve(deps.index, deps.embedder, state["text"], fields, top=10)
    except SearchError as exc:
        log.warning("search failed: %s", exc.message)
        warnings.append(UNAVAILABLE)
        return {"search_hits": None, "warnings": warnings}
    return {"search_hits": {name: [h.model_dump(mode="json") for h in found] for name, found in hits.items()}}
