"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests, replaying recorded responses.

Serves ``POST /v1/chat/completions`` (plain and ``stream: true`` SSE), ``POST /v1/embeddings``,
``GET /v1/models`` and ``GET /health``, the subset of vLLM's OpenAI server that PMark3 uses, and
records every request it received so tests can assert the exact wire request.

    with OpenAIStub() as stub:
        stub.enqueue(Reply.recording("parse_valid"))
        client = build_openai_client(stub.base_url)
        ...
        assert stub.requests[0].json["model"] == "pmark3-llm"

Replies come from the FIFO of enqueued replies first, then from ``chat_handler`` (default: the
``parse_valid`` recording for JSON-schema calls, ``respond_ko``/``respond_en`` otherwise).
The recordings in ``recordings/`` are written by hand in the shape vLLM returns; none was
captured from a live GPU server.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

RECORDINGS = Path(__file__).parent / "recordings"
SERVED_MODELS = ("pmark3-llm", "pmark3-embed")
_TOKEN = re.compile(r"\s*\S{1,4}|\s+")


def load_recording(name: str) -> dict[str, Any]:
    """One recording file: ``{"status": int, "headers": {...}, "body": {...}}``."""
    data: dict[str, Any] = json.loads((RECORDINGS / f"{name}.json").read_text(encoding="utf-8"))
    return data


@dataclass
class Reply:
    """One scripted reply. ``delay_s`` is slept before answering (bounded by the caller)."""

    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0

    @classmethod
    def recording(cls, name: str, delay_s: float = 0.0) -> Reply:
        data = load_recording(name)
        return cls(status=data.get("status", 200), body=data["body"], headers=data.get("headers", {}), delay_s=delay_s)

    @classmethod
    def content(cls, text: str, finish_reason: str = "stop") -> Reply:
        """A 200 chat completion whose message content is ``text``."""
        return cls(body=_completion(text, finish_reason))

    @property
    def message_content(self) -> str | None:
        choices = self.body.get("choices") or [{}]
        content = (choices[0].get("message") or {}).get("content")
        return content if isinstance(content, str) else None


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    json: dict[str, Any]


