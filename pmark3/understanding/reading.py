"""One pass over a request: every mention with its evidence, before any session merge.

The ``Analyzer`` is built once (gazetteer, symptom and priority patterns, register
index) and turns a text into a ``Reading``: the ranked candidates of each field, the
words they came from and an evidence key per field that ``calibration`` maps to a
confidence.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from pmark3.catalog import Catalog
from pmark3.models import Scenario
from pmark3.plant import FunctionalLocation, WorkOrder
from pmark3.understanding.gazetteer import Entry, Hit, build_equipment_gazetteer
from pmark3.understanding.learned import ModeModel, labeled_model
from pmark3.understanding.lexicon import COMMON_SYSTEMS
from pmark3.understanding.linear import FOLLOWUP_SCALE, LinearModel, load_model, priority_features
from pmark3.understanding.priority import PriorityCue, PriorityReader, decide
from pmark3.understanding.register import RegisterIndex
from pmark3.understanding.scenario import detect_scenario, is_followup
from pmark3.understanding.symptoms import SymptomHit, SymptomReader, leak_medium
from pmark3.understanding.textnorm import Doc, canonical, is_hangul, make_doc
from pmark3.understanding.typos import TypoFixer
from pmark3.understanding.units import UnitMention, find_trains, find_units

_NEG_AFTER = re.compile(
    # "BFP A x" marks it wrong; the x of a word ("aux", "box") or of a vibration order ("1X") does not.
    r"^[^|]{0,4}?(?:은|는|이|가)? ?(?:아니고|아니라|아니에요|아님|아니요|말고|대신|(?<![a-z0-9])(?<!\d )x(?= |$))"
    # "모터는 양호하고": 양호 (in good order) clears it like 정상.
    r"|^(?:[^|]{0,5}?(?:은|는|이|가)|(?:은|는|이|가)?) ?(?:정상(?=이|임|입|인|으로|적|$| |\|)|양호(?=하|함|해|$| |\|)|문제없|이상없|괜찮|멀쩡)"
    # "compressor end is fine", "the motor looks ok": English says it of the part it clears.
    r"|^(?: end| side| itself)?(?: is| are| s| looks?| seems?| was| checked| tested)(?: out)? ?(?:fine|ok|okay|normal|good|healthy)(?= |$|\|)"
)
# "저압히터 2번 입구 쪽 플랜지": the heater is a landmark, the flange's piping is the equipment.
_LANDMARK_AFTER = re.compile(
    r"^[^|]{0,10}?(?:쪽|측|부근|근처|앞|뒤|옆|밑)(?!에서|에|으로|이|은|는|의|입니|이에|이요|요)"
)
_OUTLET = re.compile(r"출구온도|outlet temp|열회수")
_FIRE = re.compile(r"화재|fire|연기|smok")
# Words that make one of two written units the meant one ("2호기 말고 1호기" is caught by
# negation; "1호기에서 2호기로 옮긴" is not a conflict worth refusing).
_BOTH_WAYS = re.compile(r"에서[^|]{0,6}?로|from [^|]{0,12}? to ")
# Codes that are other events, not what made a unit trip ("트립, 예비 펌프 자동기동 안 됨").
_NOT_CAUSES = frozenset({"UST", "PDE", "UNK", "OTH", "LOR", "FTI", "FTF", "FTS", "FTO", "FTC", "STP", "FCO", "FDC"})
_COOLER = re.compile(r"냉각기|쿨러|cooler|열교환기|heat exchanger|hx")
_FALSE_TRIP = re.compile(
    r"흔적[^|]{0,3}없|(?:^| )no (?:gas|trace|evidence|fault)|false|오동작|오작동|이상[^|]{0,2}없는데"
)
_NEG_BEFORE = re.compile(r"(?:^| )(?:not|instead of|rather than|no longer)(?: the| a| an)? ?$")
_ALSO_AFTER = re.compile(r"^ ?도")

# Evidence keys of symptom patterns of strength 3 and 4: specific wording the linear model may not overrule.
_STRONG_PATTERNS = ("s3_", "s4_")
# Class evidence keys of a pick among class words or a system's head equipment: the linear model may overrule these.
_WORD_CLASSES = frozenset({"head_single", "head_multi", "system_default"})
# Failure modes only one class has, by the conventions: a breaker fails to close or open, a valve passes.
_CLASS_OF_MODE = {"FCO": "SG", "FDC": "SG", "LCP": "VA"}
_UNIT_RANK = {"kks": 6, "register": 5, "hogi": 5, "unit_word": 4, "glued": 4, "hash": 3, "common": 2}


@dataclass
class Candidate:
    value: str | int | None
    score: float
    key: str  # evidence key for calibration
    original: str = ""


@dataclass
class Reading:
    doc: Doc
    language: str
    scenario: Scenario
    scenario_key: str
    followup: bool
    unit: str | None = None
    unit_key: str = "none"
    unit_original: str = ""
    unit_invalid: bool = False
    units_conflict: bool = False
    train: str | None = None
    train_also: bool = False  # "A펌프도": another train mentioned in passing
    class_explicit: bool = False  # the class came from a class word, not from a system name
    negated_systems: set[str] = field(default_factory=set)
    negated_classes: set[str] = field(default_factory=set)
    kks_written: bool = False
    mode_also: bool = False
    systems: list[Candidate] = field(default_factory=list)
    classes: list[Candidate] = field(default_factory=list)
    modes: list[Candidate] = field(default_factory=list)
    priority: Candidate | None = None
    kks: str | None = None
    kks_by_unit: dict[str, str] = field(default_factory=dict)
    location_original: str = ""
    equipment_original: str = ""
    symptom_original: str = ""
    priority_original: str = ""
    symptom_strength: int = 0
    class_start: int = -1  # where the chosen class word starts in the canonical text
    mode_start: int = -1  # where the top symptom starts

    @property
    def system(self) -> str | None:
        return str(self.systems[0].value) if self.systems else None

    @property
    def cls(self) -> str | None:
        return str(self.classes[0].value) if self.classes and self.classes[0].value is not None else None

    @property
    def mode(self) -> str | None:
        return str(self.modes[0].value) if self.modes else None


class Analyzer:
    def __init__(
        self,
        catalog: Catalog,
        locations: Sequence[FunctionalLocation],
        work_orders: Sequence[WorkOrder] | None = None,
    ) -> None:
        self.catalog = catalog
        self.locations = list(locations)
        self.gazetteer = build_equipment_gazetteer(catalog, self.locations)
        self.symptoms = SymptomReader(catalog)
        self.priorities = PriorityReader(catalog)
        self.known_systems = set(catalog.systems)
        self.register = RegisterIndex(self.locations)
        self.learned_modes: ModeModel = labeled_model()
        self._orders_learned: set[int] = set()
        self._cache: dict[tuple[str, bool], Reading] = {}
        self.typos = TypoFixer(term for term, _ in self.gazetteer.terms())
        if work_orders:
            self.use_work_orders(work_orders)

    def use_work_orders(self, work_orders: Sequence[WorkOrder]) -> None:
        learned = self.register.use_work_orders(work_orders)
        if id(work_orders) not in self._orders_learned:
            self._orders_learned.add(id(work_orders))
            # What the closed history calls each failure mode, in the operators' words.
            self.learned_modes.add_history([(wo.text, wo.failure_mode) for wo in work_orders if wo.status == "closed"])
            learned = True
        if learned:
            self.clear_cache()

    def clear_cache(self) -> None:
        self._cache.clear()

    # ------------------------------------------------------------------ reading
    def read(self, text: str, has_history: bool = False) -> Reading:
        """The reading of a text; cached, and a fresh copy each call (callers adjust it)."""
        key = (text, has_history)
        found = self._cache.get(key)
        if found is None:
            found = self._read(text, has_history)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = found
        return copy.copy(found)

    # The linear second opinions, loaded when first used (the trainer reads the rules without them).
    @cached_property
    def linear_modes(self) -> LinearModel:
        return load_model("mode")

    @cached_property
    def linear_classes(self) -> LinearModel:
        return load_model("class")

    @cached_property
    def linear_systems(self) -> LinearModel:
        return load_model("system")

    @cached_property
    def linear_scenarios(self) -> LinearModel:
        return load_model("scenario")

    @cached_property
    def linear_priorities(self) -> LinearModel:
        return load_model("priority")

    def rules_priority(self, text: str) -> tuple[int, str]:
        """The priority the patterns give a first-turn text and its evidence key, before any second opinion."""
        return _rules_priority(self._read_patterns(text, False))

    def _read(self, text: str, has_history: bool) -> Reading:
        r = self._read_patterns(text, has_history)
        if not r.modes and not has_history and r.scenario != "S3" and (r.systems or r.classes or r.unit):
            # Only after the typo pass: a repaired word ("진뚱" -> 진동) beats a guess.
            self._guess_mode(r)
            self._adjust(r)
        if not has_history and r.scenario == "S1" and (r.systems or r.classes or r.unit):
            self._second_opinion(r)
        elif has_history and r.scenario == "S2" and (r.modes or r.classes) and not _DENIAL.search(r.doc.canon):
            # A follow-up that says what it found ("확인해보니 inverter 출력 전압 이상이에요") is read
            # like a first turn, for what its own words read; the model must be surer there. One that
            # denies ("모터 아니고 팬 쪽 베어링") is not: the model reads the denied words as named.
            self._second_opinion(r, followup=True)
        return r

    def _read_patterns(self, text: str, has_history: bool) -> Reading:
        doc = make_doc(text)
        r = self._read_doc(doc, has_history)
        if r.systems and r.classes and (r.modes or r.scenario == "S3"):
            return r
        # Something is missing: try again with typos repaired, keep it if it reads more.
        fixed = self.typos.fix(doc)
        if fixed.canon == doc.canon:
            return r
        r2 = self._read_doc(fixed, has_history)
        return r2 if _filled(r2) > _filled(r) else r

    def _read_doc(self, doc: Doc, has_history: bool) -> Reading:
        text = doc.source
        canon = doc.canon
        hits = self.gazetteer.find(canon)
        negated = [h for h in hits if _negated(canon, h.start, h.end)]
        live = [h for h in hits if h not in negated]
        symptoms = [
            s
            for s in self.symptoms.find(canon)
            if not s.negated and not _negated(canon, s.start, s.end) and not _inside(s, hits)
        ]
        # Context words ("경보", "트렌드", "이상") do not make a question a fault report.
        strength = max((s.strength for s in symptoms if s.code not in ("PDE", "UNK", "OTH")), default=0)
        scenario, scenario_key = detect_scenario(canon, has_history, strength, text)
        # A fault reported with work asked for, or with a question riding on it ("절차서 있으면 같이
        # 보내주세요"), stays a report: the model reads "절차서" and "이력" as questions wherever they are.
        reported = scenario_key == "riding" or (scenario_key == "request" and strength >= 2)
        if not has_history and scenario == "S1" and not reported:
            # The question patterns miss many ways of asking ("교체 작업 보통 며칠 걸려요?", "사례 조회
            # 부탁드립니다" on a symptom word); the linear model reads them all at once. A report that
            # names a symptom yields only to a surer model; a question the patterns read stays one.
            flipped = self.linear_scenarios.overrules(canon, scenario, strength >= 2)
            if flipped is not None:
                scenario, scenario_key = "S3", "linear"
        r = Reading(
            doc=doc,
            language="ko" if any(is_hangul(c) for c in text) else "en",
            scenario=scenario,
            scenario_key=scenario_key,
            followup=is_followup(canon),
            symptom_strength=strength,
        )
        r.negated_systems = {str(h.entry.system) for h in negated if h.entry.system}
        r.negated_classes = {str(h.entry.cls) for h in negated if h.entry.cls}
        if r.scenario == "S3":
            # Asking about data ("DGA 추이", "트렌드") is not reporting a failure.
            symptoms = [
                s
                for s in symptoms
                if s.strength >= 2
                and (s.code not in ("PDE", "UNK", "OTH") or (s.code == "UNK" and _CAUSE_UNKNOWN.search(canon)))
                and canon[s.start : s.end] not in _QUANTITIES
            ]
        self._read_location(r, live, negated)
        self._read_class(r, live, symptoms)
        self._read_mode(r, symptoms)
        self._symptom_subject(r, live)
        self._adjust(r)
        self._board_system(r)
        self._read_priority(r, [c for c in self.priorities.find(canon) if not _inside(c, hits)])
        return r

    def _read_location(self, r: Reading, live: list[Hit], negated: list[Hit]) -> None:
        canon = r.doc.canon
        spans = [(h.start, h.end) for h in live + negated]
        mentions = [
            m
            for m in find_units(r.doc, self.known_systems, spans)
            if m.start < 0 or not _negated(canon, m.start, m.end)
        ]
        # "하역기 2호기", "크레인 1호기": a numbered machine of the plant-common yard, not a unit.
        machine_ends = {h.end for h in live if h.entry.system in COMMON_SYSTEMS or h.entry.cls == "CR"}
        mentions = [m for m in mentions if not (m.kind == "hogi" and {m.start, m.start - 1} & machine_ends)]
        # "worse than Unit 1", "1호기 대비 낮음": the unit compared with is not the unit reported.
        own = [m for m in mentions if m.start < 0 or not _reference(canon, m)]
        if own and len(own) < len(mentions):
            mentions = own
        register_hits = [h for h in live if h.entry.kks or h.entry.kks_by_unit]
        for h in register_hits:
            # Only a tag that writes its unit ("2-BFP-B", "#1 SO-FLT") states one; "hoist" does not.
            if h.entry.unit and h.entry.prefix:
                mentions.append(UnitMention(h.entry.unit, h.start, h.end, "register", h.entry.system, h.entry.train))
        valid = [m for m in mentions if m.unit != "?"]
        r.unit_invalid = any(m.unit == "?" for m in mentions) and not valid
        if valid:
            best = max(valid, key=lambda m: (_UNIT_RANK[m.kind], -max(m.start, 0)))
            r.unit, r.unit_key = best.unit, best.kind
            r.unit_original = r.doc.original(best.start, best.end) if best.start >= 0 else best.kks or ""
            explicit = {m.unit for m in valid if m.kind != "common"}
            r.units_conflict = len(explicit) > 1
            if r.units_conflict and not _BOTH_WAYS.search(r.doc.canon):
                # "1호기 BFP와 2호기 BFP 모두": which one is meant is not written; do not pick.
                r.unit, r.unit_key, r.unit_original = None, "conflict", ""
            kks_m = next((m for m in valid if m.kind == "kks"), None)
            if kks_m is not None:
                r.kks = kks_m.kks
                r.kks_written = kks_m.kks is not None
                if kks_m.train:
                    r.train = kks_m.train
        # Systems: the first strong mention names the location; weak ones only when alone.
        # "현장 MCC에서 전원 내려서 세웠으니": the board a machine was stopped at is the means, not the place of the fault.
        sys_hits = [h for h in live if h.entry.system and not _means(canon, h)]
        first_symptom = len(canon)
        strong = [h for h in sys_hits if "weak" not in h.entry.flags]
        ranked = sorted(
            sys_hits,
            key=lambda h: (
                len(sys_hits) > 1 and bool(_PLACE_BEFORE.search(canon[max(0, h.start - 20) : h.start])),
                "weak" in h.entry.flags,
                _umbrella(canon, h, strong),
                _system_landmark(canon, h, strong),
                h.start > first_symptom,
                h.start,
            ),
        )
        seen: set[str] = set()
        kks_m = next((m for m in valid if m.kind == "kks" and m.system), None)
        if kks_m is not None and kks_m.system:
            r.systems.append(Candidate(kks_m.system, 0.98, "kks", kks_m.kks or kks_m.system))
            seen.add(kks_m.system)
        distinct = {h.entry.system for h in sys_hits if "weak" not in h.entry.flags}
        for h in ranked:
            code = str(h.entry.system)
            if code in seen:
                continue
            seen.add(code)
            if h.entry.source == "register":
                key = "register"
            elif "weak" in h.entry.flags:
                key = "weak"
            else:
                key = "single" if len(distinct) <= 1 else "multi"
            r.systems.append(Candidate(code, 0.9 if key != "weak" else 0.6, key, r.doc.original(h.start, h.end)))
        for i, c in enumerate(r.systems[1:], start=1):
            c.score = min(c.score, 0.5 / i)
        if r.systems:
            top = r.systems[0]
            if top.value in COMMON_SYSTEMS and r.unit != "0" and (r.unit is None or not r.units_conflict):
                r.unit, r.unit_key = "0", "common_system"
        # The register entry behind the words, when one was named.
        top_hit = next((h for h in register_hits if r.systems and h.entry.system == r.systems[0].value), None)
        if top_hit is not None:
            if top_hit.entry.kks and (r.unit is None or top_hit.entry.unit == r.unit):
                r.kks = r.kks or top_hit.entry.kks
            r.kks_by_unit = dict(top_hit.entry.kks_by_unit)
            if top_hit.entry.train and not r.train:
                r.train = top_hit.entry.train
        trains = [t for t in find_trains(canon, spans, loose=r.scenario == "S2") if not _negated(canon, t.start, t.end)]
        if _BOTH_TRAINS.search(canon):
            # "A/B 모두", "both pumps": no single train, so no single location either.
            r.train, r.kks = None, None if not r.kks_written else r.kks
        elif trains and not r.train:
            r.train = trains[0].train
            r.train_also = bool(
                _ALSO_AFTER.match(canon[trains[0].end :]) or _ALSO_AFTER.match(_after_word(canon, trains[0].end))
            )
        if not r.train_also and r.train:
            # "복수펌프 B도 점검 중": a register tag with its train, named in passing.
            r.train_also = any(h.entry.train and _ALSO_AFTER.match(canon[h.end :]) for h in live)
        loc_parts = [r.unit_original] if r.unit_original else []
        if r.systems:
            sys_words = r.systems[0].original
            loc_parts = [p for p in loc_parts if p not in sys_words] + [sys_words]
        r.location_original = " ".join(p for p in loc_parts if p)

    def _read_class(self, r: Reading, live: list[Hit], symptoms: list[SymptomHit]) -> None:
        canon = r.doc.canon

        def own_relay(h: Hit) -> bool:
            # The relay's own failure, read in its clause after it.
            return any(
                s.code in _RELAY_OWN_MODES
                and s.strength >= 2
                and s.start >= h.end
                and "|" not in canon[h.end : s.start]
                for s in symptoms
            )

        # "DCS 경보", "alarm on DCS": the channel that reported it, not the failed equipment.
        cls_hits = [
            h
            for h in live
            if h.entry.cls
            and "part" not in h.entry.flags
            and not (h.term in _CHANNELS and _reported_by(canon, h))
            # "차동계전기 시험에서 ... 동작 안 함" is the relay's; "비율차동 계전기 동작으로 트립" the transformer's.
            and not ("relay" in h.entry.flags and not own_relay(h))
        ]
        if cls_hits and cls_hits[0].term == "mtr" and cls_hits[0] is live[0]:
            # "#1 MTR" alone is the main transformer; after another word ("BFP MTR") it is a motor.
            cls_hits[0] = Hit(cls_hits[0].start, cls_hits[0].end, "mtr", Entry(system="BAT", cls="PT"))
            if not r.systems:
                r.systems.append(Candidate("BAT", 0.7, "single", r.doc.original(cls_hits[0].start, cls_hits[0].end)))
        heads = [h for h in cls_hits if not _is_landmark(canon, h, cls_hits, live)] or cls_hits
        # English puts the head first: "spare motor for the CEP", "bearing of the pump".
        heads = [h for h in heads if not _COMPLEMENT_BEFORE.search(canon[max(0, h.start - 20) : h.start])] or heads
        # "복수라인 탈기기로 올라가는 쪽", "오버플로우 배관으로 거품 넘침": where something goes or passes is a place;
        # "밀봉유 펌프예요 발전기쪽" (a side named last), "유면계 최저 근접" (a level read on the gauge) likewise.
        heads = [
            h
            for h in heads
            if not (
                _ROUTE_AFTER.match(canon[h.end :])
                or (_SIDE_LAST.match(canon[h.end :]) and h is not heads[0])
                or (h.entry.cls == "IP" and _GAUGE_MARK.match(canon[h.end :]))
                or _means(canon, h)
            )
        ] or heads
        boundary = next((s.start for s in symptoms if s.strength >= 2), len(canon))
        if boundary == len(canon) and r.language == "en" and r.scenario == "S1" and heads:
            # Nothing read as a symptom: English names its subject first ("#1 CWP A travelling screen
            # heavily loaded ..., screen wash pump running nonstop"), so later sentences only add context.
            stop = canon.find("|", heads[0].end)
            boundary = len(canon) if stop < 0 else stop
        before = [h for h in heads if h.start <= boundary]
        if not before:
            # Only a landmark before the symptom still beats words after it.
            before = [h for h in cls_hits if h.start <= boundary]
        if not before and heads:
            # The symptom came first ("High vibration on BFP B motor"): the equipment phrase
            # follows it, and its last word is again the component.
            stop = canon.find("|", heads[0].start)
            stop = len(canon) if stop < 0 else stop
            later = [s.start for s in symptoms if s.start > heads[0].start]
            stop = min([stop, *later])
            before = [h for h in heads if h.start < stop] or heads[:1]
        chosen: Hit | None = before[-1] if before else None
        if chosen is not None and chosen.term in _FEEDERS and any(h.entry.cls == "SG" for h in cls_hits):
            # "MCC 2A-3 bucket 14 (AOP feeder)": with switchgear named, a feeder is its breaker, not a coal feeder.
            chosen = Hit(chosen.start, chosen.end, chosen.term, Entry(cls="SG"))
        if chosen is not None and r.scenario == "S3" and r.system is not None:
            after = next(
                (h for h in live if 0 <= h.start - chosen.end <= 1 and h.entry.system and not h.entry.cls), None
            )
            whole = after is not None and (
                _WHOLE_SYSTEM.match(canon[after.end :]) or after.term.endswith(("계통", "system"))
            )
            if whole or (chosen.entry.system is not None and _WHOLE_SYSTEM.match(canon[chosen.end :])):
                # "터빈 제어유 계통 플러싱 절차": the word before a system's name qualifies it; a question about the
                # whole system names no class, also when its machine names it ("고압급수가열기 계통 점검 일정").
                r.classes.append(Candidate(None, 0.0, "s3_none"))
                default = self.register.default_class.get(r.system)
                if default:
                    r.classes.append(Candidate(default, 0.25, "system_default", r.systems[0].original))
                return
        if (
            chosen is not None
            and chosen.term in _BREAKERS
            and _STARTING.search(canon)
            and not any(s.code in ("FCO", "FDC", "FTO", "FTC") for s in symptoms)
        ):
            # "모터 기동 시 차단기 트립": the breaker protected the motor, the motor failed; one that
            # will not close or open ("펌프 기동 시 차단기 투입 안 됨") failed itself.
            earlier = [h for h in before[:-1] if h.entry.cls in _DRIVEN and "|" not in canon[h.end : chosen.start]]
            if earlier:
                chosen = earlier[-1]
        if chosen is not None and len(before) > 1:
            prev = before[-2]
            near = chosen.start - prev.end <= 2 and "|" not in canon[prev.end : chosen.start]
            if (
                near
                and chosen.entry.cls == "PC"
                and prev.entry.cls in ("IP", "EM")
                and prev.entry.cls not in r.negated_classes
            ):
                # "진동센서 케이블 단선", "모터 케이블 러그 지락": the instrument's or motor's own lead - unless the
                # text clears it ("모터는 양호하고 케이블 쪽 문제").
                chosen = prev
            elif near and chosen.entry.cls == "EG" and prev.entry.cls == "EM" and chosen.entry.system == "MKA":
                chosen = prev  # "모터 고정자 권선온도": the motor's stator, not the generator's
        distinct = {h.entry.cls for h in cls_hits}
        if chosen is not None and chosen.entry.cls == "FC" and any(h.entry.cls == "UP" for h in before[:-1]):
            chosen = next(h for h in before if h.entry.cls == "UP")  # the UPS's own inverter
        if (
            r.kks_written
            and r.kks in self.register.by_kks
            and (chosen is None or chosen.entry.system is not None or chosen.start >= boundary)
        ):
            fl = self.register.by_kks[r.kks]
            r.classes.append(Candidate(fl.equipment_class, 0.95, "kks", r.kks))
            r.class_explicit = True
            r.equipment_original = r.kks
        elif chosen is not None:
            key = "head_single" if len(distinct) == 1 else "head_multi"
            if chosen.entry.source == "register":
                key = "register"
            r.classes.append(Candidate(str(chosen.entry.cls), 0.9, key, r.doc.original(chosen.start, chosen.end)))
            r.equipment_original = _bare_name(r.doc.original(chosen.start, chosen.end))
            r.class_explicit = chosen.entry.system is None
            r.class_start = chosen.start
        others = [h for h in reversed(before)] + [h for h in cls_hits if h.start >= boundary]
        seen = {c.value for c in r.classes}
        for h in others:
            if h.entry.cls not in seen:
                seen.add(str(h.entry.cls))
                r.classes.append(Candidate(str(h.entry.cls), 0.3, "other", r.doc.original(h.start, h.end)))
        if r.system is not None:
            default = self.register.default_class.get(r.system)
            if default and default not in seen:
                if not r.classes and r.scenario == "S3":
                    if r.system in _OIL_TANK_SYSTEMS and _OIL_WORD.search(canon) and _OIL_ANALYSIS.search(canon):
                        # "EHC 오일 분석 최근 결과": the oil analysed is the tank's (TA), not the whole system.
                        r.classes.append(Candidate("TA", 0.8, "from_mode", r.systems[0].original))
                        r.equipment_original = r.systems[0].original
                        return
                    # An information request about a whole system names no equipment class.
                    r.classes.append(Candidate(None, 0.0, "s3_none"))
                score = 0.75 if not r.classes else 0.25
                r.classes.append(Candidate(default, score, "system_default", r.systems[0].original))
                if not r.equipment_original and r.scenario != "S3":
                    r.equipment_original = r.systems[0].original

    def _symptom_subject(self, r: Reading, live: list[Hit]) -> None:
        """The component written right before the reported symptom is the one that failed.

        "급수펌프 흡입압 트립스위치 시험 시 미동작", "AOP 자동기동 안 됨, 압력스위치 접점이 안 붙음": the first
        symptom may be the machine's, but the one reported (the strongest) names its own subject, a
        component after the machine. The failure names it, so the key is ``from_mode``.
        """
        if r.mode_start < 0 or not r.classes or r.classes[0].key not in _SUBJECT_OVERRULES:
            return
        if not r.modes[0].key.startswith(_STRONG_PATTERNS) or r.modes[0].value not in _OWN_FAILURES:
            return
        canon = r.doc.canon
        subject = next(
            (
                h
                for h in live
                if h.entry.cls
                and "part" not in h.entry.flags
                and not (h.term in _CHANNELS and _reported_by(canon, h))
                and h.start <= r.mode_start <= h.end + 2
                and "|" not in canon[h.end : r.mode_start]
            ),
            None,
        )
        if subject is None or subject.entry.cls not in _SUBJECTS:
            return
        if subject.start == r.class_start:
            r.classes[0].key = "from_mode"  # "level switch stuck high": named by its own failure
            return
        if subject.start < r.class_start or subject.entry.cls == r.cls:
            return
        r.classes = [
            Candidate(str(subject.entry.cls), 0.8, "from_mode", r.doc.original(subject.start, subject.end))
        ] + [c for c in r.classes if c.value != subject.entry.cls]
        r.class_start = subject.start
        r.equipment_original = _bare_name(r.classes[0].original)

    def _board_system(self, r: Reading) -> None:
        """ "6.9kV 차단기 투입 안 됨" on a pump's start: switchgear belongs to its board's system."""
        if r.cls != "SG" or not r.systems or r.systems[0].value in _BOARD_SYSTEMS or r.systems[0].key == "kks":
            return
        board = next((c for c in r.systems if c.value in _BOARD_SYSTEMS and c.key != "weak"), None)
        if board is None:
            return
        top = r.systems[0]
        r.systems.remove(board)
        board.score, top.score = top.score, min(top.score, 0.5)
        r.systems.insert(0, board)
        if r.unit_key == "common_system":
            # "수처리동 MCC 차단기": the building's plant-common system gave unit 0; the board does not.
            r.unit, r.unit_key = None, "none"
        if not r.kks_written:
            # The register entry found was the machine's, not its board's.
            r.kks, r.kks_by_unit = None, {}
        sys_words = board.original
        r.location_original = " ".join(p for p in (r.unit_original, sys_words) if p and p not in sys_words) or sys_words

    def _read_mode(self, r: Reading, symptoms: list[SymptomHit]) -> None:
        canon = r.doc.canon
        # A trip with its cause ("ground fault trip", "지락, 차단기 트립됨") is coded by the cause.
        causes = [s for s in symptoms if s.code not in _NOT_CAUSES and s.strength >= 2]

        def explains(s: SymptomHit) -> bool:
            # "임펠러 마모로 유량 저하": the wear explains the low flow, which is the failure mode.
            if s.code not in _MECHANISMS or not _BECAUSE.match(canon[s.end : s.end + 4]):
                return False
            stop = canon.find("|", s.end)
            stop = len(canon) if stop < 0 else stop
            return any(o.start > s.end and o.start < stop and o.code != "UST" and o.strength >= 2 for o in symptoms)

        def trip_cause(s: SymptomHit) -> bool:
            # "토출온도 고온 트립", "high vibration trip": the word right before the trip names why it
            # tripped, and that outranks whatever the trip then caused downstream.
            return s.code not in _NOT_CAUSES and bool(_TRIP_AFTER.match(canon[s.end : s.end + 12]))

        def caused(s: SymptomHit) -> bool:
            # Korean tells the cause first ("유온 상승으로 정지"); a symptom after a stop ("멈춰버렸어요.
            # 유온 올라가는 중") is its consequence. English names it either side ("tripped on high vib").
            # A finding after it (a relay that operated, a broken part) still explains it.
            return s.code == "UST" and any(
                c.start < s.start or r.language == "en" or c.code not in _AFTERMATH for c in causes
            )

        # "패싱": a diagnosis that explains the heat or flow found downstream of a closed valve.
        passing = any(s.code == "LCP" and s.strength >= 3 for s in symptoms)

        def explained(s: SymptomHit) -> bool:
            return passing and s.code in _PASSING_SIGNS

        ranked = sorted(
            symptoms,
            key=lambda s: (caused(s), explained(s), explains(s), not trip_cause(s), -s.strength, s.start),
        )
        seen: set[str] = set()
        for s in ranked:
            code = s.code
            if code == "ELP":  # a generic leak word: the medium decides the code
                code = leak_medium(canon, s, r.system)
            elif code == "ELU" and r.system in ("EGB", "EGC"):
                code = "ELF"  # oil out of a fuel-oil tank or pump is fuel
            if code in seen:
                continue
            seen.add(code)
            distinct = {x.code for x in symptoms if x.strength == s.strength}
            key = f"s{s.strength}_" + ("single" if len(distinct) == 1 else "multi")
            tail = _INTENSITY.match(canon[s.end :])
            if not r.modes:
                r.mode_start = s.start
            r.modes.append(Candidate(code, 0.9, key, r.doc.original(s.start, s.end + (tail.end() if tail else 0))))
        if r.modes:
            r.symptom_original = r.modes[0].original
            # "소음도 같이 나요", "온도도 올라갔어요": a symptom added to the one reported, not a correction.
            r.mode_also = bool(_ADDED_SYMPTOM.search(canon))

    def _guess_mode(self, r: Reading) -> None:
        """No pattern read a symptom: the learned model's guess, with its own evidence key.

        Only for a first turn: a follow-up without a symptom ("2호기요") keeps the session's.
        """
        guess = self.learned_modes.predict(r.doc.canon)
        if guess is not None and guess[0] != "UNK":
            r.modes.append(Candidate(guess[0], guess[1], "learned"))

    def _second_opinion(self, r: Reading, followup: bool = False) -> None:
        """Where the linear model is far surer of another code than of the reading, its code leads.

        A system nothing named is filled where the model gives it ``FILL_FLOOR`` or more.
        Only for a first-turn fault report, never against a symptom pattern of strength 4, a class
        that a register tag or a KKS code names, or a breaker's FCO/FDC and a valve's LCP class. A
        specific reading (a pattern of strength 3, "cause unknown", a mode inferred from the class;
        a class the failure or a reading names) needs the model surer than a weak one. The
        replaced reading stays as the first alternative (key ``linear``). On a ``followup``, only a
        failure mode or a class its words read is weighed (``FOLLOWUP_SCALE`` times the factors).
        """
        if not r.systems and not followup:
            # No word names a system: the model's, when it is fairly sure. It sets no unit: a
            # plant-common system found this way does not make the unit 0 (units are never guessed).
            system = self.linear_systems.fills(r.doc.canon)
            if system is not None:
                r.systems.append(Candidate(system[0], system[1], "linear"))
        first = r.modes[0] if r.modes else None
        specific = first is not None and (
            first.key.startswith(_STRONG_PATTERNS) or first.key.startswith("from_") or first.value == "UNK"
        )
        # Strength-4 patterns were written to win over every other reading ("비상정지 눌러도 안 섬" is the
        # e-stop's FTF, where the labeled texts mostly say STP); they are never overruled.
        final = first is not None and first.key.startswith("s4_")
        scale = FOLLOWUP_SCALE if followup else _NO_SCALE
        weigh_mode = not final and (first is not None or not followup)
        mode = self.linear_modes.overrules(r.doc.canon, r.mode, specific, scale=scale["mode"]) if weigh_mode else None
        if mode is not None:
            r.modes = [Candidate(mode[0], mode[1], "linear", r.symptom_original)] + [
                c for c in r.modes if c.value != mode[0]
            ]
        named = specific and _CLASS_OF_MODE.get(str(r.mode)) == r.cls  # "차단기 투입 안됨": FCO is the breaker's
        # A protective relay's own failure is the relay's (IP/CL); the model, reading the transformer
        # it protects beside it, would make it the transformer's.
        relay = bool(r.classes) and _PROTECTION_RELAY.search(canonical(r.classes[0].original)) is not None
        if r.classes and r.classes[0].key not in ("register", "kks") and not named and not relay:
            cls = self.linear_classes.overrules(
                r.doc.canon, r.cls, r.classes[0].key not in _WORD_CLASSES, scale=scale["class"]
            )
            if cls is not None:
                r.classes = [Candidate(cls[0], cls[1], "linear", r.classes[0].original)] + [
                    c for c in r.classes if c.value != cls[0]
                ]
        if followup:
            return  # a follow-up's priority is the session's unless its words change it
        # The priority model reads the words with the rules' priority and how it was read: a default
        # 3 where the author's context makes it 2 ("예비펌프 없음", "lost redundancy"), a cue that the
        # rest of the text plays down.
        rule = _rules_priority(r)
        prio = self.linear_priorities.overrules(r.doc.canon, str(rule[0]), extra=priority_features(*rule))
        if prio is not None:
            r.priority = Candidate(int(prio[0]), prio[1], "linear", r.priority.original if r.priority else "")
            r.priority_original = r.priority.original

    def _adjust(self, r: Reading) -> None:
        """Failure mode and class read together."""
        if (
            r.classes
            and r.classes[0].value == "IP"
            and _GAS_RELAY.search(canonical(r.classes[0].original))
            and (not r.modes or r.modes[0].value not in _RELAY_OWN_MODES)
            and not _FALSE_TRIP.search(r.doc.canon)
            and not (not r.modes and _TESTED.search(r.doc.canon))
            and any(c.value == "PT" for c in r.classes)
        ):
            # "부흐홀츠 계전기 가스 검출", "Buchholz relay operation": the relay did its job and tells of
            # the transformer's fault; only a false or wrong operation is the relay's own (SPO, AIR), and so is
            # its test when nothing it found is reported ("Buchholz relay last function-tested?").
            pt = next(c for c in r.classes if c.value == "PT")
            r.classes.remove(pt)
            r.classes.insert(0, Candidate("PT", 0.8, "from_mode", pt.original))
        if not r.modes or not r.classes:
            return
        mode, cls = r.modes[0], r.classes[0]
        if (
            cls.value != "IP"
            and (
                mode.value in _MEASURED_MODES
                # "레벨 지시 들쭉날쭉": a quantity's indication jumping around is its instrument's.
                or mode.value == "ERO"
            )
            and _READING.search(r.doc.canon)
            and not _POSITION.search(r.doc.canon)
        ):
            # "드럼 압력 지시 0으로", "hotwell 레벨 지시 튐": the indication is the instrument's.
            r.classes.insert(0, Candidate("IP", 0.8, "from_reading", mode.original))
            cls = r.classes[0]
        if (
            cls.key == "system_default"
            and r.system == "GCF"
            and mode.value in ("PLU", "CTM")
            and _MEMBRANE.search(r.doc.canon)
        ):
            # "RO 차압 상승, 막 오염": a water treatment train's differential pressure is its membranes' fouling.
            r.classes.insert(0, Candidate("FS", 0.8, "from_mode", mode.original))
            cls = r.classes[0]
        if mode.value == "LCP" and cls.value != "VA":
            # A valve passing when closed is the valve's fault, however its heat or flow was found.
            valve = next((c for c in r.classes if c.value == "VA"), None)
            if valve is not None:
                r.classes.remove(valve)
                r.classes.insert(0, Candidate("VA", 0.8, "from_mode", valve.original))
                cls = r.classes[0]
        elif mode.value in ("INL", "IHT") and cls.value not in ("HE", "HB"):
            # A tube leak is the heat exchanger's or the boiler's whose tubes leak; a cooler that does not
            # cool is the cooler, whatever valve on its cooling water was named.
            tubes = next((c for c in r.classes if c.value in ("HE", "HB")), None)
            if tubes is not None:
                r.classes.remove(tubes)
                r.classes.insert(0, Candidate(tubes.value, 0.8, "from_mode", tubes.original))
                cls = r.classes[0]
        else:
            owner = self._failure_owner(r, mode, cls)
            if owner is not None:
                r.classes.remove(owner)
                r.classes.insert(0, Candidate(owner.value, 0.8, "from_mode", owner.original))
                cls = r.classes[0]
        oil = _OIL_WORD.search(r.doc.canon)
        if (
            mode.value == "CTM"
            and r.system in _OIL_TANK_SYSTEMS
            and cls.value not in ("TA", "HE", "VE")
            and oil is not None
            and (cls.key == "system_default" or r.doc.canon.find(canonical(cls.original)) > oil.start())
        ):
            # Oil out of limit in an oil system with no equipment named before it: the oil in the tank
            # (the conventions code MOT/EHC oil contamination TA); a filter named after it is the remedy.
            r.classes.insert(0, Candidate("TA", 0.8, "from_mode", mode.original))
            cls = r.classes[0]
        if mode.value == "ELP" and cls.value == "HB" and not _FIRE.search(r.doc.canon):
            # Boiler tubes leak into the furnace or flue gas: internal, as the conventions code it.
            r.modes.insert(0, Candidate("INL", 0.8, "from_class", mode.original))
            mode = r.modes[0]
        if mode.value in ("AIR", "FTF") and cls.value == "VA" and _STUCK_AT.search(r.doc.canon):
            # "damper stuck at 30%": the damper does not move, no instrument reads wrong.
            r.modes.insert(0, Candidate("FTO", 0.8, "from_class", mode.original))
        elif (
            mode.value == "AIR"
            and (cls.key == "system_default" or not r.class_explicit)
            and cls.value != "IP"
            and not _POSITION.search(canonical(mode.original))
        ):
            # A wrong reading is the instrument's fault, whatever system it sits in.
            r.classes.insert(0, Candidate("IP", 0.8, "from_mode", mode.original))
        elif (
            mode.value == "OHE"
            and cls.value == "HE"
            and (_COOLER.search(canonical(cls.original)) or _OUTLET.search(r.doc.canon))
            and not _FIRE.search(r.doc.canon)
        ):
            # A cooler whose outlet runs hot is not cooling enough.
            r.modes.insert(0, Candidate("IHT", 0.8, "from_class", mode.original))
        elif mode.value == "BRD" and cls.value == "VA" and _STUCK.search(r.doc.canon):
            # A stuck valve or damper fails to move: open or close, by what is asked of it.
            code = "FTC" if _STUCK_OPEN.search(r.doc.canon) else "FTO"
            r.modes.insert(0, Candidate(code, 0.8, "from_class", mode.original))
        elif (
            (mode.value in ("LOO", "HIO") or (mode.value == "PDE" and _CHANNEL_GAP.search(canonical(mode.original))))
            and cls.value == "IP"
            and cls.key not in ("system_default", "from_mode")
        ):
            # An instrument whose value drops or jumps reads wrong - or reads nothing.
            code = "NOO" if _ZERO.search(r.doc.canon) else "AIR"
            r.modes.insert(0, Candidate(code, 0.8, "from_class", mode.original))
        elif (
            mode.value in ("LOO", "HIO")
            and cls.value in ("VE", "TA", "PI", "HE")
            and not _FLOW_WORDS.search(canonical(mode.original))
        ):
            # A vessel's or pipe's pressure out of range is a deviation, not its output.
            r.modes.insert(0, Candidate("PDE", 0.8, "from_class", mode.original))
        elif mode.value in ("FTO", "FTC") and cls.value == "SG":
            # A breaker that will not open is a failure to disconnect (and vice versa).
            r.modes.insert(0, Candidate("FDC" if mode.value == "FTO" else "FCO", 0.8, "from_class", mode.original))
        elif mode.value == "UST" and _FALSE_TRIP.search(r.doc.canon):
            r.modes.insert(0, Candidate("SPO", 0.8, "from_context", mode.original))

    @staticmethod
    def _failure_owner(r: Reading, mode: Candidate, cls: Candidate) -> Candidate | None:
        """A named component whose own kind of failure was read, over the machine named first."""
        canon = r.doc.canon

        def named(code: str) -> Candidate | None:
            return next((c for c in r.classes[1:] if c.value == code and c.key != "system_default"), None)

        if cls.value == "IP" and mode.value not in _RELAY_OWN_MODES:
            # "주변압기 유면계 최저 근접, 누유": the level read at the gauge's mark is the equipment's, not the gauge's.
            word = canonical(cls.original)
            at = canon.find(word) if word else -1
            if at >= 0 and _GAUGE_MARK.match(canon[at + len(word) :]):
                return next((c for c in r.classes[1:] if c.value != "IP"), None)
        if mode.value == "PTF" and cls.value not in ("CL", "IP"):
            # "comm fail to the rapper PLC": a lost link is the controller's (an instrument's lost signal its own).
            return named("CL")
        if mode.value == "ELE" and cls.value in _DRIVEN and cls.value != "EM":
            # "펌프 기동하자마자 과전류 계전기 동작 ... 모터 절연": an electrical fault of a motor-driven machine is its motor's.
            return named("EM")
        if cls.value != "ST" and _OVERSPEED.search(canon):
            # "BFP 토출압 과다, BFPT 과속 경보": overspeed is the drive turbine's.
            turbine = named("ST")
            if turbine is not None and _OVERSPEED.search(canon[canon.find(canonical(turbine.original)) :]):
                return turbine
        if (
            cls.value == "IP"
            and mode.value in ("OHE", "HIO", "PDE")
            and _TC.search(canonical(cls.original))
            and _METAL_TC.search(canon)
        ):
            # "튜브 메탈 TC 612℃ 경보": a tube metal temperature high is the tube running hot, not the thermocouple.
            return named("HB") or named("HE")
        return None

    def _read_priority(self, r: Reading, cues: list[PriorityCue]) -> None:
        best = decide(cues)
        if best is not None:
            key = {4: "explicit", 3: "explicit", 2: "hazard", 1: "context"}[best.strength]
            r.priority = Candidate(best.priority, 0.9, key, r.doc.original(best.start, best.end))
            r.priority_original = r.priority.original


_TESTED = re.compile(r"시험|테스트|교정|(?:^| )(?:tested|test|tests|testing|calibrat\w*)(?= |$)")
# "기동 스위치 눌러도", "MCC에서 전원 내려서 세웠으니", "had to open the breaker": a button pressed or a board a
# machine was stopped at is the means, not the failed equipment.
_MEANS_AFTER = re.compile(
    r"^ ?(?:을|를)? ?(?:눌러|눌렀|누르|누름)"
    r"|^ ?(?:에서|으로|로) ?(?:전원 ?)?(?:을|를)? ?(?:차단|내려|내림|내렸)(?![^|]{0,4}?(?:안|불가|못|않|실패|지연))"
    r"|^ ?(?:을|를)? ?(?:내려서|내렸|내림)(?![^|]{0,4}?(?:안|불가|못|않|실패|지연))"
)
_MEANS_BEFORE = re.compile(
    r"(?:had to|we|then|so|and|i) (?:open|opened|trip|tripped|rack out|racked out|press|pressed|push|pushed)"
    r" (?:the |its |a )?(?:[a-z0-9]+ ){0,2}$"
)


def _means(canon: str, h: Hit) -> bool:
    if h.entry.cls not in ("SG", "IP"):
        return False
    return bool(_MEANS_AFTER.match(canon[h.end :]) or _MEANS_BEFORE.search(canon[max(0, h.start - 40) : h.start]))


def _rules_priority(r: Reading) -> tuple[int, str]:
    """The patterns' priority and its evidence key; the default 3 where no cue was read."""
    p = r.priority
    return (int(p.value), p.key) if p is not None and p.value is not None else (3, "default")


