"""Query vectors: an e5 pass online; in batch, composed from the documents' words where a sure
code anchors the search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pytest

from pmark3.search.pieces import words
from pmark3.search.retrieve import composed_queries, confident_codes, document_vocabulary, query_vector, retrieve


class Counting:
    """The real embedder, counting the texts it is asked to embed per kind."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.dimension = inner.dimension
        self.asked: dict[str, list[str]] = {"query": [], "passage": []}

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        self.asked[kind].extend(texts)
        return self.inner.embed(texts, kind)  # type: ignore[no-any-return]


def fields(kks: str | None, cls: str | None, mode: str | None, conf: float = 0.9) -> dict[str, Any]:
    def one(value: str | None) -> dict[str, Any]:
        return {"normalized": value, "confidence": conf if value else 0.0, "alternatives": []}

    location = one(kks) | ({"unit": kks[0], "system": kks[1:4]} if kks else {})
    return {"location": location, "equipment_type": one(cls), "status_code": one(mode), "priority": one(None)}


@pytest.fixture(scope="module")
def vocabulary(seeded_dir: Any) -> dict[str, tuple[str, ...]]:
    from pmark3.store import SqlStore

    store = SqlStore(f"sqlite:///{seeded_dir / 'pmark3.db'}")
    try:
        return document_vocabulary(store.plant_data())
    finally:
        store.close()


TEXT = "2호기 급수펌프 B 진동 심함, 궁금합니다 tonight"


def test_the_vocabulary_holds_the_documents_words_only(vocabulary: dict[str, tuple[str, ...]]) -> None:
    assert vocabulary["급수펌프"] == ("급수펌프",) and vocabulary["진동"] == ("진동",)
    assert "궁금합니다" not in vocabulary and "tonight" not in vocabulary
    borrowed = {w: parts for w, parts in vocabulary.items() if parts != (w,)}
    assert borrowed, "rare words of the build borrow common words' vectors"
    assert all(part in vocabulary and vocabulary[part] == (part,) for parts in borrowed.values() for part in parts)


def test_a_sure_code_and_a_vocabulary_compose_the_vector_from_the_known_words(
    deps: Any, vocabulary: dict[str, tuple[str, ...]]
) -> None:
    embedder = Counting(deps.embedder)
    for sure in (fields("2LAC20AP001", None, None), fields(None, "PU", "VIB")):
        vector = np.asarray(query_vector(embedder, TEXT, confident_codes(sure), vocabulary))
        parts = [part for w in words(TEXT) if w in vocabulary for part in vocabulary[w]]
        expected = deps.embedder.embed(parts, "passage").sum(axis=0)
        assert np.allclose(vector, expected / np.linalg.norm(expected), atol=1e-5)
    assert embedder.asked["query"] == []
    assert "궁금합니다" not in embedder.asked["passage"] and "tonight" not in embedder.asked["passage"]


@pytest.mark.parametrize(
    "sure",
    [fields(None, None, None), fields(None, "PU", None), fields("2LAC20AP001", "PU", "VIB", conf=0.5)],
    ids=["nothing", "class only", "unsure codes"],
)
def test_without_a_sure_fl_or_mode_the_pass_is_paid(
    deps: Any, vocabulary: dict[str, tuple[str, ...]], sure: dict[str, Any]
) -> None:
    embedder = Counting(deps.embedder)
    vector = query_vector(embedder, TEXT, confident_codes(sure), vocabulary)
    assert embedder.asked["query"] == [TEXT]
    assert np.allclose(vector, deps.embedder.embed([TEXT], "query")[0])


def test_no_vocabulary_or_no_known_word_means_the_pass(deps: Any, vocabulary: dict[str, tuple[str, ...]]) -> None:
    sure = confident_codes(fields("2LAC20AP001", "PU", "VIB"))
    for vocab, text in ((None, TEXT), (vocabulary, "궁금합니다 tonight")):
        embedder = Counting(deps.embedder)
        query_vector(embedder, text, sure, vocab)
        assert embedder.asked["query"] == [text]


def test_retrieve_takes_the_vocabulary_from_the_argument_or_the_block(
    deps: Any, vocabulary: dict[str, tuple[str, ...]]
) -> None:
    sure = fields("2LAC20AP001", "PU", "VIB")
    embedder = Counting(deps.embedder)
    online = retrieve(deps.index, embedder, TEXT, sure, top=5)
    assert embedder.asked["query"] == [TEXT]
    embedder = Counting(deps.embedder)
    given = retrieve(deps.index, embedder, TEXT, sure, top=5, vocabulary=vocabulary)
    with composed_queries(vocabulary):
        in_block = retrieve(deps.index, embedder, TEXT, sure, top=5)
    assert embedder.asked["query"] == []
    assert [h.id for h in given["work_orders"]] == [h.id for h in in_block["work_orders"]]
    assert given["work_orders"] and online["work_orders"]
