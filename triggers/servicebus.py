"""Service Bus queue trigger: new maintenance notifications from the CMMS.

The body follows ``pmark3/schemas/cmms-maintenance-request.schema.json``. The run's id
derives from ``notificationId``, and the trigger asks Durable whether that instance exists
before starting it, so a redelivered message never starts a second run.

Settlement: the function returning completes the message; raising abandons it, and Service
Bus dead-letters it after the queue's ``maxDeliveryCount`` (5, infra_bicep). An invalid
message is recorded as rejected (with its reason) and returns, so it is completed at once:
retrying could never succeed. A failure of ours (store or Durable unreachable) raises and is
retried; on the last delivery it is recorded with its reason before the broker dead-letters it.
"""

from __future__ import annotations

import logging
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from orchestrators.workflow import NAME as ORCHESTRATOR
from pmark3 import telemetry
from pmark3.cmms import REQUEST_QUEUE, SOURCE, rejection_id_for
from pmark3.ingest import IngestOutcome, handle_message
from pmark3.store import utcnow
from triggers.common import get_context

NAME = "cmms_request"
QUEUE = REQUEST_QUEUE
CONNECTION = "ServiceBusConnection"  # ServiceBusConnection__fullyQualifiedNamespace etc.: managed identity
MAX_DELIVERY_COUNT = 5  # the queue's maxDeliveryCount in infra_bicep/modules/serviceBus.bicep
bp = df.Blueprint()
log = logging.getLogger(__name__)


class DurableStarter:
    """``pmark3.ingest.Starter`` on the Durable client."""

    def __init__(self, client: df.DurableOrchestrationClient) -> None:
        self.client = client

    async def exists(self, request_id: str) -> bool:
        return bool(await self.client.get_status(request_id))

    async def start(self, request_id: str, state: dict[str, Any]) -> None:
        with telemetry.get().accepted(request_id, SOURCE):
            await self.client.start_new(ORCHESTRATOR, request_id, state)


async def process(msg: func.ServiceBusMessage, client: df.DurableOrchestrationClient) -> IngestOutcome:
    ctx = get_context()
    body = msg.get_body() or b""
    try:
        outcome = await handle_message(
            body,
            message_id=msg.message_id,
            settings=ctx.settings,
            store=ctx.store,
            starter=DurableStarter(client),
            publisher=ctx.publisher,
        )
    except Exception as exc:
        deliveries = msg.delivery_count or 1
        log.exception("CMMS message %s failed (delivery %d of %d)", msg.message_id, deliveries, MAX_DELIVERY_COUNT)
        telemetry.get().message("failed", type(exc).__name__)
        if deliveries >= MAX_DELIVERY_COUNT:
            _record_poison(msg, body, exc, deliveries)
        raise
    telemetry.get().message(outcome.outcome, outcome.reason_code)
    return outcome


def _record_poison(msg: func.ServiceBusMessage, body: bytes, exc: Exception, deliveries: int) -> None:
    """The broker dead-letters the message after this delivery; leave the reason where people look."""
    request_id = rejection_id_for(msg.message_id, body)
    reason = f"ingest: failed on all {deliveries} deliveries ({type(exc).__name__}); dead-lettered"
    try:
        store = get_context().store
        now = utcnow()
        store.create_request(request_id, text=body[:1000].decode("utf-8", "replace"), source=SOURCE, now=now)
        store.update_request(request_id, now=now, runtime_status="Failed", status="error", reason=reason)
    except Exception:
        log.exception("could not record the dead-lettered message %s", msg.message_id)


@bp.function_name(NAME)
@bp.service_bus_queue_trigger(arg_name="msg", queue_name=QUEUE, connection=CONNECTION)
@bp.durable_client_input(client_name="client")
async def cmms_request(msg: func.ServiceBusMessage, client: df.DurableOrchestrationClient) -> None:
    await process(msg, client)
