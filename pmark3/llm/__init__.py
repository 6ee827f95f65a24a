"""PMark3's LLM side: prompts, the OpenAI-compatible client, the LLM parser and responder, embeddings."""

from pmark3.llm.client import LLMClient, build_openai_client
from pmark3.llm.embeddings import E5_SMALL_DIMENSION, OpenAIEmbedder
from pmark3.llm.parser import LLMParser, catalog_errors, schema_errors
from pmark3.llm.prompts import (
    PARSE_JSON_SCHEMA,
    FewShotExample,
    ParseContext,
    build_parse_messages,
    build_response_messages,
)
from pmark3.llm.responder import LLMResponder

__all__ = [
    "E5_SMALL_DIMENSION",
    "PARSE_JSON_SCHEMA",
    "FewShotExample",
    "LLMClient",
    "LLMParser",
    "LLMResponder",
    "OpenAIEmbedder",
    "ParseContext",
    "build_openai_client",
    "build_parse_messages",
    "build_response_messages",
    "catalog_errors",
    "schema_errors",
]
