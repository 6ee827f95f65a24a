"""Azure AI Search at the azure-core transport boundary: a recorder and a small fake service.

``RecordingTransport`` is a real ``HttpTransport``: the SDK builds and sends its
actual REST requests through it; a handler answers each with a (status, JSON body,
headers) triple. ``FakeSearchService`` is such a handler that understands the three
data-plane calls the adapter makes (index, search, delete) and answers them from a
LocalHybridIndex, so the contract suite can run the same tests on both adapters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from azure.core.credentials import AccessToken
from azure.core.pipeline.transport import HttpTransport
from azure.core.rest._http_response_impl import HttpResponseImpl
from azure.core.utils import CaseInsensitiveDict

from pmark3.ports import IndexDocument, SearchFilters
from pmark3.search import LocalHybridIndex
from pmark3.search.synthetic import HashEmbedder

ENDPOINT = "https://pmark3-test.search.windows.net"
Reply = tuple[int, Any, dict[str, str]]
Handler = Callable[["Recorded"], Reply]


@dataclass
class Recorded:
    method: str
    url: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


class _Response(HttpResponseImpl):
    def __init__(self, request: Any, status: int, body: Any, headers: dict[str, str]) -> None:
        content = b"" if body is None else json.dumps(body).encode()
        hdrs = CaseInsensitiveDict({"Content-Type": "application/json; odata.metadata=none", **headers})
        super().__init__(
            request=request,
            internal_response=None,
            status_code=status,
            reason="OK" if status < 400 else "Error",
            content_type="application/json",
            headers=hdrs,
            stream_download_generator=None,
        )
        self._content = content
        self._is_closed = True
        self._is_stream_consumed = True


class RecordingTransport(HttpTransport):
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Recorded] = []

    def send(self, request: Any, **kwargs: Any) -> Any:
        parsed = urlparse(request.url)
        raw = request.content if hasattr(request, "content") else request.body
        if isinstance(raw, bytes | bytearray):
            raw = raw.decode()
        rec = Recorded(
            method=request.method,
            url=request.url,
            path=unquote(parsed.path),
            query=parse_qs(parsed.query),
            headers=dict(request.headers),
            body=json.loads(raw) if raw else None,
        )
        self.requests.append(rec)
        status, body, headers = self.handler(rec)
        return _Response(request, status, body, headers)

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> RecordingTransport:
        return self

    def __exit__(self, *args: object) -> None:
        pass


class FakeCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken("fake-token", 4102444800)

    def get_token_info(self, *scopes: str, options: Any = None) -> Any:
        from azure.core.credentials import AccessTokenInfo

        return AccessTokenInfo("fake-token", 4102444800)


def scripted(replies: list[Reply]) -> Handler:
    """Answer requests with recorded replies, in order."""
    it: Iterator[Reply] = iter(replies)
    return lambda _req: next(it)


_INDEX = re.compile(r"^/indexes\('?([^'/)]+)'?\)/docs/(search\.index|search\.post\.search)$")
_EQ = re.compile(r"(\w+) eq '((?:[^']|'')*)'")
_DATE = re.compile(r"date (ge|le) (\d{4}-\d{2}-\d{2})T")


def parse_filter(expr: str | None) -> SearchFilters | None:
    if not expr:
        return None
    values: dict[str, str] = {k: v.replace("''", "'") for k, v in _EQ.findall(expr)}
    for op, day in _DATE.findall(expr):
        values["date_from" if op == "ge" else "date_to"] = day
    return SearchFilters.model_validate(values)


@dataclass
class FakeSearchService:
    """The service's data plane, enough for the contract suite."""

    folder: Path
    prefix: str = "pmark3"
    backends: dict[str, LocalHybridIndex] = field(default_factory=dict)
    backend: LocalHybridIndex | None = None

    def __post_init__(self) -> None:
        self.backend = LocalHybridIndex(self.folder, HashEmbedder())

    def _collection(self, index: str) -> str:
        return index.removeprefix(self.prefix + "-").replace("-", "_")

    def __call__(self, req: Recorded) -> Reply:
        assert self.backend is not None
        m = _INDEX.match(req.path)
        if not m or req.method != "POST":
            return 404, {"error": {"code": "NotFound", "message": req.path}}, {}
        collection, op = self._collection(m.group(1)), m.group(2)
        if op == "search.index":
            results = []
            for action in req.body["value"]:
                kind = action.pop("@search.action")
                if kind == "delete":
                    self.backend.delete(collection, [action["id"]])
                else:
                    payload = json.loads(action.get("payload") or "{}")
                    date = action.get("date")
                    self.backend.upsert(
                        collection,
                        [
                            IndexDocument(
                                id=action["id"],
                                text=action["text"],
                                vector=action["vector"],
                                payload=payload,
                                date=date[:10] if date else None,
                                **{
                                    k: action.get(k)
                                    for k in ("unit", "system", "kks", "equipment_class", "failure_mode", "status")
                                },
                            )
                        ],
                    )
                results.append({"key": action["id"], "status": True, "errorMessage": None, "statusCode": 200})
            return 200, {"value": results}, {}
        body = req.body
        text = body.get("search") or ""
        vector = body["vectorQueries"][0]["vector"] if body.get("vectorQueries") else None
        hits = self.backend.search(
            collection, "" if text == "*" else text, vector, parse_filter(body.get("filter")), top=body.get("top", 50)
        )
        rows = []
        for h in hits:
            d = dict(h.document)
            d["payload"] = json.dumps(d["payload"], ensure_ascii=False)
            d["date"] = f"{d['date']}T00:00:00Z" if d.get("date") else None
            rows.append({"@search.score": h.score, **d})
        return 200, {"value": rows}, {}