_NO_SCALE = {"mode": 1.0, "class": 1.0}
_DENIAL = re.compile(r"아니|말고|대신|(?:^| )(?:not|instead|rather)(?= |$)")
_PROTECTION_RELAY = re.compile(r"계전기|relay|buchholz|부흐홀츠")
_GAS_RELAY = re.compile(r"buchholz|부흐홀츠|가스계전기|(?<![a-z])dga(?![a-z])")
# Component classes that a symptom's own subject may name over the machine named first.
_SUBJECTS = frozenset({"IP", "SG", "CL", "VA", "FS"})
# A component's own failures (not a process value it measures or carries): fails to act, reads wrong,
# loses its link, acts by itself, clogs, strokes slowly.
_OWN_FAILURES = frozenset({"FTF", "FTO", "FTC", "FCO", "FDC", "AIR", "NOO", "ERO", "PTF", "SPO", "PLU", "DOP"})
_SUBJECT_OVERRULES = frozenset({"head_single", "head_multi", "register", "system_default"})
_BOARD_SYSTEMS = frozenset({"BBA", "BFA"})
_OVERSPEED = re.compile(r"과속|overspeed|over speed|과회전")
_TC = re.compile(r"(?:^| )t ?c(?: |$)|thermocouple|열전대")
_METAL_TC = re.compile(r"메탈|metal|스킨|(?:^| )skin(?= )")
_RELAY_OWN_MODES = frozenset({"SPO", "AIR", "FTF", "NOO", "ERO", "PTF"})
# Oil systems whose oil lives in a tank (main oil tank, EHC reservoir, seal oil tank).
_OIL_TANK_SYSTEMS = frozenset({"MAV", "MAX", "MKW"})
_OIL_WORD = re.compile(r"오일|윤활유|제어유|작동유|유압유|밀봉유|(?<![a-z])(?:oil|fluid)(?![a-z])")  # EHC "fluid"
_OIL_ANALYSIS = re.compile(r"분석|산가|수분|(?<![a-z])(?:nas|tan)(?![a-z])|analysis|sample|샘플")

