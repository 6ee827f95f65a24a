"""``GET /api/catalog``: the code lists with Korean and English names (as the local API)."""

from __future__ import annotations

from functools import cache
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from pmark3.api.payloads import catalog_payload
from pmark3.catalog import load_catalog
from triggers.common import error_response, json_response

NAME = "catalog"
ROUTE = "catalog"
bp = df.Blueprint()


@cache
def _payload() -> dict[str, Any]:
    return catalog_payload(load_catalog())


@bp.function_name(NAME)
@bp.route(route=ROUTE, methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def catalog(req: func.HttpRequest) -> func.HttpResponse:
    try:
        # Static for the life of a deployment: browsers and the CDN may keep it an hour.
        return json_response(_payload(), headers={"Cache-Control": "public, max-age=3600"})
    except Exception as exc:
        return error_response(req, exc)
