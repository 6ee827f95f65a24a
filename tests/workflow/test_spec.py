"""The workflow spec's routers are pure functions of the state."""

from __future__ import annotations

from pmark3.workflow import spec


def test_nodes_are_the_architecture_names() -> None:
    assert spec.NODES == (
        "validate_input",
        "parse_input",
        "normalize_terms",
        "vector_search",
        "generate_recommendations",
        "generate_response",
        "quality_check",
        "handle_error",
    )


def test_validation_routes() -> None:
    assert spec.next_node(spec.VALIDATE_INPUT, {}) == spec.PARSE_INPUT
    assert spec.next_node(spec.VALIDATE_INPUT, {"error": {"step": "validate_input"}}) == spec.HANDLE_ERROR


def test_vector_search_needs_an_anchor() -> None:
    anchored = {"location": {"system": "LAC"}, "equipment_type": {}, "status_code": {}}
    bare = {"location": {"system": None}, "equipment_type": {"normalized": None}, "status_code": {}}
    only_mode = {"location": {}, "equipment_type": {}, "status_code": {"normalized": "VIB"}}
    assert spec.next_node(spec.NORMALIZE_TERMS, anchored) == spec.VECTOR_SEARCH
    assert spec.next_node(spec.NORMALIZE_TERMS, only_mode) == spec.VECTOR_SEARCH
    assert spec.next_node(spec.NORMALIZE_TERMS, bare) == spec.GENERATE_RECOMMENDATIONS


def test_quality_retry_is_bounded_by_the_state() -> None:
    state = {"quality_decision": "retry", "max_quality_retries": 1, "parse_attempts": 1}
    assert spec.next_node(spec.QUALITY_CHECK, state) == spec.PARSE_INPUT
    assert spec.route_quality({**state, "parse_attempts": 2}) == "review"
    assert spec.next_node(spec.QUALITY_CHECK, {**state, "parse_attempts": 2}) == spec.END
    assert spec.route_quality({**state, "max_quality_retries": 0}) == "review"


def test_quality_outcomes() -> None:
    assert spec.route_quality({"quality_decision": "approved"}) == "approved"
    assert spec.route_quality({"quality_decision": "review"}) == "review"
    assert spec.next_node(spec.QUALITY_CHECK, {"quality_decision": "approved"}) == spec.END


def test_linear_nodes_divert_to_handle_error() -> None:
    for node in (spec.VECTOR_SEARCH, spec.GENERATE_RECOMMENDATIONS, spec.GENERATE_RESPONSE):
        assert spec.next_node(node, {"error": {"step": node}}) == spec.HANDLE_ERROR
    assert spec.next_node(spec.GENERATE_RESPONSE, {}) == spec.QUALITY_CHECK
    assert spec.next_node(spec.HANDLE_ERROR, {"error": {"step": "x"}}) == spec.END


def test_merge_replaces_keys_and_keeps_the_rest() -> None:
    state = {"a": 1, "warnings": ["x"]}
    merged = spec.merge(state, {"warnings": ["x", "y"], "b": 2})
    assert merged == {"a": 1, "warnings": ["x", "y"], "b": 2}
    assert state == {"a": 1, "warnings": ["x"]}
