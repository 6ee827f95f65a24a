"""Load test of an OpenAI-compatible LLM endpoint with PMark3's own prompts.

Each "full request" is what one PMark3 request costs the LLM: the JSON-schema parse call, then
the response call built from the parse's codes. The messages come from ``pmark3.llm.prompts``,
the module the app itself uses, so the test cannot drift from what the app sends.

    python gpu_service/loadtest.py --base-url https://llm.pmark3.internal/v1 \\
        --concurrency 1,2,4,8,16 --duration 60 --out gpu_service/results/<date>-<cluster>

Per concurrency level (closed loop: N workers, each sends its next request when the last one is
done) it measures TTFT, TPOT, p50/p95/p99 latency, requests/s and tokens/s, the rate of parse
outputs valid against the JSON schema and against the catalog, and writes ``summary.json``,
``samples.jsonl`` and ``latency_vs_concurrency.png`` under ``--out``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import openai

from pmark3.catalog import load_catalog
from pmark3.llm.client import response_format
from pmark3.llm.parser import catalog_errors, schema_errors
from pmark3.llm.prompts import (
    PARSE_JSON_SCHEMA,
    PARSE_MAX_TOKENS,
    PARSE_SCHEMA_NAME,
    RESPONSE_MAX_TOKENS,
    FewShotExample,
    Language,
    ParseContext,
    build_parse_messages,
    build_response_messages,
    evidence_ids,
)
from pmark3.models import Alternative, Turn

HERE = Path(__file__).resolve().parent
DEFAULT_REQUESTS = HERE / "loadtest_requests.jsonl"
#: Design targets on one H100 at 8 concurrent PMark3 requests (README.md).
TARGETS = {"parse_p95_s": 1.0, "response_p95_s": 2.0, "full_requests_per_s": 10.0, "schema_valid_rate": 1.0}
_CITED_ID = re.compile(r"\b(?:WO-\d{4}-\d{5}|PRC-\d{3})\b")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Evidence of the shape generate_recommendations produces; ids are synthetic and only let the
# response call cite something, as it does in the app.
SAMPLE_EVIDENCE: list[dict[str, Any]] = [
    {
        "kind": "work_order",
        "id": "WO-2024-00117",
        "title": "동일 설비 유사 고장 조치 이력",
        "score": 0.82,
        "reason": "same functional location and failure mode",
        "details": {
            "actions": "베어링 교체, 축정렬 재조정",
            "parts": [{"name": "bearing 6316", "quantity": 2}],
            "labour_hours": 6.5,
        },
    },
    {
        "kind": "work_order",
        "id": "WO-2023-00871",
        "title": "같은 계통 다른 호기 유사 사례",
        "score": 0.64,
        "reason": "same system, other unit",
        "details": {"actions": "점검 후 이상 없음", "labour_hours": 2.0},
    },
    {
        "kind": "procedure",
        "id": "PRC-012",
        "title": "회전기기 격리 및 점검 절차",
        "score": 0.7,
        "reason": "procedure for this equipment class",
        "details": {},
    },
]


@dataclass
class LoadRequest:
    id: str
    text: str
    history: list[Turn]
    expected: dict[str, Any]


@dataclass
class CallSample:
    """One LLM call as measured by the client."""

    level: int
    request_id: str
    kind: str  # "parse" | "response"
    ok: bool
    latency_s: float
    ttft_s: float | None = None
    tpot_s: float | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    schema_valid: bool | None = None
    catalog_valid: bool | None = None
    cites_only_evidence: bool | None = None
    error: str | None = None


@dataclass
class LevelRun:
    concurrency: int
    wall_s: float = 0.0
    samples: list[CallSample] = field(default_factory=list)
    full_ok: int = 0
    full_failed: int = 0


def load_requests(path: Path) -> list[LoadRequest]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            rows.append(
                LoadRequest(
                    id=data["id"],
                    text=data["text"],
                    history=[Turn(**t) for t in data.get("history", [])],
                    expected=data.get("expected", {}),
                )
            )
    if not rows:
        raise SystemExit(f"no requests in {path}")
    return rows


def _codes_of(expected: dict[str, Any]) -> dict[str, str | int | None]:
    return {
        "unit": expected.get("unit"),
        "kks_system": expected.get("kks_system"),
        "kks": None,
        "equipment_type": expected.get("equipment_class"),
        "status_code": expected.get("failure_mode"),
        "priority": expected.get("priority"),
    }


def build_context(requests: Sequence[LoadRequest], index: int, examples: int) -> ParseContext:
    """A context like the app's: a register candidate for the system and a few other requests as few-shot."""
    req = requests[index]
    others = [requests[(index + k) % len(requests)] for k in range(1, len(requests))][:examples]
    candidates: dict[str, list[Alternative]] = {}
    if req.expected.get("kks_system"):
        candidates["kks_system"] = [Alternative(value=req.expected["kks_system"], confidence=0.6)]
    return ParseContext(
        candidates=candidates, examples=[FewShotExample(text=o.text, codes=_codes_of(o.expected)) for o in others]
    )


def result_for_response(req: LoadRequest, parsed: dict[str, Any] | None) -> dict[str, Any]:
    """The coded result the response step sees, from the parse output (or the expected codes)."""
    codes = (parsed or {}).get("codes") or _codes_of(req.expected)
    mentions = (parsed or {}).get("mentions") or {}

    def field_(original: Any, value: Any, **extra: Any) -> dict[str, Any]:
        return {
            "original": original,
            "normalized": value,
            "confidence": 0.9 if value is not None else 0.0,
            "alternatives": [],
            **extra,
        }

    return {
        "scenario": (parsed or {}).get("scenario") or req.expected.get("scenario", "S1"),
        "text": req.text,
        "location": field_(
            mentions.get("location"), codes.get("kks"), unit=codes.get("unit"), system=codes.get("kks_system")
        ),
        "equipment_type": field_(mentions.get("equipment"), codes.get("equipment_type")),
        "status_code": field_(mentions.get("symptom"), codes.get("status_code")),
        "priority": field_(mentions.get("priority_cue"), codes.get("priority")),
        "recommendations": SAMPLE_EVIDENCE,
    }


def stream_call(
    client: openai.OpenAI, model: str, messages: list[dict[str, str]], **kwargs: Any
) -> tuple[str, float, float | None, int, int]:
    """One streamed chat call: (content, latency, ttft, prompt_tokens, completion_tokens)."""
    start = time.perf_counter()
    first: float | None = None
    parts: list[str] = []
    chunks = 0
    usage = None
    stream = client.chat.completions.create(  # type: ignore[call-overload]
        model=model, messages=messages, stream=True, stream_options={"include_usage": True}, **kwargs
    )
    for chunk in stream:
        if chunk.usage is not None:
            usage = chunk.usage
        if chunk.choices and chunk.choices[0].delta.content:
            if first is None:
                first = time.perf_counter() - start
            parts.append(chunk.choices[0].delta.content)
            chunks += 1
    latency = time.perf_counter() - start
    prompt_tokens = usage.prompt_tokens if usage else 0
    completion_tokens = usage.completion_tokens if usage else chunks
    return "".join(parts), latency, first, prompt_tokens, completion_tokens


def _tpot(latency: float, ttft: float | None, tokens: int) -> float | None:
    if ttft is None or tokens < 2:
        return None
    return (latency - ttft) / (tokens - 1)


