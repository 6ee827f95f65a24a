"""The state a session has reached, and how a follow-up (S2) changes it.

The earlier user turns are re-read in order, then the latest assistant summary
("접수: 1호기 / MKW ... / 우선순위 3") overrides the codes it states, then the
follow-up overrides what it says: a stated unit, system, class or train replaces the
old one ("A 말고 B요", "GAH 아니고 IDF B motor 쪽", "pump side, not the motor"), a
priority cue replaces the priority ("우선처리로 바꿔주세요"). A symptom in the
follow-up replaces the failure mode only when it is specific; context such as
"예비기 없어요" explains a priority change and leaves the failure mode alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from pmark3.catalog import Catalog
from pmark3.models import Turn
from pmark3.understanding.lexicon import SYSTEM_DEFAULT_CLASS
from pmark3.understanding.reading import Analyzer, Candidate, Reading
from pmark3.understanding.scenario import latest_summary

_LEAKS = frozenset({"ELP", "ELU", "ELF"})
_CORRECTION = re.compile(r"아니고|아니라|말고|대신|바꿔|변경|정정|(?:^| )(?:not|instead|change|replace)(?= |$)")
_CONTEXT_MODES = frozenset({"LOR", "PDE", "UNK", "OTH", "FTI"})
# A reason clause right after an equipment word, in the source text (the canonical one drops the
# spaces between Hangul words): "안쓰는 펌프라 다음 계획정비때", "보일러 점화 준비중이라".
_REASON_AFTER = re.compile(r"^[^.,!?\n]{0,10}?(?:이라|라서|라(?=\s|$)|이니까|니까|때문)")
_REASON_BEFORE = re.compile(r"(?:^|\s)(?:because|since|as) (?:the |our |a )?[^.,!?]{0,20}$", re.IGNORECASE)


def _named_as_reason(r: Reading, original: str) -> bool:
    """The follow-up names the equipment only in the reason it gives ("the boiler is being lit, so ...")."""
    text = r.doc.source
    at = text.find(original) if original else -1
    if at < 0:
        return False
    return bool(_REASON_AFTER.match(text[at + len(original) :]) or _REASON_BEFORE.search(text[:at]))


@dataclass
class Value:
    value: str | int | None
    key: str
    original: str = ""
    alternatives: list[Candidate] = field(default_factory=list)


@dataclass
class State:
    unit: Value
    system: Value
    train: str | None
    cls: Value
    mode: Value
    priority: Value
    kks: str | None = None
    kks_by_unit: dict[str, str] = field(default_factory=dict)


def state_of(r: Reading) -> State:
    unit = Value(r.unit, r.unit_key if r.unit else ("invalid" if r.unit_invalid else "none"), r.unit_original)
    if r.units_conflict:
        unit.key = "conflict"
    system = Value(r.system, r.systems[0].key if r.systems else "none", r.systems[0].original if r.systems else "")
    system.alternatives = r.systems[1:]
    cls = Value(r.cls, r.classes[0].key if r.classes else "none", r.equipment_original)
    cls.alternatives = r.classes[1:]
    if r.scenario == "S3":
        mode = Value(r.mode, ("s3_" + r.modes[0].key) if r.modes else "s3_null", r.symptom_original)
        prio = Value(None, "s3_null")
    else:
        mode = Value(r.mode or "UNK", r.modes[0].key if r.modes else "none", r.symptom_original)
        if not (r.modes or r.systems or r.classes or r.unit):
            # Nothing of a maintenance request was read ("xkcd qwrt"): no code to anchor a search on.
            mode = Value(None, "nothing")
        p = r.priority
        prio = Value(p.value, p.key, p.original) if p else Value(3, "default")
    mode.alternatives = r.modes[1:]
    return State(unit, system, r.train, cls, mode, prio, r.kks, dict(r.kks_by_unit))


_ASKED_UNIT = re.compile(r"몇\s*호기|어느\s*호기|which unit|what unit", re.IGNORECASE)
_BARE_UNIT = re.compile(
    r"^\s*(?:unit\s*|u\s*|#\s*)?([0-2])\s*(?:번|호|호기|u|unit)?\s*(?:이요|이에요|예요|요|입니다|임)?\s*[.!]*\s*$",
    re.IGNORECASE,
)


def answered_unit(text: str, history: Sequence[Turn]) -> str | None:
    """A bare "2" or "2번이요" answering "몇 호기 설비인가요?"."""
    last = next((t for t in reversed(history) if t.role == "assistant"), None)
    if last is None or not _ASKED_UNIT.search(last.text):
        return None
    m = _BARE_UNIT.match(text)
    return m.group(1) if m else None


def prior_state(history: Sequence[Turn], analyzer: Analyzer, catalog: Catalog) -> State | None:
    """What the session had established before this turn."""
    state: State | None = None
    for turn in history:
        if turn.role != "user":
            continue
        r = analyzer.read(turn.text, has_history=False)
        r.scenario = "S1"  # an earlier report is read as the report it was
        current = state_of(r)
        state = current if state is None else merge(state, current, r)
    summary = latest_summary(history, catalog)
    if summary is not None:
        if state is None:
            state = State(
                Value(None, "none"),
                Value(None, "none"),
                None,
                Value(None, "none"),
                Value(None, "none"),
                Value(None, "none"),
            )
        if summary.unit is not None:
            state.unit = replace(state.unit, value=summary.unit)
        if summary.system is not None and summary.system != state.system.value:
            state.system = Value(summary.system, "summary", state.system.original)
        if summary.cls is not None and summary.cls != state.cls.value:
            state.cls = Value(summary.cls, "summary", state.cls.original)
        if summary.failure_mode is not None and summary.failure_mode != state.mode.value:
            state.mode = Value(summary.failure_mode, "summary", state.mode.original)
        elif summary.failure_mode is not None and state.mode.key == "learned":
            # The summary confirmed the guess: it is now the session's mode, not a guess to replace.
            state.mode = replace(state.mode, key="summary")
        if summary.priority is not None and summary.priority != state.priority.value:
            state.priority = Value(summary.priority, "summary", state.priority.original)
    return state


# Equipment that carries parts of another class: naming it again does not undo the part.
_PARENT_CLASSES = frozenset({"PU", "BL", "CO", "ST", "EG", "PT", "HE", "CV", "HB", "VE", "TA", "PI"})


def _parent_of(new: State, old: State) -> bool:
    """The follow-up names the equipment whose part was reported ("Unit 1, fan B" after "fan motor")."""
    return new.cls.value in _PARENT_CLASSES and old.cls.value not in _PARENT_CLASSES


def _moves_the_part(new: State, old: State, r: Reading) -> bool:
    """The follow-up corrects where the reported part is, naming its parent ("fan B not A" after "IDF A motor",
    "not HP heater 6 - LP heater 2's emergency drain" after a drain valve): the part stays the failed class."""
    if not _parent_of(new, old) or old.cls.value in r.negated_classes:
        return False
    other_train = new.train is not None and old.train is not None and new.train != old.train
    other_system = new.system.value is not None and new.system.value != old.system.value
    return other_train or other_system


def _carried(v: Value) -> Value:
    return Value(v.value, "history" if v.value is not None else v.key, v.original, v.alternatives)


def merge(old: State, new: State, r: Reading) -> State:
    """The follow-up's stated fields replace the old ones; the rest is carried over."""
    unit = new.unit if new.unit.value is not None else _carried(old.unit)
    system = new.system if new.system.value is not None else _carried(old.system)
    if new.system.value is not None and new.system.key == "weak" and old.system.value is not None:
        system = _carried(old.system)
    if new.system.value is not None and new.system.key == "weak" and old.system.value in r.negated_systems:
        system = new.system  # "밀봉유 아니고 터빈 윤활유 필터예요"
    # "순환수펌프 A도 정비중이라 예비기가 없어요": another train named in passing, with nothing wrong
    # read about it, is context for the priority, not the equipment the session is about.
    passing = r.train_also and r.symptom_strength < 2 and old.system.value is not None
    # "급한거 아니에요 안쓰는 펌프라 다음 계획정비때 해도 됨": equipment named only as the reason for a
    # priority, with nothing wrong read about it, is not the equipment the session is about either.
    passing = passing or (
        r.symptom_strength < 2
        and old.cls.value is not None
        and not r.negated_classes
        and _named_as_reason(r, new.cls.original)
    )
    if passing:
        system = _carried(old.system)
    cls = _carried(old.cls)
    # A class word replaces the old class when the follow-up corrects ("펌프 말고 모터요",
    # "pump side, not the motor"), not when it only names the equipment again ("Unit 1, fan B").
    corrects = r.followup or bool(r.negated_classes)
    adds = r.mode_also and old.mode.value not in (None, "UNK") and not _CORRECTION.search(r.doc.canon)
    # "BFPT 쪽이 아니고 booster pump 베어링", "the analyzer is fine ... on the generator": the old class is
    # denied, so the equipment named now is the one, even when only its system's name names it.
    denied = old.cls.value is not None and old.cls.value in r.negated_classes
    if _moves_the_part(new, old, r):
        pass
    elif (
        not adds
        and not passing
        and new.cls.value is not None
        and new.cls.key != "system_default"
        and (
            old.cls.value is None
            or (denied and new.cls.value != old.cls.value)
            or (r.class_explicit and (corrects or (new.cls.value != old.cls.value and not _parent_of(new, old))))
        )
    ):
        cls = new.cls
    elif new.system.value is not None and system is new.system and new.system.value != old.system.value:
        cls = new.cls if new.cls.value is not None else cls
    elif denied and new.cls.value is None and system.value is not None:
        # "모터 말고 support bearing 쪽이에요": the denied part's parent, named only by a part of it, is the
        # system's own equipment.
        head = SYSTEM_DEFAULT_CLASS.get(str(system.value))
        if head is not None and head != old.cls.value:
            cls = Value(head, "system_default", old.system.original)
    mode = _carried(old.mode)
    same_leak = new.mode.value in _LEAKS and old.mode.value in _LEAKS  # the medium was already known
    if (
        new.mode.value is not None
        # Nothing read now ("주유탱크 아니고 EHC 유탱크였어요") replaces nothing.
        and (new.mode.key != "none" or old.mode.value is None)
        and not adds
        and not same_leak
        and (
            old.mode.value in (None, "UNK")
            # A guess of the learned model (no pattern read the earlier turn) yields to any reading.
            or old.mode.key == "learned"
            or (new.mode.value not in _CONTEXT_MODES and r.symptom_strength >= 2)
        )
    ):
        mode = new.mode
        fresh = next(
            (
                c
                for c in new.mode.alternatives
                if c.value not in (None, old.mode.value) and c.key == new.mode.key and c.key != "learned"
            ),
            None,
        )
        if new.mode.value == old.mode.value and fresh is not None:
            # "보온 벗겨진 자리 보니 ... 균열": the follow-up repeats the reported symptom and adds a
            # new one as specific; the new one is what it reports.
            mode = Value(fresh.value, fresh.key, fresh.original)
    prio = _carried(old.priority) if old.priority.value is not None else new.priority
    if new.priority.key not in ("default", "s3_null") and new.priority.value is not None:
        prio = new.priority
    train = old.train
    if new.train and not (r.train_also and old.train):
        train = new.train
    kks = new.kks if new.kks and unit.value == new.unit.value else None
    if kks is None and unit.value is not None:
        # "CWP B not A": a unit-less tag, in the unit the session already knows.
        kks = new.kks_by_unit.get(str(unit.value))
    return State(unit, system, train, cls, mode, prio, kks)