# "원인 미상으로 종결된 건": an S3 that names the unknown-cause mode.
_CAUSE_UNKNOWN = re.compile(r"원인[^|]{0,3}?(?:미상|불명|모름|모르|못 ?밝)|unknown cause|cause unknown")
_AFTERMATH = frozenset({"OHE", "PDE", "HIO", "LOO", "IHT"})  # process conditions a stop leaves behind
_PASSING_SIGNS = frozenset({"OHE", "PDE", "NOO", "LOO", "HIO"})
_TRIP_AFTER = re.compile(
    r"^ ?(?:고고|저저|고|저|high high|hi hi|high|low low|low|hh|ll)? ?(?:으로|로|에 ?의한|에 ?따른|due to)? ?"
    r"(?:트립|trip|tripped|자동정지)(?! ?(?:시험|테스트|test))"
)
_BOTH_TRAINS = re.compile(
    r"(?:^| )[a-d] [a-d] (?:모두|둘다|다|both|all)|(?:^| )(?:both|all) (?:trains|pumps|fans|units)|양쪽|둘 ?다"
)
_FLOW_WORDS = re.compile(r"유량|풍량|flow")
_CHANNEL_GAP = re.compile(r"편차|차이|deviation|differ")
_ZERO = re.compile(
    r"(?:^| )0(?: 0+)? (?:으로|로|에서|%)|(?:^| )0(?= |$)(?! \d)|(?:^| )0 0+(?= |$)|zero|없음|안나옴|안 나옴|안나와|안나요|안들어|no reading|blank"
)
_ADDED_SYMPTOM = re.compile(
    r"(?:온도|진동|소음|소리|누설|누수|누유|압력|냄새|전류)도|도 ?같이|(?:^| )(?:also|as well|too)(?= |$)"
)
_STUCK_AT = re.compile(r"stuck at|(?:^| )\d+ ?%?[^|]{0,4}?(?:에서|에) ?(?:멈|고정|걸|안움직|꿈쩍)")
# "진동 심함": the user's words for the symptom include how bad it is.
_INTENSITY = re.compile(r"^ ?(?:이|가|은|는)?(?:심함|심해|심하다|심각|큼|많음|발생|있음| high| severe| badly)")
# A measured quantity named in a question ("절연저항 측정 기록") is no failure mode.
_QUANTITIES = frozenset({"절연저항", "차압", "dp", "d p", "megger", "유중가스", "dga", "differential pressure"})
_MEASURED_MODES = frozenset({"AIR", "NOO", "LOO", "HIO", "PDE"})
_READING_WORD = re.compile(r"지시|indication|reading")
_READING = re.compile(
    r"(?:온도|압력|수위|레벨|유량|진공|차압|전류|전압|속도|회전수|level|pressure|flow|temp\w*|vacuum)"
    r"[^|]{0,2}?(?:지시|indication|reading|readings)"
)
_POSITION = re.compile(r"피드백|feedback|개도|position")  # a valve's own position signal
# Loosening (SER) is not among them: a loose bolt that rattles is reported as the looseness.
_MECHANISMS = frozenset({"STD", "CTM", "LOO"})
_BECAUSE = re.compile(r"^ ?(?:으로|로|때문|탓|돼서|되서|되어|해서|서(?!류)|니까|(?:^| )due to|(?:^| )because)")
_STUCK = re.compile(r"고착|stuck|걸려|끼어")
_STUCK_OPEN = re.compile(r"stuck open|열린[^|]{0,3}?(?:채|상태)|open position")
# A generator's own subsystems are named after it ("발전기 고정자 냉각수 펌프" is MKF, not MKA).
_UMBRELLAS = {
    "MKA": frozenset({"MKC", "MKF", "MKW"}),
    "MAA": frozenset({"MAX"}),
    "MAB": frozenset({"MAX"}),
    "MAC": frozenset({"MAX"}),
    "MAG": frozenset({"MAJ"}),  # "복수기 진공펌프" is the vacuum system's pump
}


