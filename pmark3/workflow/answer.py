"""The answer without an LLM: a receipt line, the evidence, and questions, in the user's language.

The first line ("접수: 2호기 / LAC ... / 우선순위 1") is also what a follow-up turn (S2) reads
back from the history, so its shape is stable.
"""

from __future__ import annotations

from typing import Any

from pmark3.catalog import Catalog
from pmark3.workflow.language import answer_language

UNIT_NAMES = {
    "ko": {"0": "공용", "1": "1호기", "2": "2호기"},
    "en": {"0": "plant-common", "1": "Unit 1", "2": "Unit 2"},
}
PRIORITY_LABEL = {"ko": "우선순위", "en": "priority"}


def receipt_line(fields: dict[str, Any], catalog: Catalog, lang: str) -> str:
    loc = fields.get("location") or {}
    unit = loc.get("unit")
    parts = [UNIT_NAMES[lang].get(unit, "?") if unit else ("호기 미상" if lang == "ko" else "unit unknown")]
    system = loc.get("system")
    parts.append(f"{system} {catalog.name('system', system, lang)}" if system else "?")
    for kind in ("equipment_type", "status_code"):
        code = (fields.get(kind) or {}).get("normalized")
        parts.append(f"{code} {catalog.name(kind, code, lang)}" if code else "?")
    prio = (fields.get("priority") or {}).get("normalized")
    parts.append(f"{PRIORITY_LABEL[lang]} {prio if prio is not None else '?'}")
    head = "접수" if lang == "ko" else "Logged"
    return f"{head}: " + " / ".join(parts)


def questions_for(
    fields: dict[str, Any], scenario: str | None, catalog: Catalog, lang: str, threshold: float
) -> list[str]:
    """A question for each missing or doubtful field; alternatives make the question answerable."""
    ko = lang == "ko"
    out: list[str] = []
    loc = fields.get("location") or {}
    if not loc.get("unit") and scenario != "S3":
        out.append(
            "몇 호기 설비인가요? (1호기 / 2호기 / 공용)" if ko else "Which unit is it? (Unit 1 / Unit 2 / common)"
        )
    labels = {
        "location": ("설비 위치(계통)", "location (system)"),
        "equipment_type": ("고장 난 기기 종류", "failed equipment type"),
        "status_code": ("증상(고장 모드)", "symptom (failure mode)"),
    }
    for name, (label_ko, label_en) in labels.items():
        if scenario == "S3" and name == "status_code":
            continue
        field = fields.get(name) or {}
        value = field.get("system") if name == "location" else field.get("normalized")
        alts = [a for a in field.get("alternatives") or [] if a.get("value") != field.get("normalized")][:2]
        if value is None:
            hint = ""
            if name == "equipment_type":
                hint = " (예: 펌프, 모터, 밸브, 계기)" if ko else " (e.g. pump, motor, valve, instrument)"
            elif name == "status_code":
                hint = " (예: 진동, 누설, 소음, 기동 불가)" if ko else " (e.g. vibration, leak, noise, fails to start)"
            out.append(f"{label_ko}을(를) 알려주세요{hint}." if ko else f"Please tell us the {label_en}{hint}.")
        elif float(field.get("confidence") or 0.0) < threshold:
            kind = "system" if name == "location" else name
            options = [f"{value} {catalog.name(kind, value, lang) or ''}".strip()]
            options += [
                f"{a['value']} {catalog.name(kind, str(a['value'])[1:4] if name == 'location' else a['value'], lang) or ''}".strip()
                for a in alts
            ]
            choice = " / ".join(options)
            out.append(f"{label_ko}이(가) 맞나요? {choice}" if ko else f"Is the {label_en} right? {choice}")
    return out


def compose(state: dict[str, Any], catalog: Catalog, questions: list[str]) -> str:
    lang = answer_language(state.get("language"))
    ko = lang == "ko"
    fields = {k: state.get(k) or {} for k in ("location", "equipment_type", "status_code", "priority")}
    lines = [receipt_line(fields, catalog, lang)]
    recs = state.get("recommendations") or []
    if state.get("duplicate_of"):
        dup = state["duplicate_of"]
        lines.append(
            f"이미 접수된 작업과 중복입니다: {dup}. 새 통지는 작성하지 않았습니다."
            if ko
            else f"This duplicates the open notification {dup}; no new notification was drafted."
        )
    work_orders = [r for r in recs if r.get("kind") == "work_order"][:3]
    procedures = [r for r in recs if r.get("kind") == "procedure"][:2]
    if work_orders:
        lines.append("유사 작업 이력:" if ko else "Similar past work orders:")
        lines.extend(f"- {r['reason']}" for r in work_orders)
    if procedures:
        lines.append("관련 절차:" if ko else "Procedures:")
        lines.extend(f"- {r['id']} {r['title']}" for r in procedures)
    if state.get("scenario") == "S3" and not work_orders and not procedures:
        lines.append("관련 이력을 찾지 못했습니다." if ko else "No matching records were found.")
    if questions:
        lines.append("확인이 필요합니다:" if ko else "Please confirm:")
        lines.extend(f"- {q}" for q in questions)
    return "\n".join(lines)
