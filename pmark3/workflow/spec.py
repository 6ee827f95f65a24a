"""The workflow graph, written once: node names, routers, and the walk both engines follow.

Routers are pure functions of the state. The orchestrator (Durable) and the LangGraph
builder both use ``NODES``, ``START`` and ``next_node``, so the two engines cannot drift.
"""

from __future__ import annotations

from typing import Any, Literal

VALIDATE_INPUT = "validate_input"
PARSE_INPUT = "parse_input"
NORMALIZE_TERMS = "normalize_terms"
VECTOR_SEARCH = "vector_search"
GENERATE_RECOMMENDATIONS = "generate_recommendations"
GENERATE_RESPONSE = "generate_response"
QUALITY_CHECK = "quality_check"
HANDLE_ERROR = "handle_error"
END = "__end__"

NODES: tuple[str, ...] = (
    VALIDATE_INPUT,
    PARSE_INPUT,
    NORMALIZE_TERMS,
    VECTOR_SEARCH,
    GENERATE_RECOMMENDATIONS,
    GENERATE_RESPONSE,
    QUALITY_CHECK,
    HANDLE_ERROR,
)
START = VALIDATE_INPUT

State = dict[str, Any]


def route_validation(state: State) -> Literal["ok", "error"]:
    return "error" if state.get("error") else "ok"


def route_parse(state: State) -> Literal["ok", "error"]:
    return "error" if state.get("error") else "ok"


def route_normalized(state: State) -> Literal["use_vector", "skip_vector", "error"]:
    """Search only when a code anchors it: a query with no system, class or mode finds noise."""
    if state.get("error"):
        return "error"
    location = state.get("location") or {}
    anchored = (
        location.get("system")
        or (state.get("equipment_type") or {}).get("normalized")
        or (state.get("status_code") or {}).get("normalized")
    )
    return "use_vector" if anchored else "skip_vector"


def route_quality(state: State) -> Literal["approved", "retry", "review"]:
    """The retry is bounded here, by a value in the state, so the orchestrator needs no settings."""
    decision = state.get("quality_decision", "approved")
    if decision == "retry":
        if int(state.get("parse_attempts", 0)) <= int(state.get("max_quality_retries", 0)):
            return "retry"
        return "review"
    return "review" if decision == "review" else "approved"


def route_after_error_check(state: State, default: str) -> str:
    return HANDLE_ERROR if state.get("error") else default


# The edges: for each node, its router and where each route leads.
EDGES: dict[str, tuple[Any, dict[str, str]]] = {
    VALIDATE_INPUT: (route_validation, {"ok": PARSE_INPUT, "error": HANDLE_ERROR}),
    PARSE_INPUT: (route_parse, {"ok": NORMALIZE_TERMS, "error": HANDLE_ERROR}),
    NORMALIZE_TERMS: (
        route_normalized,
        {"use_vector": VECTOR_SEARCH, "skip_vector": GENERATE_RECOMMENDATIONS, "error": HANDLE_ERROR},
    ),
    QUALITY_CHECK: (route_quality, {"approved": END, "retry": PARSE_INPUT, "review": END}),
}
# Nodes with one way out still divert to handle_error when they report an error.
LINEAR: dict[str, str] = {
    VECTOR_SEARCH: GENERATE_RECOMMENDATIONS,
    GENERATE_RECOMMENDATIONS: GENERATE_RESPONSE,
    GENERATE_RESPONSE: QUALITY_CHECK,
    HANDLE_ERROR: END,
}


def next_node(node: str, state: State) -> str:
    """Where the walk goes after ``node`` has merged its update into ``state``."""
    if node in EDGES:
        router, targets = EDGES[node]
        return targets[router(state)]
    if node == HANDLE_ERROR:
        return END
    return route_after_error_check(state, LINEAR[node])


def merge(state: State, update: State) -> State:
    """Nodes return partial updates; a key in the update replaces the old value."""
    merged = dict(state)
    merged.update(update)
    return merged
