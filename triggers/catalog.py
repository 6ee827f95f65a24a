"""``GET /api/catalog``: the code lists with Korean and English names (as the local API)."""

from __future__ import annotations

from functools import cache
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from triggers.common import error_response, json_response

NAME = "catalog"
ROUTE = "catalog"
bp = df.Blueprint()


@cache
def catalog_payload() -> dict[str, Any]:
    from pmark3.catalog import load_catalog

    cat = load_catalog()
    tables = {"systems": cat.systems, "equipment_types": cat.equipment_classes, "status_codes": cat.failure_modes}
    out: dict[str, Any] = {
        key: {code: {"ko": c.name_ko, "en": c.name_en} for code, c in rows.items()} for key, rows in tables.items()
    }
    out["priorities"] = {str(p.priority): {"ko": p.name_ko, "en": p.name_en} for p in cat.priorities.values()}
    return out


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def catalog(req: func.HttpRequest) -> func.HttpResponse:
    try:
        # Static for the life of a deployment: browsers and the CDN may keep it an hour.
        return json_response(catalog_payload(), headers={"Cache-Control": "public, max-age=3600"})
    except Exception as exc:
        return error_response(req, exc)