def run_full_request(
    client: openai.OpenAI, model: str, requests: Sequence[LoadRequest], index: int, level: int, examples: int
) -> list[CallSample]:
    """The parse call, then the response call, as PMark3 makes them for one request."""
    catalog = load_catalog()
    req = requests[index]
    samples: list[CallSample] = []
    parsed: dict[str, Any] | None = None
    start = time.perf_counter()
    try:
        content, latency, ttft, p_tok, c_tok = stream_call(
            client,
            model,
            build_parse_messages(req.text, req.history, build_context(requests, index, examples)),
            response_format=response_format(PARSE_JSON_SCHEMA, PARSE_SCHEMA_NAME),
            max_tokens=PARSE_MAX_TOKENS,
            temperature=0.0,
        )
        try:
            value = json.loads(content)
        except json.JSONDecodeError:
            value = None
        schema_ok = value is not None and not schema_errors(value, PARSE_JSON_SCHEMA)
        catalog_ok = bool(schema_ok and not catalog_errors(value, catalog))
        parsed = value if schema_ok else None
        samples.append(
            CallSample(
                level,
                req.id,
                "parse",
                True,
                latency,
                ttft,
                _tpot(latency, ttft, c_tok),
                p_tok,
                c_tok,
                schema_ok,
                catalog_ok,
            )
        )
    except openai.OpenAIError as exc:
        samples.append(
            CallSample(
                level, req.id, "parse", False, time.perf_counter() - start, error=f"{type(exc).__name__}: {exc}"[:300]
            )
        )
        return samples
    language: Language = "ko" if _HANGUL.search(req.text) else "en"
    if (parsed or {}).get("language") in ("ko", "en"):
        language = (parsed or {})["language"]
    result = result_for_response(req, parsed)
    start = time.perf_counter()
    try:
        answer, latency, ttft, p_tok, c_tok = stream_call(
            client, model, build_response_messages(result, language), max_tokens=RESPONSE_MAX_TOKENS, temperature=0.2
        )
        cites_ok = set(_CITED_ID.findall(answer)) <= evidence_ids(result)
        samples.append(
            CallSample(
                level,
                req.id,
                "response",
                True,
                latency,
                ttft,
                _tpot(latency, ttft, c_tok),
                p_tok,
                c_tok,
                cites_only_evidence=cites_ok,
            )
        )
    except openai.OpenAIError as exc:
        samples.append(
            CallSample(
                level,
                req.id,
                "response",
                False,
                time.perf_counter() - start,
                error=f"{type(exc).__name__}: {exc}"[:300],
            )
        )
    return samples


def run_level(
    client: openai.OpenAI,
    model: str,
    requests: Sequence[LoadRequest],
    concurrency: int,
    duration_s: float,
    max_requests: int,
    examples: int,
    warmup: int,
) -> LevelRun:
    """``concurrency`` workers send full requests until ``duration_s`` or ``max_requests`` is reached."""
    for i in range(warmup):  # fills the prefix cache; not measured
        run_full_request(client, model, requests, i % len(requests), concurrency, examples)
    run = LevelRun(concurrency=concurrency)
    counter: Iterator[int] = itertools.count()
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + duration_s

    def worker() -> None:
        while time.perf_counter() < deadline:
            with lock:
                n = next(counter)
            if n >= max_requests:
                return
            samples = run_full_request(client, model, requests, n % len(requests), concurrency, examples)
            with lock:
                run.samples.extend(samples)
                if len(samples) == 2 and all(s.ok for s in samples):
                    run.full_ok += 1
                else:
                    run.full_failed += 1

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    run.wall_s = time.perf_counter() - start
    return run


