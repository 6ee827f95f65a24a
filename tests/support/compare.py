"""Comparing results across engines and runs: everything but ids and timings must match."""

from __future__ import annotations

from typing import Any

VOLATILE = {"request_id", "session_id", "step_timings"}


def comparable(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in VOLATILE}
