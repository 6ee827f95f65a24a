"""LLMResponder and OpenAIEmbedder against the stub server."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from pmark3.errors import LLMError
from pmark3.llm import E5_SMALL_DIMENSION, LLMClient, LLMResponder, OpenAIEmbedder, build_openai_client
from pmark3.ports import Embedder
from tests.llm.openai_stub import OpenAIStub, Reply, fake_embedding


def _result() -> dict[str, Any]:
    return {
        "scenario": "S1",
        "location": {"original": "#2 BFP B", "normalized": "2LAC20AP001", "confidence": 0.94, "system": "LAC"},
        "equipment_type": {"original": "BFP", "normalized": "PU", "confidence": 0.97},
        "status_code": {"original": "진동 심함", "normalized": "VIB", "confidence": 0.93},
        "priority": {"original": "긴급", "normalized": 1, "confidence": 0.99},
        "recommendations": [
            {"kind": "work_order", "id": "WO-2024-00117", "title": "BFP B 베어링 교체", "score": 0.81, "reason": "r"},
            {"kind": "procedure", "id": "PRC-012", "title": "BFP 격리", "score": 0.7, "reason": "r"},
        ],
    }


def _responder(stub: OpenAIStub) -> LLMResponder:
    return LLMResponder(LLMClient(build_openai_client(stub.base_url, max_attempts=1)))


def test_korean_answer_and_wire_request(stub: OpenAIStub) -> None:
    answer = _responder(stub).respond(_result(), "ko")
    assert "[WO-2024-00117]" in answer and "접수" in answer
    [request] = stub.requests
    body = request.json
    assert body["model"] == "pmark3-llm"
    assert "response_format" not in body
    system, user = body["messages"]
    assert "only ids that appear in the evidence" in system["content"]
    payload = json.loads(user["content"])
    assert payload["language"] == "ko"
    assert payload["ask_about"] == []
    assert {e["id"] for e in payload["evidence"]} == {"WO-2024-00117", "PRC-012"}


def test_english_answer(stub: OpenAIStub) -> None:
    assert _responder(stub).respond(_result(), "en").startswith("Logged as unit 2")


def test_answer_citing_an_unknown_id_is_rejected(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("respond_invented_id"))
    with pytest.raises(LLMError, match="WO-2023-99999"):
        _responder(stub).respond(_result(), "ko")


def test_answer_in_the_wrong_language_is_rejected(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.recording("respond_en"))
    with pytest.raises(LLMError, match="not in Korean"):
        _responder(stub).respond(_result(), "ko")


def test_empty_answer_and_server_error_raise_llm_error(stub: OpenAIStub) -> None:
    stub.enqueue(Reply.content("   "), Reply.recording("server_error"))
    with pytest.raises(LLMError, match="empty"):
        _responder(stub).respond(_result(), "ko")
    with pytest.raises(LLMError, match="InternalServerError"):
        _responder(stub).respond(_result(), "ko")


def test_embedder_prefixes_normalizes_and_batches(stub: OpenAIStub) -> None:
    embedder = OpenAIEmbedder(build_openai_client(stub.base_url), batch_size=2)
    assert isinstance(embedder, Embedder)
    assert embedder.dimension == E5_SMALL_DIMENSION == 384
    texts = ["급수펌프 진동", "BFP vibration", "복수기 진공 저하", "seal oil leak", "밀봉유 누설"]
    vectors = embedder.embed(texts, "passage")
    assert vectors.shape == (5, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    bodies = [r.json for r in stub.requests]
    assert [len(b["input"]) for b in bodies] == [2, 2, 1]
    assert all(b["model"] == "pmark3-embed" and b["encoding_format"] == "float" for b in bodies)
    assert [t for b in bodies for t in b["input"]] == [f"passage: {t}" for t in texts]
    # Order is kept: row i is the (normalized) vector of text i.
    expected = np.asarray(fake_embedding("passage: 복수기 진공 저하", 384), dtype=np.float32)
    np.testing.assert_allclose(vectors[2], expected / np.linalg.norm(expected), rtol=1e-5)
    query = embedder.embed(["급수펌프 진동"], "query")
    assert stub.requests[-1].json["input"] == ["query: 급수펌프 진동"]
    assert not np.allclose(query[0], vectors[0])  # the prefix changes the vector
    assert embedder.embed([], "query").shape == (0, 384)


def test_embedder_rejects_wrong_dimension() -> None:
    with OpenAIStub(embedding_dim=8) as small:
        embedder = OpenAIEmbedder(build_openai_client(small.base_url), dimension=384)
        with pytest.raises(LLMError, match="dimension 8"):
            embedder.embed(["x"], "query")


def test_embedder_maps_transport_errors(stub: OpenAIStub) -> None:
    embedder = OpenAIEmbedder(build_openai_client(stub.base_url, max_attempts=1), model="unknown-model")
    with pytest.raises(LLMError, match="embedding request failed"):
        embedder.embed(["x"], "query")
