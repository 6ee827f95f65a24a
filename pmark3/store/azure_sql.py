"""Azure SQL through pyodbc with an Entra ID access token: no password anywhere.

The token goes in the ODBC pre-connect attribute SQL_COPT_SS_ACCESS_TOKEN (1256) as a
length-prefixed UTF-16-LE byte string, as the Microsoft ODBC driver expects.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

SQL_COPT_SS_ACCESS_TOKEN = 1256
SQL_SCOPE = "https://database.windows.net/.default"


def encode_access_token(token: str) -> bytes:
    raw = token.encode("utf-16-le")
    return struct.pack(f"<I{len(raw)}s", len(raw), raw)


def default_token_provider() -> Callable[[], str]:
    from azure.identity import DefaultAzureCredential

    credential = DefaultAzureCredential()
    return lambda: credential.get_token(SQL_SCOPE).token


def create_mssql_engine(url: str, token_provider: Callable[[], str] | None = None, **kwargs: Any) -> sa.Engine:
    """An engine whose every new connection carries a fresh Entra token (tokens expire hourly)."""
    provider = token_provider or default_token_provider()
    engine = sa.create_engine(url, pool_pre_ping=True, pool_recycle=1800, **kwargs)

    @sa.event.listens_for(engine, "do_connect")
    def _inject_token(_dialect: Any, _conn_rec: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        # A URL without a user makes SQLAlchemy ask for Trusted_Connection=Yes, which the driver
        # refuses next to an access token.
        if cargs and isinstance(cargs[0], str):
            cargs[0] = ";".join(
                p for p in cargs[0].split(";") if not p.strip().lower().startswith("trusted_connection=")
            )
        attrs = dict(cparams.pop("attrs_before", {}) or {})
        attrs[SQL_COPT_SS_ACCESS_TOKEN] = encode_access_token(provider())
        cparams["attrs_before"] = attrs

    return engine
