"""Local request understanding: the parser and the term normalizer (issue 3).

parser = LocalParser(catalog, locations)
parsed = parser.parse(text, history)
fields = Normalizer(catalog, locations).normalize(parsed, text, history)
"""

from pmark3.understanding.normalizer import Normalizer
from pmark3.understanding.parser import LocalParser

__all__ = ["LocalParser", "Normalizer"]
