"""Failure behaviour per ISO 14224 class: which modes occur how often, how operators describe
them, and what maintenance did about them (actions, parts, hours).

Weights are relative within a class and reflect what a coal plant's CMMS typically shows:
pumps vibrate and leak at the seal, valves pass, transformers leak oil, conveyor belts tear,
transmitters read wrong, motors overheat, filters plug. Only listed modes ever occur for a class.
"""

from __future__ import annotations

from dataclasses import dataclass

from pmark3.plant import FunctionalLocation

# How often a register entry of this class gets a work order, relative to others.
CLASS_RATE: dict[str, float] = {
    "PU": 3.0,
    "EM": 1.6,
    "VA": 1.4,
    "IP": 1.3,
    "FS": 1.8,
    "CV": 5.0,
    "BL": 2.5,
    "CO": 3.0,
    "HE": 1.3,
    "HB": 2.0,
    "PI": 1.2,
    "ST": 2.0,
    "PT": 1.2,
    "SG": 1.0,
    "CL": 1.6,
    "UP": 1.2,
    "FC": 1.4,
    "VE": 0.8,
    "TA": 0.8,
    "EG": 2.5,
    "PC": 0.8,
    "CR": 1.5,
}
CRITICALITY_RATE: dict[str, float] = {"A": 1.5, "B": 1.0, "C": 0.7}

MODE_WEIGHTS: dict[str, dict[str, float]] = {
    "PU": {
        "VIB": 22,
        "ELP": 20,
        "NOI": 10,
        "OHE": 9,
        "LOO": 10,
        "ELU": 6,
        "FTS": 4,
        "UST": 4,
        "BRD": 3,
        "STD": 3,
        "SER": 5,
        "PDE": 2,
        "UNK": 2,
    },
    "EM": {"OHE": 20, "VIB": 18, "NOI": 12, "ELE": 15, "FTS": 10, "UST": 8, "BRD": 4, "SER": 5, "ELU": 3, "UNK": 2},
    "VA": {
        "LCP": 20,
        "ELP": 18,
        "FTO": 9,
        "FTC": 9,
        "DOP": 7,
        "ERO": 8,
        "STD": 5,
        "NOI": 3,
        "SPO": 3,
        "PLU": 4,
        "SER": 5,
        "ELU": 4,
        "BRD": 2,
    },
    "IP": {"AIR": 40, "ERO": 12, "NOO": 10, "PTF": 12, "PDE": 6, "SER": 4, "ELP": 4, "PLU": 4, "FTF": 4, "UNK": 2},
    "FS": {"PLU": 50, "ELP": 10, "ELU": 8, "STD": 8, "CTM": 8, "SER": 6, "BRD": 3},
    "BL": {
        "VIB": 25,
        "NOI": 12,
        "OHE": 12,
        "ELU": 8,
        "STD": 8,
        "UST": 6,
        "FTS": 4,
        "LOO": 5,
        "SER": 6,
        "PDE": 4,
        "BRD": 2,
    },
    "CO": {"UST": 12, "OHE": 14, "LOO": 12, "ELU": 10, "VIB": 10, "NOI": 8, "FTS": 10, "SER": 6, "PDE": 6},
    "HE": {"INL": 25, "IHT": 20, "ELP": 15, "PLU": 12, "ELU": 8, "STD": 6, "CTM": 4, "SER": 6, "PDE": 4},
    "HB": {"ELP": 30, "STD": 25, "OHE": 12, "PLU": 6, "IHT": 8, "SER": 8, "PDE": 6, "NOI": 3},
    "VE": {"ELP": 25, "STD": 15, "SER": 15, "PDE": 12, "CTM": 5, "INL": 5, "NOI": 3},
    "TA": {"ELP": 20, "ELU": 15, "STD": 18, "SER": 15, "PDE": 10, "CTM": 10},
    "PI": {"ELP": 45, "STD": 20, "VIB": 8, "SER": 12, "NOI": 5, "PLU": 4},
    "ST": {
        "VIB": 30,
        "PDE": 12,
        "ELU": 12,
        "ELP": 10,
        "NOI": 6,
        "UST": 6,
        "OHE": 8,
        "STD": 4,
        "SER": 4,
        "HIO": 2,
        "FTS": 3,
    },
    "EG": {"OHE": 15, "ELE": 18, "VIB": 15, "ELU": 8, "PDE": 15, "SER": 6, "UST": 5, "NOI": 5},
    "PT": {"ELU": 30, "OHE": 15, "PDE": 12, "ELE": 10, "NOI": 8, "SER": 10, "STD": 4, "CTM": 5, "UST": 3},
    "SG": {"FCO": 15, "FDC": 10, "ELE": 20, "OHE": 12, "SPO": 8, "FTF": 10, "SER": 10, "NOI": 5, "UST": 5},
    "FC": {"UST": 25, "ELE": 15, "FOF": 8, "OHE": 15, "FTS": 10, "FTF": 8, "NOO": 5, "ERO": 6, "SER": 5, "LOR": 3},
    "UP": {"LOR": 15, "FOV": 15, "FOF": 8, "UST": 10, "ELE": 12, "OHE": 10, "NOO": 5, "SER": 10, "FTF": 8, "LOO": 10},
    "PC": {"ELE": 40, "OHE": 25, "STD": 15, "SER": 10, "PTF": 10},
    "CV": {"STD": 25, "BRD": 10, "SER": 15, "VIB": 8, "NOI": 10, "OHE": 10, "UST": 12, "PLU": 10, "FTS": 5},
    "CR": {"FTF": 15, "FTS": 15, "ELE": 15, "NOI": 10, "BRD": 8, "SER": 20, "STD": 8, "ELU": 8},
    "CL": {"PTF": 30, "FTF": 10, "SPO": 10, "ELE": 10, "LOR": 15, "FTI": 10, "SER": 8, "NOO": 5},
}

# Fuel systems leak fuel, not process or utility media (ISO 14224 ELF).
FUEL_SYSTEMS: frozenset[str] = frozenset({"EGB", "EGC"})

# Modes that push the priority up or down, independent of class.
SEVERE_MODES: frozenset[str] = frozenset({"UST", "BRD", "ELF", "FTS", "FCO", "FDC", "LOR", "NOO", "HIO", "ELE"})
MILD_MODES: frozenset[str] = frozenset({"SER", "STD", "AIR", "CTM", "PDE", "IHT", "UNK"})

Phrases = tuple[tuple[str, ...], tuple[str, ...]]

