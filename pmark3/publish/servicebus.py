"""Results to the CMMS on the Service Bus topic ``maintenance-results`` (Azure adapter).

The message id is the request id, so the topic's duplicate detection drops the second send
of a retried ``record_result``; the correlation id is the CMMS notification id. The app
authenticates with its managed identity (``DefaultAzureCredential`` picks it up through
``AZURE_CLIENT_ID``); there is no connection string.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from azure.core.exceptions import AzureError

from pmark3.errors import PublishError

log = logging.getLogger(__name__)

CONTENT_TYPE = "application/json"
SUBJECT = "maintenance-result"
SCHEMA_VERSION = "1"


def fully_qualified(namespace: str) -> str:
    """``name``, ``name.servicebus.windows.net`` or ``sb://name.servicebus.windows.net/`` -> the FQDN."""
    host = namespace.strip()
    for prefix in ("sb://", "https://", "amqps://"):
        if host.lower().startswith(prefix):
            host = host[len(prefix) :]
    host = host.strip("/")
    if not host:
        raise ValueError("the Service Bus namespace is empty")
    return host if "." in host else f"{host}.servicebus.windows.net"


def build_message(result: dict[str, Any], message_id: str, correlation_id: str | None) -> Any:
    from azure.servicebus import ServiceBusMessage

    return ServiceBusMessage(
        json.dumps(result, ensure_ascii=False),
        message_id=message_id,
        correlation_id=correlation_id,
        content_type=CONTENT_TYPE,
        subject=SUBJECT,
        application_properties={
            "status": str(result.get("status", "")),
            "schemaVersion": SCHEMA_VERSION,
        },
    )


class ServiceBusPublisher:
    """``EventPublisher`` on ``azure-servicebus``; SDK and credential errors become PublishError."""

    def __init__(
        self,
        namespace: str,
        topic: str,
        *,
        credential: Any = None,
        client_factory: Callable[..., Any] | None = None,
        **client_kwargs: Any,
    ) -> None:
        self.namespace = fully_qualified(namespace)
        self.topic = topic
        self._credential = credential
        self._client_factory = client_factory
        self._client_kwargs = client_kwargs
        self._client: Any = None
        self._sender: Any = None
        # Activities of one worker share the publisher; a sender is not thread-safe.
        self._lock = threading.Lock()

    def _open(self) -> Any:
        if self._sender is None:
            credential = self._credential
            if credential is None:
                from azure.identity import DefaultAzureCredential

                credential = self._credential = DefaultAzureCredential()
            factory = self._client_factory
            if factory is None:
                from azure.servicebus import ServiceBusClient

                factory = ServiceBusClient
            self._client = factory(
                fully_qualified_namespace=self.namespace, credential=credential, **self._client_kwargs
            )
            self._sender = self._client.get_topic_sender(topic_name=self.topic)
        return self._sender

    def publish(self, result: dict[str, Any], message_id: str, correlation_id: str | None) -> None:
        message = build_message(result, message_id, correlation_id)
        with self._lock:
            try:
                self._open().send_messages(message)
            except (AzureError, ValueError, OSError) as exc:
                # A broken link is not reused: the next attempt opens a fresh one.
                self._reset()
                raise PublishError(
                    f"could not publish {message_id} to {self.namespace}/{self.topic}: {type(exc).__name__}"
                ) from exc
        log.info("published result %s (correlation %s) to %s", message_id, correlation_id, self.topic)

    def _reset(self) -> None:
        for part in (self._sender, self._client):
            try:
                if part is not None:
                    part.close()
            except Exception:
                log.debug("closing a broken Service Bus link failed", exc_info=True)
        self._sender = self._client = None

    def close(self) -> None:
        with self._lock:
            self._reset()
