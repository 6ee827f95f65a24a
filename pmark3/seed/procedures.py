"""Short isolation, inspection and repair procedures (PRC-NNN), in Korean with English titles.

Built from three layers: how a class of equipment is isolated (its family), what the repair
for a failure mode involves, and how the job is closed out. System-specific procedures name
the equipment ("급수펌프 메카니컬씰 교체 절차"); class-level ones apply to any system.
"""

from __future__ import annotations

from collections.abc import Iterable

from pmark3.plant import FunctionalLocation, Procedure
from pmark3.seed.failures import (
    CLASS_ACTIONS,
    KIND_ACTIONS,
    KIND_NOUN,
    MODE_WEIGHTS,
    Action,
    actions_for,
    kind_of,
    modes_for,
)
from pmark3.seed.register import SYSTEM_ITEMS

CLASS_NOUN: dict[str, tuple[str, str]] = {
    "PU": ("펌프", "pump"),
    "EM": ("전동기", "motor"),
    "VA": ("밸브", "valve"),
    "IP": ("계측기", "instrument"),
    "FS": ("필터·스트레이너", "filter/strainer"),
    "BL": ("송풍기", "fan"),
    "CO": ("압축기", "compressor"),
    "HE": ("열교환기", "heat exchanger"),
    "HB": ("보일러 튜브", "boiler tubes"),
    "VE": ("압력용기", "pressure vessel"),
    "TA": ("저장탱크", "storage tank"),
    "PI": ("배관", "piping"),
    "ST": ("증기터빈", "steam turbine"),
    "EG": ("발전기", "generator"),
    "PT": ("변압기", "transformer"),
    "SG": ("배전반", "switchgear"),
    "FC": ("인버터", "frequency converter"),
    "UP": ("UPS·축전지", "UPS/battery"),
    "PC": ("전력케이블", "power cable"),
    "CV": ("컨베이어", "conveyor"),
    "CR": ("크레인", "crane"),
    "CL": ("제어장치(PLC/DCS)", "control unit (PLC/DCS)"),
}

FAMILY: dict[str, str] = {
    **dict.fromkeys(("PU", "BL", "CO", "EM", "CV", "CR", "ST"), "rotating"),
    **dict.fromkeys(("PT", "SG", "UP", "FC", "PC", "EG"), "electrical"),
    **dict.fromkeys(("VA", "PI", "VE", "TA", "HE", "HB", "FS"), "static"),
    **dict.fromkeys(("IP", "CL"), "instrument"),
}

ISOLATION: dict[str, tuple[str, ...]] = {
    "rotating": (
        "작업허가서 발행 및 운전원 입회 확인",
        "예비기 기동 후 운전 상태 확인",
        "MCC 차단기 인출 후 잠금·표찰(LOTO) 부착",
        "흡입·토출 밸브 폐쇄 및 체인 잠금",
        "케이싱 드레인 개방, 잔압 0 및 회전 정지 확인",
    ),
    "electrical": (
        "작업허가서 발행 및 급전 담당자 통보",
        "부하 전환 후 차단기 개방",
        "단로기 개방 및 접지 설치",
        "검전기로 무전압 확인",
        "LOTO 실시 및 작업구역 안전표시",
    ),
    "static": (
        "작업허가서 발행",
        "상·하류 격리밸브 폐쇄 및 잠금",
        "드레인·벤트 개방, 잔압 0 확인",
        "유체 온도 60℃ 이하 냉각 확인",
        "LOTO 표찰 부착",
    ),
    "instrument": (
        "작업허가서 발행 및 운전원 통보",
        "관련 인터록 바이패스 승인 취득",
        "작업 전 지시값·트렌드 기록",
        "계기 매니폴드 밸브 폐쇄 또는 카드 전원 차단",
        "LOTO 표찰 부착",
    ),
}