# Generic wording per failure mode (Korean, English); class wording below takes precedence.
SYMPTOMS: dict[str, Phrases] = {
    "VIB": (
        (
            "진동 심함",
            "진동 큼",
            "덜덜 떨림",
            "진동 올라감 {vib}mm/s",
            "진동값 {vib}mm/s 나옴",
            "떨림이 심해짐",
            "진동 과다",
        ),
        ("high vibration", "vibration {vib} mm/s", "shaking badly", "vib high"),
    ),
    "ELP": (
        ("누수", "물이 샘", "누설 있음", "새는 중", "플랜지에서 물 떨어짐", "누설 발생"),
        ("leaking", "water leak", "leak at flange", "leakage found"),
    ),
    "ELU": (
        ("누유", "오일 샘", "기름 떨어짐", "오일 누설", "바닥에 기름 고임"),
        ("oil leak", "leaking oil", "oil dripping", "lube oil leak"),
    ),
    "ELF": (
        ("연료유 누설", "경유 샘", "기름 냄새 나고 새는 중", "FO 누설"),
        ("fuel oil leak", "FO leaking", "diesel leak"),
    ),
    "NOI": (
        ("소리 남", "이상음 발생", "소음 심함", "끼익 소리", "쇳소리 남", "웅웅 소리", "딱딱 소리 남"),
        ("abnormal noise", "strange noise", "grinding noise", "knocking sound", "noisy"),
    ),
    "OHE": (
        ("과열", "온도 올라감 {temp}도", "뜨거움", "발열 심함", "온도 {temp}℃까지 상승", "고온"),
        ("overheating", "running hot", "temp {temp} C", "high temperature"),
    ),
    "LOO": (
        ("출력 저하", "성능 떨어짐", "압력이 안 나옴", "유량 부족"),
        ("output dropped", "not enough flow", "performance loss", "pressure dropping"),
    ),
    "FTS": (
        ("기동 불가", "안 돌아감", "기동 안됨", "스타트 안 걸림", "기동 실패"),
        ("won't start", "fails to start", "no start", "start failure"),
    ),
    "UST": (
        ("불시정지", "자동정지됨", "갑자기 멈춤", "혼자 정지함", "운전 중 정지됨"),
        ("stopped by itself", "shut down unexpectedly", "sudden stop", "stopped on its own"),
    ),
    "BRD": (
        ("파손", "고장남", "부러짐", "고착됨", "완전히 망가짐"),
        ("broken", "seized", "failed completely", "breakdown"),
    ),
    "STD": (
        ("균열 발견", "부식 심함", "마모 심함", "크랙 있음", "감육 확인"),
        ("crack found", "corrosion", "worn out", "erosion"),
    ),
    "SER": (
        ("볼트 풀림", "보온 탈락", "도장 박리", "커버 떨어짐", "청소 필요", "외관 오염"),
        ("loose bolts", "insulation fell off", "cover loose", "needs cleaning", "paint peeling"),
    ),
    "PDE": (
        ("운전값 이탈", "트렌드 이상", "설정치 벗어남", "값이 기준 초과"),
        ("out of range", "trend abnormal", "off setpoint", "parameter above limit"),
    ),
    "PLU": (("막힘", "차압 상승", "막혀서 안 흐름", "차압 {dp}bar"), ("plugged", "clogged", "high DP", "blocked")),
    "INL": (
        ("내부누설", "튜브 누설 의심", "내부 리크"),
        ("internal leak", "tube leak suspected", "leaking internally"),
    ),
    "IHT": (
        ("냉각 안 됨", "열교환 불량", "출구온도 안 떨어짐", "파울링 의심"),
        ("poor cooling", "not cooling", "fouling suspected", "outlet temp too hot"),
    ),
    "HIO": (("과속", "회전수 너무 올라감", "압력 과다"), ("overspeed", "speed too high", "overpressure")),
    "AIR": (
        ("지시 이상", "오지시", "값이 이상함", "지시값 틀림", "현장값이랑 다름", "지시 {pct}%에서 고정"),
        ("wrong reading", "reading frozen at {pct}%", "bad indication", "reading doesn't match local gauge"),
    ),
    "ERO": (("헌팅", "값이 출렁임", "왔다갔다 함", "불안정"), ("hunting", "fluctuating", "unstable", "oscillating")),
    "NOO": (
        ("신호 없음", "출력 없음", "아무 값도 안 나옴", "먹통"),
        ("no signal", "no output", "dead", "reading zero"),
    ),
    "PTF": (
        ("통신두절", "통신 불량", "신호 단선", "통신 끊김"),
        ("comm failure", "communication lost", "signal lost", "open circuit"),
    ),
    "FTF": (("작동 안 함", "동작 불가", "미동작", "응답 없음"), ("does not actuate", "no response", "won't operate")),
    "FTI": (("기능 이상", "제대로 동작 안 함", "동작 이상"), ("malfunction", "not working properly")),
    "SPO": (("오동작", "저절로 동작함", "임의 동작"), ("spurious operation", "operates by itself")),
    "FTO": (("안 열림", "열림 불가", "개방 안 됨"), ("won't open", "fails to open", "stuck closed")),
    "FTC": (("안 닫힘", "닫힘 불가", "완전히 안 닫힘"), ("won't close", "fails to close", "stuck open")),
    "DOP": (("동작 느림", "스트로크 지연", "개폐 지연"), ("slow stroke", "slow to respond", "delayed operation")),
    "LCP": (
        ("패싱", "닫았는데 계속 흐름", "시트 누설", "밸브 패싱됨"),
        ("passing", "seat leakage", "leaks through when closed"),
    ),
    "FCO": (("투입 안 됨", "차단기 투입 불가", "CB 클로즈 안 됨"), ("breaker won't close", "fails to close in")),
    "FDC": (("차단 안 됨", "차단기 개방 불가", "CB 오픈 안 됨"), ("breaker won't open", "fails to open on command")),
    "FOF": (("주파수 이상", "주파수 변동"), ("frequency deviation", "output frequency wrong")),
    "FOV": (
        ("전압 이상", "출력전압 불안정", "전압 떨어짐"),
        ("voltage unstable", "output voltage wrong", "under voltage"),
    ),
    "LOR": (
        ("이중화 상실", "예비 채널 고장", "리던던시 상실"),
        ("running on one channel only", "backup channel failed"),
    ),
    "CTM": (
        ("오염", "이물질 혼입", "오일 오염", "유중수분 검출"),
        ("contamination", "water in oil", "dirty oil", "debris"),
    ),
    "ELE": (
        ("지락", "절연저하", "퓨즈 단선", "누전", "절연저항 {mohm}MΩ"),
        ("earth fault", "insulation resistance {mohm} Mohm", "blown fuse", "ground fault"),
    ),
    "UNK": (("상태 이상", "뭔가 이상함", "원인 모르겠음"), ("something wrong", "not right, unknown cause")),
}

_ELECTRICAL_SER: Phrases = (
    ("외함 볼트 풀림", "명판 탈락", "단자함 커버 파손", "먼지 많음, 청소 필요", "외함 오염"),
    ("cover bolts loose", "terminal box cover broken", "dusty, needs cleaning"),
)

CLASS_SYMPTOMS: dict[tuple[str, str], Phrases] = {
    **{(cls, "SER"): _ELECTRICAL_SER for cls in ("PT", "SG", "UP", "FC", "PC", "CL", "IP", "EM", "EG")},
    ("PU", "ELP"): (
        ("메카니컬씰 누수", "씰에서 물이 샘", "메카씰 누설", "글랜드 누수 심함", "씰 쪽 물 뚝뚝 떨어짐"),
        ("mechanical seal leak", "seal leaking", "gland leak", "water dripping from seal"),
    ),
    ("PU", "VIB"): (
        ("진동 심함", "베어링 진동 {vib}mm/s", "덜덜 떨림", "펌프 진동 상승", "DE 베어링 진동 큼"),
        ("high vibration", "DE bearing vib {vib} mm/s", "pump shaking", "vibration high on NDE"),
    ),
    ("PU", "LOO"): (
        ("토출압력 떨어짐", "토출압 {bar}bar로 떨어짐", "유량이 안 나옴", "양정 부족"),
        ("discharge pressure dropped", "not enough flow", "discharge pressure {bar} bar"),
    ),
    ("PU", "OHE"): (
        ("베어링 온도 올라감 {temp}도", "베어링 과열", "베어링 뜨거움"),
        ("bearing hot", "bearing temp {temp} C"),
    ),
    ("PU", "NOI"): (
        ("캐비테이션 소리 남", "자갈 구르는 소리", "이상음 발생", "쇳소리 남"),
        ("cavitation noise", "rattling noise", "abnormal noise"),
    ),
    ("PU", "ELU"): (
        ("베어링 하우징 누유", "오일 샘", "윤활유 새는 중"),
        ("oil leak from bearing housing", "oil leaking"),
    ),
    ("EM", "OHE"): (
        ("모터 과열", "모터 온도 {temp}도", "권선온도 상승", "모터 뜨거움", "베어링 온도 올라감"),
        ("motor overheating", "winding temp high", "motor hot {temp} C"),
    ),
    ("EM", "ELE"): (
        ("절연저항 {mohm}MΩ으로 저하", "지락 발생", "모터 절연저하", "과전류 계전기 동작"),
        ("insulation resistance {mohm} Mohm", "earth fault", "overcurrent relay operated"),
    ),
    ("EM", "NOI"): (
        ("모터 소음", "모터에서 웅웅 소리", "베어링 소리 남"),
        ("motor noisy", "motor bearing noise", "humming"),
    ),
    ("EM", "FTS"): (("모터 기동 안됨", "기동 안 걸림", "안 돌아감"), ("motor won't start", "won't start from DCS")),
    ("VA", "ELP"): (
        ("글랜드 패킹 누설", "밸브 본체 누수", "패킹에서 샘", "보닛 누설"),
        ("gland packing leak", "packing leaking", "bonnet leak"),
    ),
    ("VA", "LCP"): (
        ("패싱", "밸브 패싱됨", "닫았는데 계속 흐름", "시트 누설"),
        ("passing", "valve passing", "leaks through when closed", "seat leakage"),
    ),
    ("VA", "ERO"): (("헌팅 심함", "개도 출렁임", "제어가 안 잡힘"), ("valve hunting", "position oscillating")),
    ("VA", "ELU"): (
        ("액추에이터 공기 샘", "포지셔너 에어 누설", "유압 액추에이터 누유"),
        ("actuator air leak", "positioner air leak"),
    ),
    ("VA", "PLU"): (("밸브 막힘", "개도 100%인데 유량 안 나옴"), ("valve plugged", "100% open but no flow")),
    ("IP", "AIR"): (
        ("지시 이상", "오지시", "지시값 틀림", "옆 채널이랑 차이 남", "현장 게이지랑 다름", "지시 {pct}%에서 고정"),
        ("wrong reading", "reading frozen at {pct}%", "doesn't match local gauge", "deviates from other channel"),
    ),
    ("IP", "PLU"): (("임펄스 라인 막힘", "도압관 막힘"), ("impulse line plugged",)),
    ("IP", "ELP"): (("도압관 누설", "임펄스 라인 누수"), ("impulse line leak",)),
    ("FS", "PLU"): (
        ("차압 상승", "필터 막힘", "스트레이너 막힘", "차압 {dp}bar", "DP 높게 나옴", "전환해도 차압 안 떨어짐"),
        ("high DP", "filter clogged", "strainer plugged", "DP {dp} bar"),
    ),
    ("FS", "CTM"): (("필터 엘리먼트 이물질 많음", "오일 오염", "슬러지 다량"), ("debris in element", "dirty element")),
    ("BL", "VIB"): (
        ("팬 진동 큼", "진동 {vib}mm/s", "팬 떨림", "임펠러 진동"),
        ("fan vibration {vib} mm/s", "fan shaking"),
    ),
    ("BL", "STD"): (("임펠러 마모", "블레이드 침식", "케이싱 마모"), ("impeller erosion", "blade wear")),
    ("CO", "LOO"): (
        ("공기압 안 올라감", "토출압 부족", "로딩 시간 길어짐"),
        ("air pressure not building up", "slow loading"),
    ),
    ("CO", "OHE"): (("토출온도 {temp}도", "압축기 과열", "오일온도 상승"), ("discharge temp high", "compressor hot")),
    ("HE", "INL"): (("튜브 누설", "튜브 리크 의심, 수위 상승", "내부누설 의심"), ("tube leak", "tube leak suspected")),
    ("HE", "IHT"): (
        ("냉각 안 됨", "출구온도 {temp}도까지 상승", "열교환 불량", "파울링"),
        ("poor cooling", "fouled tubes"),
    ),
    ("HE", "PLU"): (("튜브 막힘", "해수측 막힘", "차압 상승"), ("tubes plugged", "high DP seawater side")),
    ("HB", "ELP"): (
        ("튜브 누설", "튜브 리크 소리 남", "튜브 터짐 의심", "보충수 증가, 튜브 리크 의심"),
        ("tube leak", "tube leak noise", "suspected tube failure"),
    ),
    ("HB", "STD"): (
        ("튜브 감육", "튜브 마모", "튜브 두께 감소", "클링커 부착 튜브 손상"),
        ("tube thinning", "tube erosion"),
    ),
    ("HB", "OHE"): (("튜브 메탈온도 상승", "튜브 과열"), ("tube metal temp high", "tube overheating")),
    ("HB", "PLU"): (("슬래깅 심함", "클링커 부착", "노즐 막힘"), ("slagging", "clinker build-up", "nozzle plugged")),
    ("PI", "ELP"): (
        ("배관 누수", "플랜지 누설", "용접부 누설", "배관에서 물 샘", "핀홀 누설"),
        ("pipe leak", "flange leak", "weld leak", "pinhole leak"),
    ),
    ("PI", "VIB"): (("배관 진동", "배관 흔들림", "해머링"), ("pipe vibration", "water hammer")),
    ("PI", "STD"): (
        ("배관 감육", "배관 부식", "서포트 변형"),
        ("pipe wall thinning", "pipe corrosion", "support bent"),
    ),
    ("ST", "VIB"): (
        ("베어링 진동 {um}μm", "#{brg} 베어링 진동 상승", "축진동 상승"),
        ("bearing vibration {um} μm", "#{brg} bearing vib high", "shaft vibration"),
    ),
    ("ST", "PDE"): (("차팽창 증가", "축위치 이탈", "편심 증가"), ("differential expansion high", "axial shift")),
    ("ST", "ELP"): (("그랜드에서 스팀 샘", "그랜드 증기 누출"), ("gland steam escaping",)),
    ("ST", "OHE"): (("베어링 메탈온도 상승 {temp}도", "배기온도 상승"), ("bearing metal temp {temp} C", "exhaust hot")),
    ("EG", "PDE"): (
        ("수소순도 저하", "수소압 떨어짐", "고정자 온도 편차"),
        ("H2 purity dropping", "stator temp deviation"),
    ),
    ("EG", "ELU"): (("밀봉유 누설", "수소 압력 떨어짐, 누출 의심"), ("seal oil leaking", "hydrogen pressure decaying")),
    ("PT", "ELU"): (
        ("변압기 누유", "방열기 누유", "절연유 샘", "가스켓 누유"),
        ("transformer oil leak", "radiator oil leak"),
    ),
    ("PT", "PDE"): (("DGA 가스 증가", "아세틸렌 검출", "DGA 결과 이상"), ("DGA gases rising", "acetylene detected")),
    ("PT", "OHE"): (
        ("권선온도 {temp}도", "유온 상승", "변압기 온도 올라감"),
        ("winding temp {temp} C", "oil temp high"),
    ),
    ("PT", "NOI"): (("변압기 소음 커짐", "웅웅 소리 심함"), ("transformer humming loud",)),
    ("SG", "OHE"): (
        ("열화상 핫스팟", "단자 과열", "부스바 접속부 과열"),
        ("hot spot on thermography", "terminal overheating"),
    ),
    ("CV", "STD"): (
        ("벨트 찢어짐", "벨트 손상", "벨트 마모 심함", "스커트 고무 마모", "벨트 길게 찢어짐"),
        ("belt torn", "belt damaged", "belt worn", "skirt rubber worn"),
    ),
    ("CV", "BRD"): (("벨트 절단", "풀리 파손", "체인 끊어짐"), ("belt snapped", "pulley broken")),
    ("CV", "SER"): (
        ("벨트 사행", "낙탄 많음", "스크레이퍼 불량", "아이들러 빠짐"),
        ("belt misalignment", "coal spillage", "scraper worn", "idler missing"),
    ),
    ("CV", "PLU"): (("슈트 막힘", "호퍼 막힘", "석탄 걸림"), ("chute plugged", "hopper blocked")),
    ("CV", "OHE"): (
        ("풀리 베어링 과열", "테일풀리 베어링 뜨거움", "감속기 과열"),
        ("pulley bearing hot", "gearbox hot"),
    ),
    ("CV", "UST"): (
        ("풀코드 동작 정지", "벨트 사행 스위치 동작 정지", "갑자기 멈춤"),
        ("stopped by pull cord", "belt sway stop"),
    ),
    ("CR", "FTF"): (("호이스트 안 움직임", "권상 안 됨"), ("hoist won't lift",)),
    ("CL", "PTF"): (
        ("통신두절", "통신 불량", "HMI에서 선택 안 됨", "링크 다운"),
        ("comm failure", "link down", "no comms to HMI"),
    ),
    ("CL", "LOR"): (("이중화 상실", "예비 CPU 고장", "리던던시 상실"), ("standby CPU faulty", "backup CPU failed")),
    ("UP", "LOO"): (
        ("축전지 용량 저하", "셀 전압 떨어짐", "방전시험 불합격"),
        ("battery capacity down", "cell voltage dropping"),
    ),
    ("UP", "LOR"): (
        ("UPS 바이패스 운전 중", "인버터 고장으로 바이패스"),
        ("UPS on bypass", "inverter fault, on bypass"),
    ),
    ("FC", "UST"): (("인버터 정지", "VFD 폴트 정지", "인버터 고장 정지"), ("VFD fault stop", "drive faulted")),
    ("PT", "UST"): (
        ("보호계전기 동작으로 차단됨", "부흐홀츠 계전기 동작", "차동계전기 동작"),
        ("relay operated, breaker opened", "Buchholz relay operated"),
    ),
    ("SG", "UST"): (("차단기 불시 개방", "차단기 저절로 떨어짐"), ("breaker opened by itself",)),
    ("EG", "UST"): (("발전기 보호계전기 동작", "계자 상실 계전기 동작"), ("generator protection operated",)),
    ("BL", "LOO"): (("풍량 부족", "댐퍼 열어도 풍압 안 나옴"), ("not enough air flow", "fan pressure dropping")),
    ("PC", "ELE"): (
        ("케이블 지락", "케이블 절연저하", "종단부 방전 흔적"),
        ("cable earth fault", "termination discharge marks"),
    ),
}


