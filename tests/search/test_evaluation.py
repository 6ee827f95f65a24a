"""Retrieval evaluation: labels, metrics, the report and its JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmark3.ports import SearchHit
from pmark3.search import LocalHybridIndex, index_plant_data
from pmark3.search.evaluation import (
    RetrievalQuery,
    Target,
    build_retrieval_queries,
    evaluate_query,
    fields_for,
    format_report,
    grade,
    load_queries,
    run_retrieval_eval,
    write_queries,
)
from pmark3.search.synthetic import HashEmbedder, synthetic_plant

T = Target(kks="2LAC20AP001", equipment_class="PU", failure_mode="VIB")


def test_grades() -> None:
    assert grade({"kks": "2LAC20AP001", "equipment_class": "PU", "failure_mode": "VIB"}, T) == 2
    assert grade({"kks": "1LAC10AP001", "equipment_class": "PU", "failure_mode": "VIB"}, T) == 1
    assert grade({"kks": "2LAC20AP001", "equipment_class": "PU", "failure_mode": "ELP"}, T) == 0
    assert grade({"kks": "2HLB10AN001", "equipment_class": "BL", "failure_mode": "VIB"}, T) == 0


def test_fields_modes_follow_the_normalizer_shape() -> None:
    conf = fields_for("confident", T, "2", "LAC")
    assert conf["location"]["normalized"] == "2LAC20AP001" and conf["location"]["confidence"] >= 0.8
    part = fields_for("partial", T, "2", "LAC")
    assert part["location"]["normalized"] is None and part["location"]["system"] == "LAC"
    text = fields_for("text_only", T, "2", "LAC")
    assert all(f["confidence"] < 0.8 for f in text.values())


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalHybridIndex, Path]:
    folder = tmp_path_factory.mktemp("ev")
    plant = synthetic_plant(work_orders=800, seed=3)
    index = LocalHybridIndex(folder / "i", HashEmbedder())
    index_plant_data(index, plant)
    queries = build_retrieval_queries(plant, n=30)
    path = folder / "q.jsonl"
    write_queries(queries, path)
    return index, path


def test_queries_round_trip_and_are_labeled(setup: tuple[LocalHybridIndex, Path]) -> None:
    _, path = setup
    qs = load_queries(path)
    assert len(qs) == 30
    assert {q.mode for q in qs} == {"confident", "partial", "text_only"}
    assert {q.source for q in qs} == {"history", "register"}
    assert all(q.exclude for q in qs if q.source == "history")


def test_report_metrics_in_range_and_json(setup: tuple[LocalHybridIndex, Path]) -> None:
    index, path = setup
    report = run_retrieval_eval(path, index, index.embedder, keep_per_query=True)
    assert report.overall.queries == 30
    for m in [report.overall, *report.by_mode.values()]:
        for v in (m.p_at_5, m.r_at_5, m.ndcg_at_10, m.diversity_at_5):
            assert 0.0 <= v <= 1.0
    # With sure class and failure mode, every shown order is at least partly relevant.
    assert report.by_mode["confident"].p_at_5 == 1.0
    assert report.by_mode["partial"].p_at_5 == 1.0
    text = format_report(report)
    assert "P@5" in text and "nDCG@10" in text and "overall" in text
    dumped = report.model_dump()
    assert dumped["overall"]["queries"] == 30 and len(dumped["per_query"]) == 30


def test_ndcg_is_one_for_an_ideal_ranking(setup: tuple[LocalHybridIndex, Path]) -> None:
    index, _ = setup
    hits = index.search("work_orders", "", None, None, top=10_000)
    t = next(
        Target(
            kks=h.document["kks"],
            equipment_class=h.document["equipment_class"],
            failure_mode=h.document["failure_mode"],
        )
        for h in hits
        if h.document["status"] == "closed"
    )
    closed = [h for h in hits if h.document["status"] == "closed"]
    ideal = sorted(closed, key=lambda h: -grade(h.document, t))[:10]
    q = RetrievalQuery(
        id="x",
        text="x",
        source="register",
        mode="confident",
        target=t,
        fields=fields_for("confident", t, t.kks[0], t.kks[1:4]),
    )
    r = evaluate_query(q, ideal, index)
    assert r.ndcg_at_10 == pytest.approx(1.0)
    worst = [h for h in closed if grade(h.document, t) == 0][:10]
    assert evaluate_query(q, worst, index).ndcg_at_10 == 0.0
    assert evaluate_query(q, [SearchHit(id="z", collection="work_orders", score=0, document={})], index).p_at_5 == 0.0
