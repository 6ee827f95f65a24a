"""The HTTP functions, called as the worker calls them, with Durable answered at its HTTP boundary."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from pmark3.api.status import status_payload
from pmark3.store import utcnow
from tests.triggers.conftest import call, http, problem
from tests.triggers.durable_fake import HOOKS, FakeDurableExtension

TEXT = "2호기 급수펌프 B 진동 심함, 긴급"


def start(app_functions: Any, body: Any, **kw: Any) -> Any:
    return call(app_functions, "start_request", req=http("POST", "/api/requests", body, **kw))


def test_post_starts_the_orchestrator_and_answers_durables_check_status(app_functions, app_context, durable):
    resp = start(app_functions, {"text": TEXT, "user": "kim"})
    assert resp.status_code == 202
    body = json.loads(resp.get_body())
    request_id = body["id"]
    # Durable's own management payload, on the caller's origin, plus this app's routes.
    assert body["statusQueryGetUri"].startswith("https://pmark3-func.azurewebsites.net/runtime/webhooks/durabletask/")
    assert request_id in body["statusQueryGetUri"] and "terminatePostUri" in body
    assert body["requestStatusGetUri"] == f"https://pmark3-func.azurewebsites.net/api/requests/{request_id}"
    assert body["feedbackPostUri"] == body["requestStatusGetUri"] + "/feedback"
    assert resp.headers["Location"] == body["statusQueryGetUri"]

    assert durable.starts() == [f"http://127.0.0.1:17071/durabletask/orchestrators/pmark3_workflow/{request_id}"]
    state = durable.instances[request_id]["input"]
    assert state["request_id"] == request_id and state["text"] == TEXT and state["user"] == "kim"
    assert state["source"] == "portal" and state["max_quality_retries"] == app_context.settings.max_quality_retries
    row = app_context.store.get_request(request_id)
    assert row is not None and row["source"] == "portal" and row["runtime_status"] == "Pending"


def test_start_passes_a_trace_parent_derived_from_the_request(app_functions, app_context, durable):
    from opentelemetry.sdk.trace import TracerProvider

    from pmark3 import telemetry

    saved = telemetry._telemetry
    telemetry._telemetry = telemetry.Telemetry(tracer_provider=TracerProvider())
    try:
        body = json.loads(start(app_functions, {"text": TEXT}).get_body())
    finally:
        telemetry._telemetry = saved
    parent = durable.trace_parents[-1]
    assert parent is not None
    assert parent.split("-")[1] == f"{telemetry.trace_parent_for(body['id']).trace_id:032x}"


def test_wait_returns_the_result_when_the_run_has_finished(app_functions, app_context, durable, monkeypatch):
    result = {"request_id": "x", "status": "draft"}

    original = durable.post

    async def post_and_finish(url: str, data: Any = None, *args: Any, **kw: Any) -> list[Any]:
        answer = await original(url, data, *args, **kw)
        durable.set_status(url.rsplit("/", 1)[1], "Completed", output=result)
        return answer

    from tests.triggers.durable_fake import client_module

    monkeypatch.setattr(client_module, "post_async_request", post_and_finish)
    resp = start(app_functions, {"text": TEXT}, params={"wait": "5"})
    assert resp.status_code == 200
    assert json.loads(resp.get_body()) == result
    assert resp.headers["Location"].startswith("https://pmark3-func.azurewebsites.net/api/requests/")


def test_wait_that_runs_out_answers_202(app_functions, app_context, durable):
    resp = start(app_functions, {"text": TEXT}, params={"wait": "0.01"})
    assert resp.status_code == 202
    assert "statusQueryGetUri" in json.loads(resp.get_body())


def test_wait_on_a_failed_run_hides_durables_exception(app_functions, app_context, durable, monkeypatch):
    original = durable.post

    async def post_and_fail(url: str, data: Any = None, *args: Any, **kw: Any) -> list[Any]:
        answer = await original(url, data, *args, **kw)
        durable.set_status(url.rsplit("/", 1)[1], "Failed", output="Traceback (most recent call last): boom")
        return answer

    from tests.triggers.durable_fake import client_module

    monkeypatch.setattr(client_module, "post_async_request", post_and_fail)
    resp = start(app_functions, {"text": TEXT}, params={"wait": "5"})
    assert resp.status_code == 500
    assert "boom" not in resp.get_body().decode()
    problem(resp)


def test_bad_bodies_are_problems(app_functions, app_context, durable):
    cases = [
        (http("POST", "/api/requests", {"text": TEXT}, content_type="text/plain"), 415),
        (http("POST", "/api/requests", raw=b"{not json"), 400),
        (http("POST", "/api/requests", raw=b"\xff\xfe"), 400),
        (http("POST", "/api/requests", raw=b"x" * (app_context.settings.max_body_bytes + 1)), 413),
        (http("POST", "/api/requests", {"txt": TEXT}), 422),
        (http("POST", "/api/requests", {"text": TEXT, "extra": 1}), 422),
        (http("POST", "/api/requests", {"text": 5}), 422),
        (http("POST", "/api/requests", {"text": "ab"}), 422),
        (http("POST", "/api/requests", {"text": "a\x00bcd"}), 422),
        (http("POST", "/api/requests", ["text"]), 422),
        (http("POST", "/api/requests", {"text": TEXT}, params={"wait": "soon"}), 422),
        (http("POST", "/api/requests", {"text": TEXT}, params={"wait": "999"}), 422),
    ]
    for req, status in cases:
        resp = call(app_functions, "start_request", req=req)
        assert resp.status_code == status, (req.get_body()[:40], resp.get_body())
        body = problem(resp)
        assert body["instance"] == "/api/requests"
    assert durable.starts() == []


def test_a_start_the_extension_refuses_is_503_and_recorded(app_functions, app_context, durable):
    durable.fail_next_start = True
    resp = start(app_functions, {"text": TEXT})
    assert resp.status_code == 503
    assert "task hub" not in problem(resp)["detail"]
    assert durable.instances == {}
    import sqlalchemy as sa

    from pmark3.store import tables

    with app_context.store.engine.connect() as conn:
        (row,) = conn.execute(sa.select(tables.requests)).mappings().all()
    assert row["runtime_status"] == "Failed" and row["reason"] == "could not start the workflow"


def test_status_has_the_local_apis_shape(app_functions, app_context, durable):
    request_id = json.loads(start(app_functions, {"text": TEXT}).get_body())["id"]
    durable.set_status(
        request_id, "Running", custom={"step": "normalize_terms", "completed": ["validate_input", "parse_input"]}
    )
    req = http("GET", f"/api/requests/{request_id}", route_params={"request_id": request_id})
    resp = call(app_functions, "request_status", req=req)
    assert resp.status_code == 200
    body = json.loads(resp.get_body())
    # Same keys as the local API's status_payload, same meaning.
    local = status_payload(app_context.store.get_request(request_id), [])
    assert set(body) == set(local)
    assert body["instanceId"] == request_id and body["runtimeStatus"] == "Running"
    assert body["customStatus"] == {"step": "normalize_terms", "completed": ["validate_input", "parse_input"]}

    durable.set_status(
        request_id,
        "Completed",
        output={"status": "draft"},
        custom={"step": "record_result", "completed": ["validate_input", "quality_check"]},
    )
    body = json.loads(call(app_functions, "request_status", req=req).get_body())
    assert body["runtimeStatus"] == "Completed" and body["output"] == {"status": "draft"}
    assert body["customStatus"]["step"] is None  # finished: no current step, as locally

    durable.set_status(request_id, "Failed", output="ValueError: secret detail\n  File x.py")
    body = json.loads(call(app_functions, "request_status", req=req).get_body())
    assert body["runtimeStatus"] == "Failed" and "secret" not in json.dumps(body)


def test_status_of_an_unknown_request_is_404(app_functions, app_context, durable):
    for rid in ("nope", "x" * 500, "abc?showInput=true", "a%2Fb", "../instances"):
        resp = call(
            app_functions, "request_status", req=http("GET", f"/api/requests/{rid}", route_params={"request_id": rid})
        )
        assert resp.status_code == 404
        problem(resp)
    assert [m for m, url, _ in durable.requests if "showInput" in url or ".." in url] == []


def test_status_of_a_rejected_cmms_message_comes_from_the_store(app_functions, app_context, durable):
    store = app_context.store
    store.create_request("cmms-rejected-1", text="{", source="cmms", now=utcnow())
    store.update_request(
        "cmms-rejected-1",
        now=utcnow(),
        runtime_status="Completed",
        status="rejected",
        reason="ingest: bad json",
        result={"status": "rejected"},
    )
    resp = call(
        app_functions,
        "request_status",
        req=http("GET", "/api/requests/cmms-rejected-1", route_params={"request_id": "cmms-rejected-1"}),
    )
    body = json.loads(resp.get_body())
    assert resp.status_code == 200 and body["output"] == {"status": "rejected"}


def test_durables_builtin_status_endpoint_is_what_the_202_points_at(app_functions, app_context, durable):
    body = json.loads(start(app_functions, {"text": TEXT}).get_body())
    assert body["statusQueryGetUri"].split("?")[0].endswith(f"/runtime/webhooks/durabletask/instances/{body['id']}")
    assert HOOKS.split("/runtime")[1] in body["statusQueryGetUri"]


def _finished(store: Any, request_id: str) -> None:
    now = utcnow()
    store.create_request(request_id, text=TEXT, source="portal", now=now)
    result = {
        "request_id": request_id,
        "status": "draft",
        "location": {"original": "2호기 급수펌프 B", "normalized": "2LAC20AP001"},
        "equipment_type": {"original": "급수펌프", "normalized": "PU"},
        "status_code": {"original": "진동 심함", "normalized": "VIB"},
        "priority": {"original": "긴급", "normalized": 1},
    }
    store.update_request(request_id, now=now, runtime_status="Completed", status="draft", result=result)


def feedback(app_functions: Any, request_id: str, body: Any, **kw: Any) -> Any:
    req = http("POST", f"/api/requests/{request_id}/feedback", body, route_params={"request_id": request_id}, **kw)
    return call(app_functions, "request_feedback", req=req)


def test_feedback_stores_corrections_and_teaches_the_normalizer(app_functions, app_context, durable):
    _finished(app_context.store, "r1")
    resp = feedback(
        app_functions,
        "r1",
        {"user": "lee", "fields": {"location": {"accepted": True}, "status_code": {"accepted": False, "value": "NOI"}}},
    )
    assert resp.status_code == 201, resp.get_body()
    saved = json.loads(resp.get_body())["saved"]
    assert {s["field"]: s["corrected"] for s in saved} == {"location": None, "status_code": "NOI"}
    assert app_context.deps().learned == [("진동 심함", "status_code", "NOI")]
    assert [(c["field"], c["original"], c["corrected"]) for c in app_context.store.corrections()] == [
        ("status_code", "진동 심함", "NOI")
    ]

    listed = call(
        app_functions,
        "request_feedback_list",
        req=http("GET", "/api/requests/r1/feedback", route_params={"request_id": "r1"}),
    )
    items = json.loads(listed.get_body())["feedback"]
    assert [i["field"] for i in items] == ["location", "status_code"] and items[0]["user"] == "lee"


def test_feedback_problems(app_functions, app_context, durable):
    _finished(app_context.store, "r1")
    app_context.store.create_request("r2", text=TEXT, source="portal", now=utcnow())
    cases = [
        ("nope", {"fields": {"location": {"accepted": True}}}, 404),
        ("r2", {"fields": {"location": {"accepted": True}}}, 422),  # no result yet
        ("r1", {"fields": {}}, 422),
        ("r1", {"fields": {"colour": {"accepted": True}}}, 422),
        ("r1", {"fields": {"priority": {"accepted": False}}}, 422),
        ("r1", {"fields": {"priority": {"accepted": False, "value": 9}}}, 422),
        ("r1", {"fields": {"location": {"accepted": False, "value": "9ZZZ"}}}, 422),
        ("r1", "yes", 422),
    ]
    for rid, body, status in cases:
        resp = feedback(app_functions, rid, body)
        assert resp.status_code == status, (rid, body, resp.get_body())
        problem(resp)
    resp = feedback(app_functions, "r1", None, raw=b"{", content_type="application/json")
    assert resp.status_code == 400
    assert app_context.store.feedback_for("r1") == []
    assert isinstance(durable, FakeDurableExtension)


def test_a_store_outage_is_503_not_a_traceback(app_functions, app_context, durable, monkeypatch):
    from pmark3.errors import StoreError

    def down(*a: Any, **k: Any) -> Any:
        raise StoreError("database unavailable: OperationalError")

    monkeypatch.setattr(app_context.store, "create_request", down)
    resp = start(app_functions, {"text": TEXT})
    assert resp.status_code == 503
    problem(resp)
    assert durable.starts() == []


def test_an_unreachable_database_at_start_up_is_503(app_functions, durable, tmp_path, monkeypatch):
    from pmark3.config import Settings
    from triggers import common

    common.set_context(None)
    # A directory where the database file should be: SQLite cannot open it.
    bad = Settings(_env_file=None, data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}")  # type: ignore[call-arg]
    monkeypatch.setattr(common, "get_settings", lambda: bad)
    resp = start(app_functions, {"text": TEXT})
    assert resp.status_code == 503, resp.get_body()
    problem(resp)
    assert common._context is None  # the next call tries again


def test_session_requests_and_catalog_match_the_local_api(app_functions, app_context, durable, tmp_path):
    """The web page calls these too; the same payloads as pmark3.api.app on the same data."""
    from fastapi.testclient import TestClient

    from pmark3.api.app import create_app

    store = app_context.store
    store.open_session(None, new_id="S-1", user="kim", now=utcnow(), ttl=timedelta(hours=1))
    store.create_request("r1", text=TEXT, source="portal", now=utcnow(), session_id="S-1")
    store.create_request("r2", text="다시 확인", source="portal", now=utcnow(), session_id="S-1")

    req = http("GET", "/api/sessions/S-1/requests", route_params={"session_id": "S-1"})
    ours = json.loads(call(app_functions, "session_requests", req=req).get_body())
    cat = call(app_functions, "catalog", req=http("GET", "/api/catalog"))
    assert cat.status_code == 200 and "max-age" in cat.headers["Cache-Control"]

    class Engine:  # what create_app reads from the local engine
        deps = app_context.deps()
        deps.settings = app_context.settings

    local = TestClient(create_app(Engine()))  # type: ignore[arg-type]
    theirs = local.get("/api/sessions/S-1/requests").json()

    # Times carry their offset: a browser reads a naive time as local.
    assert all(r["createdTime"].endswith("+00:00") for r in ours["requests"])
    assert ours == theirs
    assert json.loads(cat.get_body()) == local.get("/api/catalog").json()
    assert [r["id"] for r in ours["requests"]] == ["r1", "r2"]