@dataclass(frozen=True)
class Action:
    ko: str
    en: str
    parts: tuple[str, ...] = ()
    hours: tuple[float, float] = (2.0, 8.0)


def A(ko: str, en: str, parts: str = "", hours: tuple[float, float] = (2.0, 8.0)) -> Action:
    return Action(ko, en, tuple(p for p in parts.split("|") if p), hours)


# Generic maintenance responses per mode; class-specific ones below take precedence.
ACTIONS: dict[str, tuple[Action, ...]] = {
    "VIB": (
        A("진동 측정 및 베어링 점검, 얼라인먼트 재조정", "Vibration survey, bearing check, realigned", "", (4, 12)),
        A("기초볼트 재체결 후 진동 정상 확인", "Retightened foundation bolts, vibration back to normal", "", (2, 6)),
    ),
    "ELP": (
        A("가스켓 교체 후 누설 없음 확인", "Replaced gasket, no leak", "spiral wound gasket", (2, 8)),
        A("플랜지 볼트 재체결", "Retorqued flange bolts", "", (1, 4)),
    ),
    "ELU": (
        A(
            "오링 및 가스켓 교체, 누유 부위 청소",
            "Replaced O-ring and gasket, cleaned up oil",
            "O-ring kit|gasket",
            (2, 6),
        ),
    ),
    "ELF": (
        A("연료유 배관 가스켓 교체, 누설 부위 방유 처리", "Replaced fuel line gasket, spill cleaned", "gasket", (2, 6)),
    ),
    "NOI": (
        A("베어링 교체 및 윤활 상태 점검", "Replaced bearing, checked lubrication", "bearing 6312 C3", (4, 12)),
        A("소음 원인 점검, 커버 고정 볼트 체결", "Found loose cover, bolts tightened", "", (1, 3)),
    ),
    "OHE": (
        A("베어링 그리스 보충 및 냉각 상태 점검", "Regreased bearing, checked cooling", "grease (Polyrex EM)", (2, 5)),
        A("베어링 교체, 윤활유 교체", "Replaced bearing and lube oil", "bearing 6316 C3|lube oil ISO VG 46", (6, 14)),
    ),
    "LOO": (
        A(
            "성능 점검 후 임펠러 마모 확인, 임펠러 교체",
            "Performance check, worn impeller replaced",
            "impeller",
            (12, 30),
        ),
    ),
    "FTS": (A("기동회로 점검, 접촉기 교체", "Checked start circuit, replaced contactor", "contactor", (2, 6)),),
    "UST": (
        A("정지 원인 조사(보호계전기 이력 확인), 재기동 후 정상", "Investigated trip record, restarted OK", "", (2, 6)),
    ),
    "BRD": (A("파손품 교체 후 시운전", "Replaced broken parts, test run OK", "", (8, 24)),),
    "STD": (
        A("두께 측정 후 보수 용접", "UT thickness check, weld repair", "welding rod E7018", (6, 20)),
        A("부식 부위 청소 및 도장", "Cleaned corrosion and repainted", "epoxy paint", (3, 8)),
    ),
    "SER": (
        A("볼트 재체결 및 외관 정리", "Retightened bolts, housekeeping", "", (1, 3)),
        A("보온재 재시공", "Reinstalled insulation", "insulation (mineral wool)", (2, 6)),
    ),
    "PDE": (A("운전변수 확인 및 설정치 재조정", "Checked parameters, readjusted setpoint", "", (1, 4)),),
    "PLU": (A("막힘 부위 해체 청소", "Disassembled and cleaned blockage", "", (2, 8)),),
    "INL": (A("누설 튜브 플러깅", "Plugged leaking tubes", "tube plug", (8, 24)),),
    "IHT": (A("튜브 세정(고압수 세척)", "Hydro-jetted tubes", "", (6, 16)),),
    "HIO": (A("조속기 설정 점검 및 교정", "Checked and recalibrated governor", "", (4, 10)),),
    "AIR": (
        A("계기 교정", "Recalibrated instrument", "", (1, 4)),
        A(
            "전송기 교체 후 교정",
            "Replaced transmitter and calibrated",
            "pressure transmitter (Rosemount 3051)",
            (2, 6),
        ),
    ),
    "ERO": (A("PID 튜닝 및 포지셔너 교정", "Retuned PID and recalibrated positioner", "", (2, 6)),),
    "NOO": (A("신호 루프 점검, 전원 카드 교체", "Loop check, replaced power supply card", "I/O power module", (2, 6)),),
    "PTF": (
        A("통신 케이블 커넥터 재결선", "Reterminated comm cable connector", "RJ45 connector", (1, 4)),
        A("통신 모듈 교체", "Replaced communication module", "communication module", (2, 6)),
    ),
    "FTF": (A("동작 회로 점검, 릴레이 교체", "Checked actuation circuit, replaced relay", "auxiliary relay", (2, 6)),),
    "FTI": (A("로직 점검 및 파라미터 재설정", "Checked logic, reset parameters", "", (2, 6)),),
    "SPO": (
        A("오동작 원인 점검, 리밋스위치 조정", "Investigated spurious operation, adjusted limit switch", "", (2, 5)),
    ),
    "FTO": (A("액추에이터 점검 및 스템 윤활", "Checked actuator, lubricated stem", "stem grease", (2, 6)),),
    "FTC": (A("리밋스위치 및 토크스위치 재조정", "Readjusted limit and torque switches", "", (2, 6)),),
    "DOP": (
        A(
            "액추에이터 공급 공기압 조정, 솔레노이드밸브 교체",
            "Adjusted supply air, replaced solenoid valve",
            "solenoid valve",
            (2, 5),
        ),
    ),
    "LCP": (
        A("밸브 시트 래핑", "Lapped valve seat", "", (6, 16)),
        A("디스크 및 시트 교체", "Replaced disc and seat", "valve trim set (disc, seat)", (8, 20)),
    ),
    "FCO": (A("차단기 투입 코일 교체", "Replaced closing coil", "closing coil", (2, 6)),),
    "FDC": (
        A("차단기 트립 코일 교체, 메커니즘 윤활", "Replaced trip coil, lubricated mechanism", "trip coil", (2, 6)),
    ),
    "FOF": (
        A("동기화 회로 점검, 제어보드 교체", "Checked sync circuit, replaced control board", "control board", (3, 8)),
    ),
    "FOV": (A("출력 전압 조정 및 제어카드 점검", "Adjusted output voltage, checked control card", "", (2, 6)),),
    "LOR": (
        A("예비 모듈 교체 후 이중화 복구", "Replaced backup module, redundancy restored", "redundant module", (2, 8)),
    ),
    "CTM": (A("오일 교체 및 정유기 운전", "Oil changed, purifier run", "lube oil ISO VG 32", (3, 8)),),
    "ELE": (
        A("절연저항 측정, 건조 후 재측정 정상", "Meggered, dried out, retest OK", "", (4, 12)),
        A("손상 케이블 단말 재처리", "Remade damaged cable termination", "cable termination kit", (4, 10)),
    ),
    "UNK": (A("현장 점검 결과 이상 없음", "Field check found nothing abnormal", "", (1, 2)),),
}

