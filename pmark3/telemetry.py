"""OpenTelemetry for the Function App: one trace per request, step timings and outcomes as metrics.

``configure()`` sends everything to Application Insights through ``azure-monitor-opentelemetry``,
and only when ``APPLICATIONINSIGHTS_CONNECTION_STRING`` is set (with Entra ID auth when
``APPLICATIONINSIGHTS_AUTHENTICATION_STRING`` says ``Authorization=AAD``). Without it the
OpenTelemetry API is a no-op, so the local engine and the tests pay nothing.

Every span of a request lives in one trace whose id derives from the request id, so the
trigger, the orchestrator's activities (in any worker) and the host's own Durable spans (the
client passes the current ``traceparent`` to ``start_new``) line up without shared state.

Metrics (the seed guide's figures come from these):

- ``pmark3.request.duration`` (ms, histogram; ``status``, ``source``): p95/p99 latency
- ``pmark3.requests`` (counter; ``status``, ``source``): requests per minute, error rate
- ``pmark3.step.duration`` (ms, histogram; ``step``, ``outcome``): where the time goes
- ``pmark3.messages`` (counter; ``outcome``, ``reason``): CMMS messages started/duplicate/rejected
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

try:
    from opentelemetry import metrics, trace
    from opentelemetry.trace import NonRecordingSpan, SpanContext, SpanKind, Status, StatusCode, TraceFlags

    HAVE_OTEL = True
    # What the API answers before any SDK provider is installed (the metrics proxy's class
    # is private, hence its name).
    _NO_TRACER_PROVIDERS = (trace.ProxyTracerProvider, trace.NoOpTracerProvider)
    _NO_METER_PROVIDERS = frozenset({"_ProxyMeterProvider", "NoOpMeterProvider"})
except ImportError:  # the [azure] extra brings OpenTelemetry; a plain local install runs without it
    HAVE_OTEL = False

log = logging.getLogger(__name__)

SCOPE = "pmark3"
CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING"
AUTHENTICATION_STRING = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"
ATTR_REQUEST_ID = "pmark3.request_id"


def trace_parent_for(request_id: str) -> Any:
    """The remote parent every span of ``request_id`` hangs from: same request, same trace."""
    digest = hashlib.sha256(request_id.encode("utf-8")).digest()
    trace_id = int.from_bytes(digest[:16], "big") or 1
    span_id = int.from_bytes(digest[16:24], "big") or 1
    return SpanContext(trace_id, span_id, is_remote=True, trace_flags=TraceFlags(TraceFlags.SAMPLED))


class Telemetry:
    """The spans and instruments PMark3 emits; providers default to the global ones."""

    def __init__(self, tracer_provider: Any = None, meter_provider: Any = None) -> None:
        self._own_providers = tracer_provider is not None or meter_provider is not None
        self.tracer = trace.get_tracer(SCOPE, tracer_provider=tracer_provider)
        meter = metrics.get_meter(SCOPE, meter_provider=meter_provider)
        self.request_duration = meter.create_histogram(
            "pmark3.request.duration", unit="ms", description="From receipt to the recorded result"
        )
        self.requests = meter.create_counter("pmark3.requests", description="Finished requests by status")
        self.step_duration = meter.create_histogram(
            "pmark3.step.duration", unit="ms", description="One workflow step (activity) run"
        )
        self.messages = meter.create_counter("pmark3.messages", description="CMMS messages by outcome")

    @property
    def recording(self) -> bool:
        """Whether spans or metrics go anywhere: providers were given, or installed globally
        (``configure``, or a host's own OpenTelemetry setup), at any time before this call.

        Without them every span and instrument is a no-op that still costs ≈ 10 µs a step
        (context, span and attribute objects), 7 steps a request: ``pmark3 batch`` and the
        local engine skip them."""
        if self._own_providers:
            return True
        return not isinstance(trace.get_tracer_provider(), _NO_TRACER_PROVIDERS) or (
            type(metrics.get_meter_provider()).__name__ not in _NO_METER_PROVIDERS
        )

    def _context(self, request_id: str) -> Any:
        return trace.set_span_in_context(NonRecordingSpan(trace_parent_for(request_id)))

    @contextmanager
    def accepted(self, request_id: str, source: str) -> Iterator[Any]:
        """Around accepting a request (and ``start_new``, which hands this trace to Durable)."""
        with self.tracer.start_as_current_span(
            "pmark3.accept",
            context=self._context(request_id),
            kind=SpanKind.SERVER,
            attributes={ATTR_REQUEST_ID: request_id, "pmark3.source": source},
        ) as span:
            yield span

    @contextmanager
    def step(self, request_id: str, step: str) -> Iterator[dict[str, str]]:
        """Around one workflow step; set ``outcome["outcome"]`` to ``ok`` / ``error``.

        An exception marks the span and the metric ``failed`` and propagates (the engine retries).
        """
        outcome = {"outcome": "ok"}
        if not self.recording:
            yield outcome
            return
        started = time.perf_counter()
        with self.tracer.start_as_current_span(
            f"pmark3.step {step}",
            context=self._context(request_id),
            kind=SpanKind.INTERNAL,
            attributes={ATTR_REQUEST_ID: request_id, "pmark3.step": step},
            record_exception=True,
            set_status_on_exception=True,
        ) as span:
            try:
                yield outcome
            except BaseException:
                outcome["outcome"] = "failed"
                raise
            finally:
                elapsed = (time.perf_counter() - started) * 1000
                span.set_attribute("pmark3.outcome", outcome["outcome"])
                if outcome["outcome"] == "error":
                    span.set_status(Status(StatusCode.ERROR, "step reported an error"))
                self.step_duration.record(elapsed, {"step": step, "outcome": outcome["outcome"]})

    def finished(
        self, result: Mapping[str, Any], received_at: datetime | str, source: str, now: datetime | None = None
    ) -> None:
        """When a result is recorded: latency since receipt and the outcome."""
        if isinstance(received_at, str):
            received_at = datetime.fromisoformat(received_at)
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=UTC)
        elapsed = max(0.0, ((now or datetime.now(UTC)) - received_at).total_seconds() * 1000)
        attrs = {"status": str(result.get("status", "error")), "source": source}
        request_id = str(result.get("request_id", ""))
        with self.tracer.start_as_current_span(
            "pmark3.result",
            context=self._context(request_id),
            # The latency also rides on the span: Application Insights aggregates metrics before
            # export, so exact p95/p99 come from these rows (docs/function-app.md has the KQL).
            attributes={
                ATTR_REQUEST_ID: request_id,
                "pmark3.latency_ms": round(elapsed, 3),
                **{f"pmark3.{k}": v for k, v in attrs.items()},
            },
        ):
            self.request_duration.record(elapsed, attrs)
            self.requests.add(1, attrs)

    def message(self, outcome: str, reason: str | None = None) -> None:
        self.messages.add(1, {"outcome": outcome, "reason": reason or "none"})


class NoTelemetry:
    """The same calls, doing nothing: used when OpenTelemetry is not installed."""

    recording = False

    @contextmanager
    def accepted(self, request_id: str, source: str) -> Iterator[None]:
        yield None

    @contextmanager
    def step(self, request_id: str, step: str) -> Iterator[dict[str, str]]:
        yield {"outcome": "ok"}

    def finished(
        self, result: Mapping[str, Any], received_at: datetime | str, source: str, now: datetime | None = None
    ) -> None:
        return None

    def message(self, outcome: str, reason: str | None = None) -> None:
        return None


_telemetry: Telemetry | NoTelemetry | None = None


def get() -> Telemetry | NoTelemetry:
    """The process-wide instance on the global providers (after ``configure``, if it ran).

    Safe to call from the domain (``run_node``, ``record_outcome``): without OpenTelemetry,
    or before ``configure``, it costs next to nothing.
    """
    global _telemetry
    if _telemetry is None:
        _telemetry = Telemetry() if HAVE_OTEL else NoTelemetry()
    return _telemetry


_configured = False


def configure(env: Mapping[str, str] | None = None) -> bool:
    """Send traces, metrics and logs to Application Insights; True when enabled.

    Call once per worker process, before the first function runs (function_app.py).
    """
    global _configured, _telemetry
    env = os.environ if env is None else env
    connection_string = env.get(CONNECTION_STRING)
    if not connection_string or not HAVE_OTEL:
        return False
    if _configured:
        return True
    from azure.monitor.opentelemetry import configure_azure_monitor

    kwargs: dict[str, Any] = {"connection_string": connection_string, "logger_name": SCOPE}
    if "authorization=aad" in env.get(AUTHENTICATION_STRING, "").lower().replace(" ", ""):
        from azure.identity import ManagedIdentityCredential

        client_id = _client_id(env.get(AUTHENTICATION_STRING, "")) or env.get("AZURE_CLIENT_ID")
        kwargs["credential"] = (
            ManagedIdentityCredential(client_id=client_id) if client_id else ManagedIdentityCredential()
        )
    configure_azure_monitor(**kwargs)
    _configured = True
    _telemetry = Telemetry()  # bind the instruments to the providers just installed
    log.info("telemetry: exporting to Application Insights")
    return True


def _client_id(auth: str) -> str | None:
    for part in auth.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "clientid" and value.strip():
            return value.strip()
    return None
