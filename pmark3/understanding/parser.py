"""parse_input without an LLM: scenario, language and the words that name each field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pmark3.catalog import Catalog
from pmark3.models import Turn
from pmark3.plant import FunctionalLocation, WorkOrder
from pmark3.ports import Mentions, ParsedRequest
from pmark3.understanding.analyzers import shared_analyzer
from pmark3.understanding.session import answered_unit, prior_state


class LocalParser:
    """A ``RequestParser`` from gazetteers and patterns; no model, no network."""

    name: Literal["local", "llm"] = "local"

    def __init__(
        self,
        catalog: Catalog,
        locations: Sequence[FunctionalLocation],
        *,
        work_orders: Sequence[WorkOrder] | None = None,
    ) -> None:
        self.catalog = catalog
        self.analyzer = shared_analyzer(catalog, locations, work_orders)

    def parse(self, text: str, history: Sequence[Turn]) -> ParsedRequest:
        r = self.analyzer.read(text, has_history=bool(history))
        unit = r.unit or (answered_unit(text, history) if history else None)
        if unit is None and history and r.scenario == "S2":
            prior = prior_state(history, self.analyzer, self.catalog)
            if prior is not None and prior.unit.value is not None:
                unit = str(prior.unit.value)
        lang: Literal["ko", "en"] = "ko" if r.language == "ko" else "en"
        return ParsedRequest(
            scenario=r.scenario,
            language=lang,
            mentions=Mentions(
                location=r.location_original or None,
                unit=unit,
                train=r.train,
                equipment=r.equipment_original or None,
                symptom=r.symptom_original or None,
                priority_cue=r.priority_original or None,
            ),
            parser="local",
        )