CLASS_ACTIONS: dict[tuple[str, str], tuple[Action, ...]] = {
    ("PU", "ELP"): (
        A(
            "메카니컬씰 교체, 얼라인먼트 재조정",
            "Replaced mechanical seal, realigned",
            "mechanical seal|O-ring kit",
            (8, 20),
        ),
        A("메카니컬씰 교체", "Replaced mechanical seal", "mechanical seal", (6, 16)),
        A("글랜드 패킹 교체", "Repacked gland", "gland packing (graphite)", (2, 6)),
    ),
    ("PU", "VIB"): (
        A(
            "베어링 교체, 얼라인먼트 재조정",
            "Replaced bearings, realigned",
            "bearing 6316 C3|bearing 7316 BECBM",
            (10, 24),
        ),
        A("커플링 점검 및 얼라인먼트 재조정", "Checked coupling, realigned pump-motor", "coupling element", (4, 10)),
        A("임펠러 밸런싱 및 베어링 교체", "Balanced impeller, replaced bearing", "bearing 6316 C3", (16, 36)),
    ),
    ("PU", "OHE"): (
        A("베어링 교체, 윤활유 교체", "Replaced bearing and oil", "bearing 6314 C3|lube oil ISO VG 68", (6, 14)),
        A("베어링 냉각수 라인 청소", "Cleaned bearing cooling water line", "", (2, 5)),
    ),
    ("PU", "NOI"): (
        A("흡입 스트레이너 청소, 캐비테이션 해소", "Cleaned suction strainer, cavitation cleared", "", (3, 8)),
        A("베어링 교체", "Replaced bearing", "bearing 6312 C3", (6, 12)),
    ),
    ("PU", "LOO"): (
        A("임펠러 및 웨어링 교체", "Replaced impeller and wear rings", "impeller|wear ring", (16, 40)),
        A("흡입 스트레이너 청소", "Cleaned suction strainer", "", (2, 6)),
    ),
    ("PU", "BRD"): (
        A("축 및 베어링 교체, 오버홀", "Replaced shaft and bearings, overhauled", "shaft|bearing 6316 C3", (30, 80)),
    ),
    ("EM", "OHE"): (
        A(
            "모터 베어링 교체 및 냉각팬 청소",
            "Replaced motor bearings, cleaned cooling fan",
            "bearing 6319 C3|bearing NU319",
            (6, 16),
        ),
        A("냉각 공기 통로 청소, 그리스 보충", "Cleaned air passages, regreased", "grease (Polyrex EM)", (2, 5)),
    ),
    ("EM", "VIB"): (
        A("모터 베어링 교체, 얼라인먼트 재조정", "Replaced motor bearings, realigned", "bearing 6319 C3", (8, 16)),
        A("로터 밸런싱", "Rotor balanced", "", (12, 30)),
    ),
    ("EM", "ELE"): (
        A("모터 권선 건조 후 절연저항 재측정", "Dried stator winding, megger OK", "", (8, 24)),
        A("모터 되감기(리와인딩) 외주", "Sent motor out for rewind", "motor rewind (outsourced)", (16, 40)),
        A("모터 단자함 케이블 재처리", "Remade terminal box cable lugs", "cable lug", (3, 8)),
    ),
    ("EM", "FTS"): (
        A(
            "차단기 및 기동회로 점검, 과부하계전기 리셋",
            "Checked breaker and start circuit, reset overload",
            "",
            (2, 5),
        ),
        A("MCC 접촉기 교체", "Replaced MCC contactor", "contactor", (2, 5)),
    ),
    ("EM", "NOI"): (A("모터 베어링 교체", "Replaced motor bearing", "bearing 6317 C3", (6, 12)),),
    ("VA", "ELP"): (
        A("글랜드 패킹 교체", "Replaced gland packing", "gland packing (graphite)", (2, 6)),
        A("보닛 가스켓 교체", "Replaced bonnet gasket", "bonnet gasket", (4, 10)),
    ),
    ("VA", "LCP"): (
        A("밸브 시트 래핑", "Lapped valve seat", "", (6, 16)),
        A("디스크 및 시트 교체", "Replaced disc and seat", "valve trim set (disc, seat)", (8, 20)),
        A(
            "안전밸브 분해정비 및 설정압 시험",
            "Overhauled safety valve, set pressure tested",
            "safety valve spring|disc",
            (10, 24),
        ),
    ),
    ("VA", "ERO"): (
        A("포지셔너 교정 및 PID 튜닝", "Calibrated positioner, retuned PID", "", (2, 6)),
        A("포지셔너 교체", "Replaced positioner", "smart positioner (Fisher DVC6200)", (3, 6)),
    ),
    ("VA", "FTO"): (
        A(
            "MOV 토크스위치 점검, 액추에이터 정비",
            "Checked MOV torque switch, serviced actuator",
            "actuator gear grease",
            (3, 8),
        ),
    ),
    ("VA", "FTC"): (
        A("스템 교정 및 리밋스위치 재조정", "Straightened stem, readjusted limit switch", "valve stem", (4, 10)),
    ),
    ("VA", "ELU"): (
        A("액추에이터 다이어프램 교체", "Replaced actuator diaphragm", "actuator diaphragm", (2, 6)),
        A("공기 튜빙 피팅 교체", "Replaced air tubing fitting", "tube fitting 1/4in", (1, 3)),
    ),
    ("IP", "AIR"): (
        A("전송기 교정", "Recalibrated transmitter", "", (1, 4)),
        A("전송기 교체 후 교정", "Replaced transmitter, calibrated", "pressure transmitter (Rosemount 3051)", (2, 6)),
        A("도압관 블로우다운 후 영점 조정", "Blew down impulse lines, zeroed", "", (1, 3)),
    ),
    ("IP", "ERO"): (A("신호선 실드 접지 보완", "Fixed cable shield grounding", "", (2, 5)),),
    ("IP", "PTF"): (
        A(
            "신호선 단자 재체결 및 단선 구간 교체",
            "Retightened terminals, replaced broken signal cable",
            "instrument cable 2C shielded",
            (2, 6),
        ),
    ),
    ("IP", "NOO"): (A("전송기 전원 퓨즈 교체", "Replaced transmitter loop fuse", "fuse 250mA", (1, 3)),),
    ("FS", "PLU"): (
        A("필터 엘리먼트 교체", "Replaced filter element", "filter element 10 micron", (1, 4)),
        A("스트레이너 바스켓 청소", "Cleaned strainer basket", "", (1, 4)),
        A(
            "예비 필터로 전환 후 엘리먼트 교체",
            "Switched to standby, replaced element",
            "filter element 25 micron|O-ring kit",
            (2, 5),
        ),
    ),
    ("FS", "CTM"): (
        A("엘리먼트 교체 및 오일 분석 의뢰", "Replaced element, sent oil for analysis", "filter element", (2, 4)),
    ),
    ("BL", "VIB"): (
        A("임펠러 청소 및 밸런싱", "Cleaned and balanced impeller", "balance weights", (12, 30)),
        A("팬 베어링 교체", "Replaced fan bearing", "bearing 22228 CCK/W33", (16, 36)),
    ),
    ("BL", "STD"): (
        A("임펠러 블레이드 육성용접 보수", "Hardfacing repair of impeller blades", "hardfacing rod", (20, 48)),
    ),
    ("BL", "OHE"): (
        A(
            "팬 베어링 윤활유 교체 및 냉각수 점검",
            "Changed fan bearing oil, checked cooling water",
            "lube oil ISO VG 68",
            (3, 8),
        ),
    ),
    ("CO", "LOO"): (
        A("흡입밸브 및 언로더 정비", "Serviced inlet valve and unloader", "inlet valve kit", (6, 14)),
        A("흡입필터 교체", "Replaced air inlet filter", "air filter element", (1, 3)),
    ),
    ("CO", "OHE"): (
        A(
            "오일쿨러 청소, 압축기 오일 교체",
            "Cleaned oil cooler, changed compressor oil",
            "compressor oil (Roto-Inject)",
            (4, 10),
        ),
    ),
    ("CO", "UST"): (
        A(
            "고온 정지 원인 점검, 온도 스위치 교체",
            "Checked high temp stop, replaced temp switch",
            "temperature switch",
            (2, 6),
        ),
    ),
    ("HE", "INL"): (
        A("누설 튜브 플러깅", "Plugged leaking tubes", "tube plug", (10, 30)),
        A("와전류 탐상 후 튜브 플러깅", "Eddy current tested, plugged tubes", "tube plug", (16, 40)),
    ),
    ("HE", "IHT"): (
        A("튜브 고압수 세정", "Hydro-jetted tubes", "", (8, 20)),
        A("열교환기 화학세정", "Chemically cleaned exchanger", "", (12, 30)),
    ),
    ("HE", "PLU"): (A("수실 개방 후 튜브 이물질 제거", "Opened waterbox, removed debris from tubes", "", (6, 16)),),
    ("HB", "ELP"): (
        A(
            "누설 튜브 절단 후 교체 용접",
            "Cut out and rewelded leaking tube section",
            "boiler tube SA-213 T12|welding rod",
            (24, 80),
        ),
    ),
    ("HB", "STD"): (
        A("두께 측정 후 감육 튜브 교체", "UT survey, replaced thinned tubes", "boiler tube SA-210 A1", (20, 60)),
        A("튜브 쉴드 설치", "Installed tube erosion shields", "tube shield", (8, 20)),
    ),
    ("HB", "PLU"): (A("수트블로잉 강화 및 클링커 제거", "Extra sootblowing, removed clinker", "", (4, 12)),),
    ("PI", "ELP"): (
        A("플랜지 가스켓 교체", "Replaced flange gasket", "spiral wound gasket", (3, 8)),
        A("핀홀 부위 보수 용접", "Weld repaired pinhole", "welding rod E7018", (4, 10)),
        A(
            "임시 클램프 설치 후 계획정비 때 교체 예정",
            "Installed leak clamp, replacement planned",
            "leak sealing clamp",
            (2, 6),
        ),
    ),
    ("ST", "VIB"): (
        A("진동 분석 및 베어링 점검", "Vibration analysis, bearing inspection", "", (8, 24)),
        A("베어링 메탈 교체 및 얼라인먼트", "Replaced journal bearing pads, aligned", "journal bearing pad", (40, 120)),
    ),
    ("ST", "ELU"): (
        A("베어링 하우징 오일실 교체", "Replaced bearing housing oil seal", "oil deflector seal", (6, 16)),
    ),
    ("EG", "PDE"): (
        A("수소 순도 분석기 점검 및 수소 보충", "Checked H2 analyser, topped up hydrogen", "hydrogen cylinder", (2, 6)),
    ),
    ("EG", "ELE"): (A("고정자 절연 진단(PD 측정)", "Stator insulation diagnosis (PD test)", "", (8, 24)),),
    ("PT", "ELU"): (
        A(
            "방열기 가스켓 교체 및 절연유 보충",
            "Replaced radiator gasket, topped up oil",
            "radiator gasket|transformer oil (Nynas)",
            (6, 16),
        ),
        A("밸브 패킹 교체, 누유 부위 청소", "Replaced valve packing, cleaned oil", "valve packing", (3, 8)),
    ),
    ("PT", "PDE"): (A("DGA 재분석 및 추이 감시", "Re-sampled DGA, trend monitoring", "", (2, 4)),),
    ("PT", "OHE"): (
        A(
            "냉각팬 모터 교체 및 방열기 청소",
            "Replaced cooling fan motor, cleaned radiators",
            "cooling fan motor",
            (4, 10),
        ),
    ),
    ("PT", "CTM"): (A("절연유 여과(진공 정유)", "Vacuum filtered transformer oil", "", (12, 30)),),
    ("SG", "OHE"): (A("접속부 재체결 및 접촉면 연마", "Retorqued and cleaned bus joint", "", (3, 8)),),
    ("SG", "FCO"): (
        A(
            "차단기 투입 코일 교체, 메커니즘 윤활",
            "Replaced closing coil, lubricated mechanism",
            "closing coil",
            (3, 8),
        ),
    ),
    ("CV", "STD"): (
        A("벨트 부분 보수(냉간 접착)", "Cold-bonded belt repair", "belt repair kit", (6, 16)),
        A("벨트 교체 및 가황 접합", "Replaced belt section, hot vulcanized splice", "conveyor belt EP800/4", (24, 60)),
        A("스커트 고무 교체", "Replaced skirt rubber", "skirt rubber", (3, 8)),
    ),
    ("CV", "BRD"): (A("벨트 가황 접합 보수", "Vulcanized belt splice", "conveyor belt EP800/4|splice kit", (24, 60)),),
    ("CV", "SER"): (
        A("벨트 사행 조정, 아이들러 교체", "Trained belt, replaced idlers", "carrying idler", (3, 8)),
        A("스크레이퍼 블레이드 교체", "Replaced scraper blades", "belt scraper blade", (2, 5)),
    ),
    ("CV", "OHE"): (
        A("풀리 베어링 교체", "Replaced pulley bearing", "bearing 22220 E|plummer block", (8, 16)),
        A("감속기 오일 교체", "Changed gearbox oil", "gear oil ISO VG 320", (2, 6)),
    ),
    ("CV", "PLU"): (A("슈트 막힘 제거 및 라이너 점검", "Cleared chute, checked liners", "", (2, 6)),),
    ("CR", "FTF"): (
        A(
            "브레이크 라이닝 교체, 리밋스위치 조정",
            "Replaced brake lining, adjusted limit switch",
            "brake lining",
            (4, 10),
        ),
    ),
    ("CL", "PTF"): (
        A("통신 모듈 교체", "Replaced communication module", "communication module", (2, 6)),
        A("광케이블 커넥터 재접속", "Re-terminated fibre connector", "fibre patch cord", (2, 4)),
    ),
    ("CL", "LOR"): (
        A("예비 CPU 교체 후 이중화 복구", "Replaced standby CPU, redundancy restored", "CPU module", (3, 8)),
    ),
    ("UP", "LOO"): (
        A("불량 셀 교체", "Replaced weak cells", "battery cell 2V 1000Ah", (4, 12)),
        A("균등충전 후 용량시험", "Equalize charged, capacity tested", "", (6, 12)),
    ),
    ("UP", "LOR"): (A("인버터 파워 모듈 교체", "Replaced inverter power module", "IGBT power module", (4, 10)),),
    ("FC", "UST"): (
        A("인버터 냉각팬 교체 및 폴트 리셋", "Replaced drive cooling fan, reset fault", "drive cooling fan", (2, 6)),
        A("IGBT 모듈 교체", "Replaced IGBT module", "IGBT module", (6, 14)),
    ),
    ("PC", "ELE"): (A("케이블 종단 재처리", "Remade cable termination", "cable termination kit 6.9kV", (6, 16)),),
}