INSPECTION: dict[str, tuple[str, ...]] = {
    "rotating": (
        "베어링 진동(DE/NDE) 측정 및 기준치 비교",
        "베어링 온도 측정",
        "윤활유 레벨·색상 점검",
        "커플링 가드 및 기초볼트 체결 상태 확인",
        "누설(씰·패킹) 육안 점검",
        "이상음 청음",
    ),
    "electrical": (
        "열화상 카메라로 접속부 온도 측정",
        "절연저항 측정(메거)",
        "외관·누유·변색 점검",
        "계전기 동작 이력 및 경보 확인",
        "냉각장치(팬·방열기) 동작 확인",
    ),
    "static": (
        "외관 부식·변형 점검",
        "초음파 두께 측정(UT)",
        "플랜지·용접부 누설 점검",
        "보온재 손상 확인",
        "지지대(서포트) 상태 확인",
    ),
    "instrument": (
        "현장 지시값과 DCS 지시값 비교",
        "루프 전류(4–20mA) 측정",
        "도압관·매니폴드 누설 점검",
        "단자 체결 상태 및 실드 접지 확인",
        "교정 주기 도래 여부 확인",
    ),
}

MODE_DETAIL: dict[str, tuple[str, ...]] = {
    "VIB": ("진동 스펙트럼 측정으로 원인(불평형·오정렬·베어링) 판별", "레이저 얼라인먼트로 허용치 0.05mm 이내 조정"),
    "ELP": ("누설 부위 확인 후 씰면·가스켓면 청소", "볼트 토크 규정값으로 대각선 순서 체결"),
    "ELU": ("누유 부위 오일 제거 후 누설점 확인", "오링·가스켓 신품 교체, 오일 보충"),
    "ELF": ("방유제 내 누유 회수 및 흡착포 처리", "화기 작업 금지 구역 설정 후 가스켓 교체"),
    "NOI": ("청음봉으로 이상음 위치 확인", "베어링 간극 및 윤활 상태 점검"),
    "OHE": ("베어링·권선 온도 트렌드 확인", "냉각수·냉각팬 및 윤활 상태 점검"),
    "LOO": ("운전 성능(토출압·유량) 측정 후 설계치 비교", "임펠러·웨어링 간극 측정"),
    "FTS": ("기동 회로 및 인터록 조건 확인", "차단기·접촉기 동작 시험"),
    "UST": ("정지 원인(보호계전기·DCS 이벤트) 기록 확인", "보호 설정치 확인 후 재기동 시험"),
    "BRD": ("파손 부품 분해 및 손상 원인 조사", "신품 조립 후 시운전"),
    "STD": ("초음파 두께 측정 및 침투탐상(PT) 검사", "허용 두께 미달 부위 보수 용접 또는 교체"),
    "SER": ("풀린 볼트·부속 재체결", "보온·도장 손상 부위 보수"),
    "PDE": ("운전변수 트렌드와 설계치 비교", "원인 조치 후 설정치 재확인"),
    "PLU": ("차압 기록 후 해체", "엘리먼트 교체 또는 내부 이물질 제거"),
    "INL": ("수압(기밀) 시험으로 누설 튜브 확인", "누설 튜브 양단 플러깅 후 재시험"),
    "IHT": ("입출구 온도·차압 측정으로 오염 확인", "튜브 고압수 세정 또는 화학세정"),
    "HIO": ("조속기·과속 보호 설정 확인", "과속 트립 시험"),
    "AIR": ("표준기로 0·25·50·75·100% 5점 교정", "교정 성적서 작성 및 DCS 지시값 비교"),
    "ERO": ("제어 루프 응답 기록", "PID·포지셔너 재조정"),
    "NOO": ("루프 전원·퓨즈 점검", "신호 발생기로 루프 시험"),
    "PTF": ("통신 상태(링크·에러 카운트) 확인", "커넥터·모듈 교체 후 통신 복구 확인"),
    "FTF": ("동작 회로 시퀀스 시험", "불량 릴레이·코일 교체"),
    "FTI": ("기능 시험으로 이상 동작 재현", "로직·파라미터 확인 후 수정"),
    "SPO": ("동작 이력 확인 및 오동작 원인 점검", "리밋스위치·신호 접점 조정"),
    "FTO": ("액추에이터 수동 조작 시험", "스템·패킹 과다 체결 여부 확인"),
    "FTC": ("리밋·토크 스위치 설정 확인", "완전 폐쇄 위치 재조정"),
    "DOP": ("스트로크 시간 측정", "공급 공기압·솔레노이드 밸브 점검"),
    "LCP": ("시트·디스크 접촉면 청색 시험(블루체크)", "래핑 또는 트림 교체 후 시트 누설 시험"),
    "FCO": ("투입 코일 저항 측정", "투입 회로 및 스프링 충전 상태 확인"),
    "FDC": ("트립 코일 저항 측정", "트립 회로 시험 및 메커니즘 윤활"),
    "FOF": ("출력 주파수 측정", "동기화 회로 점검"),
    "FOV": ("출력 전압 측정 및 조정", "제어카드 점검"),
    "LOR": ("이중화 채널 상태 확인", "고장 모듈 교체 후 절체 시험"),
    "CTM": ("오일 샘플 채취 및 분석 의뢰", "오일 교체 또는 정유기 운전"),
    "ELE": ("절연저항 및 권선저항 측정", "결함 부위 보수 후 재측정"),
    "UNK": ("현장 상태 점검 및 운전원 면담", "추가 증상 발생 시 재요청"),
}

