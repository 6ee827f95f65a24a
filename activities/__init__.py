"""Durable activities: one module per workflow node (``NAME``, ``bp``, a thin wrapper)."""

from activities import (
    generate_recommendations,
    generate_response,
    handle_error,
    normalize_terms,
    parse_input,
    quality_check,
    record_result,
    validate_input,
    vector_search,
)

BLUEPRINTS = [
    m.bp
    for m in (
        validate_input,
        parse_input,
        normalize_terms,
        vector_search,
        generate_recommendations,
        generate_response,
        quality_check,
        handle_error,
        record_result,
    )
]