def _umbrella(canon: str, h: Hit, strong: list[Hit]) -> bool:
    # "여자기 쪽 확인 중": a subsystem named only as a place to look does not take over, unless it is
    # a machine written as one compound with the umbrella ("복수기 진공펌프 A 쪽 이상": the vacuum pump's).
    subs = _UMBRELLAS.get(str(h.entry.system), frozenset())
    return any(
        o.entry.system in subs
        and ((0 <= o.start - h.end <= 1 and o.entry.cls) or not _PLACE_AFTER.match(canon[o.end :]))
        for o in strong
    )


_PLACE_AFTER = re.compile(r"^[^|]{0,3}?(?:쪽|측|부근|근처)")


# "cable into MCC D", "lugs in the switchgear": where the part is, as "of/for/on" say whose it is.
# A qualifier may sit between: "switch for DC EOP", "pump A on #2 FGD", "valve of the no 2 BFP".
_COMPLEMENT_BEFORE = re.compile(
    r"(?:^| )(?:of|for|on|into|in|inside|after|before)(?: the| a| an)?(?: unit [0-2]| u [0-2]| [0-2] u)?"
    r"(?: # ?[0-2]| no [0-2]| [0-2]| dc| ac| main| aux| emergency| standby| spare)? $"
)
_CHANNELS = frozenset({"dcs", "hmi"})
_FEEDERS = frozenset({"feeder", "피더"})
_WHOLE_SYSTEM = re.compile(r"^ ?(?:계통|설비전체|전체설비|(?:^| )system(?= |$))")
# "FT-105 after LPH 4": the equipment after these words says where, not what.
_PLACE_BEFORE = re.compile(r"(?:^| )(?:after|before|downstream of|upstream of|near|next to|beside)(?: the| a| an)? $")
_MEMBRANE = re.compile(r"(?:^| )(?:ro|uf)(?= |$)|역삼투|한외여과|멤브레인|membrane|막(?:오염|세정|교체|손상|차압)")
_ROUTE_AFTER = re.compile(
    r"^ ?(?:으로|로)(?!인|인한|인해|해|서|부터|써|는|도|만)(?: ?(?:올라|내려|들어|넘어|빠져)?(?:가는|오는|향하는|흘러|넘|새))?"
)
_SIDE_LAST = re.compile(r"^ ?(?:쪽|측)(?:이에요|예요|이요|요|입니다|임|이고)?(?: ?(?:\||$))")
_GAUGE_MARK = re.compile(
    r"^ ?(?:은|는|이|가|상|에서)? ?(?:최저|최고|하한|상한|바닥|로우|(?:^| )(?:min|max|low mark|high mark)(?= |$))"
)
_BREAKERS = frozenset({"차단기", "breaker", "circuit breaker", "vcb", "acb"})
_DRIVEN = frozenset({"EM", "PU", "BL", "CO"})  # machines a breaker feeds and trips to protect
_STARTING = re.compile(r"기동|시동|(?:^| )start")
_REPORT_WORDS = re.compile(r"경보|알람|alarm|에서|상|화면|표시|(?:^| )(?:on|from|in|shows?|says)(?= |$)")


