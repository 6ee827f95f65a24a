"""The CMMS unit and equipment tag reach the run's state through the Service Bus trigger; the
portal's HTTP route cannot set them."""

from __future__ import annotations

from pmark3.cmms import request_id_for
from tests.triggers.conftest import call, http, problem
from tests.triggers.test_servicebus import VALID, deliver, message

TAG = "2LAC20AP001"


def test_a_cmms_message_starts_its_run_with_the_unit_and_tag(app_functions, app_context, durable):
    deliver(app_functions, message({**VALID, "text": "진동 심함, 긴급", "unit": "2", "equipmentTag": TAG}))
    state = durable.instances[request_id_for(VALID["notificationId"])]["input"]
    assert state["source_hints"] == {"unit": "2", "equipment_tag": TAG}


def test_a_cmms_message_without_them_has_no_hints(app_functions, app_context, durable):
    body = {k: v for k, v in VALID.items() if k != "unit"}
    deliver(app_functions, message({**body, "equipmentTag": None}))
    state = durable.instances[request_id_for(VALID["notificationId"])]["input"]
    assert "source_hints" not in state


def test_the_http_route_refuses_hints(app_functions, app_context, durable):
    for extra in (
        {"source_hints": {"unit": "2", "equipment_tag": TAG}},
        {"unit": "2"},
        {"equipmentTag": TAG},
    ):
        resp = call(app_functions, "start_request", req=http("POST", "/api/requests", {"text": "진동 심함", **extra}))
        assert resp.status_code == 422
        assert problem(resp)["instance"] == "/api/requests"
    assert durable.starts() == []
