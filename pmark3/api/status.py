"""The status payload, in the shape of Durable's status-query response."""

from __future__ import annotations

from typing import Any


def status_payload(row: dict[str, Any], audit: list[dict[str, Any]]) -> dict[str, Any]:
    completed: list[str] = []
    for entry in audit:
        if entry["outcome"] != "failed" and (not completed or completed[-1] != entry["step"]):
            completed.append(entry["step"])
    runtime = row["runtime_status"]
    custom = {"step": row.get("custom_status"), "completed": completed}
    output: Any = row.get("result")
    if runtime == "Failed":
        output = row.get("reason")
    return {
        "instanceId": row["id"],
        "runtimeStatus": runtime,
        "customStatus": custom,
        "output": output,
        "createdTime": row["created_at"].isoformat(),
        "lastUpdatedTime": row["updated_at"].isoformat(),
    }