# More class-specific responses, so that no class falls back on a repair meant for another kind of machine.
CLASS_ACTIONS.update(
    {
        ("HB", "OHE"): (
            A(
                "연소 조정 및 튜브 메탈온도 감시 강화",
                "Combustion tuning, closer tube metal temperature watch",
                "",
                (2, 6),
            ),
            A("과열 튜브 교체", "Replaced overheated tube section", "boiler tube SA-213 T22", (24, 60)),
        ),
        ("HB", "NOI"): (
            A("음향 누설감지 확인 및 연소 상태 점검", "Checked acoustic leak detection and firing", "", (2, 6)),
        ),
        ("HB", "IHT"): (
            A("수트블로잉 강화, 전열면 세정", "Extra sootblowing, cleaned heat transfer surfaces", "", (4, 12)),
        ),
        ("PI", "VIB"): (
            A("배관 서포트 보강, 스너버 점검", "Reinforced pipe supports, checked snubbers", "pipe clamp", (4, 12)),
        ),
        ("PI", "NOI"): (A("행거·서포트 점검 및 조정", "Checked and adjusted hangers and supports", "", (3, 8)),),
        ("PI", "PLU"): (A("배관 플러싱 및 이물질 제거", "Flushed line, removed debris", "", (4, 10)),),
        ("VA", "NOI"): (A("밸브 트림 점검, 케이지 교체", "Inspected trim, replaced cage", "valve cage", (6, 14)),),
        ("VA", "STD"): (
            A("밸브 본체 침식부 보수 용접", "Weld repaired eroded valve body", "welding rod E7018", (8, 20)),
        ),
        ("VA", "BRD"): (
            A("스템 파손, 밸브 트림 교체", "Stem broken, replaced valve trim", "valve stem|valve trim set", (8, 20)),
        ),
        ("VA", "PLU"): (A("밸브 분해 후 트림 이물질 제거", "Opened valve, cleared debris from trim", "", (4, 10)),),
        ("VE", "CTM"): (A("내부 세정 및 이물질 제거", "Cleaned internals, removed deposits", "", (6, 16)),),
        ("VE", "INL"): (A("내부 배플 점검 및 보수", "Inspected and repaired internal baffle", "", (8, 24)),),
        ("VE", "NOI"): (A("내부 부착물 점검 및 체결", "Checked and secured internals", "", (4, 10)),),
        ("TA", "CTM"): (
            A("탱크 바닥 수분 드레인 및 슬러지 제거", "Drained water bottoms, removed sludge", "", (4, 12)),
        ),
        ("HE", "CTM"): (
            A("냉각기 누설 점검 후 오일 교체", "Leak tested cooler, changed oil", "lube oil ISO VG 32", (4, 10)),
        ),
        ("IP", "ELP"): (A("도압관 피팅 교체", "Replaced impulse line fitting", "tube fitting 1/2in", (1, 4)),),
        ("IP", "PLU"): (A("도압관 블로우다운 및 청소", "Blew down and cleaned impulse lines", "", (1, 4)),),
        ("IP", "FTF"): (A("검출기 교체 및 기능 시험", "Replaced detector, function tested", "detector head", (2, 5)),),
        ("IP", "PDE"): (
            A(
                "현장 확인 결과 실제 운전값 편차, 운전팀 통보",
                "Field check: real process deviation, ops informed",
                "",
                (1, 2),
            ),
        ),
        ("CV", "VIB"): (
            A(
                "아이들러·풀리 베어링 점검 및 교체",
                "Checked and replaced idler/pulley bearings",
                "bearing 22220 E",
                (4, 12),
            ),
        ),
        ("CV", "NOI"): (A("소음 아이들러 교체", "Replaced noisy idlers", "carrying idler", (2, 6)),),
        ("CV", "UST"): (
            A(
                "정지 원인(풀코드·사행 스위치) 확인 후 재기동",
                "Checked pull cord and sway switches, restarted",
                "",
                (1, 4),
            ),
        ),
        ("CV", "FTS"): (
            A("속도 스위치 및 기동 인터록 점검", "Checked speed switch and start interlocks", "speed switch", (2, 5)),
        ),
        ("BL", "LOO"): (A("인렛베인·댐퍼 점검 및 조정", "Checked and adjusted inlet vanes and damper", "", (4, 10)),),
        ("BL", "ELU"): (A("베어링 하우징 오일실 교체", "Replaced bearing housing oil seal", "oil seal", (4, 10)),),
        ("ST", "ELP"): (
            A(
                "그랜드 실 간극 점검 및 그랜드 증기압 조정",
                "Checked gland seal clearance, adjusted gland steam",
                "",
                (4, 10),
            ),
        ),
        ("ST", "NOI"): (
            A("진동·소음 분석 및 베어링 점검", "Noise and vibration analysis, bearing check", "", (4, 12)),
        ),
        ("ST", "FTS"): (A("기동 인터록 및 조속기 점검", "Checked start interlocks and governor", "", (3, 8)),),
        ("ST", "STD"): (
            A("보어스코프 검사 후 블레이드 보수 계획 수립", "Borescope inspection, blade repair planned", "", (8, 20)),
        ),
        ("ST", "OHE"): (
            A(
                "베어링 윤활유 공급압·온도 점검, 오일쿨러 조정",
                "Checked bearing oil pressure and temp, adjusted cooler",
                "",
                (3, 8),
            ),
        ),
        ("EG", "OHE"): (
            A("수소냉각기 점검 및 냉각수 유량 조정", "Checked H2 coolers, adjusted cooling water", "", (4, 10)),
        ),
        ("EG", "VIB"): (
            A("발전기 베어링 점검 및 진동 분석", "Generator bearing check and vibration analysis", "", (8, 20)),
        ),
        ("EG", "NOI"): (
            A("발전기 소음 분석 및 베어링 점검", "Generator noise analysis and bearing check", "", (6, 16)),
        ),
        ("EG", "ELU"): (
            A("밀봉유 계통 점검, 실 링 교체", "Checked seal oil system, replaced seal rings", "seal ring", (12, 30)),
        ),
        ("PT", "NOI"): (
            A("변압기 소음 측정, 코어 체결 상태 점검", "Measured noise, checked core clamping", "", (4, 10)),
        ),
        ("PT", "STD"): (A("외함 부식 부위 도장", "Painted corroded tank areas", "epoxy paint", (3, 8)),),
        ("PT", "ELE"): (
            A("절연저항·권선저항 측정, 부싱 청소", "Meggered, winding resistance test, cleaned bushings", "", (4, 12)),
        ),
        ("SG", "NOI"): (A("코로나 방전 흔적 점검 및 청소", "Checked for corona tracking, cleaned", "", (2, 6)),),
        ("SG", "SPO"): (A("보호계전기 설정 확인 및 배선 점검", "Checked relay settings and wiring", "", (2, 6)),),
        ("SG", "ELE"): (
            A("차단기 인출 후 절연저항 측정, 부스바 청소", "Racked out breaker, meggered, cleaned busbar", "", (4, 10)),
        ),
        ("FC", "OHE"): (
            A(
                "인버터 냉각팬 교체 및 방열판 청소",
                "Replaced drive cooling fan, cleaned heat sink",
                "drive cooling fan",
                (2, 6),
            ),
        ),
        ("FC", "FTS"): (
            A(
                "인버터 파라미터·인터록 점검, 제어보드 리셋",
                "Checked drive parameters and interlocks, reset board",
                "",
                (2, 5),
            ),
        ),
        ("FC", "NOO"): (A("게이트 드라이버 보드 교체", "Replaced gate driver board", "gate driver board", (3, 8)),),
        ("FC", "ERO"): (A("속도 제어 파라미터 재조정", "Retuned speed control parameters", "", (2, 5)),),
        ("FC", "FTF"): (A("제어보드 교체", "Replaced control board", "drive control board", (3, 8)),),
        ("FC", "ELE"): (
            A("입력 퓨즈 교체 및 절연 점검", "Replaced input fuses, checked insulation", "semiconductor fuse", (2, 6)),
        ),
        ("UP", "OHE"): (
            A("UPS 냉각팬 교체 및 필터 청소", "Replaced UPS cooling fans, cleaned filters", "cooling fan", (2, 5)),
        ),
        ("UP", "NOO"): (A("출력 차단기 및 인버터 점검", "Checked output breaker and inverter", "", (2, 6)),),
        ("UP", "ELE"): (
            A("직류 지락 위치 탐색 및 단자 청소", "Located DC earth fault, cleaned terminals", "", (3, 8)),
        ),
        ("UP", "FTF"): (A("절체 스위치 점검 및 절체 시험", "Checked static switch, transfer tested", "", (2, 6)),),
        ("CL", "NOO"): (A("I/O 카드 교체", "Replaced I/O card", "I/O card", (1, 4)),),
        ("CL", "ELE"): (
            A(
                "전원 모듈 교체 및 접지 점검",
                "Replaced power supply module, checked earthing",
                "power supply module",
                (2, 5),
            ),
        ),
        ("CL", "SPO"): (
            A("로직 점검, 입력 접점 채터링 조치", "Checked logic, fixed chattering input contact", "", (2, 6)),
        ),
        ("CL", "FTF"): (A("출력 카드 교체 및 루프 시험", "Replaced output card, loop tested", "output card", (2, 5)),),
        ("PC", "OHE"): (A("접속부 재체결 및 열화상 재측정", "Retorqued joints, thermography recheck", "", (2, 6)),),
        ("PC", "STD"): (
            A("케이블 외피 손상 부위 보수", "Repaired damaged cable sheath", "heat shrink repair sleeve", (3, 8)),
        ),
        ("PC", "PTF"): (
            A(
                "단선 구간 교체 및 직선접속",
                "Replaced open section, straight-through joint",
                "cable joint kit",
                (8, 20),
            ),
        ),
        ("CR", "FTS"): (
            A("크레인 주회로 및 리밋스위치 점검", "Checked crane main circuit and limit switches", "", (2, 6)),
        ),
        ("CR", "NOI"): (
            A("권상 기어박스 점검 및 윤활", "Checked hoist gearbox, lubricated", "gear oil ISO VG 220", (3, 8)),
        ),
        ("CR", "ELU"): (A("감속기 오일실 교체", "Replaced gearbox oil seal", "oil seal", (3, 8)),),
        ("CR", "STD"): (A("와이어로프 교체", "Replaced wire rope", "wire rope 16mm", (6, 14)),),
        ("PU", "STD"): (A("케이싱·임펠러 마모 부위 보수", "Repaired worn casing and impeller", "impeller", (12, 30)),),
        ("EM", "ELU"): (
            A(
                "베어링 그리스 누출 부위 청소, 그리스 배출구 점검",
                "Cleaned grease leak, checked grease relief",
                "",
                (1, 3),
            ),
        ),
        ("FS", "STD"): (A("스트레이너 메쉬 교체", "Replaced strainer mesh", "strainer screen", (2, 6)),),
        ("EM", "BRD"): (A("예비 모터로 교체", "Swapped in spare motor", "spare motor", (8, 20)),),
    }
)
for _cls in ("PT", "SG", "UP", "FC", "PC", "CL", "IP", "EG"):
    CLASS_ACTIONS.setdefault(
        (_cls, "SER"), (A("외함 청소 및 커버 볼트 체결", "Cleaned enclosure, secured cover bolts", "", (1, 3)),)
    )

# Equipment whose failures differ from the rest of its ISO class (a mill is no conveyor, a
# thermocouple has no impulse line). Keyed by a "kind" that ``kind_of`` derives from the register.
KIND_NOUN: dict[str, tuple[str, str]] = {
    "mill": ("미분기", "coal mill"),
    "crusher": ("쇄탄기", "coal crusher"),
    "burner": ("버너", "burner"),
    "gah": ("공기예열기", "air preheater"),
    "damper": ("댐퍼", "damper"),
    "safety_valve": ("안전밸브", "safety valve"),
    "temp": ("온도계(TC/RTD)", "temperature element"),
    "vib_probe": ("진동 프로브", "vibration probe"),
    "analyser": ("분석기", "analyser"),
    "screen": ("회전스크린", "travelling screen"),
    "detector": ("검출기", "detector"),
    "battery": ("축전지", "battery"),
    "air": ("압축공기 설비", "compressed air equipment"),
}

KIND_MODE_WEIGHTS: dict[str, dict[str, float]] = {
    "mill": {"VIB": 18, "NOI": 14, "STD": 16, "PLU": 14, "OHE": 8, "PDE": 10, "UST": 8, "SER": 8, "BRD": 4},
    "crusher": {"VIB": 20, "NOI": 15, "STD": 20, "PLU": 15, "OHE": 8, "BRD": 8, "SER": 8, "UST": 6},
    "burner": {"PLU": 25, "STD": 25, "OHE": 10, "ELF": 8, "FTS": 12, "SER": 10},
    "gah": {"INL": 20, "PLU": 25, "STD": 10, "IHT": 10, "NOI": 10, "SER": 8, "PDE": 7},
    "damper": {"FTO": 18, "FTC": 18, "DOP": 15, "ERO": 12, "STD": 12, "SER": 10, "NOI": 5},
    "safety_valve": {"LCP": 35, "SPO": 15, "ELP": 15, "DOP": 5, "SER": 10, "STD": 5},
    "temp": {"AIR": 45, "ERO": 12, "NOO": 15, "PTF": 15, "SER": 5},
    "vib_probe": {"AIR": 45, "ERO": 15, "NOO": 15, "PTF": 15, "SER": 5},
    "analyser": {"AIR": 45, "ERO": 10, "NOO": 10, "PTF": 8, "PLU": 12, "SER": 8, "FTF": 5},
    "detector": {"AIR": 35, "NOO": 20, "FTF": 20, "PTF": 15, "SER": 10},
    "battery": {"LOO": 30, "ELE": 15, "SER": 20, "PDE": 15, "STD": 10, "OHE": 5, "ELU": 5},
    "screen": {"PLU": 50, "STD": 15, "BRD": 10, "SER": 10, "NOI": 5, "UST": 10},
}

KIND_SYMPTOMS: dict[tuple[str, str], Phrases] = {
    ("mill", "VIB"): (
        ("미분기 진동 심함", "밀 덜덜 떨림, 진동 {vib}mm/s", "진동 올라감"),
        ("mill vibration high", "mill rumbling"),
    ),
    ("mill", "NOI"): (
        ("밀에서 쇠 긁히는 소리", "그라인딩 롤 소음", "쿵쿵 소리 남"),
        ("grinding noise in mill", "mill rumbling noise"),
    ),
    ("mill", "STD"): (
        ("그라인딩 롤 마모", "보울 라이너 마모", "롤러 타이어 마모 심함"),
        ("grinding roll worn", "liner wear"),
    ),
    ("mill", "PLU"): (
        ("미분기 초킹", "밀 차압 올라가고 막힘", "석탄 쌓여서 막힘"),
        ("mill choking", "mill plugged with coal"),
    ),
    ("mill", "OHE"): (
        ("미분기 출구온도 {temp}도로 상승", "출구온도 올라감"),
        ("mill outlet temp {temp} C", "outlet temp rising"),
    ),
    ("mill", "PDE"): (("밀 차압 설정치 벗어남", "분말도 불량"), ("mill DP off setpoint", "poor fineness")),
    ("mill", "UST"): (("미분기 불시정지", "밀 자동정지됨"), ("mill stopped unexpectedly",)),
    ("mill", "BRD"): (("스프링 프레임 파손", "롤러 고착"), ("spring frame broken", "roller seized")),
    ("mill", "SER"): (("밀 주변 미분 누출, 청소 필요", "점검구 볼트 풀림"), ("coal dust around mill, needs cleaning",)),
    ("crusher", "STD"): (("해머 마모 심함", "스크린 바 마모"), ("hammers worn", "screen bars worn")),
    ("crusher", "PLU"): (("쇄탄기 막힘", "젖은 석탄으로 막힘"), ("crusher plugged", "wet coal blocking crusher")),
    ("crusher", "BRD"): (("해머 부러짐", "로터 파손"), ("hammer broken", "rotor damaged")),
    ("burner", "PLU"): (
        ("버너 노즐 막힘", "코킹 발생", "노즐에 클링커 붙음"),
        ("burner nozzle plugged", "coking on tip"),
    ),
    ("burner", "STD"): (("버너 팁 소손", "버너 팁 변형", "노즐 침식"), ("burner tip burnt", "nozzle eroded")),
    ("burner", "OHE"): (("버너 팁 과열", "윈드박스 온도 상승"), ("burner tip overheating", "windbox temp rising")),
    ("burner", "ELF"): (
        ("가스 냄새 남", "버너 가스 누설 의심", "LNG 누설 의심"),
        ("gas smell near burner", "LNG leak suspected"),
    ),
    ("burner", "FTS"): (("점화 실패", "점화 안 됨", "불이 안 붙음"), ("ignition failure", "won't light off")),
    ("burner", "SER"): (("점검창 오염", "버너 주변 청소 필요"), ("peephole dirty",)),
    ("gah", "INL"): (
        ("누설률 증가", "로터 실 누설", "공기측에서 가스측으로 누설 증가"),
        ("air leakage up", "rotor seal leakage"),
    ),
    ("gah", "PLU"): (("GAH 차압 상승", "엘리먼트 막힘", "회분으로 막힘"), ("GAH DP high", "elements plugged with ash")),
    ("gah", "STD"): (("엘리먼트 부식", "바스켓 부식"), ("element corrosion", "basket corroded")),
    ("gah", "IHT"): (("열회수 안 됨, 가스 출구온도 {temp}도",), ("poor heat recovery, gas outlet {temp} C",)),
    ("gah", "NOI"): (("로터 마찰음", "실 접촉 소음"), ("rotor rubbing noise", "seal rubbing")),
    ("damper", "FTO"): (("댐퍼 안 열림", "댐퍼 고착, 열림 불가"), ("damper won't open", "damper stuck closed")),
    ("damper", "FTC"): (("댐퍼 안 닫힘", "댐퍼 완전히 안 닫힘"), ("damper won't close",)),
    ("damper", "DOP"): (("댐퍼 동작 느림", "댐퍼 스트로크 지연"), ("damper slow to move",)),
    ("damper", "ERO"): (("댐퍼 개도 헌팅", "댐퍼 출렁임"), ("damper hunting",)),
    ("damper", "STD"): (("댐퍼 블레이드 마모", "링키지 마모"), ("damper blade worn", "linkage worn")),
    ("damper", "NOI"): (("댐퍼 떨림 소리", "덜컹거림"), ("damper rattling",)),
    ("safety_valve", "LCP"): (
        ("안전밸브 심머링", "안전밸브 시트 누설", "배기관으로 스팀 샘"),
        ("safety valve simmering", "SV seat leakage", "steam from vent pipe"),
    ),
    ("safety_valve", "SPO"): (
        ("설정압 이하에서 분출", "조기 분출", "안전밸브 팝핑"),
        ("lifted below set pressure", "popped early"),
    ),
    ("safety_valve", "ELP"): (("안전밸브 본체 누설", "플랜지 누설"), ("SV body leak",)),
    ("temp", "AIR"): (
        ("온도 지시 {temp}도로 튐", "옆 TC랑 {n}도 차이남", "온도값 이상", "TC 지시 이상"),
        ("temp reading jumps to {temp} C", "{n} C off from the next TC", "wrong temperature reading"),
    ),
    ("temp", "NOO"): (("온도 지시 안 나옴", "BAD 표시"), ("no temperature reading", "shows BAD")),
    ("temp", "ERO"): (("온도 지시 출렁임",), ("temperature reading fluctuating",)),
    ("vib_probe", "AIR"): (
        ("진동값 튐, 실제 진동 없음", "갭전압 이상", "한쪽 프로브만 높게 나옴"),
        ("vib reading spikes but no real vibration", "gap voltage abnormal"),
    ),
    ("vib_probe", "NOO"): (("진동 지시 0", "진동 신호 없음"), ("vibration reading zero",)),
    ("analyser", "AIR"): (
        ("분석값 이상", "지시값 안 맞음, 수동 분석과 차이", "교정가스로 확인 시 편차"),
        ("analyser reading off", "differs from lab sample"),
    ),
    ("analyser", "PLU"): (("샘플라인 막힘", "샘플 유량 안 나옴"), ("sample line plugged",)),
    ("screen", "PLU"): (
        ("해파리 유입으로 스크린 막힘", "스크린 차압 상승", "이물질 걸려서 막힘"),
        ("jellyfish blocking screen", "screen DP high", "debris on screen"),
    ),
    ("screen", "STD"): (("스크린 메쉬 찢어짐", "메쉬 파손"), ("screen mesh torn",)),
    ("screen", "BRD"): (("스크린 체인 끊어짐",), ("screen chain broken",)),
    ("battery", "SER"): (
        ("단자 부식", "단자 백화 현상", "축전지실 환기팬 먼지"),
        ("terminal corrosion", "white deposits on posts"),
    ),
    ("battery", "PDE"): (
        ("셀 전압 편차", "비중 저하", "부동충전 전압 이탈"),
        ("cell voltage deviation", "float voltage off"),
    ),
    ("battery", "STD"): (("셀 케이스 부풀음", "전조 균열"), ("cell case swollen", "jar cracked")),
    ("battery", "ELU"): (("전해액 누액", "셀에서 전해액 샘"), ("electrolyte leaking",)),
    ("battery", "OHE"): (("셀 온도 상승", "축전지실 온도 올라감"), ("cell temperature rising",)),
    ("air", "ELU"): (("공기 새는 소리", "에어 누설", "피팅에서 공기 샘"), ("air leak", "hissing air leak")),
}

