"""LLMParser and LLMClient against the stub server: the exact wire request, and every failure path."""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence

import pytest

from pmark3.catalog import load_catalog
from pmark3.config import Settings
from pmark3.errors import ConfigurationError, LLMError
from pmark3.llm import LLMClient, LLMParser, ParseContext, build_openai_client
from pmark3.llm.prompts import (
    PARSE_JSON_SCHEMA,
    PARSE_MAX_TOKENS,
    PARSE_SCHEMA_NAME,
    FewShotExample,
    parse_system_prompt,
)
from pmark3.models import Alternative, Turn
from pmark3.ports import RequestParser
from tests.llm.openai_stub import OpenAIStub, Reply, load_recording

TEXT = "#2 BFP B 진동 심함, 긴급"


def _context(text: str, history: Sequence[Turn]) -> ParseContext:
    return ParseContext(
        candidates={
            "kks": [Alternative(value="2LAC20AP001", confidence=0.72, label="보일러급수펌프 B")],
            "kks_system": [Alternative(value="LAC", confidence=0.9)],
        },
        examples=[
            FewShotExample(
                text="1호기 BFP A 베어링 온도 높음",
                codes={"unit": "1", "kks_system": "LAC", "equipment_type": "PU", "status_code": "OHE", "priority": 2},
            )
        ],
    )


def _parser(base_url: str, *, max_attempts: int = 3, timeout_s: float = 5.0) -> LLMParser:
    client = LLMClient(build_openai_client(base_url, timeout_s=timeout_s, max_attempts=max_attempts))
    return LLMParser(client, load_catalog(), _context)


def test_valid_parse_and_exact_wire_request(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("parse_valid"))
    history = [Turn(role="user", text="2호기 급수펌프 점검 요청"), Turn(role="assistant", text="접수했습니다")]
    parser = _parser(stub.base_url)
    assert isinstance(parser, RequestParser)
    parsed = parser.parse(TEXT, history)

    assert parsed.parser == "llm"
    assert (parsed.scenario, parsed.language) == ("S1", "ko")
    assert parsed.mentions.unit == "2" and parsed.mentions.train == "B"
    assert parsed.mentions.symptom == "진동 심함"
    assert parsed.hints == {
        "unit": "2",
        "system": "LAC",
        "kks": "2LAC20AP001",
        "equipment_type": "PU",
        "status_code": "VIB",
        "priority": 1,
    }

    [request] = stub.requests
    assert request.path == "/v1/chat/completions"
    body = request.json
    assert body["model"] == "pmark3-llm"
    assert body["max_tokens"] == PARSE_MAX_TOKENS
    assert body["temperature"] == 0.0
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": PARSE_SCHEMA_NAME, "schema": PARSE_JSON_SCHEMA, "strict": True},
    }
    assert request.headers["authorization"] == "Bearer EMPTY"
    messages = body["messages"]
    assert messages[0] == {"role": "system", "content": parse_system_prompt()}
    # The few-shot example becomes a user/assistant pair before the request.
    assert messages[1]["role"] == "user" and "1호기 BFP A" in messages[1]["content"]
    assert messages[2]["role"] == "assistant" and json.loads(messages[2]["content"])["codes"]["status_code"] == "OHE"
    last = messages[-1]
    assert last["role"] == "user"
    assert last["content"].endswith(TEXT)
    assert "user: 2호기 급수펌프 점검 요청" in last["content"]
    assert "2LAC20AP001 (0.72, 보일러급수펌프 B)" in last["content"]


def test_system_prompt_is_byte_identical_across_requests(stub: OpenAIStub) -> None:
    parser = _parser(stub.base_url)
    parser.parse(TEXT, [])
    parser.parse("1U condenser vacuum low, check ASAP", [Turn(role="user", text="earlier")])
    first, second = (r.json["messages"][0]["content"] for r in stub.chat_requests())
    assert first == second
    catalog = load_catalog()
    # The cached prefix carries the whole catalog.
    assert all(code in first for code in [*catalog.systems, *catalog.equipment_classes, *catalog.failure_modes])


