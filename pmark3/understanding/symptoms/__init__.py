"""Failure-mode reading: symptom patterns by family, and the reader that runs them.

``SymptomReader(catalog).find(canon)`` gives the symptoms of a canonical text; ``leak_medium``
decides which medium a leak is (ELP / ELU / ELF).
"""

from pmark3.understanding.symptoms.leaks import leak_medium
from pmark3.understanding.symptoms.patterns import PATTERNS
from pmark3.understanding.symptoms.reader import SymptomHit, SymptomReader

__all__ = ["PATTERNS", "SymptomHit", "SymptomReader", "leak_medium"]
