"""How operators write: urgency phrases, context tails, typos, and the catalog's priority cue words.

Symptom and equipment wording never carries a priority cue word of its own, so a request's
priority is decided by the urgency phrase alone: the most urgent cue in the text wins, and a
text without any cue is priority 3 (see ``cue_priority``).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from pmark3.catalog import load_catalog

URGENCY_KO: dict[int, tuple[str, ...]] = {
    1: (
        "긴급",
        "긴급 조치 바람",
        "즉시 조치 요망",
        "당장 봐주세요",
        "비상 상황",
        "긴급!!",
        "즉시 출동 바람",
        "화재 위험 있음, 긴급",
        "발전정지 우려 긴급",
        "트립됨, 긴급 복구 요망",
    ),
    2: (
        "우선처리 요망",
        "빨리 봐주세요",
        "오늘중 조치 바람",
        "금일 중 처리 바람",
        "예비기없음, 우선처리",
        "신속 조치 바랍니다",
        "DCS 경보 발생",
        "알람 계속 뜸",
        "24시간내 조치 요망",
        "우선 처리 부탁",
    ),
    3: ("점검요망", "확인요망", "이번주 중 조치", "경미함", "일반 작업으로 처리"),
    4: (
        "계획정비 시 조치",
        "다음정지시 교체",
        "O/H 때 정비",
        "급하지않음",
        "예방정비 항목으로 등록",
        "오버홀 때 처리",
        "개선 요청",
        "정기점검 때 확인",
        "계획예방정비 때 반영",
    ),
}
URGENCY_EN: dict[int, tuple[str, ...]] = {
    1: ("urgent", "ASAP", "emergency", "need someone immediately", "urgent, pls respond", "fire risk, urgent"),
    2: (
        "high priority",
        "today please",
        "as soon as possible",
        "standby unavailable",
        "alarm on DCS",
        "within 24 hours pls",
    ),
    3: ("routine", "this week", "minor", "please inspect", "when possible"),
    4: ("next outage", "planned work", "no hurry", "during overhaul", "scheduled maintenance item"),
}

CONTEXT_KO: tuple[str, ...] = (
    "현장 확인 바랍니다",
    "확인 부탁드립니다",
    "조치 바람",
    "예비기로 전환함",
    "운전 중",
    "순회 중 발견",
    "야간 순찰 시 발견",
    "작업 요청합니다",
    "정비 부탁드려요",
    "운전원 발견",
    "어제부터 그럼",
    "교대 근무자 인계사항",
    "현장 가보니 그럼",
    "봐주세요",
    "사진 첨부함",
    "계속 지켜보는 중",
)
CONTEXT_EN: tuple[str, ...] = (
    "please check",
    "found during rounds",
    "standby in service",
    "pls look",
    "request work",
    "night shift found it",
    "since yesterday",
    "photo attached",
    "operator reported",
)


_HANGUL = re.compile("[\uac00-\ud7a3]")


def _has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[int, tuple[tuple[str, re.Pattern[str] | None], ...]], ...]:
    """Per priority: (lower-cased cue, word-boundary pattern for English cues or None for Korean)."""
    out = []
    for p in sorted(load_catalog().priorities.values(), key=lambda p: p.priority):
        cues = []
        for cue in p.cue_words_ko + p.cue_words_en:
            low = cue.lower()
            # English cues are whole words: "low" must not fire inside "flow" or "below".
            pattern = None if _has_hangul(cue) else re.compile(rf"(?<![a-z]){re.escape(low)}(?![a-z])")
            cues.append((low, pattern))
        out.append((p.priority, tuple(cues)))
    return tuple(out)


def cue_priorities(text: str) -> set[int]:
    """Priorities whose cue words (priorities.csv) occur in ``text``."""
    low = text.lower()
    return {
        prio
        for prio, cues in _cues()
        if any(cue in low and (pattern is None or pattern.search(low)) for cue, pattern in cues)
    }


def cue_priority(text: str) -> int:
    """The priority the text signals: its most urgent cue, or 3 when it has none."""
    found = cue_priorities(text)
    return min(found) if found else 3


# Loanwords that operators spell several ways.
SPELLING_VARIANTS: dict[str, tuple[str, ...]] = {
    "밸브": ("벨브", "발브"),
    "베어링": ("베아링",),
    "메카니컬씰": ("메커니컬씰", "메카니칼씰", "메카씰"),
    "스트레이너": ("스트레나", "스트레이나"),
    "모터": ("모타",),
    "컨베이어": ("컨베어", "콘베어"),
    "필터": ("휠터",),
    "댐퍼": ("뎀퍼",),
    "트랜스미터": ("트랜스밋터",),
    "얼라인먼트": ("얼라이먼트",),
    "플랜지": ("후렌지", "프렌지"),
    "가스켓": ("개스킷", "가스킷"),
    "임펠러": ("임펠라",),
    "커플링": ("카플링",),
}
_VARIANT_RE = re.compile("|".join(sorted(SPELLING_VARIANTS, key=len, reverse=True)))


def respell(rng: random.Random, text: str, rate: float = 0.2) -> str:
    """Swap loanwords for another common spelling ("밸브" -> "벨브") in some texts."""
    if rng.random() > rate:
        return text
    return _VARIANT_RE.sub(lambda m: rng.choice(SPELLING_VARIANTS[m.group(0)]), text)


_SPACE_RE = re.compile(r"\s+")


def typo(rng: random.Random, text: str, rate: float = 0.25) -> str:
    """Realistic noise: dropped or added spaces, a doubled or dropped character, case changes."""
    if rng.random() > rate:
        return text
    kind = rng.randrange(5)
    if kind == 0 and " " in text:
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        i = rng.choice(spaces)
        return text[:i] + text[i + 1 :]
    if kind == 1:
        hangul = [i for i, ch in enumerate(text[:-1]) if _has_hangul(ch) and _has_hangul(text[i + 1])]
        if hangul:
            i = rng.choice(hangul) + 1
            return text[:i] + " " + text[i:]
    if kind == 2 and len(text) > 8:
        i = rng.randrange(len(text) - 1)
        if text[i].isalnum():
            return text[:i] + text[i] + text[i:]
    if kind == 3 and len(text) > 12:
        i = rng.randrange(2, len(text) - 2)
        if _has_hangul(text[i]) and text[i] not in "호기":
            return text[:i] + text[i + 1 :]
    if kind == 4:
        return text.lower() if rng.random() < 0.7 else text.upper()
    return _SPACE_RE.sub("  ", text, count=1)
