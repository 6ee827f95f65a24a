"""``GET /api/requests/{id}``: a request's status in the local API's shape.

Durable's own status-query endpoint (``/runtime/webhooks/durabletask/instances/{id}``, the
``statusQueryGetUri`` of the 202 answer) keeps working beside it. A CMMS message rejected
before any run has no Durable instance; its recorded rejection is reported from the store.
"""

from __future__ import annotations

import re

import azure.durable_functions as df
import azure.functions as func

from pmark3.api.status import status_payload
from pmark3.errors import NotFound
from triggers.common import durable_status_payload, error_response, get_context, json_response

NAME = "request_status"
ROUTE = "requests/{request_id}"
MAX_ID = 100  # Durable's instance-id limit
# Every id this app hands out: uuid hex, cmms-<notification>, cmms-rejected-<hash>.
VALID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
bp = df.Blueprint()


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def request_status(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    try:
        request_id = req.route_params.get("request_id", "")
        if not VALID_ID.fullmatch(request_id):
            # Never let a crafted id reach Durable's management URL (e.g. "x?showInput=true").
            raise NotFound(f"request {request_id[:MAX_ID]!r} not found")
        status = await client.get_status(request_id)
        if status:
            return json_response(durable_status_payload(status))
        store = get_context().store
        row = store.get_request(request_id)
        if row is None:
            raise NotFound(f"request {request_id!r} not found")
        return json_response(status_payload(row, store.audit_trail(request_id)))
    except Exception as exc:
        return error_response(req, exc)
