"""Every statement the store runs is executed on SQLite and compiled for SQL Server; the
migrations run on SQLite and render for mssql; the Azure SQL pyodbc path connects for real
(through Debian's SQLite ODBC driver, since no SQL Server is reachable here)."""

from __future__ import annotations

import inspect
import urllib.parse
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyodbc
import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

from pmark3.errors import NotFound, SessionExpired, StoreError
from pmark3.plant import FunctionalLocation, Part, PlantData, Procedure, WorkOrder
from pmark3.store import SqlStore
from pmark3.store import tables as t
from pmark3.store.azure_sql import SQL_COPT_SS_ACCESS_TOKEN, create_mssql_engine, encode_access_token
from pmark3.store.migrate import offline_sql

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
AZURE_URL = (
    "mssql+pyodbc://@pmark3-sql.database.windows.net:1433/pmark3?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=yes"
)


def plant() -> PlantData:
    locs = [
        FunctionalLocation(
            kks="2LAC20AP001",
            unit="2",
            system="LAC",
            train="B",
            name_ko="2호기 급수펌프 B",
            name_en="Unit 2 feedwater pump B",
            equipment_class="PU",
            parent="2LAC",
            criticality="A",
            aliases=["#2 BFP B"],
        ),
        FunctionalLocation(
            kks="1PAB10AP001",
            unit="1",
            system="PAB",
            name_ko="1호기 순환수펌프",
            name_en="Unit 1 circulating water pump",
            equipment_class="PU",
            criticality="B",
        ),
    ]
    wos = [
        WorkOrder(
            id="WO-2025-00001",
            kks="2LAC20AP001",
            unit="2",
            system="LAC",
            equipment_class="PU",
            failure_mode="VIB",
            priority=2,
            text="급수펌프 B 진동",
            reported_at=date(2025, 3, 1),
            closed_at=date(2025, 3, 3),
            actions="베어링 교체",
            parts=[Part(name="bearing", quantity=2)],
            labour_hours=6.5,
        ),
        WorkOrder(
            id="WO-2026-00002",
            kks="2LAC20AP001",
            unit="2",
            system="LAC",
            equipment_class="PU",
            failure_mode="VIB",
            priority=1,
            text="진동 재발",
            reported_at=date(2026, 11, 20),
            status="open",
        ),
    ]
    procs = [
        Procedure(
            id="PRC-001",
            kind="repair",
            title_ko="펌프 베어링 교체",
            title_en="Pump bearing replacement",
            equipment_class="PU",
            systems=["LAC"],
            failure_modes=["VIB"],
            steps=["격리", "교체"],
        )
    ]
    return PlantData(locations=locs, work_orders=wos, procedures=procs)


