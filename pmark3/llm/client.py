"""The OpenAI-compatible chat client PMark3's LLM steps use (vLLM on AKS, or any compatible server).

Retries are the ``openai`` SDK's own: ``max_retries = max_attempts - 1``. The SDK retries
connection errors, timeouts, 408, 409, 429 and 5xx responses with exponential backoff
(0.5 s doubling up to 8 s, with jitter) and honours ``Retry-After``. Output that arrives but is
wrong (invalid JSON, codes outside the catalog) is not retried here: the caller falls back to
the local parser, which is cheaper than a second LLM call.

Every ``openai``/``httpx`` failure leaves this module as :class:`pmark3.errors.LLMError`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import openai

from pmark3.config import Settings
from pmark3.errors import ConfigurationError, LLMError

#: vLLM in Azure is internal-only and needs no key; the SDK still wants a non-empty string.
DUMMY_API_KEY = "EMPTY"

_TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (openai.OpenAIError, httpx.HTTPError)
try:  # the openai SDK may sit on httpx2; its errors map the same way
    import httpx2  # type: ignore[import-not-found,unused-ignore]

    _TRANSPORT_ERRORS = (*_TRANSPORT_ERRORS, httpx2.HTTPError)
except ImportError:  # pragma: no cover - depends on the installed SDK
    pass


def build_openai_client(
    base_url: str,
    *,
    api_key: str | None = None,
    timeout_s: float = 30.0,
    max_attempts: int = 3,
) -> openai.OpenAI:
    """An ``openai.OpenAI`` for ``base_url`` (ending in ``/v1``), ``max_attempts`` tries per call."""
    if max_attempts < 1:
        raise ConfigurationError("max_attempts must be at least 1")
    return openai.OpenAI(
        base_url=base_url,
        api_key=api_key or DUMMY_API_KEY,
        timeout=timeout_s,
        max_retries=max_attempts - 1,
    )


def _error(action: str, exc: BaseException) -> LLMError:
    return LLMError(f"LLM {action} failed: {type(exc).__name__}: {exc}")


SchemaMode = Literal["json_schema", "json_object"]


def response_format(schema: dict[str, Any], name: str, mode: SchemaMode = "json_schema") -> dict[str, Any]:
    """The ``response_format`` that asks the server to constrain decoding to ``schema``.

    ``json_schema`` is OpenAI's strict structured output, which vLLM serves with xgrammar.
    ``json_object`` with an inline ``schema`` is the older form that llama-cpp-python's server
    accepts; it exists for the opt-in local integration run (gpu_service/README.md).
    """
    if mode == "json_object":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}


@dataclass
class LLMClient:
    """Chat calls with PMark3's conventions: one model name, JSON-schema guided decoding."""

    client: openai.OpenAI
    model: str = "pmark3-llm"
    schema_mode: SchemaMode = "json_schema"

    @classmethod
    def from_settings(cls, settings: Settings, api_key: str | None = None) -> LLMClient:
        if settings.llm_base_url is None:
            raise ConfigurationError("PMARK3_LLM_BASE_URL is not set")
        client = build_openai_client(
            str(settings.llm_base_url),
            api_key=api_key,
            timeout_s=settings.llm_timeout_s,
            max_attempts=settings.llm_max_attempts,
        )
        return cls(client=client, model=settings.llm_model)

    def _complete(self, messages: Sequence[dict[str, str]], action: str, **kwargs: Any) -> str:
        try:
            response = self.client.chat.completions.create(
                model=self.model,
                messages=list(messages),  # type: ignore[arg-type]
                **kwargs,
            )
        except _TRANSPORT_ERRORS as exc:
            raise _error(action, exc) from exc
        if not response.choices:
            raise LLMError(f"LLM {action} returned no choices")
        choice = response.choices[0]
        content = choice.message.content
        if choice.finish_reason == "length":
            raise LLMError(f"LLM {action} output was cut at the token limit")
        if not content or not content.strip():
            raise LLMError(f"LLM {action} returned empty content")
        return content

    def chat_json(
        self,
        messages: Sequence[dict[str, str]],
        schema: dict[str, Any],
        *,
        name: str,
        max_tokens: int,
        temperature: float = 0.0,
    ) -> dict[str, Any]:
        """A chat completion constrained to ``schema``; returns the decoded JSON object."""
        content = self._complete(
            messages,
            "parse",
            response_format=response_format(schema, name, self.schema_mode),
            max_tokens=max_tokens,
            temperature=temperature,
        )
        try:
            value = json.loads(content)
        except json.JSONDecodeError as exc:
            raise LLMError(f"LLM parse output is not JSON: {exc.msg} at {exc.pos}") from exc
        if not isinstance(value, dict):
            raise LLMError("LLM parse output is not a JSON object")
        return value

    def chat_text(self, messages: Sequence[dict[str, str]], *, max_tokens: int, temperature: float = 0.2) -> str:
        """A plain-text chat completion."""
        return self._complete(messages, "response", max_tokens=max_tokens, temperature=temperature).strip()