KIND_ACTIONS: dict[tuple[str, str], tuple[Action, ...]] = {
    ("battery", "SER"): (
        A(
            "단자 청소 및 방청 그리스 도포",
            "Cleaned terminals, applied anti-corrosion grease",
            "terminal grease",
            (1, 3),
        ),
    ),
    ("battery", "PDE"): (
        A("균등충전 실시 후 셀 전압 재측정", "Equalize charged, cell voltages rechecked", "", (2, 6)),
    ),
    ("battery", "STD"): (A("불량 셀 교체", "Replaced defective cell", "battery cell 2V 1000Ah", (3, 8)),),
    ("battery", "ELU"): (
        A("누액 셀 교체 및 중화 처리", "Replaced leaking cell, neutralised spill", "battery cell 2V 1000Ah", (3, 8)),
    ),
    ("battery", "OHE"): (A("충전 전압 조정 및 환기 점검", "Adjusted charge voltage, checked ventilation", "", (2, 5)),),
    ("battery", "ELE"): (
        A("직류 지락 위치 탐색 및 단자 청소", "Located DC earth fault, cleaned terminals", "", (3, 8)),
    ),
    ("air", "ELU"): (
        A("공기 배관 피팅 교체, 누설 시험", "Replaced air fittings, leak tested", "tube fitting 1/2in", (1, 4)),
    ),
    ("gah", "NOI"): (A("로터 실 간극 조정", "Adjusted rotor seal clearance", "", (6, 16)),),
    ("safety_valve", "DOP"): (
        A(
            "안전밸브 분해정비 및 설정압 시험",
            "Overhauled safety valve, set pressure tested",
            "safety valve disc",
            (10, 24),
        ),
    ),
    ("burner", "OHE"): (A("버너 팁 점검, 냉각 공기 조정", "Inspected burner tip, adjusted cooling air", "", (2, 6)),),
    ("detector", "FTF"): (
        A("검출기 교체 및 기능 시험", "Replaced detector, function tested", "flame scanner head", (2, 5)),
    ),
    ("mill", "STD"): (
        A("그라인딩 롤 교체", "Replaced grinding rolls", "grinding roll tyre", (40, 100)),
        A("보울 라이너 교체", "Replaced bowl liner segments", "bowl liner segment", (30, 80)),
    ),
    ("mill", "PLU"): (
        A("밀 내부 석탄 제거 후 1차공기 유량 재조정", "Cleared coal from mill, retuned primary air flow", "", (4, 12)),
    ),
    ("mill", "VIB"): (A("스프링 장력 및 롤 간극 조정", "Adjusted spring tension and roll gap", "", (8, 20)),),
    ("mill", "NOI"): (A("롤 간극 조정 및 이물질 제거", "Adjusted roll gap, removed tramp metal", "", (6, 16)),),
    ("mill", "OHE"): (A("열풍·냉풍 댐퍼 조정", "Adjusted hot and cold air dampers", "", (2, 6)),),
    ("crusher", "STD"): (A("해머 교체", "Replaced hammers", "crusher hammer", (12, 30)),),
    ("crusher", "BRD"): (
        A("해머 및 로터 디스크 교체", "Replaced hammers and rotor disc", "crusher hammer|rotor disc", (24, 60)),
    ),
    ("crusher", "PLU"): (A("쇄탄기 내부 석탄 제거", "Cleared coal from crusher", "", (2, 6)),),
    ("burner", "PLU"): (A("버너 노즐 청소(코크 제거)", "Cleaned burner nozzle (decoked)", "", (3, 8)),),
    ("burner", "STD"): (A("버너 팁 교체", "Replaced burner tip", "burner tip", (6, 16)),),
    ("burner", "ELF"): (
        A(
            "가스 배관 플랜지 가스켓 교체 후 누설시험",
            "Replaced gas flange gasket, leak tested",
            "spiral wound gasket",
            (3, 8),
        ),
    ),
    ("burner", "FTS"): (
        A("점화기 팁 교체, 스파크 로드 청소", "Replaced igniter tip, cleaned spark rod", "igniter tip", (2, 6)),
    ),
    ("gah", "INL"): (
        A("레이디얼 실 교체 및 간극 조정", "Replaced radial seals, set clearances", "radial seal strip", (24, 60)),
    ),
    ("gah", "PLU"): (
        A("GAH 수세 실시", "Water washed air preheater", "", (12, 30)),
        A("수트블로잉 강화 및 차압 감시", "Increased sootblowing, monitoring DP", "", (2, 4)),
    ),
    ("gah", "STD"): (
        A("히팅 엘리먼트 바스켓 교체", "Replaced heating element baskets", "heating element basket", (40, 120)),
    ),
    ("damper", "FTO"): (
        A("댐퍼 액추에이터 정비, 링키지 조정", "Serviced damper actuator, adjusted linkage", "", (3, 8)),
    ),
    ("damper", "FTC"): (
        A("댐퍼 액추에이터 정비, 링키지 조정", "Serviced damper actuator, adjusted linkage", "", (3, 8)),
    ),
    ("damper", "STD"): (A("댐퍼 블레이드 교체", "Replaced damper blades", "damper blade", (12, 30)),),
    ("damper", "ERO"): (A("댐퍼 포지셔너 교정", "Calibrated damper positioner", "", (2, 5)),),
    ("safety_valve", "LCP"): (
        A(
            "안전밸브 분해정비 및 설정압 시험",
            "Overhauled safety valve, set pressure tested",
            "safety valve disc|spring",
            (10, 24),
        ),
    ),
    ("safety_valve", "SPO"): (A("설정압 재조정 및 팝핑 시험", "Reset set pressure, pop tested", "", (6, 14)),),
    ("temp", "AIR"): (
        A("열전대 교체", "Replaced thermocouple", "thermocouple type K", (2, 5)),
        A("RTD 교체", "Replaced RTD", "RTD Pt100", (2, 5)),
        A("보상도선 단자 재체결", "Retightened extension wire terminals", "", (1, 3)),
    ),
    ("temp", "NOO"): (A("열전대 교체", "Replaced thermocouple", "thermocouple type K", (2, 5)),),
    ("vib_probe", "AIR"): (
        A("프로브 갭 재조정", "Reset probe gap", "", (2, 5)),
        A(
            "근접 프로브 및 프록시미터 교체",
            "Replaced proximity probe and proximitor",
            "proximity probe (Bently 3300)",
            (3, 8),
        ),
    ),
    ("vib_probe", "NOO"): (A("프록시미터 교체", "Replaced proximitor", "proximitor", (2, 6)),),
    ("analyser", "AIR"): (
        A("분석기 교정(표준액·교정가스)", "Calibrated analyser with standards", "calibration gas", (2, 5)),
        A("센서(전극) 교체 후 교정", "Replaced sensor electrode, calibrated", "pH electrode", (2, 5)),
    ),
    ("analyser", "PLU"): (A("샘플라인 청소", "Cleaned sample line", "", (1, 4)),),
    ("screen", "PLU"): (A("스크린 세척 및 해파리 제거", "Washed screen, removed jellyfish", "", (3, 10)),),
    ("screen", "STD"): (A("스크린 메쉬 교체", "Replaced screen mesh panels", "screen mesh panel", (8, 20)),),
    ("screen", "BRD"): (A("스크린 체인 교체", "Replaced screen chain", "screen chain link", (16, 40)),),
}


def kind_of(fl: FunctionalLocation) -> str | None:
    """The failure-behaviour kind of a register entry, or None to use its ISO class as is."""
    code = fl.kks[6:8]
    cls = fl.equipment_class
    if code == "AJ":
        return "crusher" if fl.system == "EAC" else "mill"
    if code == "AV" and cls == "HB":
        return "burner"
    if fl.system == "HLD" and cls == "HE":
        return "gah"
    if fl.system == "PAC" and cls == "FS":
        return "screen"
    if cls == "VA" and ("댐퍼" in fl.name_ko or "게이트" in fl.name_ko):
        return "damper"
    if cls == "VA" and "안전밸브" in fl.name_ko:
        return "safety_valve"
    if cls == "IP":
        return {"CT": "temp", "CY": "vib_probe", "CQ": "analyser", "CR": "detector", "CW": "detector"}.get(code)
    if code == "GB" and "축전지" in fl.name_ko:
        return "battery"
    if fl.system == "QFA" and cls in ("CO", "FS", "VE", "HE"):
        return "air"
    return None


def modes_for(fl: FunctionalLocation) -> dict[str, float]:
    kind = kind_of(fl)
    return KIND_MODE_WEIGHTS.get(kind or "", MODE_WEIGHTS[fl.equipment_class])


def symptoms_for(cls: str, mode: str, kind: str | None = None) -> Phrases:
    return KIND_SYMPTOMS.get((kind or "", mode)) or CLASS_SYMPTOMS.get((cls, mode)) or SYMPTOMS[mode]


def actions_for(cls: str, mode: str, kind: str | None = None) -> tuple[Action, ...]:
    return KIND_ACTIONS.get((kind or "", mode)) or CLASS_ACTIONS.get((cls, mode)) or ACTIONS[mode]
