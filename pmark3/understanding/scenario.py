"""Scenario (S1 new fault, S2 follow-up, S3 information request) and the session's earlier codes.

The app starts each answer with a summary line such as
``접수: 1호기 / MKW 밀봉유 계통 / PU 펌프 / LOO 출력저하 / 우선순위 3`` or
``Logged: Unit 1 / LCB condensate pump / EM motor / VIB vibration / priority 3``;
``read_summary`` recovers the codes from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pmark3.catalog import Catalog
from pmark3.models import Scenario, Turn

_INFO = re.compile(
    r"이력|히스토리|언제|보여|알려(?!드)|조회|사례|절차|방법|어떻게|주기|일정|통계|현황|목록|리스트|몇번|몇 번|몇회|몇건|"
    r"결과|있었나|있었는지|있나요|됐나요|되었나요|했나요|했었|할까요|인가요|뭔가요|무엇|어디|얼마|최근|지난|과거|"
    r"(?:^| )(?:history|past|previous|any|show|list|how|when|what|which|where|procedure|schedule|record|records|"
    r"last time|cases|statistics|lookup|look up)(?= |$)"
)
_INFO_STRONG = re.compile(
    r"이력|히스토리|보여|알려(?!드)|조회|사례|절차|방법|언제|일정|통계|목록|리스트|몇번|몇 번|몇회|몇건|자료|데이터|보고서|"
    r"평균|주기가|주기는|주기와|교체주기|얼마예요|얼마인가|얼마였|몇이었|어땠|뭐예요|"
    # Asking whether work is done at a time is asking for the schedule ("다음 계획정비 때 하나요?").
    r"(?:때|시기에|중에)(?:하나요|하는지|합니까|할 ?예정|하죠|해요)|어디서|볼수있|있나요|공유|요약해|"
    r"내역|작업내용|(?:뭐|무슨|어떤)[^|]{0,4}?(?:했|교체|고쳤|바꿨|갈았|작업|정비|수리)|"
    r"(?:^| )(?:what was (?:done|replaced|found|changed))(?= |$|\?)|"
    r"(?:^| )(?:history|past cases|show me|list|procedure|how do|how to|how many|how often|when was|when is|when did|"
    r"schedule|any past|records|what is the|what s the|which unit|average|last year|report|data|who|last outage)(?= |$)|"
    # Who does it, how long it usually takes: questions about the work, not a report of a fault.
    r"누가|담당(?:하나요|하는지|부서|자)|몇 ?(?:시간|일|분)[^|]{0,3}?걸|보통 ?(?:몇|얼마)|"
    # When it was done, by year or month ("교체한 게 몇 년도예요?", "몇 년 됐어요?").
    r"몇 ?(?:년도|년 ?(?:됐|되었|전|째)|월)|언제쯤|(?:^| )(?:what|which) (?:year|date|month)(?= |$)"
)
# Whether such work or such a case happened before, asked for ("과열로 정비한 적 있는지 찾아주세요", "동작 지연
# 건 과거에 있었나요?"): a search of the records, whatever symptom it names. ("이런 적 있었나요?" riding on a
# fault names no work and no case, and stays a fault report.)
_PAST_CASE = re.compile(
    r"(?:정비|수리|교체|교환|조치|점검|작업|보수)(?:한|했던|된|받은) ?적(?:이)?있(?:는지|나요|었나요|었는지|습니까|어요)|"
    r"(?<![가-힣])건[^|]{0,8}?있었(?:나요|는지|습니까|어요)"
)
# Pointing at past work ("지난번에 뭐 교체했는지", "ever ... before?"): information only when no
# symptom is reported ("예전에도 이런 적 있었나요?" riding on a fault stays a fault report).
_INFO_PAST = re.compile(
    r"지난번|저번|예전|이전에|(?:^| )전에|적(?:이)?있(?:나|어|었|는지|습)|궁금|"
    r"(?:^| )(?:ever|before|previously|last time)(?= |$|\?)"
)
# Asking for work on the equipment (a fault report), as opposed to asking for information.
_REQUEST = re.compile(
    r"(?:점검|조치|수리|교체|정비|확인|처리|보수|교정)[^|]{0,3}?(?:요청|요망|바람|바랍|필요|해주|해 주|부탁)|"
    r"(?<!찾아)봐주|와주|조치|발생|please (?:check|fix|repair|inspect)|needs? (?:to be )?(?:fixed|checked|repaired)"
)
_FOLLOWUP = re.compile(
    r"아니고|아니라|아니에요|아님|말고|대신|보다는|맞습니다|맞아요|맞음|네 |예 |바꿔|변경|정정|수정|아 |그거|그게|쪽이|쪽입|쪽이에요|"
    r"문제같|문제인|문제예|문제에요|였어요|였습니다|"
    r"(?:^| )(?:not|instead|actually|sorry|yes|correct|change|it s|its|rather|side)(?= |$)"
)


# Asking for records is an information request even when a symptom is named.
# "패싱 건 최근 것들", "원인 못 밝힌 건들": cases, plural, are records.
_RECORDS = re.compile(
    r"이력|기록|히스토리|절차|사례|통계|목록|조회|재고|예비품|자료|내역|(?:건|것)들|작업 ?오더|워크 ?오더|"
    r"(?:^| )(?:history|records|procedure|past cases|inventory|spares?|findings|"
    r"what was done|last time|previous work|what did we do|how was it fixed|work orders?)(?= |$)"
)


# A past-tense syllable (final ㅆ: 했, 었, 았, 꿨, 쳤...) but not 있/없 ("누설 있는지 확인" asks for work).
_PAST = "".join(chr(0xAC00 + i * 28 + 20) for i in range(19 * 21) if chr(0xAC00 + i * 28 + 20) not in "있없")
# Asking for information: a question, or a request to show/send/tell something.
# "몇 개 남았어요?" counts records; "셀 몇 개가 1.9 V까지 떨어짐" reports a few cells - a count only in a question.
_COUNT = re.compile(r"몇 ?(?:개|롤|대|건|번|회)|(?:^| )how many(?= |$)")
# "the next outage list", "on the punch list": a planning list, not a list asked for.
_LIST_NOUN = re.compile(r"(?:^| )(?:the|outage|work|punch|do|our|my|that|this) list(?= |$)")
# Korean polite questions that end on -까요 ("알 수 있을까요", "확인 가능할까요").
_ASK_END = re.compile(r"까요\s*[.!]*\s*$")
_ASKS = re.compile(
    r"보여|알려(?!드)|찾아|보내|뽑아|정리|공유|요약|볼수있|있나요|있었나|있을까|있어요|했나요|했어요|됐나요|인가요|뭐예요|하나요|"
    r"얼마|언제(?!부터)|어떻게|어땠|궁금|적(?:이)?있(?:나|어|었|는지|습)|"
    rf"[{_PAST}](?:었)?(?:는지|던가|더라|지(?= |$|\?)|나(?= |$|\?)|나요|냐|니(?= |$|\?)|어(?= |$|\?)|어요(?= |$|\?))|"
    r"(?:^| )(?:show|list|send|give|tell|find|pull|any|what|how|when|which|where|"
    r"is there|are there|do we|did we|can i|who|누가)(?= |$)|^(?:has|have|had|did|was|were|does|do) |(?:^| )please$"
)
_QUESTION_END = re.compile(r"(?:\?|까요|나요|가요|죠|니까|어요|예요|에요|인가|ed)\s*[.!]*\s*$")
# "절차서도 같이 보내주세요": an information request riding on a fault report.
_ALSO = re.compile(r"같이|함께|(?:^| )(?:also|as well|too)(?= |$)")
_SINCE_WHEN = re.compile(r"언제부터")
# "다음 일정 확인 부탁": checking a record is asking for it, not asking for work.
_INFO_CHECK = re.compile(
    r"(?:일정|이력|기록|주기|내용|결과|자료|절차|계획|재고|예비품|수량|양식|도면|납기)[^|]{0,2}?확인[^|]{0,3}?(?:부탁|요청|바람|해주)?"
)


# Documents and records one asks for: the head noun of an information request. Korean is
# head-final, so a request that *ends* on one of these ("... 교체 예정일", "... 과거 조치 내역",
# "... 최근 결과") asks for the record, whatever symptom it names on the way.
_DOC_KO = (
    r"예정일|일정|내역|이력|기록|결과|재고|수량|양식|서식|점검표|체크리스트|도면|절차서|절차|매뉴얼|사양서|사양|자료|데이터|"
    r"목록|현황|주기|통계|사례|보고서|추이|그래프|리드타임|납기|날짜|일자|방법|요령|작업 ?오더|"
    # A value or a date kept in the records ("지난 O/H 때 측정값", "마지막 교정일").
    r"측정값|측정치|설정값|(?:검사|교정|점검|교체|시험|정비|측정|분석|청소|보수)일(?!정|지|부|반|때|까지)"
)
_DOC_EN = (
    r"schedule|history|records?|results?|reports?|data|drawings?|p ?(?:&|and)? ?id|manuals?|procedures?|"
    r"(?:work )?instructions?|checklists?|forms?|templates?|inventory|spares?|stock|trend|datasheets?|lead time|due date|"
    r"findings|work orders?"
)
_DOC_END = re.compile(
    rf"(?:{_DOC_KO})(?:은|는|이|가|요|좀|도|을|를)?(?:(?:좀)?(?:주세요|줘|주실래요|부탁(?:드립니다|드려요|합니다|해요)?|"
    rf"(?:보내|알려|보여|찾아|뽑아) ?주세요|공유(?:해주세요|부탁드려요|부탁))?)[\s.?!]*$|(?:^| )(?:{_DOC_EN})(?: ?\|? please)?[\s.?!]*$|"
    # "분석치 추세 알려주세요" asks for the trend; "진동 증가 추세" reports one.
    r"추세(?:를|좀)? ?(?:알려|보여|뽑아|보내) ?(?:주세요|줘)[\s.?!]*$"
)
# "과거 조치 내역", "누설 조치 표준작업 절차": a work word inside a record's name asks for no work;
# nor does an occurrence ("절연저하 발생 이력": the record of the faults, not a fault reported).
_WORK_RECORD = re.compile(rf"(?:조치|작업|정비|점검|수리|교체|교환|보수|시험|검사|발생)[^|]{{0,8}}?(?:{_DOC_KO})")
# A record or a standard asked about by a question word at the end ("점검 주기가 어떻게 되나요", "사고 보고서
# 어디 있나요", "플러깅 기준이 몇 퍼센트예요"): Korean is head-final, so the question is about the record,
# whatever symptom it names on the way.
_DOC_ASKED = re.compile(
    rf"(?:{_DOC_KO}|기준|기준값|허용치)(?:은|는|이|가|도)? ?"
    r"(?:어떻게 ?(?:되|돼|됩)|어디|몇|얼마|뭐(?:예|에|야|죠|지|였)|무엇|언제)[^|]{0,10}$"
)
# An English question opened by a question word or an inverted auxiliary ("Which valves had
# passing problems this year?", "Is there a work instruction for ...?") asks for information
# even when it names a failure: every such opening in the labeled sets is an S3.
_EN_QUESTION = re.compile(
    r"^(?:which|what|where|when|how|who|whose|is there|are there|do we|does|did|has|have|had|can you|could you|"
    r"any)(?= |$)|"
    # A question that opens on the record it asks for ("Planned date for ...?", "Last results of ...?").
    r"^(?:(?:planned|next|last|latest|due|target|scheduled|outage|test|inspection) )?"
    r"(?:date|dates|schedule|results?|history|procedure|records?|findings|status) (?:for|of|on)(?= )"
)
# Asking for a record to be compared, listed or given: "호기별로 비교해줘", "양식 주세요".
# ("8 s spec" is a comparison, not a document: specs stay out of the list.)
_GIVE = re.compile(
    rf"비교|추려|모아|(?:{_DOC_KO})[^|]{{0,3}}?(?:주세요|줘|주실|보내|달라)|(?:^| )(?:compare|comparison)(?= |$)"
)

# "이력 있어요?": asking whether a record exists; then "확인 필요" is checking that record.
_RECORD_ASK = re.compile(rf"(?:{_DOC_KO})[^|]{{0,2}}?(?:있어요|있나요|있습니까|있을까요|있는지)")
_CHECK_ONLY = re.compile(r"확인[^|]{0,3}?(?:요청|요망|바람|바랍|필요|해주|해 주|부탁)")

# "results of the last IR survey?": a record of something, asked for.
_DOC_OF = re.compile(r"(?:^| )(?:results?|reports?|records?|history|data|trend|drawings?) (?:of|for|on|from)(?= )")


def detect_scenario(canon: str, has_history: bool, symptom_strength: int, source: str = "") -> tuple[Scenario, str]:
    """Scenario and the evidence key for its confidence."""
    canon = _LIST_NOUN.sub(" ", canon)
    info_check = _INFO_CHECK.search(canon)
    asks = bool(_ASKS.search(canon)) or ("?" in source) or bool(info_check) or bool(_GIVE.search(canon))
    request = bool(_REQUEST.search(_WORK_RECORD.sub("", _INFO_CHECK.sub("", canon))))
    question = "?" in source or bool(_QUESTION_END.search(source))
    records = bool(_RECORDS.search(canon)) or (bool(_COUNT.search(canon)) and (asks or question))
    if not has_history and request and _RECORD_ASK.search(canon) and not _REQUEST.search(_CHECK_ONLY.sub("", canon)):
        # "고장 코드 이력 있어요? 긴급하게 확인 필요합니다": the check asked for is of the record.
        return "S3", "records"
    if not has_history and not request:
        if _PAST_CASE.search(canon) and asks:
            return "S3", "records"
        if _DOC_END.search(canon) or _DOC_ASKED.search(canon):
            return "S3", "records"
        if _EN_QUESTION.match(canon) and "?" in source:
            return "S3", "info_strong"
        if (
            asks
            and (_GIVE.search(canon) or _DOC_OF.search(canon))
            and (_INFO_STRONG.search(canon) or records or _DOC_OF.search(canon))
        ):
            return "S3", "records"
    strong_info = bool(_INFO_STRONG.search(_SINCE_WHEN.sub("", canon))) or (
        symptom_strength < 2 and bool(_INFO_PAST.search(canon))
    )
    if has_history:
        if strong_info and asks and not _FOLLOWUP.search(canon) and not request and symptom_strength < 2:
            return "S3", "history_info"
        return "S2", "history"
    riding = symptom_strength >= 2 and bool(_ALSO.search(canon))
    if records and not request and not riding and (asks or symptom_strength < 2):
        return "S3", "records"
    if (
        strong_info
        and asks
        and not request
        and not riding
        and (symptom_strength < 3 or "?" in source or _ASK_END.search(source))
    ):
        return "S3", "info_strong"
    if question and (strong_info or _INFO.search(canon)) and symptom_strength < 2 and not request:
        return "S3", "info_weak"
    if riding or (symptom_strength >= 2 and _INFO_PAST.search(canon)):
        # A question riding on a reported fault ("절차서 있으면 같이 보내주세요", "예전에도 이런 적 있었나요?").
        return "S1", "riding"
    if request:
        return "S1", "request"
    return "S1", "default"


def is_followup(canon: str) -> bool:
    return bool(_FOLLOWUP.search(canon))


@dataclass
class Summary:
    unit: str | None = None
    system: str | None = None
    cls: str | None = None
    failure_mode: str | None = None
    priority: int | None = None


_SUMMARY_HEAD = re.compile(r"^\s*(?:접수|logged|registered|요약|summary)\s*[:：]", re.IGNORECASE | re.MULTILINE)
_UNIT_KO = re.compile(r"([0-2])\s*호기")
_UNIT_EN = re.compile(r"unit\s*([0-2])", re.IGNORECASE)
_COMMON = re.compile(r"공용|common", re.IGNORECASE)
_PRIO = re.compile(r"(?:우선순위|priority)\s*([1-4])", re.IGNORECASE)


def read_summary(text: str, catalog: Catalog) -> Summary | None:
    """Codes from an assistant summary line, or None when the turn has none."""
    m = _SUMMARY_HEAD.search(text)
    if not m:
        return None
    line = text[m.end() :].splitlines()[0] if text[m.end() :] else ""
    s = Summary()
    parts = [p.strip() for p in line.split("/")]
    for part in parts:
        if s.unit is None and (u := _UNIT_KO.search(part) or _UNIT_EN.search(part)):
            s.unit = u.group(1)
            continue
        if s.unit is None and _COMMON.search(part):
            s.unit = "0"
            continue
        if (p := _PRIO.search(part)) is not None:
            s.priority = int(p.group(1))
            continue
        token = part.split()[0] if part.split() else ""
        if token in catalog.systems and s.system is None:
            s.system = token
        elif token in catalog.equipment_classes and s.cls is None:
            s.cls = token
        elif token in catalog.failure_modes and s.failure_mode is None:
            s.failure_mode = token
    return s


def latest_summary(history: Sequence[Turn], catalog: Catalog) -> Summary | None:
    for turn in reversed(history):
        if turn.role == "assistant":
            s = read_summary(turn.text, catalog)
            if s is not None:
                return s
    return None
