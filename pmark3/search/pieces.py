"""The cheap embedding path for bulk history: a document vector composed from word vectors.

A full e5 pass costs ~15-30 ms per text on one core here, which caps a 30k-order
history at ~50 docs/s. Work-order text is drawn from a small working vocabulary
(equipment names, tags, symptoms, actions), so each distinct word is embedded once
(cached by the embedder) and a document is the normalised sum of its words'
vectors. This loses word order and context, and is only used for ``work_orders``;
register, location and procedure documents get the full pass. The retrieval
evaluation measures what it costs in relevance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from pmark3.ports import Embedder
from pmark3.search.tokenize import normalize_text

_WORD = re.compile(r"[\w#/.+-]+")


_CODE = re.compile(r"[#0-9a-z./+_-]*[0-9][#0-9a-z./+_-]*")
_SCRIPT = re.compile(r"[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")
# Particles glued to Korean words ("펌프에서", "베어링이"): one vector per stem, not per spelling.
_PARTICLES_LONG = ("에서는", "에서", "으로", "에는", "에도", "까지", "부터")
_PARTICLES_ONE = frozenset("이가을를은는의에과와")


def _stem(word: str) -> str:
    for p in _PARTICLES_LONG:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    if word[-1] in _PARTICLES_ONE and len(word) >= 3:
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words a document vector is made of. Codes and numbers (KKS, WO ids, "#2") carry
    no meaning for the model and are left to keyword search; Latin and Hangul runs are
    split ("cw-crane에서" -> "cw-crane"), and particles are dropped."""
    out = []
    for raw in _WORD.findall(normalize_text(text)):
        for part in _SCRIPT.findall(raw):
            w = part.strip(".-+/_#")
            if not w or _CODE.fullmatch(w) or w in _PARTICLES_LONG or w in _PARTICLES_ONE:
                continue
            out.append(_stem(w) if "\uac00" <= w[0] <= "\ud7a3" else w)
    return out


def piece_vectors(embedder: Embedder, texts: Sequence[str]) -> npt.NDArray[np.float32]:
    per_text = [words(t) for t in texts]
    vocab = sorted({w for ws in per_text for w in ws})
    out = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    if not vocab:
        return out
    table = np.asarray(embedder.embed(vocab, "passage"), dtype=np.float32)
    pos = {w: i for i, w in enumerate(vocab)}
    for row, ws in enumerate(per_text):
        if ws:
            out[row] = table[[pos[w] for w in ws]].sum(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms
