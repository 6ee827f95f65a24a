"""generate_recommendations: evidence from search hits (or SQL history), each item citing its source.

Scores are in [0, 1] and mostly say how well a record matches the request's codes
(same FL, same failure mode, same class), with the search rank as a tie-breaker:
people trust "same pump, same fault" more than a similarity number. Every id is
checked against the store before it is shown.

Each reason is one line that starts with its source id ("WO-2023-04417: ..."), written in
the request's language as the answer is (``answer_language``): Korean for Korean and mixed
requests, English for English ones. Codes, ids, dates and the work order's own actions and
parts stay as recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from pmark3.catalog import Catalog
from pmark3.models import Recommendation
from pmark3.plant import Procedure, WorkOrder
from pmark3.ports import SearchHit
from pmark3.recommend.history import HistorySource
from pmark3.workflow.language import answer_language

CONFIDENT = 0.8
DUPLICATE_WINDOW = timedelta(days=30)
MAX_WORK_ORDERS = 5
MAX_PROCEDURES = 3
MAX_ALTERNATIVES = 3
SAME_ACTION_LIMIT = 2
INDEX_DOWN = "search index unavailable; recommendations from SQL history"
# The search collections whose hits recommend() reads: the workflow searches only these.
EVIDENCE_COLLECTIONS = ("procedure_docs", "work_orders")
Lang = Literal["ko", "en"]
_PROCEDURE_KIND_KO = {"isolation": "격리", "inspection": "점검", "repair": "보수"}
_FIELD_KO = {"location": "위치", "equipment_type": "기기 종류", "status_code": "고장 모드", "priority": "우선순위"}


class RecommendationSet(BaseModel):
    recommendations: list[Recommendation] = Field(default_factory=list)
    duplicate_of: str | None = None
    warnings: list[str] = Field(default_factory=list)


class _Request:
    """The request's codes as recommendations read them (dicts or pydantic fields)."""

    def __init__(self, fields: Mapping[str, Any] | Any) -> None:
        get = fields.get if isinstance(fields, Mapping) else (lambda k: getattr(fields, k, None))
        self.fields = {name: get(name) for name in ("location", "equipment_type", "status_code", "priority")}
        self.kks = self.value("location")
        self.cls = self.value("equipment_type")
        self.fm = self.value("status_code")
        loc = self.fields["location"]
        system = _part(loc, "system")
        self.system = str(system) if system else (self.kks[1:4] if self.kks else None)

    def value(self, name: str) -> str | None:
        v = _part(self.fields[name], "normalized")
        return None if v is None else str(v)

    def confidence(self, name: str) -> float:
        return float(_part(self.fields[name], "confidence") or 0.0)

    def confident(self, name: str) -> bool:
        return self.value(name) is not None and self.confidence(name) >= CONFIDENT


def _part(field: Any, name: str) -> Any:
    if field is None:
        return None
    if isinstance(field, Mapping):
        return field.get(name)
    return getattr(field, name, None)


def _hours(h: Any, lang: Lang) -> str:
    if lang == "ko":
        return f"{float(h):g}시간" if h else "작업시간 기록 없음"
    return f"{float(h):g} h" if h else "hours not recorded"


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- similar work orders -------------------------------------------------------------


def _wo_from_hit(hit: SearchHit) -> dict[str, Any]:
    d, p = hit.document, hit.document.get("payload") or {}
    return {
        "id": hit.id,
        "kks": d.get("kks"),
        "system": d.get("system"),
        "equipment_class": d.get("equipment_class"),
        "failure_mode": d.get("failure_mode"),
        "status": d.get("status"),
        "reported_at": p.get("reported_at") or d.get("date"),
        "text": p.get("title") or d.get("text", ""),
        "actions": p.get("actions", ""),
        "parts": p.get("parts", []),
        "labour_hours": p.get("labour_hours", 0.0),
    }


def _wo_from_record(w: WorkOrder) -> dict[str, Any]:
    return {
        "id": w.id,
        "kks": w.kks,
        "system": w.system,
        "equipment_class": w.equipment_class,
        "failure_mode": w.failure_mode,
        "status": w.status,
        "reported_at": w.reported_at.isoformat(),
        "text": w.text,
        "actions": w.actions,
        "parts": [p.model_dump() for p in w.parts],
        "labour_hours": w.labour_hours,
    }


def _wo_score(req: _Request, wo: dict[str, Any], rank: int, n: int) -> float:
    # The same fault on a sister unit is better evidence than another fault on this one.
    match = 0.0
    if req.kks and wo["kks"] == req.kks:
        match += 0.35
    elif req.system and wo["system"] == req.system:
        match += 0.05
    if req.fm and wo["failure_mode"] == req.fm:
        match += 0.4
    if req.cls and wo["equipment_class"] == req.cls:
        match += 0.1
    return round(min(1.0, match + 0.15 * (1 - rank / max(n, 1))), 4)


def _wo_reason(req: _Request, wo: dict[str, Any], catalog: Catalog, lang: Lang) -> str:
    ko = lang == "ko"
    if req.kks and wo["kks"] == req.kks:
        where = "동일 설비" if ko else "same equipment"
    elif req.cls and wo["equipment_class"] == req.cls:
        cls = catalog.name("equipment_type", req.cls, lang) or req.cls
        where = f"동일 기종({cls}) 설비 {wo['kks']}" if ko else f"same {cls} class at {wo['kks']}"
    else:
        where = f"설비 {wo['kks']}" if ko else f"at {wo['kks']}"
    fm = wo["failure_mode"]
    if req.fm and fm == req.fm:
        what = "동일 고장 모드" if ko else "same failure mode"
    else:
        what = str(catalog.name("status_code", fm, lang) or fm)
    # The record's own words: actions and part names are not translated.
    parts = ", ".join(p.get("name", "") for p in wo["parts"][:2] if p.get("name"))
    action = _short(wo["actions"] or wo["text"], 50)
    bits = [where, what, action + (f" ({parts})" if parts else ""), _hours(wo["labour_hours"], lang)]
    return f"{wo['id']}: " + ", ".join(bits) + f", {wo['reported_at']}"


def _action_key(actions: str) -> str:
    return re.sub(r"\W+", "", actions.lower())


def _diverse(scored: list[tuple[float, dict[str, Any]]], limit: int) -> list[tuple[float, dict[str, Any]]]:
    """Best first, but no repeated job: one per (FL, action), at most two per action."""
    taken: list[tuple[float, dict[str, Any]]] = []
    per_action: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for score, wo in sorted(scored, key=lambda sw: (-sw[0], sw[1]["id"])):
        key = _action_key(wo["actions"] or wo["text"])
        if (wo["kks"], key) in seen or per_action.get(key, 0) >= SAME_ACTION_LIMIT:
            continue
        seen.add((wo["kks"], key))
        per_action[key] = per_action.get(key, 0) + 1
        taken.append((score, wo))
        if len(taken) == limit:
            break
    return taken


def _similar(req: _Request, candidates: list[dict[str, Any]], catalog: Catalog, lang: Lang) -> list[Recommendation]:
    closed = [c for c in candidates if c["status"] != "open"]
    scored = [(_wo_score(req, wo, i, len(closed)), wo) for i, wo in enumerate(closed)]
    return [
        Recommendation(
            kind="work_order",
            id=wo["id"],
            title=_short(wo["text"], 80),
            score=score,
            reason=_wo_reason(req, wo, catalog, lang),
            details={k: wo[k] for k in ("kks", "failure_mode", "reported_at", "actions", "parts", "labour_hours")},
        )
        for score, wo in _diverse(scored, MAX_WORK_ORDERS)
    ]


# -- procedures ----------------------------------------------------------------------


def _proc_from_hit(hit: SearchHit) -> dict[str, Any]:
    p = hit.document.get("payload") or {}
    return {
        "id": hit.id,
        "equipment_class": hit.document.get("equipment_class"),
        "title": p.get("title") or hit.document.get("text", ""),
        "kind": p.get("kind", ""),
        "systems": p.get("systems", []),
        "failure_modes": p.get("failure_modes", []),
        "steps": p.get("steps", []),
    }


def _proc_from_record(p: Procedure) -> dict[str, Any]:
    return {
        "id": p.id,
        "equipment_class": p.equipment_class,
        "title": p.title_ko,
        "kind": p.kind,
        "systems": p.systems,
        "failure_modes": p.failure_modes,
        "steps": p.steps,
    }


def _proc_reason(
    req: _Request, p: dict[str, Any], catalog: Catalog, lang: Lang, *, covers_fm: bool, in_system: bool
) -> str:
    if lang == "ko":
        kind = _PROCEDURE_KIND_KO.get(p["kind"], p["kind"])
        why = [f"{kind} 절차" if kind else "절차"]
        if req.cls:
            why.append(f"{catalog.name('equipment_type', req.cls, 'ko') or req.cls} 대상")
        if covers_fm:
            why.append(f"{catalog.name('status_code', req.fm, 'ko') or req.fm} 대응")
        if in_system:
            why.append(f"{req.system} 계통")
    else:
        why = [f"{p['kind']} procedure" if p["kind"] else "procedure"]
        if req.cls:
            why.append(f"for {catalog.name('equipment_type', req.cls, 'en') or req.cls}")
        if covers_fm:
            why.append(f"covers {catalog.name('status_code', req.fm, 'en') or req.fm}")
        if in_system:
            why.append(f"in system {req.system}")
    return f"{p['id']}: " + ", ".join(why)


