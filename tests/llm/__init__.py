"""Tests of pmark3.llm against a real local OpenAI-compatible server (openai_stub)."""
