"""Drive a Durable orchestrator in-process, with no host: replay it from a history JSON.

Each turn replays the orchestrator over the history so far (exactly as the Durable
extension does), takes the activity it asks for next, runs that activity's function, and
appends the events the extension would append: TaskScheduled + TaskCompleted, or
TaskScheduled + TaskFailed + the retry timer (TimerCreated + TimerFired) per failed attempt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from azure.durable_functions.constants import DATETIME_STRING_FORMAT
from azure.durable_functions.models.actions.ActionType import ActionType
from azure.durable_functions.models.history.HistoryEventType import HistoryEventType as E

ActivityFn = Callable[[Any], Any]


@dataclass
class Replay:
    """What one run through the driver observed."""

    output: Any = None
    done: bool = False
    error: str | None = None
    calls: list[str] = field(default_factory=list)
    custom_statuses: list[Any] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


class DurableDriver:
    def __init__(
        self,
        orchestrator: Callable[[str], str],
        activities: dict[str, ActivityFn],
        orchestrator_name: str = "orchestrator",
        max_turns: int = 200,
    ) -> None:
        self.orchestrator = orchestrator
        self.activities = activities
        self.name = orchestrator_name
        self.max_turns = max_turns
        self._clock = datetime(2026, 1, 1, 0, 0, 0)

    def _event(self, kind: E, event_id: int = -1, **extra: Any) -> dict[str, Any]:
        self._clock += timedelta(seconds=1)
        return {
            "EventType": int(kind),
            "EventId": event_id,
            "IsPlayed": False,
            "Timestamp": self._clock.strftime(DATETIME_STRING_FORMAT),
            **extra,
        }

    def replay(self, history: list[dict[str, Any]], input_: Any, instance_id: str) -> dict[str, Any]:
        for event in history:
            event["IsPlayed"] = True
        body = json.dumps(
            {
                "history": history,
                "instanceId": instance_id,
                "isReplaying": False,
                "parentInstanceId": None,
                "input": json.dumps(input_),
                "upperSchemaVersion": 0,
            }
        )
        return json.loads(self.orchestrator(body))

    def run(self, input_: Any, instance_id: str = "test-instance") -> Replay:
        history = [
            self._event(E.ORCHESTRATOR_STARTED),
            # The extension sends Version="" on ExecutionStarted; the SDK needs the key.
            self._event(E.EXECUTION_STARTED, Name=self.name, Version="", Input=json.dumps(input_)),
        ]
        seen = Replay(history=history)
        seq = 0
        for _ in range(self.max_turns):
            state = self.replay(history, input_, instance_id)
            seen.custom_statuses.append(state.get("customStatus"))
            if state.get("isDone"):
                seen.done, seen.output, seen.error = True, state.get("output"), state.get("error")
                return seen
            if state.get("error"):
                seen.error = state["error"]
                return seen
            actions = [a for group in state.get("actions", []) for a in group]
            pending = actions[-1]
            if pending["actionType"] not in (ActionType.CALL_ACTIVITY, ActionType.CALL_ACTIVITY_WITH_RETRY):
                raise AssertionError(f"unexpected action {pending}")
            name = pending["functionName"]
            attempts = (pending.get("retryOptions") or {}).get("maxNumberOfAttempts", 1)
            payload = json.loads(pending["input"]) if isinstance(pending.get("input"), str) else pending.get("input")
            history.append(self._event(E.ORCHESTRATOR_STARTED))
            seq = self._execute(history, seq, name, payload, attempts, pending["actionType"], seen)
        raise AssertionError(f"orchestrator did not finish in {self.max_turns} turns")

    def _execute(
        self,
        history: list[dict[str, Any]],
        seq: int,
        name: str,
        payload: Any,
        attempts: int,
        action_type: int,
        seen: Replay,
    ) -> int:
        with_retry = action_type == ActionType.CALL_ACTIVITY_WITH_RETRY
        for _attempt in range(attempts if with_retry else 1):
            seen.calls.append(name)
            history.append(self._event(E.TASK_SCHEDULED, seq, Name=name, Version="", Input=json.dumps(payload)))
            try:
                result = self.activities[name](payload)
            except Exception as exc:  # the activity failed: what the extension records
                history.append(
                    self._event(
                        E.TASK_FAILED,
                        TaskScheduledId=seq,
                        Reason=f"Activity '{name}' failed",
                        Details=f"{type(exc).__name__}: {exc}",
                    )
                )
                seq += 1
                if with_retry:
                    fire_at = (self._clock + timedelta(seconds=1)).strftime(DATETIME_STRING_FORMAT)
                    history.append(self._event(E.TIMER_CREATED, seq, FireAt=fire_at))
                    history.append(self._event(E.TIMER_FIRED, TimerId=seq, FireAt=fire_at))
                    seq += 1
                continue
            history.append(self._event(E.TASK_COMPLETED, TaskScheduledId=seq, Result=json.dumps(result)))
            return seq + 1
        return seq