# Head equipment whose register name carries a number ("버너 1번") gets a general noun here.
HEAD_NOUN: dict[str, tuple[str, str]] = {
    "HHA": ("버너", "burner"),
    "HCB": ("수트블로워 구동모터", "sootblower drive motor"),
    "HDE": ("집진기 TR세트", "ESP T/R set"),
    "EAC": ("벨트컨베이어", "belt conveyor"),
}

# Where a mode's work depends on the kind of equipment (a battery's "low output" is no pump's).
FAMILY_DETAIL: dict[tuple[str, str], tuple[str, ...]] = {
    ("electrical", "LOO"): ("용량(방전) 시험 실시", "셀 전압·내부저항 측정"),
    ("rotating", "STD"): ("마모·균열 부위 육안 및 침투탐상(PT) 검사", "마모 부품 교체 또는 보수"),
    ("electrical", "STD"): ("외함·절연물 손상 부위 점검", "손상 부위 보수 또는 교체"),
    ("static", "VIB"): ("배관 진동 측정 및 서포트 점검", "서포트·스너버 보강"),
    ("static", "NOI"): ("소음 발생 위치 확인", "서포트·내부품 체결 상태 점검"),
    ("static", "OHE"): ("메탈 온도 추이 확인", "연소 조건 조정 및 과열 부위 점검"),
    ("electrical", "OHE"): ("열화상 측정으로 발열 부위 확인", "냉각팬·접속부 점검"),
    ("electrical", "NOI"): ("소음·방전음 위치 확인", "체결 상태 및 코로나 흔적 점검"),
    ("static", "CTM"): ("내부 오염 상태 확인", "세정 및 이물질 제거"),
    ("instrument", "ELE"): ("전원·접지 상태 측정", "불량 모듈 교체 후 기능 시험"),
    ("electrical", "SER"): ("외함·단자함 상태 점검", "커버 체결 및 청소"),
    ("instrument", "SER"): ("외함·단자함 상태 점검", "커버 체결 및 청소"),
}

CLOSING: tuple[str, ...] = (
    "시운전 후 누설·진동·온도 정상 확인",
    "격리 및 LOTO 해제, 작업허가서 종결",
    "CMMS에 작업내용·교체부품·작업시간 기록",
)


def _clauses(action: Action) -> list[str]:
    return [c.strip() for c in action.ko.replace(" 및 ", ", ").split(",") if c.strip()][:2]


def _repair_steps(cls: str, mode: str, action: Action) -> list[str]:
    family = FAMILY[cls]
    iso = ISOLATION[family]
    steps = [iso[0], iso[2] if family != "static" else iso[1]]
    detail = FAMILY_DETAIL.get((family, mode), MODE_DETAIL[mode])
    steps += detail[:1]
    steps += _clauses(action)
    steps += detail[1:2]
    steps += CLOSING[:2]
    return steps[:8]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_ko(noun: str, action: Action) -> str:
    """'급수펌프 메카니컬씰 교체 절차'; the noun is left out where the action already names it."""
    fix = action.ko.split(",")[0].strip()
    if fix.startswith(noun):
        return f"{fix} 절차"
    head = noun.split(" ")[-1].split("(")[0]
    if fix.startswith(head):
        return f"{noun}{fix[len(head) :]} 절차"
    return f"{noun} {fix} 절차"


