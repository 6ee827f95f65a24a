"""``GET /api/sessions/{session_id}/requests``: a conversation's requests, oldest first (as the local API)."""

from __future__ import annotations

import azure.durable_functions as df
import azure.functions as func

from pmark3.api.payloads import session_requests_payload
from triggers.common import error_response, get_context, json_response

NAME = "session_requests"
ROUTE = "sessions/{session_id}/requests"
bp = df.Blueprint()


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def session_requests(req: func.HttpRequest) -> func.HttpResponse:
    try:
        session_id = req.route_params.get("session_id", "")
        return json_response(session_requests_payload(get_context().store, session_id))
    except Exception as exc:
        return error_response(req, exc)
