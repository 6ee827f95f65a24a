"""BM25 batches and the per-chunk token caches: the fast paths give the slow paths' answers."""

from __future__ import annotations

import re

import numpy as np
import pytest

from pmark3.search.keyword import KeywordIndex
from pmark3.search.pieces import words
from pmark3.search.tokenize import normalize_text, tokens

TEXTS = [
    "급수펌프의 진동이 심함 2LAC20AP001",
    "",
    "BFP B 베어링 온도 높음 베어링 교체 베어링",
    "feed pump vibration high, vibration 12.2mm/s",
    "급수 펌프 누설",
    "밸브",
]


def _one_by_one(texts: list[str]) -> KeywordIndex:
    kw = KeywordIndex()
    for slot, text in enumerate(texts):
        kw.add(slot, tokens(text))
    return kw


def _batch(texts: list[str], from_texts: bool = False) -> KeywordIndex:
    kw = KeywordIndex()
    if from_texts:
        kw.add_texts(list(range(len(texts))), texts)
    else:
        kw.add_many(list(range(len(texts))), [tokens(t) for t in texts])
    return kw


@pytest.mark.parametrize("from_texts", [False, True])
@pytest.mark.parametrize("query", ["급수펌프 진동", "베어링", "vibration pump", "누설 밸브", "없는말"])
def test_a_batch_scores_like_documents_added_one_by_one(query: str, from_texts: bool) -> None:
    one, many = _one_by_one(TEXTS), _batch(TEXTS, from_texts)
    assert one.vocab == many.vocab and one.df == many.df
    a, b = one.scores(tokens(query), len(TEXTS)), many.scores(tokens(query), len(TEXTS))
    if a is None or b is None:
        assert a is None and b is None
        return
    assert np.array_equal(a, b)
    subset = np.asarray([0, 2, 4, 5], dtype=np.int64)
    sub = many.scores_for(tokens(query), subset)
    assert sub is not None and np.array_equal(sub, a[subset])


def test_batch_postings_compact_remove_and_round_trip_through_a_snapshot() -> None:
    kw = _batch(TEXTS)
    kw.add_many([6, 7], [tokens("베어링 진동"), tokens("pump")])
    alive = np.ones(8, dtype=bool)
    before = kw.scores(tokens("베어링 pump"), 8)
    kw.compact(alive)
    after = kw.scores(tokens("베어링 pump"), 8)
    assert before is not None and after is not None and np.array_equal(before, after)
    kw.remove(2)
    alive[2] = False
    kw.compact(alive)
    again = KeywordIndex.from_state(kw.state())
    got = again.scores(tokens("베어링"), 8)
    assert got is not None and got[2] == 0 and got[6] > 0
    assert again.n_docs == 7 and again.known(np.asarray([2, 6], dtype=np.int64)).tolist() == [False, True]
    again.remove(6)  # a document known only from the snapshot's packed arrays
    assert again.n_docs == 6


def _tokens_whole(text: str) -> list[str]:
    """The tokenizer applied to the whole text at once (no per-chunk cache)."""
    out: list[str] = []
    for m in re.finditer(r"[\uac00-\ud7a3]+|[a-z0-9]+", normalize_text(text)):
        out.extend(tokens(m.group()))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "급수펌프의\u3000누설 2LAC20AP001\tBFP\nB",
        "ＡＢＣ１２ ｱﾟ 펌프\u00a0진동",
        "cw-crane에서  #2 WO-2024-00001 12.2mm/s",
        "x\u00a8y ΣΑΣ",
    ],
)
def test_cached_tokens_and_words_do_not_depend_on_whitespace(text: str) -> None:
    assert tokens(text) == _tokens_whole(text)
    joined = " ".join(text.split())
    assert words(text) == words(joined) == [w for chunk in text.split() for w in words(chunk)]


def test_batch_weights_use_the_running_average_length() -> None:
    kw = KeywordIndex()
    kw.add_many([0, 1], [["a", "a", "b"], ["b"]])
    kw.compact(np.ones(2, dtype=bool))
    a, b = kw.vocab["a"], kw.vocab["b"]
    # Document 0 alone: avgdl 3, norm k1. Document 1 then: avgdl 2, norm k1 * (1 - b + b / 2).
    assert kw.post_weights[kw.offsets[a]] == pytest.approx(2 * 2.2 / (2 + 1.2))
    b_weights = kw.post_weights[kw.offsets[b] : kw.offsets[b + 1]]
    assert b_weights.tolist() == pytest.approx([2.2 / (1 + 1.2), 2.2 / (1 + 1.2 * (0.25 + 0.75 / 2))])
