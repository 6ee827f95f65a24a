"""PMark3's error tree. Lower-level errors are mapped to these at each boundary.

PMark3Error                 root: anything PMark3 raises on purpose
├── InvalidRequest          the caller's input is wrong (HTTP 4xx, CLI exit 2, message rejected)
│   └── SessionExpired      the session id is unknown or past its TTL
├── NotFound                an id that does not exist (HTTP 404)
├── ConfigurationError      settings are missing or inconsistent (fails at start-up)
└── DependencyError         an outside part failed (store, index, LLM, bus); may be retried
    ├── StoreError
    ├── SearchError
    ├── LLMError
    └── PublishError
"""

from __future__ import annotations


class PMark3Error(Exception):
    """Root of every error PMark3 raises on purpose."""

    code: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRequest(PMark3Error):
    code = "invalid_request"


class SessionExpired(InvalidRequest):
    code = "session_expired"


class NotFound(PMark3Error):
    code = "not_found"


class ConfigurationError(PMark3Error):
    code = "configuration"


class DependencyError(PMark3Error):
    code = "dependency"


class StoreError(DependencyError):
    code = "store"


class SearchError(DependencyError):
    code = "search"


class LLMError(DependencyError):
    code = "llm"


class PublishError(DependencyError):
    code = "publish"
