"""The Service Bus trigger with real ``azure.functions.servicebus.ServiceBusMessage`` objects."""

from __future__ import annotations

import json
from typing import Any

import pytest
from azure.functions.servicebus import ServiceBusMessage

from pmark3.cmms import rejection_id_for, request_id_for
from pmark3.errors import StoreError
from tests.triggers.conftest import call

VALID = {
    "notificationId": "N-2026-000123",
    "text": "2호기 급수펌프 B 진동 심함, 긴급",
    "reportedBy": "kim.operator",
    "reportedAt": "2026-11-26T09:30:00+09:00",
    "plant": "PM3",
    "unit": "2",
}


def message(body: Any, *, message_id: str = "m-1", delivery_count: int = 1) -> ServiceBusMessage:
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    return ServiceBusMessage(
        body=raw,
        message_id=message_id,
        delivery_count=delivery_count,
        content_type="application/json",
        application_properties={},
        user_properties={},
    )


def deliver(app_functions: Any, msg: ServiceBusMessage) -> None:
    assert call(app_functions, "cmms_request", msg=msg) is None


def outbox(app_context: Any) -> list[dict[str, Any]]:
    return app_context.store.outbox_messages()


def test_a_valid_message_starts_one_run_keyed_by_notification(app_functions, app_context, durable):
    deliver(app_functions, message(VALID))
    request_id = request_id_for(VALID["notificationId"])
    assert request_id == "cmms-N-2026-000123"
    assert durable.starts() == [f"http://127.0.0.1:17071/durabletask/orchestrators/pmark3_workflow/{request_id}"]
    state = durable.instances[request_id]["input"]
    assert state["notification_id"] == "N-2026-000123" and state["source"] == "cmms"
    assert state["text"] == VALID["text"] and state["user"] == "kim.operator"
    row = app_context.store.get_request(request_id)
    assert row["notification_id"] == "N-2026-000123" and row["source"] == "cmms"


def test_the_same_message_delivered_twice_starts_exactly_one_run(app_functions, app_context, durable):
    deliver(app_functions, message(VALID))
    deliver(app_functions, message(VALID, delivery_count=2))
    # Even a resend as a new Service Bus message (new message id) is the same notification.
    deliver(app_functions, message(VALID, message_id="m-2"))
    assert len(durable.starts()) == 1
    assert len(durable.instances) == 1


def test_a_redelivery_after_a_crash_before_start_starts_the_run(app_functions, app_context, durable):
    durable.fail_next_start = True
    with pytest.raises(Exception, match="task hub unavailable"):
        deliver(app_functions, message(VALID))
    assert durable.instances == {}
    deliver(app_functions, message(VALID, delivery_count=2))
    assert list(durable.instances) == [request_id_for(VALID["notificationId"])]


@pytest.mark.parametrize(
    ("body", "reason_code", "fragment"),
    [
        (b"{not json", "bad_json", "not valid UTF-8 JSON"),
        (b"\xff\xfe{}", "bad_json", "not valid UTF-8 JSON"),
        ({k: v for k, v in VALID.items() if k != "text"}, "schema", "'text' is a required property"),
        ({**VALID, "text": 12}, "schema", "text: 12 is not of type 'string'"),
        ({**VALID, "reportedAt": "yesterday"}, "schema", "reportedAt"),
        ({**VALID, "unit": "7"}, "schema", "unit"),
        ({**VALID, "colour": "red"}, "schema", "Additional properties"),
        ({**VALID, "text": "ab"}, "invalid_text", "too short"),
        ({**VALID, "text": "펌프\x07 소음"}, "invalid_text", "control characters"),
        ({**VALID, "text": "가" * 1001}, "invalid_text", "too long"),
        ([VALID], "schema", "is not of type 'object'"),
        ({**VALID, "text": "x" * 70_000}, "too_large", "at most 65536"),
    ],
)
def test_an_invalid_message_is_rejected_with_its_reason_and_completed(
    app_functions, app_context, durable, body, reason_code, fragment
):
    msg = message(body)
    deliver(app_functions, msg)  # returns: the message is completed, never retried
    assert durable.starts() == []
    request_id = rejection_id_for("m-1", msg.get_body())
    row = app_context.store.get_request(request_id)
    assert row is not None
    assert row["status"] == "rejected" and row["runtime_status"] == "Completed"
    assert fragment in row["reason"] and row["reason"].startswith("ingest: ")
    assert row["result"]["errors"][0]["step"] == "ingest"
    (sent,) = outbox(app_context)
    assert sent["message_id"] == request_id and sent["body"]["status"] == "rejected"
    # An oversized body is not parsed at all, so it has no notification to correlate with.
    has_nid = isinstance(body, dict) and reason_code != "too_large"
    assert sent["correlation_id"] == (VALID["notificationId"] if has_nid else None)


def test_an_invalid_message_delivered_twice_is_recorded_once(app_functions, app_context, durable):
    deliver(app_functions, message(b"{"))
    deliver(app_functions, message(b"{", delivery_count=2))
    assert len(outbox(app_context)) == 1  # same message id: the outbox (and the topic) drop it
    assert app_context.store.get_request(rejection_id_for("m-1", b"{"))["status"] == "rejected"


def test_a_corrected_resend_of_a_rejected_notification_runs(app_functions, app_context, durable):
    deliver(app_functions, message({**VALID, "text": "ab"}, message_id="m-1"))
    deliver(app_functions, message(VALID, message_id="m-2"))
    assert len(durable.starts()) == 1


def test_our_failure_is_retried_then_recorded_on_the_last_delivery(app_functions, app_context, durable, monkeypatch):
    from triggers.servicebus import MAX_DELIVERY_COUNT

    real_create = app_context.store.create_request

    def down(request_id: str, **kw: Any) -> bool:
        if request_id.startswith("cmms-rejected-"):
            return real_create(request_id, **kw)
        raise StoreError("database unavailable: OperationalError")

    monkeypatch.setattr(app_context.store, "create_request", down)
    with pytest.raises(StoreError):
        deliver(app_functions, message(VALID, delivery_count=1))
    assert app_context.store.get_request(rejection_id_for("m-1", b"")) is None
    raw = json.dumps(VALID, ensure_ascii=False).encode()
    assert app_context.store.get_request(rejection_id_for("m-1", raw)) is None
    with pytest.raises(StoreError):  # raised: Service Bus dead-letters it after this delivery
        deliver(app_functions, message(VALID, delivery_count=MAX_DELIVERY_COUNT))
    row = app_context.store.get_request(rejection_id_for("m-1", raw))
    assert row["runtime_status"] == "Failed" and "StoreError" in row["reason"] and "dead-lettered" in row["reason"]
    assert durable.starts() == []


def registered_bindings() -> dict[str, list[dict[str, Any]]]:
    """Bindings as registered; read from the builders because get_functions() runs once per app."""
    import function_app

    return {
        fb._function.get_function_name(): [b.get_dict_repr() for b in fb._function.get_bindings()]
        for fb in function_app.app._function_builders
    }


def test_the_trigger_binds_the_queue_with_managed_identity_settings(app_functions):
    (trigger,) = [b for b in registered_bindings()["cmms_request"] if b["type"] == "serviceBusTrigger"]
    # The connection is a prefix: ServiceBusConnection__fullyQualifiedNamespace / __credential / __clientId.
    assert trigger["queueName"] == "maintenance-requests"
    assert trigger["connection"] == "ServiceBusConnection"
    assert "durableClient" in [b["type"] for b in registered_bindings()["cmms_request"]]