def _reported_by(canon: str, h: Hit) -> bool:
    around = canon[max(0, h.start - 6) : h.start] + " " + canon[h.end : h.end + 6]
    return bool(_REPORT_WORDS.search(around))


_SYSTEM_LANDMARK = re.compile(
    r"^[^|]{0,8}?(?:입구|출구|후단|전단|쪽|측|부근|(?:^| )(?:inlet|outlet|downstream|upstream|side)(?= |$))"
    # "수처리동 들어가는 보조증기 배관": a plant-common area's building only says where the pipe runs.
    # Hangul runs lose their spaces in the canonical form, so "동" is told from "동작", "동파" by what follows.
    r"|^(?:동(?!작|력|기|일|시|파|결|절|요|반|봉|선|관)|건물)|^ (?:building|bldg)(?= |$)"
)


def _system_landmark(canon: str, h: Hit, strong: list[Hit]) -> bool:
    """ "탈기기 출구 급수배관 누설": the first system only says where the second one is."""
    m = _SYSTEM_LANDMARK.match(canon[h.end :])
    if m is None:
        return False
    stop = canon.find("|", h.end)
    stop = len(canon) if stop < 0 else stop
    return any(o.start >= h.end + m.end() and o.start < stop and o.entry.system != h.entry.system for o in strong)


