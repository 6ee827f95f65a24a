"""Ports: the outside parts the workflow needs, as Protocols.

Each has a local default (runs in every test) and an Azure adapter (tested at the SDK's
transport boundary). The domain depends on these, never on an implementation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from pmark3.models import LocationField, NormalizedField, Scenario, Turn

Language = Literal["ko", "en"]


class Mentions(BaseModel):
    """The words of the request that name each field, as written (no codes yet)."""

    location: str | None = None
    unit: str | None = Field(default=None, description="'0', '1' or '2' when stated (or carried over in S2)")
    train: str | None = Field(default=None, description="Train letter A-D when stated")
    equipment: str | None = None
    symptom: str | None = None
    priority_cue: str | None = None


class ParsedRequest(BaseModel):
    """The output of parse_input: scenario, language, mentions, and any codes proposed directly."""

    scenario: Scenario
    language: Language
    mentions: Mentions
    hints: dict[str, str | int | None] = Field(
        default_factory=dict,
        description="Codes a parser proposes directly (the LLM does): unit, system, kks, "
        "equipment_type, status_code, priority. normalize_terms validates them.",
    )
    parser: Literal["local", "llm"] = "local"


class NormalizedFields(BaseModel):
    location: LocationField
    equipment_type: NormalizedField
    status_code: NormalizedField
    priority: NormalizedField


@runtime_checkable
class RequestParser(Protocol):
    """Reads a request (and the session's earlier turns) into a ParsedRequest."""

    name: Literal["local", "llm"]

    def parse(self, text: str, history: Sequence[Turn]) -> ParsedRequest: ...


@runtime_checkable
class TermNormalizer(Protocol):
    """Maps mentions (and hints) to catalog/register codes with calibrated confidence."""

    def normalize(self, parsed: ParsedRequest, text: str, history: Sequence[Turn]) -> NormalizedFields: ...


@runtime_checkable
class Embedder(Protocol):
    """Text embeddings; ``dimension`` must match the vector index."""

    dimension: int

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> Any: ...


class IndexDocument(BaseModel):
    """One document of a search collection. ``vector`` is filled by the indexer when absent."""

    id: str
    text: str
    vector: list[float] | None = None
    unit: str | None = None
    system: str | None = None
    kks: str | None = None
    equipment_class: str | None = None
    failure_mode: str | None = None
    date: str | None = Field(default=None, description="ISO date (reported_at for work orders)")
    status: Literal["open", "closed"] | None = None
    payload: dict[str, Any] = Field(default_factory=dict, description="Fields returned with a hit")


class SearchFilters(BaseModel):
    unit: str | None = None
    system: str | None = None
    kks: str | None = None
    equipment_class: str | None = None
    failure_mode: str | None = None
    status: Literal["open", "closed"] | None = None
    date_from: str | None = None
    date_to: str | None = None


class SearchHit(BaseModel):
    id: str
    collection: str
    score: float
    document: dict[str, Any]


COLLECTIONS: tuple[str, ...] = ("equipment_docs", "procedure_docs", "location_docs", "work_orders")


@runtime_checkable
class VectorIndex(Protocol):
    """Hybrid (keyword + vector, RRF-fused) search over named collections."""

    def upsert(self, collection: str, documents: Sequence[IndexDocument]) -> None: ...

    def delete(self, collection: str, ids: Sequence[str]) -> None: ...

    def search(
        self,
        collection: str,
        text: str,
        vector: Sequence[float] | None,
        filters: SearchFilters | None = None,
        top: int = 10,
    ) -> list[SearchHit]: ...


@runtime_checkable
class EventPublisher(Protocol):
    """Publishes a finished result to the CMMS (Service Bus topic or the local outbox)."""

    def publish(self, result: dict[str, Any], message_id: str, correlation_id: str | None) -> None: ...