def exercise(store: SqlStore) -> set[str]:
    """Call every public SqlStore method with real data; returns the names called."""
    called: set[str] = set()

    def c(name: str, *args: Any, **kwargs: Any) -> Any:
        called.add(name)
        return getattr(store, name)(*args, **kwargs)

    assert c("has_plant_data") is False
    c("load_plant", plant())
    assert c("has_plant_data") is True
    c("upsert_work_order", plant().work_orders[0].model_copy(update={"labour_hours": 7.0}))
    assert {loc.kks for loc in c("locations")} == {"2LAC20AP001", "1PAB10AP001"}
    assert [p.id for p in c("procedures")] == ["PRC-001"]
    assert [w.id for w in c("work_orders", t.work_orders.c.status == "open", limit=5, newest_first=True)] == [
        "WO-2026-00002"
    ]
    assert len(c("plant_data").work_orders) == 2
    (similar,) = c("similar_work_orders", kks="2LAC20AP001", system="LAC", equipment_class="PU", failure_mode="VIB")
    assert similar.labour_hours == 7.0
    assert [w.id for w in c("open_work_orders", kks="2LAC20AP001", failure_mode="VIB", since=date(2026, 11, 1))] == [
        "WO-2026-00002"
    ]
    assert [p.id for p in c("procedures_for", "PU", "LAC", "VIB")] == ["PRC-001"]
    assert c("existing_ids", ["WO-2025-00001", "PRC-001", "2LAC20AP001", "nope"]) == {
        "WO-2025-00001",
        "PRC-001",
        "2LAC20AP001",
    }

    sid, created = c("open_session", None, new_id="S-1", user="kim", now=NOW, ttl=timedelta(hours=2))
    assert (sid, created) == ("S-1", True)
    assert c("open_session", "S-1", new_id="S-2", user="kim", now=NOW, ttl=timedelta(hours=2)) == ("S-1", False)
    with pytest.raises(SessionExpired):
        store.open_session("S-1", new_id="S-3", user="kim", now=NOW + timedelta(days=1), ttl=timedelta(hours=2))
    assert (
        c(
            "create_request",
            "r1",
            text="2호기 급수펌프 B 진동",
            source="cmms",
            now=NOW,
            session_id="S-1",
            notification_id="N-1",
        )
        is True
    )
    assert store.create_request("r1", text="again", source="cmms", now=NOW) is False
    c("update_request", "r1", now=NOW, runtime_status="Completed", status="draft", result={"status": "draft"})
    with pytest.raises(NotFound):
        store.update_request("missing", now=NOW, status="draft")
    assert c("get_request", "r1")["result"] == {"status": "draft"}
    assert c("has_result", "r1") is True
    assert store.has_result("missing") is False
    assert [r["id"] for r in c("session_requests", "S-1")] == ["r1"]
    c("add_turn", "S-1", "user", "2호기 급수펌프 B 진동", "r1", NOW)
    c("add_turn", "S-1", "assistant", "확인했습니다", "r1", NOW)
    assert [turn.role for turn in c("session_history", "S-1")] == ["user", "assistant"]
    assert c("session_history", "S-1", exclude_request="r1") == []
    c("record_step", "r1", "validate_input", "ok", 1.5, NOW)
    assert [a["step"] for a in c("audit_trail", "r1")] == ["validate_input"]
    with c("transaction"):
        store.record_step("r1", "parse_input", "ok", 0.5, NOW)
        store.update_request("r1", now=NOW, custom_status="parse_input")
    assert [a["step"] for a in store.audit_trail("r1")] == ["validate_input", "parse_input"]
    c(
        "save_feedback",
        "r1",
        [{"field": "status_code", "original": "진동", "predicted": "VIB", "accepted": False, "corrected": "NOI"}],
        "lee",
        NOW,
    )
    assert c("feedback_for", "r1")[0]["corrected"] == "NOI"
    assert c("corrections") == [{"field": "status_code", "original": "진동", "corrected": "NOI"}]
    (newer,) = c("corrections_after", 0)
    assert newer["corrected"] == "NOI" and c("corrections_after", newer["id"]) == []
    assert c("add_outbox", "r1", "N-1", "maintenance-results", {"status": "draft"}, NOW) is True
    assert store.add_outbox("r1", "N-1", "maintenance-results", {"status": "draft"}, NOW) is False
    assert [m["message_id"] for m in c("outbox_messages")] == ["r1"]

    # Last: a batch worker's held writes, then applied by the one writer (the store stays held).
    c("hold_writes")
    store.create_request("r2", text="1호기 순환수펌프 소음", source="batch", now=NOW)
    sid2, _ = store.open_session(None, new_id="S-9", user=None, now=NOW, ttl=timedelta(hours=2))
    store.open_session("S-1", new_id="S-10", user=None, now=NOW, ttl=timedelta(hours=2))
    store.update_request("r2", now=NOW, session_id=sid2, runtime_status="Completed", result={"status": "draft"})
    store.update_request("r1", now=NOW, custom_status=None)
    store.add_turn(sid2, "user", "1호기 순환수펌프 소음", "r2", NOW)
    store.record_step("r2", "validate_input", "ok", 1.0, NOW)
    store.add_outbox("r2", None, "maintenance-results", {"status": "draft"}, NOW)
    c("apply_writes", [c("take_writes")])
    assert store.get_request("r2")["result"] == {"status": "draft"}
    assert [m["message_id"] for m in store.outbox_messages()] == ["r1", "r2"]
    return called


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[SqlStore, list[Any]]:
    store = SqlStore(f"sqlite:///{tmp_path / 'pmark3.db'}")
    store.create_schema()
    statements: list[Any] = []

    @sa.event.listens_for(store.engine, "before_execute")
    def _capture(conn: Any, clause: Any, multiparams: Any, params: Any, options: Any) -> None:
        statements.append(clause)

    return store, statements


def test_every_store_statement_runs_on_sqlite_and_compiles_for_sql_server(recorded: Any) -> None:
    store, statements = recorded
    called = exercise(store)
    public = {n for n, f in inspect.getmembers(SqlStore, inspect.isfunction) if not n.startswith("_")}
    plumbing = {"create_schema", "close"}
    assert public - plumbing - called == set(), "exercise() must call every store method"

    dialect = mssql.pyodbc.dialect()
    compiled = []
    for stmt in statements:
        assert isinstance(stmt, sa.sql.ClauseElement), f"raw SQL string bypasses the dialect: {stmt!r}"
        compiled.append(str(stmt.compile(dialect=dialect)))
    assert len(compiled) >= 40
    text = "\n".join(compiled)
    # T-SQL forms, not SQLite's: bracket quoting of the reserved column "user", TOP/OFFSET for limits.
    assert "[user]" in text
    assert "LIMIT" not in text and ("TOP" in text or "FETCH" in text)


