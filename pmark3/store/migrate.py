"""Alembic migrations, run programmatically so SQLite and Azure SQL share one path.

``upgrade(engine)`` applies them online; ``offline_sql(dialect)`` renders them as SQL text
(used to check that every migration compiles for mssql without a server).
"""

from __future__ import annotations

import io
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("pmark3") / "migrations"))
    return cfg


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def offline_sql(url: str, revision: str = "head") -> str:
    """The migrations as SQL for the dialect of ``url`` (e.g. ``mssql+pyodbc://``), without connecting."""
    buf = io.StringIO()
    cfg = Config(output_buffer=buf)
    cfg.set_main_option("script_location", str(resources.files("pmark3") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    cfg.attributes["offline_url"] = url
    command.upgrade(cfg, revision, sql=True)
    return buf.getvalue()
