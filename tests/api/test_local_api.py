"""The local HTTP API over a real server: the Durable async pattern and problem+json errors."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from pmark3.api.app import create_app
from tests.support.server import serving

PROBLEM = "application/problem+json"


@pytest.fixture
def api(engine: Any) -> Iterator[httpx.Client]:
    with serving(create_app(engine)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def poll(client: httpx.Client, url: str, timeout: float = 60) -> list[dict[str, Any]]:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(url).json()
        seen.append(body)
        if body["runtimeStatus"] in ("Completed", "Failed"):
            return seen
        time.sleep(0.01)
    raise AssertionError(f"not finished: {seen[-1]}")


def test_korean_request_goes_accepted_running_completed(api: httpx.Client) -> None:
    response = api.post("/api/requests", json={"text": "2호기 급수펌프 B 진동 심함, 긴급"})
    assert response.status_code == 202
    body = response.json()
    assert response.headers["location"] == body["statusQueryGetUri"]
    assert body["statusQueryGetUri"].endswith(f"/api/requests/{body['id']}")
    seen = poll(api, body["statusQueryGetUri"])
    final = seen[-1]
    assert final["runtimeStatus"] == "Completed"
    assert set(final) == {"instanceId", "runtimeStatus", "customStatus", "output", "createdTime", "lastUpdatedTime"}
    output = final["output"]
    assert output["request_id"] == body["id"]
    assert output["location"]["system"] == "LAC" and output["priority"]["normalized"] == 1
    assert "validate_input" in final["customStatus"]["completed"]
    assert datetime.fromisoformat(final["lastUpdatedTime"]) > datetime.fromisoformat(final["createdTime"])


def test_progress_is_visible_while_running(api: httpx.Client, engine: Any) -> None:
    # Hold the run in one step long enough to observe it, as a slow index would.
    original = engine.deps.index.search

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return original(*args, **kwargs)

    engine.deps.index.search = slow_search
    try:
        body = api.post("/api/requests", json={"text": "1호기 복수펌프 A 메카니컬씰 누수"}).json()
        seen = poll(api, body["statusQueryGetUri"])
    finally:
        engine.deps.index.search = original
    running = [s for s in seen if s["runtimeStatus"] == "Running"]
    assert running, "never observed Running"
    assert any(s["customStatus"]["step"] == "vector_search" for s in running)
    assert seen[-1]["runtimeStatus"] == "Completed"


def test_wait_returns_the_result_when_it_finishes_in_time(api: httpx.Client) -> None:
    response = api.post("/api/requests?wait=60", json={"text": "#2 BFP B 진동 심함, 긴급"})
    assert response.status_code == 200
    assert response.json()["location"]["unit"] == "2"


def test_session_history_lists_the_requests(api: httpx.Client) -> None:
    first = api.post("/api/requests?wait=60", json={"text": "2호기 급수펌프 B 진동 심함"}).json()
    api.post("/api/requests?wait=60", json={"text": "아 B펌프 말고 A요", "session_id": first["session_id"]})
    listed = api.get(f"/api/sessions/{first['session_id']}/requests").json()["requests"]
    assert [r["text"] for r in listed] == ["2호기 급수펌프 B 진동 심함", "아 B펌프 말고 A요"]
    assert all(r["runtimeStatus"] == "Completed" for r in listed)


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"json": {"text": ""}}, 422, "too short"),
        ({"json": {"text": "가" * 1001}}, 422, "too long"),
        ({"json": {"text": "펌프\u0000진동"}}, 422, "control characters"),
        ({"json": {"txt": "펌프 진동"}}, 422, "text"),
        ({"json": ["not", "an", "object"]}, 422, "body"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid"),
        ({"content": b"text=pump", "headers": {"content-type": "text/plain"}}, 415, "application/json"),
        (
            {"content": b'{"text": "' + b"a" * 70000 + b'"}', "headers": {"content-type": "application/json"}},
            413,
            "larger",
        ),
    ],
)
def test_bad_input_gets_a_problem_document(
    api: httpx.Client, kwargs: dict[str, Any], status: int, fragment: str
) -> None:
    response = api.post("/api/requests", **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["status"] == status and problem["title"]
    assert fragment in problem["detail"]
    assert "Traceback" not in response.text


def test_unknown_id_is_a_404_problem(api: httpx.Client) -> None:
    response = api.get("/api/requests/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)


def test_feedback_is_stored_and_visible(api: httpx.Client) -> None:
    result = api.post("/api/requests?wait=60", json={"text": "2호기 급수펌프 B 진동 심함"}).json()
    saved = api.post(
        f"/api/requests/{result['request_id']}/feedback",
        json={
            "user": "kim",
            "fields": {"priority": {"accepted": False, "value": 2}, "status_code": {"accepted": True}},
        },
    )
    assert saved.status_code == 201
    listed = api.get(f"/api/requests/{result['request_id']}/feedback").json()["feedback"]
    by_field = {item["field"]: item for item in listed}
    assert by_field["priority"]["corrected"] == "2" and by_field["priority"]["accepted"] is False
    assert by_field["status_code"]["accepted"] is True
    bad = api.post(
        f"/api/requests/{result['request_id']}/feedback",
        json={"fields": {"status_code": {"accepted": False, "value": "XYZ"}}},
    )
    assert bad.status_code == 422 and "not a valid" in bad.json()["detail"]


def test_health_and_openapi(api: httpx.Client) -> None:
    assert api.get("/api/health").json()["status"] == "ok"
    spec = api.get("/api/openapi.json").json()
    assert "/api/requests" in spec["paths"] and "/api/requests/{request_id}" in spec["paths"]
