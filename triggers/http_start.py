"""HTTP starter: ``POST /api/requests`` from the portal starts a run of the workflow.

The body is ``{text, session_id?, user?}`` (``MaintenanceRequest``). The answer is Durable's
check-status response (202, ``Location`` = the status-query URL) with ``feedbackPostUri`` and
``requestStatusGetUri`` added; ``?wait=SECONDS`` (0-120) waits for the result first and
answers 200 with it when the run finishes in time.
"""

from __future__ import annotations

import json
import logging
import uuid
from urllib.parse import urlparse

import azure.durable_functions as df
import azure.functions as func

from orchestrators.workflow import NAME as ORCHESTRATOR
from pmark3 import telemetry
from pmark3.api.payloads import validate_model
from pmark3.errors import InvalidRequest
from pmark3.models import MaintenanceRequest
from pmark3.store import utcnow
from pmark3.workflow.nodes.validate_input import clean_text
from pmark3.workflow.state import new_state
from triggers.common import (
    Problem,
    error_response,
    get_context,
    json_response,
    problem_response,
    read_json,
)

NAME = "start_request"
ROUTE = "requests"
SOURCE = "portal"
MAX_WAIT_S = 120
MAX_SESSION_ID = 64
MAX_USER = 128
bp = df.Blueprint()
log = logging.getLogger(__name__)


def _wait_seconds(req: func.HttpRequest) -> float:
    raw = req.params.get("wait")
    if raw is None or raw == "":
        return 0.0
    try:
        wait = float(raw)
    except ValueError:
        raise Problem(422, "Invalid request", f"wait must be a number of seconds, got {raw[:40]!r}") from None
    if not 0 <= wait <= MAX_WAIT_S:
        raise Problem(422, "Invalid request", f"wait must be between 0 and {MAX_WAIT_S} seconds")
    return wait


def _check_ids(data: MaintenanceRequest) -> None:
    # The store's columns are this wide; SQL Server would refuse longer values with a 5xx.
    for name, value, limit in (("session_id", data.session_id, MAX_SESSION_ID), ("user", data.user, MAX_USER)):
        if value is not None and not (0 < len(value) <= limit and value.isprintable()):
            raise Problem(422, "Invalid request", f"{name} must be 1 to {limit} printable characters")


def links(req: func.HttpRequest, request_id: str) -> dict[str, str]:
    url = urlparse(req.url)
    base = f"{url.scheme}://{url.netloc}/api/{ROUTE}/{request_id}"
    return {"requestStatusGetUri": base, "feedbackPostUri": f"{base}/feedback"}


def with_links(response: func.HttpResponse, req: func.HttpRequest, request_id: str) -> func.HttpResponse:
    """Durable's management payload plus this app's own routes for the same request."""
    body = json.loads(response.get_body() or b"{}")
    body.update(links(req, request_id))
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    headers.pop("Content-Type", None)
    return json_response(body, response.status_code, headers)


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def start_request(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    try:
        ctx = get_context()
        settings = ctx.settings
        wait = _wait_seconds(req)
        data = validate_model(MaintenanceRequest, read_json(req, settings.max_body_bytes))
        try:
            clean_text(data.text, settings.min_text_length, settings.max_text_length)
        except InvalidRequest as exc:
            raise Problem(422, "Invalid request", exc.message) from None
        _check_ids(data)
        request_id = uuid.uuid4().hex
        now = utcnow()
        with telemetry.get().accepted(request_id, SOURCE):
            ctx.store.create_request(request_id, text=data.text, source=SOURCE, now=now, session_id=data.session_id)
            state = new_state(data, request_id=request_id, received_at=now, settings=settings, source=SOURCE)
            try:
                await client.start_new(ORCHESTRATOR, request_id, state)
            except Exception:
                log.exception("could not start request %s", request_id)
                ctx.store.update_request(
                    request_id, now=utcnow(), runtime_status="Failed", reason="could not start the workflow"
                )
                return problem_response(
                    503, "Service unavailable", "the workflow could not be started; try again", urlparse(req.url).path
                )
        if wait:
            timeout_ms = int(wait * 1000)
            response = await client.wait_for_completion_or_create_check_status_response(
                req,
                request_id,
                timeout_in_milliseconds=timeout_ms,
                retry_interval_in_milliseconds=min(1000, timeout_ms),
            )
            if response.status_code >= 500:
                # Durable's body for a failed run holds the exception; the status route
                # reports the failure without it.
                return problem_response(
                    500,
                    "Internal error",
                    "the request failed; see its status",
                    urlparse(req.url).path,
                    instanceId=request_id,
                )
            if response.status_code == 200:
                url = links(req, request_id)["requestStatusGetUri"]
                return json_response(json.loads(response.get_body() or b"null"), 200, {"Location": url})
            return with_links(response, req, request_id)
        return with_links(client.create_check_status_response(req, request_id), req, request_id)
    except Exception as exc:
        return error_response(req, exc)
