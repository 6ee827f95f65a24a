"""Activity: store the finished result and the session turns, and publish it to the CMMS."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from pmark3.workflow.deps import get_deps
from pmark3.workflow.result import record_outcome

NAME = "record_result"
bp = df.Blueprint()


@bp.activity_trigger(input_name="state", activity=NAME)
def record_result(state: dict[str, Any]) -> dict[str, Any]:
    return record_outcome(state, get_deps())
