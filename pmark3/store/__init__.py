"""The store port: SQLAlchemy over SQLite locally and Azure SQL (mssql+pyodbc) in Azure."""

from pmark3.store.sql_store import SqlStore, utcnow

__all__ = ["SqlStore", "utcnow"]
