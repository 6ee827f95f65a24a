"""Table definitions shared by SQLite (local) and Azure SQL (mssql+pyodbc).

Unicode types map to NVARCHAR on SQL Server, so Korean text round-trips there too.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

locations = sa.Table(
    "locations",
    metadata,
    sa.Column("kks", sa.Unicode(32), primary_key=True),
    sa.Column("unit", sa.Unicode(1), nullable=False),
    sa.Column("system", sa.Unicode(3), nullable=False, index=True),
    sa.Column("train", sa.Unicode(1)),
    sa.Column("name_ko", sa.UnicodeText, nullable=False),
    sa.Column("name_en", sa.UnicodeText, nullable=False),
    sa.Column("equipment_class", sa.Unicode(2), nullable=False),
    sa.Column("parent", sa.Unicode(32)),
    sa.Column("criticality", sa.Unicode(1), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
)

work_orders = sa.Table(
    "work_orders",
    metadata,
    sa.Column("id", sa.Unicode(32), primary_key=True),
    sa.Column("kks", sa.Unicode(32), nullable=False),
    sa.Column("unit", sa.Unicode(1), nullable=False),
    sa.Column("system", sa.Unicode(3), nullable=False),
    sa.Column("equipment_class", sa.Unicode(2), nullable=False),
    sa.Column("failure_mode", sa.Unicode(3), nullable=False),
    sa.Column("priority", sa.Integer, nullable=False),
    sa.Column("text", sa.UnicodeText, nullable=False),
    sa.Column("reported_at", sa.Date, nullable=False),
    sa.Column("closed_at", sa.Date),
    sa.Column("status", sa.Unicode(8), nullable=False),
    sa.Column("actions", sa.UnicodeText, nullable=False),
    sa.Column("parts", sa.JSON, nullable=False),
    sa.Column("labour_hours", sa.Float, nullable=False),
    sa.Index("ix_wo_class_mode", "equipment_class", "failure_mode"),
    sa.Index("ix_wo_kks_mode_status", "kks", "failure_mode", "status"),
    sa.Index("ix_wo_system_mode", "system", "failure_mode"),
)

procedures = sa.Table(
    "procedures",
    metadata,
    sa.Column("id", sa.Unicode(16), primary_key=True),
    sa.Column("kind", sa.Unicode(16), nullable=False),
    sa.Column("title_ko", sa.UnicodeText, nullable=False),
    sa.Column("title_en", sa.UnicodeText, nullable=False),
    sa.Column("equipment_class", sa.Unicode(2), nullable=False, index=True),
    sa.Column("systems", sa.JSON, nullable=False),
    sa.Column("failure_modes", sa.JSON, nullable=False),
    sa.Column("steps", sa.JSON, nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Unicode(64), primary_key=True),
    sa.Column("user", sa.Unicode(128)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
)

turns = sa.Table(
    "turns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.Unicode(64), sa.ForeignKey("sessions.id"), nullable=False, index=True),
    sa.Column("request_id", sa.Unicode(64)),
    sa.Column("role", sa.Unicode(16), nullable=False),
    sa.Column("text", sa.UnicodeText, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

requests = sa.Table(
    "requests",
    metadata,
    sa.Column("id", sa.Unicode(64), primary_key=True),
    sa.Column("session_id", sa.Unicode(64), index=True),
    sa.Column("source", sa.Unicode(16), nullable=False),
    sa.Column("notification_id", sa.Unicode(64), index=True),
    sa.Column("text", sa.UnicodeText, nullable=False),
    sa.Column("runtime_status", sa.Unicode(16), nullable=False),
    sa.Column("custom_status", sa.Unicode(64)),
    sa.Column("status", sa.Unicode(16)),
    sa.Column("reason", sa.UnicodeText),
    sa.Column("result", sa.JSON),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.Unicode(64), nullable=False, index=True),
    sa.Column("step", sa.Unicode(64), nullable=False),
    sa.Column("outcome", sa.Unicode(16), nullable=False),
    sa.Column("duration_ms", sa.Float, nullable=False),
    sa.Column("detail", sa.UnicodeText),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

feedback = sa.Table(
    "feedback",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.Unicode(64), nullable=False, index=True),
    sa.Column("field", sa.Unicode(32), nullable=False),
    sa.Column("original", sa.UnicodeText),
    sa.Column("predicted", sa.Unicode(32)),
    sa.Column("accepted", sa.Boolean, nullable=False),
    sa.Column("corrected", sa.Unicode(32)),
    sa.Column("user", sa.Unicode(128)),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("message_id", sa.Unicode(64), nullable=False, unique=True),
    sa.Column("correlation_id", sa.Unicode(64)),
    sa.Column("topic", sa.Unicode(128), nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
