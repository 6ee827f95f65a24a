"""gpu_service/loadtest.py against the stub server (streaming SSE), in-process and as a CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import matplotlib.image
import pytest

from gpu_service import loadtest
from pmark3.llm.prompts import PARSE_JSON_SCHEMA, build_parse_messages, parse_system_prompt
from tests.llm.openai_stub import OpenAIStub, Reply, default_chat_handler

ROOT = Path(__file__).resolve().parents[2]


class FlakyParses:
    """Every third parse call returns cut-off JSON, every fifth a catalog-inconsistent one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.parses = 0
        self.invalid_json = 0
        self.inconsistent = 0

    def __call__(self, body: dict[str, Any]) -> Reply:
        if (body.get("response_format") or {}).get("type") != "json_schema":
            return default_chat_handler(body)
        with self.lock:
            self.parses += 1
            n = self.parses
            if n % 3 == 0:
                self.invalid_json += 1
            elif n % 5 == 0:
                self.inconsistent += 1
        if n % 3 == 0:
            return Reply.recording("parse_invalid_json")
        if n % 5 == 0:
            return Reply.recording("parse_catalog_invalid")
        return Reply.recording("parse_valid")


def test_loadtest_measures_a_streaming_server(tmp_path: Path) -> None:
    handler = FlakyParses()
    with OpenAIStub(handler, token_delay_s=0.001) as stub:
        summary = loadtest.main(
            [
                "--base-url",
                stub.base_url,
                "--concurrency",
                "2,1",
                "--duration",
                "0.6",
                "--warmup",
                "0",
                "--target-concurrency",
                "2",
                "--out",
                str(tmp_path),
            ]
        )
        chat = stub.chat_requests()

    levels = summary["levels"]
    assert [lv["concurrency"] for lv in levels] == [1, 2]
    parse_calls = sum(lv["parse"]["calls"] for lv in levels)
    assert parse_calls == handler.parses > 0
    # Every parse is followed by a response call: the full request is two calls.
    assert len(chat) == 2 * parse_calls
    schema_valid = parse_calls - handler.invalid_json
    got_schema = sum(lv["parse"]["schema_valid_rate"] * lv["parse"]["calls"] for lv in levels)
    assert round(got_schema) == schema_valid
    got_catalog = sum(lv["parse"]["catalog_valid_rate"] * lv["parse"]["calls"] for lv in levels)
    assert round(got_catalog) == schema_valid - handler.inconsistent

    # The wire requests are the app's own prompts, streamed, with the strict JSON schema.
    parse_bodies = [r.json for r in chat if "response_format" in r.json]
    assert all(b["stream"] is True and b["stream_options"] == {"include_usage": True} for b in parse_bodies)
    assert all(b["response_format"]["json_schema"]["schema"] == PARSE_JSON_SCHEMA for b in parse_bodies)
    assert all(b["messages"][0]["content"] == parse_system_prompt() for b in parse_bodies)
    requests = loadtest.load_requests(loadtest.DEFAULT_REQUESTS)
    first = requests[0]
    expected = build_parse_messages(first.text, first.history, loadtest.build_context(requests, 0, 3))
    assert parse_bodies[0]["messages"] == expected

    for lv in levels:
        for kind in ("parse", "response"):
            part = lv[kind]
            assert part["errors"] == 0
            lat, ttft = part["latency_s"], part["ttft_s"]
            assert lat["p50"] <= lat["p95"] <= lat["p99"] <= lat["max"]
            assert 0 < ttft["p50"] <= lat["max"]
            assert part["tpot_s"]["p50"] > 0
            assert part["completion_tokens_mean"] > 1
        assert lv["full_requests"] == lv["parse"]["calls"] and lv["full_requests_per_s"] > 0
        assert lv["output_tokens_per_s"] > 0
    targets = summary["targets"]
    assert targets["schema_valid_rate"]["met"] is False  # a third of the parses were cut off
    assert targets["full_requests_per_s"]["at_concurrency"] in (1, 2)

    written = json.loads((tmp_path / "summary.json").read_text())
    assert written["levels"] == levels
    samples = [json.loads(ln) for ln in (tmp_path / "samples.jsonl").read_text().splitlines()]
    assert len(samples) == len(chat)
    image = matplotlib.image.imread(tmp_path / "latency_vs_concurrency.png")
    assert image.shape[0] > 200 and image.shape[1] > 400


def test_loadtest_counts_server_errors_as_failed_requests(tmp_path: Path) -> None:
    def broken(body: dict[str, Any]) -> Reply:
        return Reply.recording("server_error")

    with OpenAIStub(broken) as stub:
        args = [
            "--base-url",
            stub.base_url,
            "--concurrency",
            "1",
            "--duration",
            "0.3",
            "--warmup",
            "0",
            "--target-concurrency",
            "1",
            "--out",
            str(tmp_path),
        ]
        assert loadtest.cli([*args, "--check-targets"]) == 1
        assert loadtest.cli(args) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    [level] = summary["levels"]
    assert level["full_requests"] == 0 and level["failed_requests"] == level["parse"]["errors"] > 0
    assert level["response"]["calls"] == 0  # no response call without a parse
    assert summary["targets"]["full_requests_per_s"]["measured"] is None


def test_cli_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results"
    with OpenAIStub() as stub:
        proc = subprocess.run(
            [
                sys.executable,
                str(ROOT / "gpu_service" / "loadtest.py"),
                "--base-url",
                stub.base_url,
                "--concurrency",
                "1",
                "--duration",
                "0.3",
                "--warmup",
                "0",
                "--max-requests",
                "3",
                "--target-concurrency",
                "1",
                "--out",
                str(out),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["levels"][0]["full_requests"] <= 3
    assert (out / "latency_vs_concurrency.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(SystemExit):
        loadtest.parse_args(["--base-url", "http://127.0.0.1:1/v1", "--concurrency", "0"])