def _procedures(req: _Request, candidates: list[dict[str, Any]], catalog: Catalog, lang: Lang) -> list[Recommendation]:
    scored = []
    for rank, p in enumerate(candidates):
        if req.cls and p["equipment_class"] != req.cls:
            continue
        fit_sys = 0.2 if req.system and req.system in p["systems"] else (0.1 if not p["systems"] else 0.0)
        fit_fm = 0.25 if req.fm and req.fm in p["failure_modes"] else (0.1 if not p["failure_modes"] else 0.0)
        score = (0.45 if req.cls else 0.1) + fit_sys + fit_fm + 0.1 * (1 - rank / max(len(candidates), 1))
        why = _proc_reason(req, p, catalog, lang, covers_fm=fit_fm > 0.1, in_system=fit_sys > 0.1)
        scored.append((round(min(score, 1.0), 4), p, why))
    scored.sort(key=lambda t: (-t[0], t[1]["id"]))
    return [
        Recommendation(
            kind="procedure",
            id=p["id"],
            title=_short(p["title"], 80),
            score=s,
            reason=why,
            details={
                "kind": p["kind"],
                "systems": p["systems"],
                "failure_modes": p["failure_modes"],
                "steps": list(p["steps"]),
            },
        )
        for s, p, why in scored[:MAX_PROCEDURES]
    ]


# -- alternative codes ---------------------------------------------------------------

_CODE_TABLES = {"equipment_type": "equipment_classes", "status_code": "failure_modes", "priority": "priorities"}


def _alt_reason(req: _Request, name: str, value: Any, conf: float, lang: Lang) -> str:
    current, current_conf = req.value(name), req.confidence(name)
    if lang == "ko":
        return f"{value}: {_FIELD_KO[name]} 대안 ({conf:.2f}); 현재 값 {current or '없음'} ({current_conf:.2f})"
    return f"{value}: alternative {name} ({conf:.2f}); current {current or 'none'} at {current_conf:.2f}"


def _alternatives(req: _Request, catalog: Catalog, history: HistorySource, lang: Lang) -> list[Recommendation]:
    out: list[Recommendation] = []
    for name, field in req.fields.items():
        if field is None or req.confidence(name) >= CONFIDENT:
            continue
        alts = list(_part(field, "alternatives") or [])[:MAX_ALTERNATIVES]
        for alt in alts:
            value, conf, label = _part(alt, "value"), float(_part(alt, "confidence") or 0.0), _part(alt, "label")
            if name == "location":
                known = bool(history.existing_ids([str(value)]))
            else:
                table = getattr(catalog, _CODE_TABLES[name])
                known = (int(value) if name == "priority" and str(value).isdigit() else value) in table
            if not known or str(value) == req.value(name):
                continue
            if name == "location":
                title = label or str(value)
            else:
                title = label or catalog.name(name, int(value) if name == "priority" else str(value)) or str(value)
            out.append(
                Recommendation(
                    kind="code",
                    id=str(value),
                    title=str(title),
                    score=round(conf, 4),
                    reason=_alt_reason(req, name, value, conf, lang),
                    details={"field": name},
                )
            )
    return out


# -- duplicates ----------------------------------------------------------------------


def _duplicate(
    req: _Request, hits: Mapping[str, Sequence[SearchHit]] | None, history: HistorySource, now: datetime
) -> tuple[WorkOrder | dict[str, Any] | None, list[str]]:
    if not (req.kks and req.fm):
        return None, []
    since: date = (now - DUPLICATE_WINDOW).date()
    found: list[WorkOrder | dict[str, Any]] = list(
        history.open_work_orders(kks=req.kks, failure_mode=req.fm, since=since)
    )
    if not found and hits:
        # A notification raised seconds ago may be in the index before the store replica.
        for h in hits.get("work_orders", []):
            d = _wo_from_hit(h)
            if (
                d["status"] == "open"
                and d["kks"] == req.kks
                and d["failure_mode"] == req.fm
                and str(d["reported_at"] or "") >= since.isoformat()
            ):
                found.append(d)
    if not found:
        return None, []
    if req.confident("location") and req.confident("status_code"):
        return found[0], []
    first = found[0]
    ident = first.id if isinstance(first, WorkOrder) else first["id"]
    return None, [f"possible duplicate of {ident}: location or failure mode is uncertain"]


