"""Activity: the ``generate_response`` node, run with the process-wide deps."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from pmark3.workflow import spec
from pmark3.workflow.deps import get_deps
from pmark3.workflow.runner import run_node

NAME = spec.GENERATE_RESPONSE
bp = df.Blueprint()


@bp.activity_trigger(input_name="state", activity=NAME)
def generate_response(state: dict[str, Any]) -> dict[str, Any]:
    return run_node(NAME, state, get_deps())
