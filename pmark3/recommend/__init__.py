"""Recommendations with evidence: similar work orders, procedures, open duplicates, alternative codes.

from pmark3.recommend import recommend, HistorySource, InMemoryHistory, RecommendationSet
"""

from pmark3.recommend.engine import EVIDENCE_COLLECTIONS, INDEX_DOWN, RecommendationSet, recommend
from pmark3.recommend.history import HistorySource, InMemoryHistory

__all__ = ["EVIDENCE_COLLECTIONS", "INDEX_DOWN", "HistorySource", "InMemoryHistory", "RecommendationSet", "recommend"]