def _is_landmark(canon: str, h: Hit, others: list[Hit], words: list[Hit]) -> bool:
    """ "저압히터 2번 입구 쪽 플랜지": the heater only says where the flange is. A side of the
    same equipment ("열교환기 해수측 조개") is not a landmark: no equipment word follows."""
    m = _LANDMARK_AFTER.match(canon[h.end :])
    if m is None:
        return False
    stop = h.end + m.end()
    if any(h.end <= o.start < stop for o in others if o is not h):
        return False
    return any(stop <= w.start <= stop + 3 for w in words)


_UNIT_WORDS = re.compile(
    r"^(?:#\s*[0-2]\s*(?:호기)?|[0-2]\s*호기|[0-2]\s*U\b|U\s*-?\s*[0-2]|Unit\s*-?\s*[0-2]|공용|[0-2]-)\s*",
    re.IGNORECASE,
)
_TRAIN_TAIL = re.compile(r"[\s-]+[A-D]$")


def _bare_name(words: str) -> str:
    """The equipment words of a register tag, without its unit and train ("2호기 급수펌프 B" -> "급수펌프")."""
    bare = _TRAIN_TAIL.sub("", _UNIT_WORDS.sub("", words)).strip()
    return bare or words


def _filled(r: Reading) -> int:
    return sum((bool(r.systems), bool(r.classes), bool(r.modes), r.unit is not None))


