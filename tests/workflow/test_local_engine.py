"""The local engine: LangGraph over the spec, SQLite checkpoints, sessions and resume."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmark3.models import MaintenanceRequest
from pmark3.workflow import spec
from pmark3.workflow.local_engine import LocalEngine, open_checkpointer
from tests.support.compare import comparable
from tests.support.notifications import OPEN_BFP_B_VIBRATION, open_bfp_b_vibration

REPO = Path(__file__).resolve().parents[2]


def test_korean_request_runs_to_a_coded_result(engine: Any) -> None:
    result = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함, 긴급"))
    assert result.location.unit == "2" and result.location.system == "LAC"
    assert result.equipment_type.normalized == "PU"
    assert result.status_code.normalized == "VIB"
    assert result.priority.normalized == 1
    assert result.response.startswith("접수: 2호기 / LAC")
    procedures = [r for r in result.recommendations if r.kind == "procedure"]
    assert procedures and all(r.details["steps"] for r in procedures)
    assert set(result.step_timings) >= {"validate_input", "parse_input", "quality_check"}
    row = engine.deps.store.get_request(result.request_id)
    assert row["runtime_status"] == "Completed" and row["status"] == result.status
    steps = [a["step"] for a in engine.deps.store.audit_trail(result.request_id)]
    assert steps[0] == "validate_input" and steps[-1] == "quality_check"


def test_follow_up_in_the_same_session_uses_the_history(engine: Any) -> None:
    first = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    follow = engine.ask(MaintenanceRequest(text="아 B펌프 말고 A요", session_id=first.session_id))
    assert follow.session_id == first.session_id
    assert follow.scenario == "S2"
    assert follow.location.unit == "2" and follow.location.system == "LAC"
    assert follow.status_code.normalized == "VIB"
    history = engine.deps.store.session_history(first.session_id)
    assert [t.role for t in history] == ["user", "assistant", "user", "assistant"]


def test_unknown_session_is_rejected_with_a_reason(engine: Any) -> None:
    result = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동", session_id="S-does-not-exist"))
    assert result.status == "rejected"
    assert "does not exist" in result.errors[0].message


def _reference(engine: Any, text: str) -> dict[str, Any]:
    return comparable(engine.ask(MaintenanceRequest(text=text)).model_dump(mode="json"))


HAPPY_NODES = [n for n in spec.NODES if n != spec.HANDLE_ERROR]


@pytest.mark.parametrize("node", HAPPY_NODES)
def test_run_interrupted_after_any_node_resumes_to_the_same_result(deps: Any, node: str) -> None:
    text = "2호기 급수펌프 B 진동 심함, 긴급"
    reference = LocalEngine(deps, checkpointer=open_checkpointer(deps.settings.data_dir / "ref.sqlite"))
    reference_result = _reference(reference, text)

    first = LocalEngine(deps, interrupt_after=[node])
    state = first.start(MaintenanceRequest(text=text))
    partial = first.run(state, state["request_id"])
    # quality_check is the last node: nothing is left to interrupt, the run is recorded.
    expected = "Completed" if node == spec.QUALITY_CHECK else "Running"
    assert deps.store.get_request(state["request_id"])["runtime_status"] == expected
    assert partial.response == "" or node in ("generate_response", "quality_check")

    # A new engine on a new connection to the same checkpoint file: what a restart sees.
    second = LocalEngine(deps)
    resumed = second.resume(state["request_id"])
    assert comparable(resumed.model_dump(mode="json")) == reference_result
    assert deps.store.get_request(state["request_id"])["runtime_status"] == "Completed"


@pytest.mark.parametrize("node", [spec.VALIDATE_INPUT, spec.HANDLE_ERROR])
def test_rejected_run_resumes_after_interruption(deps: Any, node: str) -> None:
    first = LocalEngine(deps, interrupt_after=[node])
    state = first.start(MaintenanceRequest(text="x" * 1001))
    first.run(state, state["request_id"])
    resumed = LocalEngine(deps).resume(state["request_id"])
    assert resumed.status == "rejected"
    assert resumed.errors[0].step == "validate_input"


_SCRIPT = """
import json, sys
from pmark3.config import Settings
from pmark3.models import MaintenanceRequest
from pmark3.workflow.deps import build_deps
from pmark3.workflow.local_engine import LocalEngine
deps = build_deps(Settings(_env_file=None))
if sys.argv[1] == "start":
    engine = LocalEngine(deps, interrupt_after=["normalize_terms"])
    state = engine.start(MaintenanceRequest(text="1호기 복수펌프 A 메카니컬씰 누수 확인 요망"))
    engine.run(state, state["request_id"])
    print(state["request_id"])
