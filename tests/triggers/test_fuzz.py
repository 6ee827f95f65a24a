"""Hypothesis on the HTTP bodies and the CMMS message payloads: the only outcomes are a 4xx
problem (or an accepted run), and a started or rejected message; nothing escapes."""

from __future__ import annotations

import json
from typing import Any

from azure.functions.servicebus import ServiceBusMessage
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.triggers.conftest import call, http, problem

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(
    scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=4), max_leaves=12
)
texts = st.text(max_size=1200) | st.sampled_from(
    ["2호기 급수펌프 B 진동 심함", "ab", " \t\n", "펌프\x00소음", "\ud800abc"]
)


def maybe(keys: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={k: v | json_values for k, v in keys.items()})


request_bodies = maybe(
    {
        "text": texts,
        "session_id": st.text(max_size=80),
        "user": st.text(max_size=200),
        "history": st.lists(
            st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant"]), "text": st.text(max_size=20)}),
            max_size=3,
        ),
    }
)
message_bodies = maybe(
    {
        "notificationId": st.text(max_size=140),
        "text": texts,
        "reportedBy": st.text(max_size=140),
        "reportedAt": st.sampled_from(
            ["2026-11-26T09:30:00+09:00", "2026-11-26T00:30:00Z", "2026-13-45T99:99:99Z", "2026-11-26", ""]
        )
        | st.text(max_size=30),
        "plant": st.text(max_size=40),
        "unit": st.sampled_from(["0", "1", "2", "3", None]),
        "equipmentTag": st.sampled_from(["2LAC20AP001", "bad tag", None]) | st.text(max_size=40),
    }
)

# Mostly valid messages with one or more fields varied, so the accepted path is fuzzed too.
near_valid = st.fixed_dictionaries(
    {
        "notificationId": st.just("N-1") | st.text(min_size=1, max_size=130),
        "text": st.just("2호기 급수펌프 B 진동 심함") | texts,
        "reportedBy": st.just("kim") | st.text(max_size=130),
        "reportedAt": st.just("2026-11-26T09:30:00+09:00") | st.text(max_size=30),
        "plant": st.just("PM3") | st.text(max_size=40),
    },
    optional={"unit": st.sampled_from(["0", "1", "2", "9", None]), "equipmentTag": st.text(max_size=40)},
)


def encoded(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


near_valid_request = st.fixed_dictionaries(
    {"text": st.just("2호기 급수펌프 B 진동 심함") | texts},
    optional={"user": st.none() | st.text(max_size=140), "session_id": st.none() | st.text(max_size=70)},
)


@FUZZ
@given(
    body=near_valid_request | request_bodies | json_values,
    wait=st.sampled_from([None, None, None, None, "0", "-1", "nan", "inf", "1e9", "x"]),
)
def test_post_requests_answers_202_or_a_problem(app_functions, app_context, durable, body, wait) -> None:
    req = http("POST", "/api/requests", raw=encoded(body), params={"wait": wait} if wait is not None else None)
    check_start(call(app_functions, "start_request", req=req), durable)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_post_requests_with_any_bytes_is_a_problem(app_functions, app_context, durable, raw) -> None:
    check_start(call(app_functions, "start_request", req=http("POST", "/api/requests", raw=raw)), durable)


def check_start(resp: Any, durable: Any) -> None:
    event(f"HTTP {resp.status_code}")
    if resp.status_code == 202:
        assert json.loads(resp.get_body())["id"] in durable.instances
    else:
        assert 400 <= resp.status_code < 500, resp.get_body()
        problem(resp)


@FUZZ
@given(
    body=maybe(
        {
            "user": st.text(max_size=200),
            "fields": st.dictionaries(
                st.sampled_from(["location", "equipment_type", "status_code", "priority", "x"]),
                st.fixed_dictionaries({"accepted": st.booleans()}, optional={"value": scalars}),
                max_size=4,
            ),
        }
    )
    | json_values
)
def test_post_feedback_answers_201_or_a_problem(app_functions, app_context, durable, body) -> None:
    from tests.triggers.test_http import _finished

    if app_context.store.get_request("r1") is None:
        _finished(app_context.store, "r1")
    req = http("POST", "/api/requests/r1/feedback", raw=encoded(body), route_params={"request_id": "r1"})
    resp = call(app_functions, "request_feedback", req=req)
    if resp.status_code != 201:
        assert 400 <= resp.status_code < 500, resp.get_body()
        problem(resp)


@FUZZ
@given(body=near_valid | message_bodies | json_values, message_id=st.text(max_size=40))
def test_a_cmms_message_is_started_or_rejected_never_raised(
    app_functions, app_context, durable, body, message_id
) -> None:
    check_message(app_functions, app_context, durable, encoded(body), message_id)


@FUZZ
@given(raw=st.binary(max_size=300), message_id=st.text(max_size=40))
def test_a_cmms_message_of_any_bytes_is_rejected(app_functions, app_context, durable, raw, message_id) -> None:
    check_message(app_functions, app_context, durable, raw, message_id)


def check_message(app_functions: Any, app_context: Any, durable: Any, data: bytes, message_id: str) -> None:
    from pmark3.cmms import rejection_id_for, request_id_for

    msg = ServiceBusMessage(
        body=data, message_id=message_id, delivery_count=1, application_properties={}, user_properties={}
    )
    before = len(durable.starts())
    assert call(app_functions, "cmms_request", msg=msg) is None
    rejected = app_context.store.get_request(rejection_id_for(message_id, data))
    event("rejected" if rejected is not None else "started or duplicate")
    if rejected is not None:
        assert rejected["status"] == "rejected" and rejected["reason"].startswith("ingest: ")
    else:
        assert request_id_for(json.loads(data)["notificationId"]) in durable.instances
        assert len(durable.starts()) in (before, before + 1)
