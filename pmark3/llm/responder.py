"""``LLMResponder``: the short answer in the user's language, written by the LLM from the evidence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pmark3.errors import LLMError
from pmark3.llm.client import LLMClient
from pmark3.llm.prompts import RESPONSE_MAX_TOKENS, Language, build_response_messages, evidence_ids

#: Ids the answer may cite: work orders and open notifications (WO-YYYY-NNNNN), procedures (PRC-NNN).
_CITED_ID = re.compile(r"\b(?:WO-\d{4}-\d{5}|PRC-\d{3})\b")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class LLMResponder:
    """Writes the answer for a coded result; raises ``LLMError`` when the answer can't be trusted."""

    def __init__(self, client: LLMClient, *, question_confidence: float = 0.8) -> None:
        self.client = client
        self.question_confidence = question_confidence

    def respond(self, result: Mapping[str, Any], language: Language) -> str:
        messages = build_response_messages(result, language, question_confidence=self.question_confidence)
        answer = self.client.chat_text(messages, max_tokens=RESPONSE_MAX_TOKENS)
        # A cited id that is not in the evidence is an invented fact: the template answer is safer.
        unknown = sorted(set(_CITED_ID.findall(answer)) - evidence_ids(result))
        if unknown:
            raise LLMError(f"LLM answer cites ids that are not in the evidence: {', '.join(unknown)}")
        if language == "ko" and not _HANGUL.search(answer):
            raise LLMError("LLM answer is not in Korean")
        return answer
