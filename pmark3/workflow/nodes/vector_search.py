"""vector_search: hybrid search for the evidence; an index outage degrades, never fails.

Only the collections recommendations read are searched (procedures and work orders, with the
location documents where they place the work-order search): equipment documents' hits were
searched on every request and never shown.
"""

from __future__ import annotations

import logging
from typing import Any

from pmark3.errors import SearchError
from pmark3.models import FIELD_NAMES
from pmark3.recommend import EVIDENCE_COLLECTIONS, INDEX_DOWN

log = logging.getLogger(__name__)


def vector_search(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    # recommend() adds the INDEX_DOWN warning when it sees search_hits=None.
    if deps.index is None or deps.embedder is None:
        return {"search_hits": None}
    from pmark3.search import retrieve

    fields = {name: state.get(name) or {} for name in FIELD_NAMES}
    try:
        hits = retrieve(
            deps.index,
            deps.embedder,
            state["text"],
            fields,
            top=10,
            vocabulary=deps.query_vocabulary,
            collections=EVIDENCE_COLLECTIONS,
        )
    except SearchError as exc:
        log.warning("search failed (%s): %s", INDEX_DOWN, exc.message)
        return {"search_hits": None}
    return {"search_hits": {name: [h.model_dump(mode="json") for h in found] for name, found in hits.items()}}