def _dup_reason(d: dict[str, Any], lang: Lang) -> str:
    if lang == "ko":
        return f"{d['id']}: 동일 위치·고장 모드의 미결 통지, {d['reported_at']} 접수; 중복 대상 {d['id']}"
    return (
        f"{d['id']}: open notification for the same location and failure mode, "
        f"reported {d['reported_at']}; duplicate of {d['id']}"
    )


def recommend(
    fields: Mapping[str, Any] | Any,
    hits: Mapping[str, Sequence[SearchHit]] | None,
    history: HistorySource,
    catalog: Catalog,
    now: datetime,
    *,
    language: str | None = "en",
) -> RecommendationSet:
    """Recommendations for one request; ``hits=None`` means the index was unavailable.

    ``language`` is the request's language as the workflow decided it (``state["language"]``:
    "ko", "en", or "mixed"); the reasons follow ``answer_language`` of it, so Korean for
    "ko", "mixed" and None, English for "en". Callers that say nothing get English.
    """
    lang = answer_language(language)
    req = _Request(fields)
    warnings: list[str] = []
    recs: list[Recommendation] = []

    dup, dup_warnings = _duplicate(req, hits, history, now)
    warnings += dup_warnings
    duplicate_of: str | None = None
    if dup is not None:
        d = _wo_from_record(dup) if isinstance(dup, WorkOrder) else dup
        duplicate_of = d["id"]
        recs.append(
            Recommendation(
                kind="duplicate",
                id=d["id"],
                title=_short(d["text"], 80),
                score=1.0,
                reason=_dup_reason(d, lang),
                details={"kks": d["kks"], "failure_mode": d["failure_mode"], "reported_at": d["reported_at"]},
            )
        )

    if hits is None:
        warnings.append(INDEX_DOWN)
        wos = [
            _wo_from_record(w)
            for w in history.similar_work_orders(
                kks=req.kks, equipment_class=req.cls, failure_mode=req.fm, system=req.system
            )
        ]
        procs = [_proc_from_record(p) for p in history.procedures_for(req.cls, req.system, req.fm)] if req.cls else []
    else:
        wos = [_wo_from_hit(h) for h in hits.get("work_orders", [])]
        if len({_action_key(w["actions"] or w["text"]) for w in wos if w["status"] != "open"}) < MAX_WORK_ORDERS:
            # The hits can all be one job on one pump; the store adds the sister equipment's history.
            # Asked without the FL, the store ranks the class's orders for this failure mode
            # (same system first), not this FL's orders for other faults.
            seen_ids = {w["id"] for w in wos}
            extra = history.similar_work_orders(
                kks=None if req.cls else req.kks,
                equipment_class=req.cls,
                failure_mode=req.fm,
                system=req.system,
                limit=50,
            )
            wos += [_wo_from_record(w) for w in extra if w.id not in seen_ids]
        procs = [_proc_from_hit(h) for h in hits.get("procedure_docs", [])]
        if req.cls:
            # The structured match is authoritative; search hits add ranking and recall.
            seen = {p["id"] for p in procs}
            procs += [
                _proc_from_record(p) for p in history.procedures_for(req.cls, req.system, req.fm) if p.id not in seen
            ]
    # Check ids before choosing, so a stale index entry cannot crowd out a real record.
    known = history.existing_ids([w["id"] for w in wos] + [p["id"] for p in procs])
    stale = sorted({w["id"] for w in wos if w["id"] not in known} | {p["id"] for p in procs if p["id"] not in known})
    if stale:
        warnings.append(f"skipped {len(stale)} search hit(s) citing unknown ids: {', '.join(stale)}")
    recs += _similar(req, [w for w in wos if w["id"] in known and w["id"] != duplicate_of], catalog, lang)
    recs += _procedures(req, [p for p in procs if p["id"] in known], catalog, lang)
    recs += _alternatives(req, catalog, history, lang)

    cited = [r.id for r in recs if r.kind != "code"]
    # Only the duplicate can still be unchecked: everything else was chosen from ``known``.
    known |= history.existing_ids([i for i in cited if i not in known])
    missing = [i for i in cited if i not in known]
    if missing:
        warnings.append(
            f"dropped {len(missing)} recommendation(s) citing unknown ids: {', '.join(sorted(set(missing)))}"
        )
        recs = [r for r in recs if r.kind == "code" or r.id in known]
        if duplicate_of is not None and duplicate_of not in known:
            duplicate_of = None
    return RecommendationSet(recommendations=recs, duplicate_of=duplicate_of, warnings=warnings)
