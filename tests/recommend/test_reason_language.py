"""Reasons follow the request's language: Korean for ko/mixed, English for en; the id is always first."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pmark3.catalog import load_catalog
from pmark3.plant import Procedure
from pmark3.recommend import InMemoryHistory, RecommendationSet, recommend
from pmark3.search import LocalHybridIndex, index_plant_data, retrieve
from pmark3.search.synthetic import HashEmbedder, synthetic_plant
from pmark3.workflow.language import answer_language
from tests.recommend.test_recommend import KKS, NOW, fields, hit, plant, wo

HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_PHRASES = (
    "same ",
    " class at ",
    "hours not recorded",
    "procedure",
    "covers ",
    "in system",
    "open notification",
    "duplicate of",
    "alternative",
    "current ",
)

DUP = wo(1, status="open", reported=date(2026, 10, 20))
SAME = wo(2, actions="베어링 교체", hours=6)
SISTER = wo(3, kks="2LAC10AP001", actions="로터 밸런싱", hours=8)
OTHER_FAULT = wo(4, fm="ELP", actions="메커니컬 씰 교체", hours=0)
PROC = Procedure(
    id="PRC-001",
    kind="repair",
    title_ko="급수펌프 베어링 교체",
    title_en="BFP bearing replacement",
    equipment_class="PU",
    systems=["LAC"],
    failure_modes=["VIB"],
)
PROC_ANY = Procedure(
    id="PRC-002", kind="isolation", title_ko="펌프 격리", title_en="pump isolation", equipment_class="PU"
)


def every_kind(language: str | None, *, confident: bool = True) -> RecommendationSet:
    """One request that yields a duplicate, work orders, procedures and (when unsure) alternative codes."""
    f = fields()
    if not confident:
        f["status_code"] = {
            "original": "소리",
            "normalized": "NOI",
            "confidence": 0.55,
            "alternatives": [{"value": "VIB", "confidence": 0.4}],
        }
        f["location"]["confidence"] = 0.6
        f["location"]["alternatives"] = [{"value": "2LAC10AP001", "confidence": 0.3}]
    data = plant([DUP, SAME, SISTER, OTHER_FAULT], [PROC, PROC_ANY])
    hits = {"work_orders": [hit(w) for w in (SAME, SISTER, OTHER_FAULT)]}
    return recommend(f, hits, InMemoryHistory(data), load_catalog(), NOW, language=language)


def by_id(rs: RecommendationSet) -> dict[str, Any]:
    return {r.id: r for r in rs.recommendations}


def test_answer_language_is_the_workflow_decision() -> None:
    assert answer_language("en") == "en"
    assert answer_language("ko") == "ko"
    assert answer_language("mixed") == "ko"
    assert answer_language(None) == "ko"


def test_every_kind_is_produced() -> None:
    kinds = {r.kind for r in every_kind("ko").recommendations} | {
        r.kind for r in every_kind("ko", confident=False).recommendations
    }
    assert kinds == {"duplicate", "work_order", "procedure", "code"}


@pytest.mark.parametrize("language", ["ko", "mixed", None])
def test_korean_request_gets_korean_reasons_id_first(language: str | None) -> None:
    for rs in (every_kind(language), every_kind(language, confident=False)):
        assert rs.recommendations
        for r in rs.recommendations:
            assert r.reason.startswith(f"{r.id}: "), r.reason
            assert HANGUL.search(r.reason.removeprefix(f"{r.id}: ")), r.reason
            assert "\n" not in r.reason
            assert not [p for p in ENGLISH_PHRASES if p in r.reason], r.reason


def test_korean_reasons_per_kind() -> None:
    got = by_id(every_kind("ko"))
    assert got[DUP.id].kind == "duplicate"
    assert got[DUP.id].reason == f"{DUP.id}: 동일 위치·고장 모드의 미결 통지, 2026-10-20 접수; 중복 대상 {DUP.id}"
    assert got[SAME.id].reason == f"{SAME.id}: 동일 설비, 동일 고장 모드, 베어링 교체 (bearing), 6시간, 2025-05-01"
    assert got[SISTER.id].reason.startswith(f"{SISTER.id}: 동일 기종(펌프) 설비 2LAC10AP001, 동일 고장 모드, ")
    assert "8시간" in got[SISTER.id].reason
    # Another fault on this pump: the failure mode by its Korean catalog name; no hours -> said in Korean.
    assert got[OTHER_FAULT.id].reason == (
        f"{OTHER_FAULT.id}: 동일 설비, 외부 누설(공정유체), 메커니컬 씰 교체 (bearing), 작업시간 기록 없음, 2025-05-01"
    )
    assert got["PRC-001"].reason == "PRC-001: 보수 절차, 펌프 대상, 진동 대응, LAC 계통"
    assert got["PRC-002"].reason == "PRC-002: 격리 절차, 펌프 대상"

    codes = by_id(every_kind("ko", confident=False))
    assert codes["VIB"].kind == "code"
    assert codes["VIB"].reason == "VIB: 고장 모드 대안 (0.40); 현재 값 NOI (0.55)"
    assert codes["2LAC10AP001"].reason == f"2LAC10AP001: 위치 대안 (0.30); 현재 값 {KKS} (0.60)"


def test_english_reasons_per_kind() -> None:
    for rs in (every_kind("en"), every_kind("en", confident=False)):
        for r in rs.recommendations:
            assert r.reason.startswith(f"{r.id}: ")
    got = by_id(every_kind("en"))
    assert got[DUP.id].reason == (
        f"{DUP.id}: open notification for the same location and failure mode, reported 2026-10-20; "
        f"duplicate of {DUP.id}"
    )
    assert (
        got[SAME.id].reason == f"{SAME.id}: same equipment, same failure mode, 베어링 교체 (bearing), 6 h, 2025-05-01"
    )
    assert got[SISTER.id].reason.startswith(f"{SISTER.id}: same Pumps class at 2LAC10AP001, same failure mode, ")
    assert got[OTHER_FAULT.id].reason == (
        f"{OTHER_FAULT.id}: same equipment, External leakage - process medium, 메커니컬 씰 교체 (bearing), "
        "hours not recorded, 2025-05-01"
    )
    assert got["PRC-001"].reason == "PRC-001: repair procedure, for Pumps, covers Vibration, in system LAC"
    assert got["PRC-002"].reason == "PRC-002: isolation procedure, for Pumps"

    codes = by_id(every_kind("en", confident=False))
    assert codes["VIB"].reason == "VIB: alternative status_code (0.40); current NOI at 0.55"
    assert codes["2LAC10AP001"].reason == f"2LAC10AP001: alternative location (0.30); current {KKS} at 0.60"


def test_callers_that_do_not_say_get_english() -> None:
    data = InMemoryHistory(plant([DUP, SAME], [PROC]))
    rs = recommend(fields(), {}, data, load_catalog(), NOW)
    assert [r.reason for r in rs.recommendations] == [
        r.reason for r in recommend(fields(), {}, data, load_catalog(), NOW, language="en").recommendations
    ]


@pytest.mark.parametrize("confident", [True, False])
def test_only_the_reason_changes_with_the_language(confident: bool) -> None:
    ko, en = every_kind("ko", confident=confident), every_kind("en", confident=confident)
    strip = [r.model_dump(exclude={"reason"}) for r in ko.recommendations]
    assert strip == [r.model_dump(exclude={"reason"}) for r in en.recommendations]
    assert ko.duplicate_of == en.duplicate_of and ko.warnings == en.warnings
    assert all(a.reason != b.reason for a, b in zip(ko.recommendations, en.recommendations, strict=True))


def test_korean_reasons_cite_existing_ids_end_to_end(tmp_path: Path) -> None:
    p = synthetic_plant(work_orders=300, seed=4, open_recent=10)
    index = LocalHybridIndex(tmp_path / "i", HashEmbedder())
    index_plant_data(index, p)
    history = InMemoryHistory(p)
    known = {w.id for w in p.work_orders} | {x.id for x in p.procedures} | {fl.kks for fl in p.locations}
    cat = load_catalog()
    seen: set[str] = set()
    for w in p.work_orders[::29]:
        f = fields(kks=w.kks, cls=w.equipment_class, fm=w.failure_mode, conf=0.9 if w.id[-1] in "01234" else 0.6)
        hits = retrieve(index, index.embedder, w.text, f)
        for language in ("ko", "en"):
            for rs in (
                recommend(f, hits, history, cat, NOW, language=language),
                recommend(f, None, history, cat, NOW, language=language),
            ):
                for r in rs.recommendations:
                    seen.add(r.kind)
                    assert r.reason.startswith(f"{r.id}: ")
                    assert bool(HANGUL.search(r.reason.removeprefix(f"{r.id}: "))) or language == "en"
                    if r.kind != "code":
                        assert r.id in known
                if rs.duplicate_of:
                    assert rs.duplicate_of in known
    assert {"work_order", "procedure"} <= seen