def _inside(s: SymptomHit | PriorityCue, hits: list[Hit]) -> bool:
    """A symptom word that is part of an equipment name ("고온재열", "차압계") is no symptom."""
    return any(h.start <= s.start and s.end <= h.end and h.length > s.end - s.start for h in hits)


_REFERENCE_AFTER = re.compile(r"^ ?(?:대비|보다|에 ?비해|(?:와|과|랑|하고|이랑) ?(?:비교|비슷|같)|기준으로|만큼)")
_REFERENCE_BEFORE = re.compile(
    r"(?:^| )(?:than|vs|versus|compared (?:to|with)|relative to|like|against|same as)(?: the| in| on| at)? $"
)


def _reference(canon: str, m: UnitMention) -> bool:
    return bool(_REFERENCE_AFTER.match(canon[m.end :]) or _REFERENCE_BEFORE.search(canon[: m.start]))


def _negated(canon: str, start: int, end: int) -> bool:
    return bool(_NEG_AFTER.match(canon[end:]) or _NEG_BEFORE.search(canon[:start]))


def _after_word(canon: str, pos: int) -> str:
    """The text after the word that follows ``pos`` ("a 펌프도" -> "도...")."""
    rest = canon[pos:].lstrip()
    m = re.match(r"[^ |]+?(?=도)", rest)
    return rest[m.end() :] if m else ""
