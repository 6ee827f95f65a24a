"""host.json, local.settings.json.example, requirements.txt and the registered routes agree
with each other, with the Bicep app settings and with pyproject.toml."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pmark3.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def host() -> dict[str, Any]:
    return json.loads((ROOT / "host.json").read_text())


def example() -> dict[str, str]:
    values: dict[str, str] = json.loads((ROOT / "local.settings.json.example").read_text())["Values"]
    return values


def test_extension_bundle_and_durable_task_scheduler() -> None:
    h = host()
    assert h["version"] == "2.0"
    assert h["extensionBundle"] == {"id": "Microsoft.Azure.Functions.ExtensionBundle", "version": "[4.*, 5.0.0)"}
    durable = h["extensions"]["durableTask"]
    assert durable["storageProvider"]["type"] == "azureManaged"
    assert durable["storageProvider"]["connectionStringName"] in example()
    assert durable["hubName"] == "%TASKHUB_NAME%" and example()["TASKHUB_NAME"] == "pmark3"
    assert "Authentication=ManagedIdentity" in example()["DURABLE_TASK_SCHEDULER_CONNECTION_STRING"]


def test_durable_concurrency_matches_the_worker_slots() -> None:
    values = example()
    slots = int(values["FUNCTIONS_WORKER_PROCESS_COUNT"]) * int(values["PYTHON_THREADPOOL_THREAD_COUNT"])
    durable = host()["extensions"]["durableTask"]
    assert durable["maxConcurrentActivityFunctions"] == slots
    assert durable["maxConcurrentOrchestratorFunctions"] == slots


def test_service_bus_and_logging_settings() -> None:
    h = host()
    sb = h["extensions"]["serviceBus"]
    assert sb["maxConcurrentCalls"] >= 1
    assert re.fullmatch(r"\d\d:\d\d:\d\d", sb["maxAutoLockRenewalDuration"])
    assert sb["autoCompleteMessages"] is True  # returning completes; raising abandons (then dead-letter)
    sampling = h["logging"]["applicationInsights"]["samplingSettings"]
    assert sampling["isEnabled"] is True and "Request" in sampling["excludedTypes"]


def test_settings_use_managed_identity_and_hold_no_secret() -> None:
    values = example()
    assert values["ServiceBusConnection__credential"] == "managedidentity"
    assert values["AzureWebJobsStorage__credential"] == "managedidentity"
    assert "AzureWebJobsStorage" not in values and "ServiceBusConnection" not in values
    text = (ROOT / "local.settings.json.example").read_text()
    for secret in ("AccountKey=", "SharedAccessKey", "Password=", "PWD=", "api_key", "UID="):
        assert secret.lower() not in text.lower()
    fields = set(Settings.model_fields)
    for key in values:
        if key.startswith("PMARK3_"):
            assert key.removeprefix("PMARK3_").lower() in fields, key


def test_every_bicep_app_setting_is_in_the_example() -> None:
    bicep = ROOT / "infra_bicep" / "modules" / "functionApp.bicep"
    if not bicep.exists():
        pytest.skip("infra_bicep not present")
    text = bicep.read_text()
    block = text[text.index("appSettings") :]
    names = set(re.findall(r"name:\s*'([A-Za-z0-9_]+)'", block[: block.index("]")]))
    assert names, "no app settings found in functionApp.bicep"
    assert names <= set(example()), sorted(names - set(example()))


def _names(specs: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].lower() for s in specs}


def test_requirements_match_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _names(project["dependencies"]) | _names(project["optional-dependencies"]["azure"])
    lines = [ln.strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()]
    assert _names([ln for ln in lines if ln and not ln.startswith("#")]) == wanted


def test_routes_and_auth(app_functions: Any) -> None:
    import function_app

    http = {}
    for fb in function_app.app._function_builders:
        fn = fb._function
        for b in fn.get_bindings():
            if b.type == "httpTrigger":
                d = b.get_dict_repr()
                http[fn.get_function_name()] = (
                    d["route"],
                    [str(m.value if hasattr(m, "value") else m) for m in d["methods"]],
                    str(d["authLevel"].value),
                )
    assert http == {
        "start_request": ("requests", ["POST"], "function"),
        "request_status": ("requests/{request_id}", ["GET"], "function"),
        "request_feedback": ("requests/{request_id}/feedback", ["POST"], "function"),
        "request_feedback_list": ("requests/{request_id}/feedback", ["GET"], "function"),
        "session_requests": ("sessions/{session_id}/requests", ["GET"], "function"),
        "catalog": ("catalog", ["GET"], "function"),
    }


def test_service_bus_names_and_delivery_count_match_the_bicep() -> None:
    bicep = ROOT / "infra_bicep" / "modules" / "serviceBus.bicep"
    if not bicep.exists():
        pytest.skip("infra_bicep not present")
    text = bicep.read_text()

    def param(name: str) -> str:
        found = re.search(rf"param {name} \w+ = '?([\w-]+)'?", text)
        assert found, name
        return found.group(1)

    import triggers.servicebus as sb
    from pmark3.cmms import REQUEST_QUEUE, RESULTS_TOPIC

    assert param("requestQueueName") == REQUEST_QUEUE == sb.QUEUE
    assert param("resultTopicName") == RESULTS_TOPIC == Settings(_env_file=None).results_topic  # type: ignore[call-arg]
    # The trigger records a poison message's reason on the delivery the broker dead-letters after.
    assert int(param("maxDeliveryCount")) == sb.MAX_DELIVERY_COUNT