else:
    print(json.dumps(LocalEngine(deps).resume(sys.argv[2]).model_dump(mode="json"), ensure_ascii=False))
"""


def test_resume_after_a_real_process_restart(settings: Any) -> None:
    env = {
        **os.environ,
        "PMARK3_DATA_DIR": str(settings.data_dir),
        "PMARK3_SEED_WORK_ORDERS": str(settings.seed_work_orders),
    }
    started = subprocess.run(
        [sys.executable, "-c", _SCRIPT, "start"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    request_id = started.stdout.strip().splitlines()[-1]
    resumed = subprocess.run(
        [sys.executable, "-c", _SCRIPT, "resume", request_id],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    result = json.loads(resumed.stdout)
    assert result["request_id"] == request_id
    assert result["location"]["unit"] == "1" and result["location"]["system"] == "LCB"
    assert result["status_code"]["normalized"] == "ELP"


def test_an_index_outage_degrades_to_sql_history(engine: Any) -> None:
    from pmark3.errors import SearchError
    from pmark3.recommend import INDEX_DOWN

    def down(*args: Any, **kwargs: Any) -> Any:
        raise SearchError("connection refused")

    engine.deps.index.search = down
    result = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    assert result.status in ("draft", "needs_review")
    assert result.warnings.count(INDEX_DOWN) == 1
    work_orders = [r for r in result.recommendations if r.kind == "work_order"]
    assert work_orders, "SQL history still gives evidence"
    assert engine.deps.store.existing_ids(r.id for r in result.recommendations) == {
        r.id for r in result.recommendations
    }


def test_an_open_notification_for_the_same_fault_is_a_duplicate(engine: Any) -> None:
    engine.deps.store.upsert_work_order(open_bfp_b_vibration())
    result = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    assert result.status == "answered"
    assert OPEN_BFP_B_VIBRATION in result.response
    assert any(r.kind == "duplicate" and r.id == OPEN_BFP_B_VIBRATION for r in result.recommendations)


def test_the_demo_plant_follows_today_unless_pinned(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from pmark3.config import Settings
    from pmark3.workflow.deps import ensure_plant_data, open_store

    settings = Settings(_env_file=None, data_dir=tmp_path, seed_work_orders=500)  # type: ignore[call-arg]
    store = open_store(settings)
    assert ensure_plant_data(store, settings) is True
    recent = datetime.now(UTC).date() - timedelta(days=30)
    open_orders = [w for w in store.work_orders() if w.status == "open"]
    assert open_orders and all(w.reported_at >= recent for w in open_orders)
    assert ensure_plant_data(store, settings) is False


def test_an_empty_azure_sql_database_is_never_filled_with_the_demo_plant(tmp_path: Path) -> None:
    from pmark3.config import Settings
    from pmark3.workflow.deps import ensure_plant_data

    class EmptyStore:
        loaded = False

        def has_plant_data(self) -> bool:
            return False

        def load_plant(self, plant: Any) -> None:
            self.loaded = True

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=tmp_path, database_url="mssql+pyodbc://@sql.example/db?driver=ODBC+Driver+18"
    )
    store = EmptyStore()
    assert ensure_plant_data(store, settings) is False  # type: ignore[arg-type]
    assert store.loaded is False


def test_recommendation_reasons_follow_the_request_language(engine: Any) -> None:
    korean = engine.ask(MaintenanceRequest(text="2호기 급수펌프 B 진동 심함"))
    english = engine.ask(MaintenanceRequest(text="Unit 2 feedwater pump B vibration high"))
    for result, marker in ((korean, "동일"), (english, "same")):
        work_orders = [r for r in result.recommendations if r.kind == "work_order"]
        assert work_orders
        assert all(r.reason.startswith(f"{r.id}: ") for r in result.recommendations)
        assert any(marker in r.reason for r in work_orders), [r.reason for r in work_orders]
    assert not any("same" in r.reason for r in korean.recommendations if r.kind == "work_order")
