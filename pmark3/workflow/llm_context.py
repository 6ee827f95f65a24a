"""What the LLM parser is told before it reads a request: local candidates and similar history.

The LLM chooses among codes the register and the local parser found (and may name others from
the catalog); a few closed work orders on the same system serve as few-shot examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pmark3.llm.parser import ContextFn
from pmark3.llm.prompts import FewShotExample, ParseContext
from pmark3.models import Alternative, NormalizedField, Turn

_EXAMPLES = 3


def _candidates(field: NormalizedField, value: Any = None) -> list[Alternative]:
    out: list[Alternative] = []
    top = value if value is not None else field.normalized
    if top is not None:
        out.append(Alternative(value=top, confidence=field.confidence))
    out.extend(a for a in field.alternatives if a.value != top)
    return out[:4]


def context_builder(parser: Any, normalizer: Any, store: Any) -> ContextFn:
    def build(text: str, history: Sequence[Turn]) -> ParseContext:
        fields = normalizer.normalize(parser.parse(text, history), text, history)
        loc = fields.location
        candidates = {
            "unit": [Alternative(value=loc.unit, confidence=loc.confidence)] if loc.unit else [],
            "kks_system": [Alternative(value=loc.system, confidence=loc.confidence)] if loc.system else [],
            "kks": _candidates(loc) if loc.normalized else [],
            "equipment_type": _candidates(fields.equipment_type),
            "status_code": _candidates(fields.status_code),
            "priority": _candidates(fields.priority),
        }
        examples: list[FewShotExample] = []
        if loc.normalized or fields.equipment_type.normalized:
            kks = str(loc.normalized) if loc.normalized and len(str(loc.normalized)) > 4 else None
            similar = store.similar_work_orders(
                kks=kks,
                equipment_class=fields.equipment_type.normalized,
                failure_mode=fields.status_code.normalized,
                system=loc.system,
                limit=_EXAMPLES,
            )
            for wo in similar:
                examples.append(
                    FewShotExample(
                        text=wo.text,
                        codes={
                            "unit": wo.unit,
                            "kks_system": wo.system,
                            "kks": wo.kks,
                            "equipment_type": wo.equipment_class,
                            "status_code": wo.failure_mode,
                            "priority": wo.priority,
                        },
                    )
                )
        return ParseContext(candidates={k: v for k, v in candidates.items() if v}, examples=examples)

    return build
