"""The local HTTP API: the Function App's routes and shapes, served by uvicorn.

It follows the Durable async pattern: POST starts a run and answers 202 with a status URL;
GET on that URL reports ``runtimeStatus`` and the current step in ``customStatus``.
"""

from __future__ import annotations

import asyncio
from importlib import resources
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from pmark3.api.payloads import catalog_payload, parse_json_body, session_requests_payload, validate_model
from pmark3.api.problems import Problem, install
from pmark3.api.status import status_payload
from pmark3.errors import InvalidRequest, NotFound
from pmark3.feedback import Feedback, apply_feedback
from pmark3.models import MaintenanceRequest
from pmark3.workflow.local_engine import LocalEngine
from pmark3.workflow.nodes.validate_input import clean_text

MAX_WAIT_S = 120


async def read_json(request: Request, max_bytes: int) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        # Refuse before reading a body we will not accept.
        raise Problem(413, "Payload too large", f"the body is larger than {max_bytes} bytes")
    return parse_json_body(request.headers.get("content-type"), await request.body(), max_bytes)


def create_app(engine: LocalEngine) -> FastAPI:
    deps = engine.deps
    settings = deps.settings
    app = FastAPI(
        title="PMark3 local API",
        version="0.1.0",
        description="Maintenance requests to coded notifications. Same routes and shapes as the Function App.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    install(app)

    def check_status_body(request: Request, request_id: str) -> dict[str, str]:
        base = str(request.base_url).rstrip("/")
        return {
            "id": request_id,
            "statusQueryGetUri": f"{base}/api/requests/{request_id}",
            "feedbackPostUri": f"{base}/api/requests/{request_id}/feedback",
        }

    @app.post(
        "/api/requests",
        status_code=202,
        summary="Submit a maintenance request",
        responses={200: {"description": "Finished within ?wait"}, 202: {"description": "Accepted; poll the status"}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": MaintenanceRequest.model_json_schema()}},
            }
        },
    )
    async def submit(request: Request, wait: float = Query(0, ge=0, le=MAX_WAIT_S)) -> Response:
        data = validate_model(MaintenanceRequest, await read_json(request, settings.max_body_bytes))
        try:
            clean_text(data.text, settings.min_text_length, settings.max_text_length)
        except InvalidRequest as exc:
            raise Problem(422, "Invalid request", exc.message) from exc
        state = engine.start(data, source="portal")
        request_id = state["request_id"]
        future = engine.submit(state, request_id)
        body = check_status_body(request, request_id)
        headers = {"Location": body["statusQueryGetUri"]}
        if wait:
            try:
                result = await asyncio.wait_for(asyncio.wrap_future(future), timeout=wait)
                return JSONResponse(result.model_dump(mode="json"), status_code=200, headers=headers)
            except TimeoutError:
                pass
            except Exception:
                pass  # the status endpoint reports the failure
        return JSONResponse(body, status_code=202, headers=headers)

    @app.get("/api/requests/{request_id}", summary="Status of a request (Durable's status-query shape)")
    def get_status(request_id: str) -> dict[str, Any]:
        row = deps.store.get_request(request_id)
        if row is None:
            raise NotFound(f"request {request_id!r} not found")
        return status_payload(row, deps.store.audit_trail(request_id))

    @app.post(
        "/api/requests/{request_id}/feedback",
        status_code=201,
        summary="Accept or correct the fields",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": Feedback.model_json_schema()}}}
        },
    )
    async def post_feedback(request_id: str, request: Request) -> dict[str, Any]:
        fb = validate_model(Feedback, await read_json(request, settings.max_body_bytes))
        items = apply_feedback(deps.store, deps.catalog, deps.normalizer, request_id, fb)
        return {"request_id": request_id, "saved": items}

    @app.get("/api/requests/{request_id}/feedback", summary="Feedback stored for a request")
    def get_feedback(request_id: str) -> dict[str, Any]:
        if deps.store.get_request(request_id) is None:
            raise NotFound(f"request {request_id!r} not found")
        items = deps.store.feedback_for(request_id)
        return {
            "request_id": request_id,
            "feedback": [
                {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in item.items() if k != "id"}
                for item in items
            ],
        }

    @app.get("/api/sessions/{session_id}/requests", summary="The session's requests, oldest first")
    def session_requests(session_id: str) -> dict[str, Any]:
        return session_requests_payload(deps.store, session_id)

    @app.get("/api/catalog", summary="Code lists with Korean and English names")
    def catalog() -> dict[str, Any]:
        return catalog_payload(deps.catalog)

    @app.get("/api/health", summary="Liveness and basic readiness")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "plant_data": deps.store.has_plant_data(),
            "llm": deps.llm_parser is not None,
            "search": deps.index is not None,
        }

    static = resources.files("pmark3") / "web" / "static"
    if static.joinpath("index.html").is_file():
        app.mount("/static", StaticFiles(directory=str(static)), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(str(static / "index.html"), media_type="text/html; charset=utf-8")

    return app
