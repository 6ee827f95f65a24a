"""vector_search searches only what recommendations read, and finds the same evidence there."""

from __future__ import annotations

from typing import Any

import pytest

from pmark3.recommend import EVIDENCE_COLLECTIONS
from pmark3.search.retrieve import retrieve
from tests.workflow.test_query_vectors import fields

CASES = [
    ("2호기 급수펌프 B 진동 심함", fields("2LAC20AP001", "PU", "VIB")),  # sure FL: no location search
    ("2호기 급수펌프 진동 심함", fields(None, "PU", "VIB")),  # no FL: the best location places the search
    ("급수펌프 이상함", fields(None, "PU", None)),  # nor a mode: the voting passes
    ("소음이 나요", fields(None, None, None)),
]


@pytest.mark.parametrize(("text", "codes"), CASES)
def test_the_evidence_is_that_of_the_full_search(deps: Any, text: str, codes: dict[str, Any]) -> None:
    searched: list[str] = []
    real_search = deps.index.search

    def search(collection: str, *args: Any, **kwargs: Any) -> Any:
        searched.append(collection)
        return real_search(collection, *args, **kwargs)

    full = retrieve(deps.index, deps.embedder, text, codes)
    deps.index.search = search
    evidence = retrieve(deps.index, deps.embedder, text, codes, collections=EVIDENCE_COLLECTIONS)
    assert set(evidence) == set(EVIDENCE_COLLECTIONS)
    for name in EVIDENCE_COLLECTIONS:
        assert [(h.id, h.score) for h in evidence[name]] == [(h.id, h.score) for h in full[name]]
    assert "equipment_docs" not in searched
    assert ("location_docs" in searched) == (codes["location"]["normalized"] is None)


def test_the_workflow_keeps_only_the_evidence_hits(engine: Any) -> None:
    from pmark3.models import MaintenanceRequest

    seen: dict[str, Any] = {}
    real = engine.deps.index.search

    def search(collection: str, *args: Any, **kwargs: Any) -> Any:
        seen[collection] = True
        return real(collection, *args, **kwargs)

    engine.deps.index.search = search
    result = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    assert any(r.kind == "work_order" for r in result.recommendations)
    assert any(r.kind == "procedure" for r in result.recommendations)
    assert "equipment_docs" not in seen