def test_invalid_json_raises_llm_error(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("parse_invalid_json"))
    with pytest.raises(LLMError, match="not JSON"):
        _parser(stub.base_url).parse(TEXT, [])
    assert len(stub.requests) == 1  # wrong output is not retried: the caller falls back


def test_schema_invalid_output_raises_llm_error(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("parse_schema_invalid"))
    with pytest.raises(LLMError, match="schema") as info:
        _parser(stub.base_url).parse(TEXT, [])
    assert "VIBRATION" in str(info.value)


def test_catalog_invalid_codes_raise_llm_error(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("parse_catalog_invalid"))
    with pytest.raises(LLMError, match="1LAC20AP001 disagrees with unit '2'"):
        _parser(stub.base_url).parse(TEXT, [])


def test_server_error_then_success_is_retried(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("server_error"), Reply.recording("parse_valid"))
    parsed = _parser(stub.base_url, max_attempts=3).parse(TEXT, [])
    assert parsed.hints["kks"] == "2LAC20AP001"
    assert len(stub.requests) == 2
    assert stub.requests[0].json == stub.requests[1].json


def test_attempts_are_bounded_by_max_attempts(stub: OpenAIStub) -> None:
    stub.enqueue(*[Reply.recording("server_error")] * 3, Reply.recording("parse_valid"))
    with pytest.raises(LLMError, match="InternalServerError"):
        _parser(stub.base_url, max_attempts=2).parse(TEXT, [])
    assert len(stub.requests) == 2


def test_timeout_raises_llm_error(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("parse_valid", delay_s=2.0))
    with pytest.raises(LLMError, match="Timeout"):
        _parser(stub.base_url, max_attempts=1, timeout_s=0.2).parse(TEXT, [])
    assert len(stub.requests) == 1


def test_unreachable_server_raises_llm_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(LLMError, match="Connection"):
        _parser(f"http://127.0.0.1:{port}/v1", max_attempts=1, timeout_s=1.0).parse(TEXT, [])


def test_unknown_model_name_raises_llm_error(stub: OpenAIStub) -> None:
    client = LLMClient(build_openai_client(stub.base_url, max_attempts=1), model="not-served")
    with pytest.raises(LLMError, match="NotFound"):
        LLMParser(client, load_catalog(), _context).parse(TEXT, [])


def test_output_cut_at_token_limit_raises_llm_error(stub: OpenAIStub) -> None:
    content = load_recording("parse_valid")["body"]["choices"][0]["message"]["content"]
    stub.enqueue(Reply.content(content, finish_reason="length"))
    with pytest.raises(LLMError, match="token limit"):
        _parser(stub.base_url).parse(TEXT, [])


def test_client_from_settings_uses_configured_model_and_attempts(stub: OpenAIStub) -> None:
    settings = Settings.model_validate(
        {"llm_base_url": stub.base_url, "llm_model": "pmark3-llm", "llm_timeout_s": 7.0, "llm_max_attempts": 4}
    )
    client = LLMClient.from_settings(settings)
    assert client.model == "pmark3-llm"
    assert client.client.max_retries == 3
    assert client.client.timeout == 7.0
    assert client.chat_text([{"role": "user", "content": '"language": "en"'}], max_tokens=16).startswith("Logged")
    with pytest.raises(ConfigurationError):
        LLMClient.from_settings(Settings(llm_base_url=None))


def test_parse_of_a_served_answer_without_schema_support(stub: OpenAIStub) -> None:
    """A server that ignores response_format and wraps the JSON in prose still ends in LLMError."""
    stub.enqueue(Reply.content('Here is the JSON: {"scenario": "S1"}'))
    with pytest.raises(LLMError):
        _parser(stub.base_url).parse(TEXT, [])


def test_json_object_schema_mode_sends_the_inline_schema(stub: OpenAIStub) -> None:
    client = LLMClient(build_openai_client(stub.base_url), schema_mode="json_object")
    LLMParser(client, load_catalog(), _context).parse(TEXT, [])
    assert stub.requests[0].json["response_format"] == {"type": "json_object", "schema": PARSE_JSON_SCHEMA}