def _completion(text: str, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "pmark3-llm",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def split_tokens(text: str) -> list[str]:
    """A stand-in tokenizer: pieces of up to 4 characters, so streams have many chunks."""
    return _TOKEN.findall(text) or [text]


def default_chat_handler(body: dict[str, Any]) -> Reply:
    """The parse recording for JSON-schema calls, else an answer in the payload's language."""
    if (body.get("response_format") or {}).get("type") in ("json_schema", "json_object"):
        return Reply.recording("parse_valid")
    last = (body.get("messages") or [{}])[-1].get("content") or ""
    return Reply.recording("respond_en" if '"language": "en"' in last else "respond_ko")


def fake_embedding(text: str, dimension: int) -> list[float]:
    """Deterministic, deliberately un-normalized vectors (norm ~3), so callers must normalize."""
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    vector = np.random.default_rng(seed).normal(size=dimension)
    return [float(x) for x in 3.0 * vector / np.linalg.norm(vector)]


class OpenAIStub:
    """Context manager running the stub server; ``base_url`` ends in ``/v1``."""

    def __init__(
        self,
        chat_handler: Callable[[dict[str, Any]], Reply] | None = None,
        *,
        embedding_dim: int = 384,
        token_delay_s: float = 0.0,
        served_models: tuple[str, ...] = SERVED_MODELS,
        max_requests: int = 10_000,
        max_delay_s: float = 10.0,
    ) -> None:
        self.chat_handler = chat_handler or default_chat_handler
        self.embedding_dim = embedding_dim
        self.token_delay_s = token_delay_s
        self.served_models = served_models
        self.max_requests = max_requests
        self.max_delay_s = max_delay_s
        self.requests: list[Received] = []
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -----------------------------------------------------------------------------
    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def chat_requests(self) -> list[Received]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the stub is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> OpenAIStub:
        stub = self

        class Handler(_Handler):
            owner = stub

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False  # a handler still sleeping in a delay must not block close
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- serving -------------------------------------------------------------------------------
    def _record(self, received: Received) -> bool:
        with self._lock:
            if len(self.requests) >= self.max_requests:
                return False
            self.requests.append(received)
            return True

    def _next_chat(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            queued = self._queue.popleft() if self._queue else None
        return queued or self.chat_handler(body)


class _Handler(BaseHTTPRequestHandler):
    owner: OpenAIStub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        return

    def _send_json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        self._send_json(status, {"object": "error", "message": message, "type": "BadRequestError", "code": status})

    def do_GET(self) -> None:
        if self.path == "/health":
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/v1/models":
            self._send_json(
                200, {"object": "list", "data": [{"id": m, "object": "model"} for m in self.owner.served_models]}
            )
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._error(400, "body is not JSON")
            return
        headers = {k.lower(): v for k, v in self.headers.items()}  # HTTP header names are case-insensitive
        if not self.owner._record(Received("POST", self.path, headers, body)):
            self._error(503, "stub request limit reached")
            return
        if body.get("model") not in self.owner.served_models:
            self._error(404, f"The model `{body.get('model')}` does not exist.")
            return
        if self.path == "/v1/chat/completions":
            self._chat(body)
        elif self.path == "/v1/embeddings":
            self._embeddings(body)
        else:
            self._error(404, f"no route {self.path}")

    def _chat(self, body: dict[str, Any]) -> None:
        reply = self.owner._next_chat(body)
        if reply.delay_s:
            time.sleep(min(reply.delay_s, self.owner.max_delay_s))
        content = reply.message_content
        if reply.status != 200 or content is None:
            self._send_json(reply.status, reply.body, reply.headers)
            return
        prompt_tokens = sum(len(m.get("content") or "") for m in body.get("messages", [])) // 4
        pieces = split_tokens(content)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": len(pieces),
            "total_tokens": prompt_tokens + len(pieces),
        }
        finish = reply.body["choices"][0].get("finish_reason", "stop")
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            self._stream(body["model"], pieces, finish, usage if include_usage else None)
            return
        out = json.loads(json.dumps(reply.body))
        out["model"] = body["model"]
        out["usage"] = usage
        self._send_json(200, out, reply.headers)

    def _stream(self, model: str, pieces: list[str], finish: str, usage: dict[str, int] | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        def event(payload: dict[str, Any] | str) -> None:
            data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        def chunk(delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
            return {
                "id": "chatcmpl-stub",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            }

        event(chunk({"role": "assistant", "content": ""}, None))
        for piece in pieces:
            if self.owner.token_delay_s:
                time.sleep(self.owner.token_delay_s)
            event(chunk({"content": piece}, None))
        event(chunk({}, finish))
        if usage is not None:
            event(
                {
                    "id": "chatcmpl-stub",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [],
                    "usage": usage,
                }
            )
        event("[DONE]")

    def _embeddings(self, body: dict[str, Any]) -> None:
        inputs = body.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        if not isinstance(inputs, list) or not all(isinstance(i, str) for i in inputs):
            self._error(400, "input must be a string or a list of strings")
            return
        if body.get("encoding_format", "float") != "float":
            self._error(400, "this stub serves encoding_format=float only")
            return
        data = [
            {"object": "embedding", "index": i, "embedding": fake_embedding(t, self.owner.embedding_dim)}
            for i, t in enumerate(inputs)
        ]
        tokens = sum(len(t) for t in inputs) // 4
        self._send_json(
            200,
            {
                "object": "list",
                "model": body["model"],
                "data": data,
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            },
        )


def iter_recordings() -> Iterator[str]:
    return (p.stem for p in sorted(RECORDINGS.glob("*.json")))
