"""``GET /api/sessions/{session_id}/requests``: a conversation's requests, oldest first (as the local API)."""

from __future__ import annotations

from datetime import UTC, datetime

import azure.durable_functions as df
import azure.functions as func

from triggers.common import error_response, get_context, json_response

NAME = "session_requests"
ROUTE = "sessions/{session_id}/requests"
bp = df.Blueprint()


def _utc(value: datetime) -> datetime:
    # SQLite hands times back naive; they are UTC, and a browser would read a naive one as local.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def session_requests(req: func.HttpRequest) -> func.HttpResponse:
    try:
        session_id = req.route_params.get("session_id", "")
        rows = get_context().store.session_requests(session_id)
        return json_response(
            {
                "session_id": session_id,
                "requests": [
                    {
                        "id": r["id"],
                        "text": r["text"],
                        "runtimeStatus": r["runtime_status"],
                        "status": r["status"],
                        "createdTime": _utc(r["created_at"]).isoformat(),
                    }
                    for r in rows
                ],
            }
        )
    except Exception as exc:
        return error_response(req, exc)
