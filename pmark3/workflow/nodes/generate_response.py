"""generate_response: the answer in the user's language, with questions for what is unclear."""

from __future__ import annotations

import logging
from typing import Any

from pmark3.errors import LLMError
from pmark3.workflow.answer import compose, questions_for, receipt_line
from pmark3.workflow.language import answer_language

log = logging.getLogger(__name__)


def generate_response(state: dict[str, Any], deps: Any) -> dict[str, Any]:
    lang = answer_language(state.get("language"))
    fields = {k: state.get(k) or {} for k in ("location", "equipment_type", "status_code", "priority")}
    questions = questions_for(fields, state.get("scenario"), deps.catalog, lang, deps.settings.question_confidence)
    response = compose(state, deps.catalog, questions)
    warnings = list(state.get("warnings") or [])
    if deps.responder is not None:
        try:
            written = deps.responder.respond({**state, "questions": questions}, lang)
            # The receipt line stays first: follow-up turns read the earlier codes from it.
            response = receipt_line(fields, deps.catalog, lang) + "\n" + written.strip()
        except LLMError as exc:
            warnings.append(f"LLM response unavailable ({exc.message}); a template answer was used")
    return {"response": response, "questions": questions, "warnings": warnings}