def test_migrations_render_for_sql_server_with_unicode_types() -> None:
    sql = offline_sql("mssql+pyodbc://")
    for table in (
        "locations",
        "work_orders",
        "procedures",
        "sessions",
        "turns",
        "requests",
        "audit",
        "feedback",
        "outbox",
    ):
        assert f"CREATE TABLE {table}" in sql or f"CREATE TABLE [{table}]" in sql, table
    assert "NVARCHAR" in sql and "DATETIMEOFFSET" in sql and "IDENTITY" in sql
    ours = sql.replace("version_num VARCHAR(32)", "")  # Alembic's own bookkeeping column
    assert "VARCHAR(" not in ours.replace("NVARCHAR(", "")  # Korean text needs N-types everywhere


def test_migrations_leave_no_difference_from_the_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = SqlStore(f"sqlite:///{tmp_path / 'm.db'}")
    store.create_schema()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


# -- the Azure SQL connection path, for real through pyodbc --------------------------------------


def sqlite_odbc_url(path: Path) -> str:
    return "mssql+pyodbc:///?odbc_connect=" + urllib.parse.quote_plus(f"DRIVER={{SQLite3}};Database={path}")


@pytest.fixture
def odbc_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    if "SQLite3" not in pyodbc.drivers():
        pytest.fail("Debian's libsqliteodbc is not installed (apt-get install unixodbc libsqliteodbc)")
    path = tmp_path / "azure.db"
    SqlStore(f"sqlite:///{path}").create_schema()  # the schema, by the migrations
    tokens: list[str] = []
    connects: list[tuple[str, dict[int, bytes]]] = []
    real_connect = pyodbc.connect

    def spy(conn_str: str, **kwargs: Any) -> Any:
        connects.append((conn_str, dict(kwargs.get("attrs_before") or {})))
        return real_connect(conn_str, **kwargs)

    monkeypatch.setattr(pyodbc, "connect", spy)

    def token() -> str:
        tokens.append(f"eyJ0eXAi.token-{len(tokens)}")
        return tokens[-1]

    engine = create_mssql_engine(sqlite_odbc_url(path), token_provider=token)
    # The one SQL Server-only query of the dialect's first connect; the rest of it runs.
    engine.dialect._get_default_schema_name = lambda conn: "dbo"  # type: ignore[method-assign,assignment]
    yield engine, tokens, connects
    engine.dispose()


def test_each_new_connection_carries_a_fresh_entra_token(odbc_engine: Any) -> None:
    engine, tokens, connects = odbc_engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    engine.dispose()
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    assert len(tokens) == 2 and len(connects) == 2
    for (conn_str, attrs), tok in zip(connects, tokens, strict=True):
        assert attrs == {SQL_COPT_SS_ACCESS_TOKEN: encode_access_token(tok)}
        assert "PWD" not in conn_str.upper() and "UID" not in conn_str.upper()
    assert encode_access_token("ab") == b"\x04\x00\x00\x00a\x00b\x00"


def test_store_requests_round_trip_through_the_mssql_pyodbc_dialect(odbc_engine: Any) -> None:
    engine, _, _ = odbc_engine
    store = SqlStore(engine)
    assert (
        store.create_request(
            "cmms-N-1", text="2호기 급수펌프 B 진동 심함", source="cmms", now=NOW, notification_id="N-1"
        )
        is True
    )
    store.update_request(
        "cmms-N-1", now=NOW, runtime_status="Completed", status="draft", result={"status": "draft", "response": "확인"}
    )
    row = store.get_request("cmms-N-1")
    assert row is not None and row["text"] == "2호기 급수펌프 B 진동 심함"
    assert row["result"] == {"status": "draft", "response": "확인"} and row["notification_id"] == "N-1"
    with pytest.raises(StoreError):
        store.create_request("x", text=None, source="cmms", now=NOW)  # type: ignore[arg-type]


def test_the_azure_url_connects_without_integrated_security(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake_connect(conn_str: str, **kwargs: Any) -> Any:
        seen.append(conn_str)
        raise pyodbc.InterfaceError("IM002", "no SQL Server driver here")

    monkeypatch.setattr(pyodbc, "connect", fake_connect)
    engine = create_mssql_engine(AZURE_URL, token_provider=lambda: "tok")
    with pytest.raises(sa.exc.DBAPIError):
        engine.connect()
    (conn_str,) = seen
    assert "Server=pmark3-sql.database.windows.net,1433" in conn_str and "Encrypt=yes" in conn_str
    assert "Trusted_Connection" not in conn_str