def _stats(values: Sequence[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "mean": None, "max": None}
    arr = np.asarray(values, dtype=float)
    return {
        "p50": float(np.percentile(arr, 50)),
        "p95": float(np.percentile(arr, 95)),
        "p99": float(np.percentile(arr, 99)),
        "mean": float(arr.mean()),
        "max": float(arr.max()),
    }


def _rate(flags: Sequence[bool | None]) -> float | None:
    known = [f for f in flags if f is not None]
    return sum(known) / len(known) if known else None


def summarize_level(run: LevelRun) -> dict[str, Any]:
    out: dict[str, Any] = {
        "concurrency": run.concurrency,
        "wall_s": run.wall_s,
        "full_requests": run.full_ok,
        "failed_requests": run.full_failed,
        "full_requests_per_s": run.full_ok / run.wall_s if run.wall_s else 0.0,
    }
    total_out = 0
    for kind in ("parse", "response"):
        samples = [s for s in run.samples if s.kind == kind]
        ok = [s for s in samples if s.ok]
        tokens = sum(s.completion_tokens for s in ok)
        total_out += tokens
        part: dict[str, Any] = {
            "calls": len(samples),
            "errors": len(samples) - len(ok),
            "latency_s": _stats([s.latency_s for s in ok]),
            "ttft_s": _stats([s.ttft_s for s in ok if s.ttft_s is not None]),
            "tpot_s": _stats([s.tpot_s for s in ok if s.tpot_s is not None]),
            "prompt_tokens_mean": float(np.mean([s.prompt_tokens for s in ok])) if ok else None,
            "completion_tokens_mean": float(np.mean([s.completion_tokens for s in ok])) if ok else None,
            "output_tokens_per_s": tokens / run.wall_s if run.wall_s else 0.0,
        }
        if kind == "parse":
            part["schema_valid_rate"] = _rate([s.schema_valid for s in ok])
            part["catalog_valid_rate"] = _rate([s.catalog_valid for s in ok])
        else:
            part["cites_only_evidence_rate"] = _rate([s.cites_only_evidence for s in ok])
        out[kind] = part
    out["output_tokens_per_s"] = total_out / run.wall_s if run.wall_s else 0.0
    return out


def evaluate_targets(levels: list[dict[str, Any]], target_concurrency: int) -> dict[str, Any]:
    """Latency and validity targets at ``target_concurrency``; throughput at the best error-free level.

    With N requests in flight, throughput = N / mean latency (Little's law): 10 full requests/s at
    8 in flight needs a mean full request under 0.8 s, so the throughput target is read from
    the sweep's best error-free level and reported with its concurrency.
    """
    at = next((lv for lv in levels if lv["concurrency"] == target_concurrency), None)
    clean = [lv for lv in levels if lv["failed_requests"] == 0 and lv["full_requests"] > 0]
    best = max(clean, key=lambda lv: lv["full_requests_per_s"], default=None)

    def check(name: str, measured: float | None, ok: bool | None, **extra: Any) -> dict[str, Any]:
        return {"target": TARGETS[name], "measured": measured, "met": ok, **extra}

    parse_p95 = at["parse"]["latency_s"]["p95"] if at else None
    resp_p95 = at["response"]["latency_s"]["p95"] if at else None
    valid = at["parse"]["schema_valid_rate"] if at else None
    rps = best["full_requests_per_s"] if best else None
    return {
        "target_concurrency": target_concurrency,
        "parse_p95_s": check(
            "parse_p95_s", parse_p95, None if parse_p95 is None else parse_p95 <= TARGETS["parse_p95_s"]
        ),
        "response_p95_s": check(
            "response_p95_s", resp_p95, None if resp_p95 is None else resp_p95 <= TARGETS["response_p95_s"]
        ),
        "schema_valid_rate": check(
            "schema_valid_rate", valid, None if valid is None else valid >= TARGETS["schema_valid_rate"]
        ),
        "full_requests_per_s": check(
            "full_requests_per_s",
            rps,
            None if rps is None else rps >= TARGETS["full_requests_per_s"],
            at_concurrency=best["concurrency"] if best else None,
            at_target_concurrency=at["full_requests_per_s"] if at else None,
        ),
    }


def plot_latency(levels: list[dict[str, Any]], path: Path, subtitle: str = "") -> None:
    """PNG: parse and response latency percentiles (and TTFT p95) against concurrency."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    conc = [lv["concurrency"] for lv in levels]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    for ax, kind, target in (
        (axes[0], "parse", TARGETS["parse_p95_s"]),
        (axes[1], "response", TARGETS["response_p95_s"]),
    ):
        for pct, style in (("p50", "o-"), ("p95", "s-"), ("p99", "^-")):
            ys = [lv[kind]["latency_s"][pct] for lv in levels]
            ax.plot(conc, [math.nan if y is None else y for y in ys], style, label=f"latency {pct}")
        ttft = [lv[kind]["ttft_s"]["p95"] for lv in levels]
        ax.plot(conc, [math.nan if y is None else y for y in ttft], "x--", label="TTFT p95")
        ax.axhline(target, color="red", linestyle=":", label=f"p95 target {target:g} s")
        ax.set_title(f"{kind} call")
        ax.set_xlabel("concurrent PMark3 requests")
        ax.set_ylabel("seconds")
        if len(conc) > 1:
            ax.set_xscale("log", base=2)
        ax.set_xticks(conc, [str(c) for c in conc])
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("PMark3 LLM latency against concurrency" + (f"\n{subtitle}" if subtitle else ""), fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--base-url", required=True, help="OpenAI-compatible base URL ending in /v1")
    p.add_argument("--model", default="pmark3-llm")
    p.add_argument("--api-key-env", default=None, help="environment variable holding the API key, if any")
    p.add_argument("--requests", type=Path, default=DEFAULT_REQUESTS, help="JSONL of {id, text, history, expected}")
    p.add_argument("--concurrency", default="1,2,4,8,16", help="comma-separated levels")
    p.add_argument("--duration", type=float, default=60.0, help="seconds per level")
    p.add_argument("--max-requests", type=int, default=5000, help="bound on full requests per level")
    p.add_argument("--warmup", type=int, default=2, help="unmeasured full requests before each level")
    p.add_argument("--examples", type=int, default=3, help="few-shot examples per parse prompt")
    p.add_argument("--timeout", type=float, default=30.0, help="per-call timeout in seconds")
    p.add_argument("--target-concurrency", type=int, default=8)
    p.add_argument("--out", type=Path, default=Path("loadtest-results"))
    p.add_argument("--check-targets", action="store_true", help="exit 1 when a design target is not met")
    args = p.parse_args(argv)
    args.levels = sorted({int(x) for x in str(args.concurrency).split(",") if x.strip()})
    if not args.levels or min(args.levels) < 1:
        p.error("--concurrency needs positive integers")
    if args.duration <= 0 or args.max_requests < 1:
        p.error("--duration and --max-requests must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    api_key = os.environ.get(args.api_key_env, "") if args.api_key_env else ""
    # No SDK retries: a retried call would hide the latency and the error it is measuring.
    client = openai.OpenAI(base_url=args.base_url, api_key=api_key or "EMPTY", timeout=args.timeout, max_retries=0)
    requests = load_requests(args.requests)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    runs = []
    for level in args.levels:
        run = run_level(
            client, args.model, requests, level, args.duration, args.max_requests, args.examples, args.warmup
        )
        runs.append(run)
        print(
            f"concurrency {level}: {run.full_ok} full requests in {run.wall_s:.1f} s, {run.full_failed} failed",
            file=sys.stderr,
        )
    levels = [summarize_level(r) for r in runs]
    summary = {
        "base_url": args.base_url,
        "model": args.model,
        "requests_file": str(args.requests),
        "duration_s_per_level": args.duration,
        "started_unix": started,
        "levels": levels,
        "targets": evaluate_targets(levels, args.target_concurrency),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    with (args.out / "samples.jsonl").open("w", encoding="utf-8") as f:
        for run in runs:
            for s in run.samples:
                f.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")
    plot_latency(levels, args.out / "latency_vs_concurrency.png", f"{args.model} at {args.base_url}")
    print(json.dumps(summary["targets"], indent=2))
    return summary


def cli(argv: Sequence[str] | None = None) -> int:
    """Exit status: 1 when ``--check-targets`` is given and a target is unmet or unmeasured."""
    args = list(sys.argv[1:] if argv is None else argv)
    result = main(args)
    checks = [t for t in result["targets"].values() if isinstance(t, dict)]
    return 1 if "--check-targets" in args and not all(t["met"] is True for t in checks) else 0


if __name__ == "__main__":
    sys.exit(cli())
