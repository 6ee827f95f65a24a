"""Finding symptoms in a canonical text: every pattern's matches, negation, overlaps resolved.

Patterns run on the canonical text (Korean without spaces, `` | `` between clauses).
Each carries a strength: 3 for a specific reading ("차압 ... 높음" -> PLU,
"절연저항 ... 저하" -> ELE), 2 for a symptom word ("진동", "누설", "won't start"),
1 for generic words that only decide when nothing else is said ("이상", "alarm").
A symptom followed by "정상/없음/normal" or preceded by "no" is negated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pmark3.catalog import Catalog
from pmark3.understanding.symptoms.patterns import PATTERNS
from pmark3.understanding.textnorm import canonical

_NEGATED_AFTER = re.compile(
    r"^[^|]{0,6}?(?:은|는|이|가)?(?:정상(?=이|임|입|인|으로|적|$| |\|)|없음|없고|없어|없습|양호|문제없|괜찮|normal|ok(?= |$)|"
    r"fine|no problem)"
    r"|^(?:보다는|보다(?!높|낮|크|작|많|적)|말고|아니고|아니라|이아니|가아니|(?:이)?라기 ?보다|(?:이)?라기보단| rather than)"
    r"|^[^|]{0,3}?(?:게|것|건|거)(?:은|는|이|가)? ?아니"
    r"|^ ?(?:위험|우려|가능성|염려|직전|임박|risk|imminent)"
    # "진동 측정용 포인트", "vibration measuring point": what is measured there, not a symptom found.
    r"|^ ?(?:측정용|측정 ?포인트|측정점|감시용|계측용|measuring point|measurement point|monitoring point)"
    # "누유 흔적은 안 보임", "no sign of a leak": looked for and not found.
    r"|^ ?(?:흔적|자국)(?:은|는|이|가|도)? ?(?:없|안 ?보|못 ?찾|안 ?나)"
)
_NEGATED_BEFORE = re.compile(r"(?:^| )(?:no|not|without)(?: [a-z]+)? ?$")


@dataclass(frozen=True)
class SymptomHit:
    code: str
    strength: int
    start: int
    end: int
    negated: bool


class SymptomReader:
    def __init__(self, catalog: Catalog) -> None:
        patterns = list(PATTERNS)
        for code, row in catalog.failure_modes.items():
            words = [canonical(w) for w in (*row.synonyms_ko, *row.synonyms_en) if len(w) >= 2]
            words = [w for w in words if w and w not in _WEAK_CATALOG and w != "밸브패싱"]
            if not words:
                continue
            strength = 2 if code not in {"OTH", "UNK", "PDE"} else 1
            alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            patterns.append((code, strength, f"(?:{alt})"))
        self._compiled = [(c, s, re.compile(p)) for c, s, p in patterns]

    def learn(self, alias: str, code: str) -> None:
        """A taught phrase reads as ``code`` with the strength of a specific pattern."""
        self._compiled.insert(0, (code, 3, re.compile(re.escape(canonical(alias)))))

    def find(self, canon: str) -> list[SymptomHit]:
        hits: list[SymptomHit] = []
        for code, strength, rx in self._compiled:
            for m in rx.finditer(canon):
                if m.end() == m.start():
                    continue
                hits.append(SymptomHit(code, strength, m.start(), m.end(), _is_negated(canon, m.start(), m.end())))
        return _dedupe(hits)


_WEAK_CATALOG = frozenset(
    {"고장", "이상", "other", "misc", "기타", "failed", "변동", "편차", "unclear", "모름", "dirt", "wear"}
)


def _is_negated(canon: str, start: int, end: int) -> bool:
    after = _NEGATED_AFTER.match(canon[end:])
    if after and _OTHER_SUBJECT.search(after.group(0)):
        after = None  # "진동 큼 예비기 없음": the "없음" is the standby's, not the vibration's
    return bool(after or _NEGATED_BEFORE.search(canon[:start]))


_OTHER_SUBJECT = re.compile(r"예비|standby|backup|spare")


def _dedupe(hits: Sequence[SymptomHit]) -> list[SymptomHit]:
    """Keep, for overlapping hits, the strongest (then longest) one."""
    ordered = sorted(hits, key=lambda h: (-h.strength, -(h.end - h.start), h.start))
    kept: list[SymptomHit] = []
    for h in ordered:
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept
