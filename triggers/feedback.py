"""``POST /api/requests/{id}/feedback``: a person accepts or corrects the four fields.

Corrections are stored and taught to this worker's normalizer at once; every other worker
learns them when it next builds its dependencies (``build_deps`` replays ``corrections()``).
``GET`` on the same route lists what was stored, as the local API does.
"""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df
import azure.functions as func

from pmark3.api.payloads import validate_model
from pmark3.errors import NotFound
from pmark3.feedback import Feedback, apply_feedback
from triggers.common import error_response, get_context, json_response, read_json

NAME = "request_feedback"
LIST_NAME = "request_feedback_list"
ROUTE = "requests/{request_id}/feedback"
bp = df.Blueprint()


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
def post_feedback(req: func.HttpRequest) -> func.HttpResponse:
    try:
        request_id = req.route_params.get("request_id", "")
        ctx = get_context()
        fb = validate_model(Feedback, read_json(req, ctx.settings.max_body_bytes))
        if ctx.store.get_request(request_id) is None:
            # Before building the full deps: an unknown id must not cost a model load.
            raise NotFound(f"request {request_id!r} not found")
        deps = ctx.deps()
        items = apply_feedback(deps.store, deps.catalog, deps.normalizer, request_id, fb)
        return json_response({"request_id": request_id, "saved": items}, 201)
    except Exception as exc:
        return error_response(req, exc)


@bp.function_name(LIST_NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def get_feedback(req: func.HttpRequest) -> func.HttpResponse:
    try:
        request_id = req.route_params.get("request_id", "")
        store = get_context().store
        if store.get_request(request_id) is None:
            raise NotFound(f"request {request_id!r} not found")
        items: list[dict[str, Any]] = [
            {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in item.items() if k != "id"}
            for item in store.feedback_for(request_id)
        ]
        return json_response({"request_id": request_id, "feedback": items})
    except Exception as exc:
        return error_response(req, exc)
