"""One module per workflow node. Each node is ``node(state, deps) -> partial update``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pmark3.workflow import spec
from pmark3.workflow.nodes.generate_recommendations import generate_recommendations
from pmark3.workflow.nodes.generate_response import generate_response
from pmark3.workflow.nodes.handle_error import handle_error
from pmark3.workflow.nodes.normalize_terms import normalize_terms
from pmark3.workflow.nodes.parse_input import parse_input
from pmark3.workflow.nodes.quality_check import quality_check
from pmark3.workflow.nodes.validate_input import validate_input
from pmark3.workflow.nodes.vector_search import vector_search

NodeFn = Callable[[dict[str, Any], Any], dict[str, Any]]

NODE_FUNCTIONS: dict[str, NodeFn] = {
    spec.VALIDATE_INPUT: validate_input,
    spec.PARSE_INPUT: parse_input,
    spec.NORMALIZE_TERMS: normalize_terms,
    spec.VECTOR_SEARCH: vector_search,
    spec.GENERATE_RECOMMENDATIONS: generate_recommendations,
    spec.GENERATE_RESPONSE: generate_response,
    spec.QUALITY_CHECK: quality_check,
    spec.HANDLE_ERROR: handle_error,
}
assert set(NODE_FUNCTIONS) == set(spec.NODES)
