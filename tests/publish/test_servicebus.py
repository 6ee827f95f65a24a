"""ServiceBusPublisher at the azure-servicebus SDK boundary: the real message objects, the
real client construction, and SDK/credential errors mapped to PublishError."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import pytest
from azure.core.credentials import AccessToken
from azure.core.exceptions import ClientAuthenticationError
from azure.servicebus import ServiceBusClient, ServiceBusMessage
from azure.servicebus.exceptions import MessageSizeExceededError, ServiceBusConnectionError

from pmark3.errors import DependencyError, PublishError
from pmark3.ports import EventPublisher
from pmark3.publish.servicebus import ServiceBusPublisher, fully_qualified

RESULT = {"request_id": "cmms-N-1", "status": "draft", "response": "2호기 급수펌프 B 진동"}


class FakeSender:
    def __init__(self, fail: list[Exception]) -> None:
        self.sent: list[Any] = []
        self.fail = fail
        self.closed = False

    def send_messages(self, message: Any) -> None:
        if self.fail:
            raise self.fail.pop(0)
        self.sent.append(message)

    def close(self) -> None:
        self.closed = True


class FakeClient:
    """Stands in for ServiceBusClient: records how it was built and hands out senders."""

    instances: ClassVar[list[FakeClient]] = []

    def __init__(
        self, *, fully_qualified_namespace: str, credential: Any, fail: list[Exception] | None = None, **kwargs: Any
    ) -> None:
        self.namespace = fully_qualified_namespace
        self.credential = credential
        self.kwargs = kwargs
        self.senders: list[tuple[str, FakeSender]] = []
        self._fail = fail if fail is not None else []
        self.closed = False
        FakeClient.instances.append(self)

    def get_topic_sender(self, topic_name: str) -> FakeSender:
        sender = FakeSender(self._fail)
        self.senders.append((topic_name, sender))
        return sender

    def close(self) -> None:
        self.closed = True


class StaticCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken("token", 4102444800)


@pytest.fixture(autouse=True)
def _reset() -> None:
    FakeClient.instances = []


def test_it_is_an_event_publisher() -> None:
    assert isinstance(ServiceBusPublisher("ns", "maintenance-results", credential=StaticCredential()), EventPublisher)


def test_publish_sends_a_message_keyed_for_duplicate_detection() -> None:
    cred = StaticCredential()
    pub = ServiceBusPublisher("pmark3-sb", "maintenance-results", credential=cred, client_factory=FakeClient)
    pub.publish(RESULT, message_id="cmms-N-1", correlation_id="N-1")
    pub.publish({**RESULT, "request_id": "r2"}, message_id="r2", correlation_id=None)
    (client,) = FakeClient.instances
    assert client.namespace == "pmark3-sb.servicebus.windows.net" and client.credential is cred
    ((topic, sender),) = client.senders  # one long-lived sender
    assert topic == "maintenance-results"
    first, second = sender.sent
    assert isinstance(first, ServiceBusMessage)
    assert first.message_id == "cmms-N-1" and first.correlation_id == "N-1"
    assert first.content_type == "application/json" and first.subject == "maintenance-result"
    assert first.application_properties == {"status": "draft", "schemaVersion": "1"}
    assert json.loads(str(first)) == RESULT
    assert second.message_id == "r2" and second.correlation_id is None


@pytest.mark.parametrize(
    "error",
    [
        ServiceBusConnectionError(message="link detached"),
        ClientAuthenticationError("managed identity unavailable"),
        MessageSizeExceededError(message="too big"),
    ],
)
def test_sdk_errors_become_publish_errors_and_the_link_is_reopened(error: Exception) -> None:
    failures = [error]  # the first send fails, later ones go through
    pub = ServiceBusPublisher(
        "pmark3-sb",
        "maintenance-results",
        credential=StaticCredential(),
        client_factory=lambda **kw: FakeClient(fail=failures, **kw),
    )
    with pytest.raises(PublishError) as info:
        pub.publish(RESULT, message_id="cmms-N-1", correlation_id="N-1")
    assert isinstance(info.value, DependencyError)  # so the activity's retry policy applies
    assert "cmms-N-1" in info.value.message and info.value.__cause__ is error
    assert FakeClient.instances[0].closed
    pub.publish(RESULT, message_id="cmms-N-1", correlation_id="N-1")  # a fresh client and sender
    assert len(FakeClient.instances) == 2
    assert [m.message_id for m in FakeClient.instances[1].senders[0][1].sent] == ["cmms-N-1"]


def test_the_real_sdk_client_failure_maps_to_publish_error() -> None:
    """The real ServiceBusClient, pointed at a namespace that cannot resolve, with no retries."""
    pub = ServiceBusPublisher(
        "pmark3-test.invalid",
        "maintenance-results",
        credential=StaticCredential(),
        retry_total=0,
        retry_backoff_factor=0.01,
    )
    with pytest.raises(PublishError) as info:
        pub.publish(RESULT, message_id="cmms-N-1", correlation_id="N-1")
    assert "pmark3-test.invalid/maintenance-results" in info.value.message
    pub.close()


def test_the_default_client_is_the_sdks_with_a_managed_identity_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001")
    pub = ServiceBusPublisher("sb://pmark3-sb.servicebus.windows.net/", "maintenance-results")
    sender = pub._open()
    assert isinstance(pub._client, ServiceBusClient)
    assert pub._client.fully_qualified_namespace == "pmark3-sb.servicebus.windows.net"
    from azure.identity import DefaultAzureCredential

    assert isinstance(pub._credential, DefaultAzureCredential)
    assert sender is pub._sender
    pub.close()


@pytest.mark.parametrize(
    ("given", "fqdn"),
    [
        ("pmark3", "pmark3.servicebus.windows.net"),
        ("pmark3.servicebus.windows.net", "pmark3.servicebus.windows.net"),
        ("sb://pmark3.servicebus.windows.net/", "pmark3.servicebus.windows.net"),
    ],
)
def test_namespace_forms(given: str, fqdn: str) -> None:
    assert fully_qualified(given) == fqdn
    with pytest.raises(ValueError):
        fully_qualified("sb://")
