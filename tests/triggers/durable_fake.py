"""A test double of the Durable extension at the client's HTTP boundary.

The app gets the real ``DurableOrchestrationClient``, built by the SDK from a client-binding
JSON string as in Azure; only its three HTTP functions (module-level in the SDK, copied onto
each client) are answered here, with the status codes and bodies of the extension's HTTP API.
"""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import pytest

# The package re-exports the class under the module's name; the module holds the HTTP functions.
client_module = importlib.import_module("azure.durable_functions.models.DurableOrchestrationClient")

RPC = "http://127.0.0.1:17071/durabletask/"
ORIGIN = "http://localhost:7071"
HOOKS = f"{ORIGIN}/runtime/webhooks/durabletask"
QUERY = "taskHub=pmark3&connection=Storage&code=SYSTEMKEY"


def binding_json(task_hub: str = "pmark3") -> str:
    """The client binding the Functions host hands a ``durableClient`` parameter."""
    i = "INSTANCEID"
    return json.dumps(
        {
            "taskHubName": task_hub,
            "creationUrls": {
                "createNewInstancePostUri": f"{HOOKS}/orchestrators/{{functionName}}[/{{instanceId}}]?code=SYSTEMKEY",
                "createAndWaitOnNewInstancePostUri": f"{HOOKS}/orchestrators/{{functionName}}[/{{instanceId}}]"
                "?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&code=SYSTEMKEY",
            },
            "managementUrls": {
                "id": i,
                "statusQueryGetUri": f"{HOOKS}/instances/{i}?{QUERY}",
                "sendEventPostUri": f"{HOOKS}/instances/{i}/raiseEvent/{{eventName}}?{QUERY}",
                "terminatePostUri": f"{HOOKS}/instances/{i}/terminate?reason={{text}}&{QUERY}",
                "rewindPostUri": f"{HOOKS}/instances/{i}/rewind?reason={{text}}&{QUERY}",
                "purgeHistoryDeleteUri": f"{HOOKS}/instances/{i}?{QUERY}",
                "restartPostUri": f"{HOOKS}/instances/{i}/restart?{QUERY}",
                "suspendPostUri": f"{HOOKS}/instances/{i}/suspend?reason={{text}}&{QUERY}",
                "resumePostUri": f"{HOOKS}/instances/{i}/resume?reason={{text}}&{QUERY}",
            },
            "baseUrl": HOOKS,
            "requiredQueryStringParameters": "code=SYSTEMKEY",
            "rpcBaseUrl": RPC,
            "httpBaseUrl": "",
            "maxGrpcMessageSizeInBytes": 0,
            "grpcHttpClientTimeout": "00:01:40",
        }
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeDurableExtension:
    """Orchestration instances in a dict, served as the extension's HTTP API serves them."""

    def __init__(self, orchestrators: tuple[str, ...] = ("pmark3_workflow",)) -> None:
        self.orchestrators = set(orchestrators)
        self.instances: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str, Any]] = []
        self.trace_parents: list[str | None] = []
        self.fail_next_start = False

    # -- what the test sees --
    def starts(self) -> list[str]:
        return [url for method, url, _ in self.requests if method == "POST" and "/orchestrators/" in url]

    def set_status(self, instance_id: str, runtime: str, *, output: Any = None, custom: Any = None) -> None:
        inst = self.instances[instance_id]
        inst.update(runtimeStatus=runtime, output=output, lastUpdatedTime=_now())
        if custom is not None:
            inst["customStatus"] = custom

    # -- the SDK's http_utils functions --
    async def post(
        self,
        url: str,
        data: Any = None,
        trace_parent: str | None = None,
        trace_state: str | None = None,
        function_invocation_id: str | None = None,
    ) -> list[Any]:
        self.requests.append(("POST", url, data))
        self.trace_parents.append(trace_parent)
        assert url.startswith(RPC), url
        parts = urlparse(url).path.split("/")  # ['', 'durabletask', 'orchestrators', name, id]
        if parts[2] != "orchestrators":
            return [404, ""]
        name, instance_id = parts[3], (parts[4] if len(parts) > 4 else "generated-id")
        if name not in self.orchestrators:
            return [
                400,
                {
                    "ExceptionMessage": f"The function '{name}' doesn't exist, is disabled, or is not an "
                    "orchestrator function."
                },
            ]
        if self.fail_next_start:
            self.fail_next_start = False
            return [500, {"Message": "An error has occurred.", "ExceptionMessage": "task hub unavailable"}]
        # The SDK serialises the input itself and then posts that string as JSON.
        self.instances[instance_id] = {
            "name": name,
            "instanceId": instance_id,
            "runtimeStatus": "Pending",
            "input": json.loads(data) if isinstance(data, str) else data,
            "customStatus": None,
            "output": None,
            "createdTime": _now(),
            "lastUpdatedTime": _now(),
        }
        payload = {
            k: v.replace("INSTANCEID", instance_id) for k, v in json.loads(binding_json())["managementUrls"].items()
        }
        return [202, payload]

    async def get(self, url: str, function_invocation_id: str | None = None) -> list[Any]:
        self.requests.append(("GET", url, None))
        parts = urlparse(url).path.split("/")
        if parts[2] != "instances" or len(parts) < 4:
            return [404, ""]
        inst = self.instances.get(parts[3])
        if inst is None:
            return [404, ""]  # the extension answers an unknown instance with an empty 404
        code = {"Completed": 200, "Failed": 500, "Terminated": 200, "Canceled": 200}.get(inst["runtimeStatus"], 202)
        return [code, dict(inst)]

    async def delete(self, url: str, function_invocation_id: str | None = None) -> list[Any]:
        self.requests.append(("DELETE", url, None))
        return [404, ""]


@pytest.fixture
def durable(monkeypatch: pytest.MonkeyPatch) -> FakeDurableExtension:
    fake = FakeDurableExtension()
    monkeypatch.setattr(client_module, "post_async_request", fake.post)
    monkeypatch.setattr(client_module, "get_async_request", fake.get)
    monkeypatch.setattr(client_module, "delete_async_request", fake.delete)
    return fake
