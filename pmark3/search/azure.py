"""ports.VectorIndex on Azure AI Search, with the local index's semantics.

One hybrid request per search (``search`` text + ``vectorQueries`` + ``filter``,
``top`` and ``select``), fused by the service with RRF like the local index.
Uploads go in batches of at most 1,000 documents; a batch that is throttled (429),
unavailable (503) or partly failed (207 with retryable items) is retried with
backoff, only for what failed. The SDK's own retry is turned off so that this one
policy, which also understands 207, is the only one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from pmark3.errors import ConfigurationError, SearchError
from pmark3.ports import COLLECTIONS, Embedder, IndexDocument, SearchFilters, SearchHit
from pmark3.search.azure_schema import FILTER_FIELDS, index_name

MAX_BATCH = 1000
CANDIDATES = 50
RETRYABLE = frozenset({409, 422, 429, 503})
SELECT: list[str] = ["id", "text", *FILTER_FIELDS, "date", "payload"]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def odata_filter(filters: SearchFilters | None) -> str | None:
    """The OData $filter for ``filters`` (None when nothing filters)."""
    if filters is None:
        return None
    parts = [f"{f} eq {_quote(str(v))}" for f in FILTER_FIELDS if (v := getattr(filters, f)) is not None]
    if filters.date_from:
        parts.append(f"date ge {filters.date_from[:10]}T00:00:00Z")
    if filters.date_to:
        parts.append(f"date le {filters.date_to[:10]}T00:00:00Z")
    return " and ".join(parts) or None


def to_azure(doc: IndexDocument, vector: Sequence[float]) -> dict[str, Any]:
    body: dict[str, Any] = {"id": doc.id, "text": doc.text, "vector": [float(x) for x in vector]}
    for f in FILTER_FIELDS:
        body[f] = getattr(doc, f)
    body["date"] = f"{doc.date[:10]}T00:00:00Z" if doc.date else None
    body["payload"] = json.dumps(doc.payload, ensure_ascii=False, default=str)
    return body


def from_azure(row: dict[str, Any]) -> dict[str, Any]:
    """A search result as the same document dict the local index returns."""
    doc = {"id": row["id"], "text": row.get("text", "")}
    for f in FILTER_FIELDS:
        doc[f] = row.get(f)
    doc["date"] = row["date"][:10] if row.get("date") else None
    doc["payload"] = json.loads(row["payload"]) if row.get("payload") else {}
    return {
        k: doc[k]
        for k in ("id", "text", "unit", "system", "kks", "equipment_class", "failure_mode", "date", "status", "payload")
    }


class AzureSearchIndex:
    def __init__(
        self,
        endpoint: str,
        embedder: Embedder,
        *,
        prefix: str = "pmark3",
        credential: Any = None,
        transport: Any = None,
        max_attempts: int = 5,
        backoff_s: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        try:
            from azure.search.documents import SearchClient
        except ImportError as exc:  # the azure extra is not installed
            raise SearchError(f"azure-search-documents is not installed: {exc}") from exc
        if credential is None:
            from azure.identity import DefaultAzureCredential

            credential = DefaultAzureCredential()
        self.embedder = embedder
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self._sleep = sleep
        extra: dict[str, Any] = {"retry_total": 0}
        if transport is not None:
            extra["transport"] = transport
        self._clients = {
            c: SearchClient(str(endpoint).rstrip("/"), index_name(prefix, c), credential, **extra) for c in COLLECTIONS
        }

    @classmethod
    def from_settings(cls, settings: Any, embedder: Embedder, **kwargs: Any) -> AzureSearchIndex:
        """From ``Settings``: ``search_endpoint`` (required) and ``search_index_prefix``."""
        if settings.search_endpoint is None:
            raise ConfigurationError("search_backend=azure needs PMARK3_SEARCH_ENDPOINT")
        return cls(str(settings.search_endpoint).rstrip("/"), embedder, prefix=settings.search_index_prefix, **kwargs)

    def _client(self, collection: str) -> Any:
        try:
            return self._clients[collection]
        except KeyError:
            raise SearchError(f"unknown collection {collection!r}; expected one of {', '.join(COLLECTIONS)}") from None

    def _wait(self, attempt: int, retry_after: str | None) -> None:
        try:
            delay = float(retry_after) if retry_after else self.backoff_s * 2**attempt
        except ValueError:
            delay = self.backoff_s * 2**attempt
        self._sleep(min(delay, 60.0))

    def _send(self, collection: str, actions: list[dict[str, Any]], op: str) -> None:
        """Run one batch, retrying throttling, unavailability and retryable per-item failures."""
        from azure.core.exceptions import AzureError, HttpResponseError

        client = self._client(collection)
        pending = actions
        for attempt in range(self.max_attempts):
            try:
                results = getattr(client, op)(pending)
            except HttpResponseError as exc:
                if exc.status_code in (429, 503) and attempt + 1 < self.max_attempts:
                    headers = getattr(exc.response, "headers", None) or {}
                    self._wait(attempt, headers.get("Retry-After"))
                    continue
                raise SearchError(f"{op} to {collection} failed: HTTP {exc.status_code}: {exc.message}") from exc
            except AzureError as exc:
                raise SearchError(f"{op} to {collection} failed: {exc}") from exc
            failed = {r.key: r for r in results if not r.succeeded}
            if not failed:
                return
            fatal = [r for r in failed.values() if r.status_code not in RETRYABLE]
            if fatal or attempt + 1 == self.max_attempts:
                worst = (fatal or list(failed.values()))[:3]
                detail = "; ".join(f"{r.key}: {r.status_code} {r.error_message}" for r in worst)
                raise SearchError(f"{op} to {collection}: {len(failed)} document(s) failed: {detail}")
            pending = [a for a in pending if a["id"] in failed]
            self._wait(attempt, None)

    def upsert(self, collection: str, documents: Sequence[IndexDocument]) -> None:
        self._client(collection)
        missing = [d.text for d in documents if d.vector is None]
        embedded = iter(self.embedder.embed(missing, "passage")) if missing else iter(())
        bodies = [to_azure(d, d.vector if d.vector is not None else next(embedded)) for d in documents]
        for i in range(0, len(bodies), MAX_BATCH):
            self._send(collection, bodies[i : i + MAX_BATCH], "upload_documents")

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        keys = [{"id": i} for i in ids]
        for i in range(0, len(keys), MAX_BATCH):
            self._send(collection, keys[i : i + MAX_BATCH], "delete_documents")

    def search(
        self,
        collection: str,
        text: str,
        vector: Sequence[float] | None,
        filters: SearchFilters | None = None,
        top: int = 10,
    ) -> list[SearchHit]:
        from azure.core.exceptions import AzureError
        from azure.search.documents.models import VectorizedQuery

        client = self._client(collection)
        if top <= 0:
            return []
        kwargs: dict[str, Any] = {"filter": odata_filter(filters), "top": top, "select": SELECT}
        if vector is not None:
            kwargs["vector_queries"] = [
                VectorizedQuery(
                    vector=[float(x) for x in vector], k_nearest_neighbors=max(CANDIDATES, top), fields="vector"
                )
            ]
        if text.strip():
            kwargs["search_text"] = text
        elif vector is None:
            kwargs["search_text"] = "*"
            kwargs["order_by"] = ["date desc"]  # a filter-only listing: newest first, as locally
        try:
            rows = list(client.search(**kwargs))
        except AzureError as exc:
            raise SearchError(f"search in {collection} failed: {exc}") from exc
        return [
            SearchHit(
                id=r["id"], collection=collection, score=float(r.get("@search.score") or 0.0), document=from_azure(r)
            )
            for r in rows
        ]
