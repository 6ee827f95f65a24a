"""pmark3.telemetry with in-memory OpenTelemetry exporters: spans per request, step and outcome metrics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from pmark3 import telemetry


@pytest.fixture
def otel() -> Any:
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    t = telemetry.Telemetry(tracer_provider=tracer_provider, meter_provider=MeterProvider(metric_readers=[reader]))
    return t, spans, reader


def points(reader: InMemoryMetricReader, name: str) -> list[Any]:
    data = reader.get_metrics_data()
    assert data is not None
    return [
        p
        for rm in data.resource_metrics
        for sm in rm.scope_metrics
        for m in sm.metrics
        if m.name == name
        for p in m.data.data_points
    ]


def test_one_trace_per_request_across_accept_steps_and_result(otel: Any) -> None:
    t, spans, _ = otel
    for rid in ("r1", "r2"):
        with t.accepted(rid, "portal"):
            pass
        for step in ("validate_input", "parse_input"):
            with t.step(rid, step):
                pass
        t.finished({"request_id": rid, "status": "draft"}, datetime.now(UTC), "portal")
    finished = spans.get_finished_spans()
    by_request: dict[str, set[int]] = {}
    for span in finished:
        by_request.setdefault(span.attributes[telemetry.ATTR_REQUEST_ID], set()).add(span.context.trace_id)
    assert {k: len(v) for k, v in by_request.items()} == {"r1": 1, "r2": 1}
    assert by_request["r1"] != by_request["r2"]
    # Deterministic: any worker derives the same trace for the same request id.
    assert by_request["r1"] == {telemetry.trace_parent_for("r1").trace_id}
    names = [s.name for s in finished if s.attributes[telemetry.ATTR_REQUEST_ID] == "r1"]
    assert names == ["pmark3.accept", "pmark3.step validate_input", "pmark3.step parse_input", "pmark3.result"]


def test_step_timings_and_outcomes_are_metrics(otel: Any) -> None:
    t, spans, reader = otel
    with t.step("r1", "parse_input"):
        pass
    with t.step("r1", "normalize_terms") as outcome:
        outcome["outcome"] = "error"
    with pytest.raises(RuntimeError), t.step("r1", "vector_search"):
        raise RuntimeError("index down")
    got = {(p.attributes["step"], p.attributes["outcome"]): p.count for p in points(reader, "pmark3.step.duration")}
    assert got == {("parse_input", "ok"): 1, ("normalize_terms", "error"): 1, ("vector_search", "failed"): 1}
    (failed,) = [s for s in spans.get_finished_spans() if s.name == "pmark3.step vector_search"]
    assert not failed.status.is_ok and failed.events[0].name == "exception"


def test_finished_records_latency_and_the_outcome(otel: Any) -> None:
    t, _, reader = otel
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    t.finished({"request_id": "a", "status": "draft"}, (now - timedelta(seconds=2)).isoformat(), "cmms", now=now)
    t.finished({"request_id": "b", "status": "error"}, now - timedelta(milliseconds=500), "portal", now=now)
    t.message("rejected", "bad_json")
    spans = otel[1].get_finished_spans()
    assert [s.attributes["pmark3.latency_ms"] for s in spans if s.name == "pmark3.result"] == [2000.0, 500.0]
    latency = {p.attributes["status"]: p.sum for p in points(reader, "pmark3.request.duration")}
    assert latency == {"draft": 2000.0, "error": 500.0}
    counts = {(p.attributes["status"], p.attributes["source"]): p.value for p in points(reader, "pmark3.requests")}
    assert counts == {("draft", "cmms"): 1, ("error", "portal"): 1}
    (msg,) = points(reader, "pmark3.messages")
    assert dict(msg.attributes) == {"outcome": "rejected", "reason": "bad_json"} and msg.value == 1


def test_configure_is_off_without_a_connection_string(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[dict[str, Any]] = []
    monkeypatch.setattr("azure.monitor.opentelemetry.configure_azure_monitor", lambda **kw: called.append(kw))
    assert telemetry.configure({}) is False
    assert called == []


def test_configure_uses_the_managed_identity_for_entra_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[dict[str, Any]] = []
    monkeypatch.setattr("azure.monitor.opentelemetry.configure_azure_monitor", lambda **kw: called.append(kw))
    monkeypatch.setattr(telemetry, "_configured", False)
    monkeypatch.setattr(telemetry, "_telemetry", None)
    env = {
        telemetry.CONNECTION_STRING: "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        telemetry.AUTHENTICATION_STRING: "Authorization=AAD;ClientId=11111111-1111-1111-1111-111111111111",
    }
    assert telemetry.configure(env) is True
    (kwargs,) = called
    from azure.identity import ManagedIdentityCredential

    assert kwargs["connection_string"] == env[telemetry.CONNECTION_STRING]
    assert isinstance(kwargs["credential"], ManagedIdentityCredential)
    assert telemetry.configure(env) is True and len(called) == 1  # once per process


def test_without_opentelemetry_the_same_calls_do_nothing() -> None:
    t = telemetry.NoTelemetry()
    with t.accepted("r1", "portal"), t.step("r1", "parse_input") as outcome:
        outcome["outcome"] = "error"
    t.finished({"request_id": "r1", "status": "draft"}, datetime.now(UTC), "portal")
    t.message("started")
    assert isinstance(telemetry.get(), telemetry.Telemetry)  # installed here: the real one


def test_without_providers_a_step_records_nothing_and_costs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from opentelemetry import trace

    quiet = telemetry.Telemetry()  # on the global providers, none installed in this process
    assert quiet.recording is False
    calls: list[Any] = []
    monkeypatch.setattr(quiet.tracer, "start_as_current_span", lambda *a, **kw: calls.append(a))
    with quiet.step("r1", "parse_input") as outcome:
        outcome["outcome"] = "error"
    with pytest.raises(RuntimeError), quiet.step("r1", "parse_input"):
        raise RuntimeError("the step failed")
    assert calls == []
    # A provider installed later (configure, or the host's own setup) turns it on.
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: TracerProvider())
    assert quiet.recording is True


def test_with_providers_given_it_records(otel: Any) -> None:
    t, spans, _reader = otel
    assert t.recording is True
    with t.step("r1", "parse_input"):
        pass
    assert [s.name for s in spans.get_finished_spans()] == ["pmark3.step parse_input"]
