"""Request parsing and response payloads shared by the local API and the Function App's triggers,
so both give the same shapes and the same problems for the same input."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pmark3.api.problems import Problem
from pmark3.catalog import Catalog
from pmark3.store.sql_store import SqlStore, as_utc

JSON = "application/json"
M = TypeVar("M", bound=BaseModel)


def parse_json_body(content_type: str | None, body: bytes, max_bytes: int) -> Any:
    """The JSON body, or a problem: wrong content type 415, too large 413, not JSON 400."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype != JSON:
        raise Problem(415, "Unsupported media type", f"send the body as application/json, not {ctype or 'nothing'}")
    if len(body) > max_bytes:
        raise Problem(413, "Payload too large", f"the body is larger than {max_bytes} bytes")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Problem(400, "Malformed JSON", f"the body is not valid UTF-8 JSON: {exc}") from None


def validate_model(model: type[M], data: Any) -> M:
    """``model`` from ``data``, or a 422 problem listing each invalid field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(e['loc']) or 'body'}: {e['msg']}" for e in errors)
        raise Problem(422, "Invalid request", detail, errors=errors) from None


def session_requests_payload(store: SqlStore, session_id: str) -> dict[str, Any]:
    rows = store.session_requests(session_id)
    return {
        "session_id": session_id,
        "requests": [
            {
                "id": r["id"],
                "text": r["text"],
                "runtimeStatus": r["runtime_status"],
                "status": r["status"],
                # SQLite hands times back naive; a browser would read a naive time as local.
                "createdTime": as_utc(r["created_at"]).isoformat(),
            }
            for r in rows
        ],
    }


def catalog_payload(catalog: Catalog) -> dict[str, Any]:
    tables = {
        "systems": catalog.systems,
        "equipment_types": catalog.equipment_classes,
        "status_codes": catalog.failure_modes,
    }
    out: dict[str, Any] = {
        key: {code: {"ko": c.name_ko, "en": c.name_en} for code, c in rows.items()} for key, rows in tables.items()
    }
    out["priorities"] = {str(p.priority): {"ko": p.name_ko, "en": p.name_en} for p in catalog.priorities.values()}
    return out
