"""The Azure AI Search adapter at the wire: exact REST paths and bodies, batching, retries, schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pmark3.errors import SearchError
from pmark3.ports import IndexDocument, SearchFilters, VectorIndex
from pmark3.search.azure import AzureSearchIndex, odata_filter
from pmark3.search.azure_schema import build_index, ensure_indexes, index_name, main
from pmark3.search.synthetic import HashEmbedder
from tests.search.azure_fakes import ENDPOINT, FakeCredential, RecordingTransport, Reply, scripted

API = "/indexes('pmark3-work-orders')/docs/"


def ok(*keys: str) -> Reply:
    return 200, {"value": [{"key": k, "status": True, "errorMessage": None, "statusCode": 201} for k in keys]}, {}


def make(replies: list[Reply]) -> tuple[AzureSearchIndex, RecordingTransport, list[float]]:
    sleeps: list[float] = []
    transport = RecordingTransport(scripted(replies))
    index = AzureSearchIndex(
        ENDPOINT,
        HashEmbedder(dimension=4),
        credential=FakeCredential(),
        transport=transport,
        sleep=sleeps.append,
        backoff_s=0.5,
    )
    return index, transport, sleeps


def wo(i: int, **kw: Any) -> IndexDocument:
    return IndexDocument(id=f"WO-{i}", text=f"급수펌프 진동 {i}", vector=[0.5, 0.5, 0.5, 0.5], **kw)


def test_is_a_vector_index() -> None:
    assert isinstance(make([])[0], VectorIndex)


def test_upload_body_and_path() -> None:
    index, t, _ = make([ok("WO-1")])
    index.upsert(
        "work_orders",
        [
            wo(
                1,
                unit="2",
                system="LAC",
                kks="2LAC20AP001",
                equipment_class="PU",
                failure_mode="VIB",
                date="2024-03-01",
                status="closed",
                payload={"actions": "베어링 교체", "labour_hours": 6},
            )
        ],
    )
    (req,) = t.requests
    assert req.method == "POST"
    assert req.path == API + "search.index"
    assert "api-version" in req.query
    assert req.headers["Authorization"] == "Bearer fake-token"
    assert req.body == {
        "value": [
            {
                "@search.action": "upload",
                "id": "WO-1",
                "text": "급수펌프 진동 1",
                "vector": [0.5, 0.5, 0.5, 0.5],
                "unit": "2",
                "system": "LAC",
                "kks": "2LAC20AP001",
                "equipment_class": "PU",
                "failure_mode": "VIB",
                "status": "closed",
                "date": "2024-03-01T00:00:00Z",
                "payload": json.dumps({"actions": "베어링 교체", "labour_hours": 6}, ensure_ascii=False),
            }
        ]
    }


def test_missing_vectors_are_embedded_with_the_embedder() -> None:
    index, t, _ = make([ok("A")])
    index.upsert("equipment_docs", [IndexDocument(id="A", text="급수펌프")])
    body = t.requests[0].body["value"][0]
    assert t.requests[0].path == "/indexes('pmark3-equipment-docs')/docs/search.index"
    assert body["vector"] == pytest.approx(HashEmbedder(dimension=4).embed(["급수펌프"], "passage")[0].tolist())


def test_uploads_in_batches_of_at_most_1000() -> None:
    docs = [wo(i) for i in range(2500)]
    index, t, _ = make(
        [ok(*[d.id for d in docs[:1000]]), ok(*[d.id for d in docs[1000:2000]]), ok(*[d.id for d in docs[2000:]])]
    )
    index.upsert("work_orders", docs)
    assert [len(r.body["value"]) for r in t.requests] == [1000, 1000, 500]
    assert t.requests[2].body["value"][-1]["id"] == "WO-2499"


def test_hybrid_search_is_one_request_with_text_vector_filter_top_select() -> None:
    row = {
        "@search.score": 0.0331,
        "id": "WO-1",
        "text": "급수펌프 진동",
        "unit": "2",
        "system": "LAC",
        "kks": "2LAC20AP001",
        "equipment_class": "PU",
        "failure_mode": "VIB",
        "status": "closed",
        "date": "2024-03-01T00:00:00Z",
        "payload": '{"actions": "베어링 교체"}',
    }
    index, t, _ = make([(200, {"value": [row]}, {})])
    hits = index.search(
        "work_orders",
        "급수펌프 진동",
        [0.1, 0.2, 0.3, 0.4],
        SearchFilters(unit="2", equipment_class="PU", status="closed", date_from="2023-01-01", date_to="2026-11-01"),
        top=7,
    )
    (req,) = t.requests
    assert req.path == API + "search.post.search"
    assert req.body == {
        "search": "급수펌프 진동",
        "filter": "unit eq '2' and equipment_class eq 'PU' and status eq 'closed' "
        "and date ge 2023-01-01T00:00:00Z and date le 2026-11-01T00:00:00Z",
        "top": 7,
        "select": "id,text,unit,system,kks,equipment_class,failure_mode,status,date,payload",
        "vectorQueries": [{"kind": "vector", "vector": [0.1, 0.2, 0.3, 0.4], "k": 50, "fields": "vector"}],
    }
    (hit,) = hits
    assert hit.id == "WO-1" and hit.collection == "work_orders" and hit.score == pytest.approx(0.0331)
    assert hit.document == {
        "id": "WO-1",
        "text": "급수펌프 진동",
        "unit": "2",
        "system": "LAC",
        "kks": "2LAC20AP001",
        "equipment_class": "PU",
        "failure_mode": "VIB",
        "date": "2024-03-01",
        "status": "closed",
        "payload": {"actions": "베어링 교체"},
    }


def test_filter_only_search_lists_newest_first() -> None:
    index, t, _ = make([(200, {"value": []}, {})])
    index.search("work_orders", "", None, SearchFilters(kks="2LAC20AP001"), top=3)
    assert t.requests[0].body == {
        "search": "*",
        "filter": "kks eq '2LAC20AP001'",
        "top": 3,
        "orderby": "date desc",
        "select": "id,text,unit,system,kks,equipment_class,failure_mode,status,date,payload",
    }


def test_odata_quotes_are_escaped() -> None:
    assert odata_filter(SearchFilters(kks="O'Brien")) == "kks eq 'O''Brien'"
    assert odata_filter(SearchFilters()) is None
    assert odata_filter(None) is None


def test_delete_sends_delete_actions() -> None:
    index, t, _ = make([ok("WO-1", "WO-2")])
    index.delete("work_orders", ["WO-1", "WO-2"])
    assert t.requests[0].body == {
        "value": [{"@search.action": "delete", "id": "WO-1"}, {"@search.action": "delete", "id": "WO-2"}]
    }


PARTIAL: Reply = (
    207,
    {
        "value": [
            {"key": "WO-1", "status": True, "errorMessage": None, "statusCode": 200},
            {"key": "WO-2", "status": False, "errorMessage": "Service unavailable, retry", "statusCode": 503},
            {"key": "WO-3", "status": False, "errorMessage": "Version conflict", "statusCode": 409},
        ]
    },
    {},
)
THROTTLED: Reply = (429, {"error": {"code": "", "message": "Too many requests"}}, {"Retry-After": "3"})
UNAVAILABLE: Reply = (503, {"error": {"code": "", "message": "Service unavailable"}}, {})


def test_partial_failure_207_retries_only_failed_documents() -> None:
    index, t, sleeps = make([PARTIAL, ok("WO-2", "WO-3")])
    index.upsert("work_orders", [wo(1), wo(2), wo(3)])
    assert [[a["id"] for a in r.body["value"]] for r in t.requests] == [["WO-1", "WO-2", "WO-3"], ["WO-2", "WO-3"]]
    assert sleeps == [0.5]


def test_throttle_429_honours_retry_after_then_succeeds() -> None:
    index, t, sleeps = make([THROTTLED, UNAVAILABLE, ok("WO-1")])
    index.upsert("work_orders", [wo(1)])
    assert len(t.requests) == 3
    assert t.requests[0].body == t.requests[2].body
    assert sleeps == [3.0, 1.0]  # Retry-After, then exponential backoff


def test_non_retryable_item_failure_is_search_error() -> None:
    bad: Reply = (
        207,
        {"value": [{"key": "WO-1", "status": False, "errorMessage": "Invalid document", "statusCode": 400}]},
        {},
    )
    index, t, _ = make([bad])
    with pytest.raises(SearchError, match="WO-1: 400"):
        index.upsert("work_orders", [wo(1)])
    assert len(t.requests) == 1


def test_gives_up_after_max_attempts() -> None:
    index, t, _ = make([THROTTLED] * 5)
    with pytest.raises(SearchError, match="429"):
        index.upsert("work_orders", [wo(1)])
    assert len(t.requests) == 5


def test_search_failure_maps_to_search_error() -> None:
    index, _, _ = make([(500, {"error": {"code": "", "message": "boom"}}, {})])
    with pytest.raises(SearchError):
        index.search("work_orders", "x", None)
    with pytest.raises(SearchError):
        index.search("nope", "x", None)


def test_schema_as_code_creates_four_indexes() -> None:
    t = RecordingTransport(lambda req: (201, req.body, {}))
    names = ensure_indexes(ENDPOINT, "pmark3", 384, credential=FakeCredential(), transport=t, retry_total=0)
    assert names == [
        index_name("pmark3", c) for c in ("equipment_docs", "procedure_docs", "location_docs", "work_orders")
    ]
    assert [r.method for r in t.requests] == ["PUT"] * 4
    assert t.requests[3].path == "/indexes('pmark3-work-orders')"
    body = t.requests[3].body
    fields = {f["name"]: f for f in body["fields"]}
    assert fields["id"]["key"] is True
    assert fields["text"]["analyzer"] == "ko.microsoft" and fields["text"]["searchable"] is True
    assert fields["vector"]["type"] == "Collection(Edm.Single)" and fields["vector"]["dimensions"] == 384
    for f in ("unit", "system", "kks", "equipment_class", "failure_mode", "status", "date"):
        assert fields[f]["filterable"] is True and fields[f]["facetable"] is True
    assert fields["date"]["type"] == "Edm.DateTimeOffset"
    (algo,) = body["vectorSearch"]["algorithms"]
    assert algo["kind"] == "hnsw" and algo["hnswParameters"]["metric"] == "cosine"
    assert body["vectorSearch"]["profiles"][0]["algorithm"] == algo["name"]
    assert fields["vector"]["vectorSearchProfile"] == body["vectorSearch"]["profiles"][0]["name"]


def test_schema_dimension_follows_the_model() -> None:
    d = build_index("x", 1024).as_dict()
    assert next(f for f in d["fields"] if f["name"] == "vector")["dimensions"] == 1024


def test_cli_reports_failure_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmark3.search import azure_schema

    def boom(*a: Any, **k: Any) -> list[str]:
        raise RuntimeError("no credential")

    monkeypatch.setattr(azure_schema, "ensure_indexes", boom)
    assert main(["--endpoint", ENDPOINT]) == 1
    assert "no credential" in capsys.readouterr().err


def test_from_settings_uses_endpoint_and_prefix() -> None:
    from pmark3.config import Settings
    from pmark3.errors import ConfigurationError

    t = RecordingTransport(scripted([(200, {"value": []}, {})]))
    s = Settings(_env_file=None, search_backend="azure", search_endpoint=ENDPOINT, search_index_prefix="plant7")  # type: ignore[call-arg,arg-type]
    index = AzureSearchIndex.from_settings(s, HashEmbedder(dimension=4), credential=FakeCredential(), transport=t)
    index.search("procedure_docs", "x", None)
    assert t.requests[0].url.startswith(f"{ENDPOINT}/indexes('plant7-procedure-docs')/docs/search.post.search")
    with pytest.raises(ConfigurationError):
        AzureSearchIndex.from_settings(Settings(_env_file=None), HashEmbedder())  # type: ignore[call-arg]