def _title_en(noun: str, action: Action) -> str:
    return f"{_cap(noun)}: {action.en.split(',')[0].strip().lower()}"


def _top_modes(cls: str, n: int) -> list[str]:
    weights = MODE_WEIGHTS[cls]
    return sorted(weights, key=lambda m: -weights[m])[:n]


def build_procedures(locations: Iterable[FunctionalLocation]) -> list[Procedure]:
    locations = list(locations)
    classes = sorted({fl.equipment_class for fl in locations})
    drafts: list[dict[str, object]] = []
    for cls in classes:
        ko, en = CLASS_NOUN[cls]
        family = FAMILY[cls]
        drafts.append(
            {
                "kind": "isolation",
                "title_ko": f"{ko} 격리 절차",
                "title_en": f"{_cap(en)} isolation",
                "equipment_class": cls,
                "steps": [*ISOLATION[family], "격리 상태 운전원과 공동 확인"],
            }
        )
        drafts.append(
            {
                "kind": "inspection",
                "title_ko": f"{ko} 정기 점검 절차",
                "title_en": f"{_cap(en)} routine inspection",
                "equipment_class": cls,
                "steps": [ISOLATION[family][0], *INSPECTION[family], CLOSING[2]],
            }
        )
        modes = sorted({m for (c, m) in CLASS_ACTIONS if c == cls} | set(_top_modes(cls, 3)))
        for mode in modes:
            for action in actions_for(cls, mode)[:2]:
                drafts.append(
                    {
                        "kind": "repair",
                        "title_ko": _title_ko(ko, action),
                        "title_en": _title_en(en, action),
                        "equipment_class": cls,
                        "failure_modes": [mode],
                        "steps": _repair_steps(cls, mode, action),
                    }
                )
    # System-specific: the head equipment of each system, for its two most frequent modes.
    for system, items in SYSTEM_ITEMS.items():
        head = items[0]
        fl = next(f for f in locations if f.system == system and f.parent is not None)
        kind = kind_of(fl)
        name_ko, name_en = HEAD_NOUN.get(system, (head.ko, head.en))
        drafts.append(
            {
                "kind": "isolation",
                "title_ko": f"{name_ko} 격리 절차",
                "title_en": f"{_cap(name_en)} isolation",
                "equipment_class": head.cls,
                "systems": [system],
                "steps": [*ISOLATION[FAMILY[head.cls]], f"{name_ko} 격리 상태 운전원과 공동 확인"],
            }
        )
        weights = modes_for(fl)
        for mode in sorted(weights, key=lambda m: -weights[m])[:2]:
            action = actions_for(head.cls, mode, kind)[0]
            drafts.append(
                {
                    "kind": "repair",
                    "title_ko": _title_ko(name_ko, action),
                    "title_en": _title_en(name_en, action),
                    "equipment_class": head.cls,
                    "systems": [system],
                    "failure_modes": [mode],
                    "steps": _repair_steps(head.cls, mode, action),
                }
            )
    # Kinds that fail unlike the rest of their class (mills, burners, thermocouples...).
    kinds = {fl.kks: kind_of(fl) for fl in locations if fl.parent is not None}
    for (kind, mode), actions in KIND_ACTIONS.items():
        members = [fl for fl in locations if kinds.get(fl.kks) == kind]
        if not members:
            continue
        ko, en = KIND_NOUN[kind]
        cls = members[0].equipment_class
        for action in actions[:2]:
            drafts.append(
                {
                    "kind": "repair",
                    "title_ko": _title_ko(ko, action),
                    "title_en": _title_en(en, action),
                    "equipment_class": cls,
                    "systems": sorted({fl.system for fl in members}),
                    "failure_modes": [mode],
                    "steps": _repair_steps(cls, mode, action),
                }
            )
    seen: set[str] = set()
    out: list[Procedure] = []
    for d in drafts:
        if d["title_ko"] in seen:
            continue
        seen.add(str(d["title_ko"]))
        out.append(Procedure(id=f"PRC-{len(out) + 1:03d}", **d))  # type: ignore[arg-type]
    return out
