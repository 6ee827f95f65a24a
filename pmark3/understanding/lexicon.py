"""Plant shorthand that the catalog's seed synonyms do not cover.

Each line is ``terms ; system ; class ; flags``: the terms (``|``-separated) name
equipment of that KKS system and/or ISO 14224 class. Flags:

* ``weak``   a system word that usually qualifies another system's equipment
             ("미분기 윤활유펌프" is the mill's pump, not the turbine lube oil system);
* ``part``   a component word that names no class of its own (bearing, seal);
* ``tag``    an instrument tag prefix (LT, TE...): only counts as a whole token;
* ``relay``  a protection relay: a class word only where its own failure (fails to act, acts falsely) is read.

Catalog synonyms are added by the gazetteer; this list only adds and overrides.
"""

from __future__ import annotations

# terms ; system ; class ; flags
EQUIPMENT_LINES = r"""
절탄기|이코노마이저|economizer|economiser ; HAC ; HB ;
드럼|기수드럼|스팀드럼|steam drum|drum ; HAD ; VE ;
수냉벽|수벽|워터월|waterwall|water wall|강수관|downcomer|보일러튜브|증발관|노벽튜브 ; HAD ; HB ;
드럼수위|drum level ; HAD ; ;
과열기|superheater|sh ; HAH ; HB ;
과열저감기|감온기|attemperator|desuperheater ; HAH ; ;
재열기|reheater|rh ; HAJ ; HB ;
버너|주버너|burner ; HHA ; ;
버너노즐|버너팁|burner nozzle|burner tip ; HHA ; HB ;
점화기|이그나이터|igniter ; HHA ; HB ;
화염감지기|화염감시기|화염검출기|플레임스캐너|flame scanner|flame rod|flame detector ; HHA ; IP ;
급탄기|석탄급탄기|피더|coal feeder|feeder|gravimetric feeder ; HFB ; CV ;
미분기|석탄미분기|분쇄기|보울밀|분급기|coal mill|mill|pulverizer|pulveriser|bowl mill|classifier|a 밀|b 밀|c 밀|d 밀|밀 a|밀 b|밀 c|밀 d ; HFC ; ;
1차공기송풍기|1차송풍기|일차송풍기|1차공기팬|일차공기팬|1차팬|pa fan|paf|pa blower|primary air fan ; HFD ; BL ;
압입송풍기|압입통풍기|압입팬|fd fan|fdf|fd 팬|forced draft fan|forced draught fan ; HLB ; BL ;
유인송풍기|유인통풍기|유인팬|id fan|idf|id 팬|induced draft fan|induced draught fan ; HNC ; BL ;
공기예열기|공기가열기|회전식공기예열기|gah|aph|air preheater|air heater ; HLD ; ;
수트블로워|수트블로어|슈트블로워|슈트블로어|스트블로워|매연취출기|soot blower|sootblower|ik|ir blower|ik blower|wall blower|sb ; HCB ; ;
sb 헤더|sb header|수트블로워헤더|soot blower header ; HCB ; PI ;
전기집진기|집진기|esp|ep|precipitator|electrostatic precipitator ; HDE ; ;
t r set|t r 세트|tr 세트|tr set|t r|transformer rectifier|변압정류기|정류변압기|집진기정류기|집진기변압기|esp 정류기|ep 정류기|esp rectifier|precipitator rectifier ; HDE ; PT ;
탈황|탈황설비|배연탈황|흡수탑|석회석슬러리|석고|흡수탑순환펌프|fgd|absorber|scrubber ; HTA ; ;
탈기기|디에어레이터|급수저장탱크|deaerator|da tank ; LAA ; ;
# Feedwater chemistry ("급수 양이온전도도", "급수 쪽 전도도계"): the feedwater line's, when nothing else names a
# system (compounds only: a bare two-syllable "급수" would stop the typo pass repairing "급수펌르").
급수수질|급수시료|급수샘플|급수전도도|급수양이온전도도|급수 ph|급수용존산소|급수 do|급수쪽|급수측 ; LAB ; ; weak
급수배관|주급수배관|급수라인|급수관|feedwater line|feedwater piping|fw line ; LAB ; PI ;
main feedwater|main fw|fw flow|급수유량|feedwater flow|주급수|fw ; LAB ; ;
fwcv|급수조절밸브|주급수조절밸브|feedwater control valve ; LAB ; VA ;
급수재순환밸브|급수재순환|bfp 재순환밸브|bfp recirc|bfp recirculation valve ; LAC ; VA ;
ah a|ah b|a ah|b ah ; HLD ; HE ;
급수펌프|보일러급수펌프|터빈구동급수펌프|전동급수펌프|부스터펌프|bfp|tdbfp|mdbfp|feed pump|feedwater pump|boiler feed pump|booster pump ; LAC ; PU ;
bfpt|bfp 구동터빈|급수펌프구동터빈|급수펌프터빈|bfp 터빈|bfp turbine|bfp drive turbine|feed pump turbine|feedwater pump turbine|boiler feed pump turbine ; LAC ; ST ;
고압히터|고압히타|고압급수가열기|hp 히터|hp 히타|hph|hp heater|high pressure heater ; LAD ; HE ;
주증기|주증기배관|main steam|ms line ; LBA ; ;
고온재열|hrh|hot reheat ; LBB ; ;
저온재열|crh|cold reheat ; LBC ; ;
보조증기|소내증기|aux steam|auxiliary steam|auxiliary steam header|aux steam header|as header ; LBG ; ;
복수배관|주복수배관|복수라인|복수관|condensate line|condensate piping|main condensate ; LCA ; PI ;
복수|condensate ; LCA ; ; weak
복수펌프|복수추출펌프|cep|condensate pump|condensate extraction pump ; LCB ; PU ;
저압히터|저압히타|저압급수가열기|lp 히터|lp 히타|lph|lp heater|low pressure heater ; LCC ; HE ;
고압터빈|hp 터빈|hpt|hp turbine ; MAA ; ST ;
중압터빈|ip 터빈|ipt|ip turbine ; MAB ; ST ;
저압터빈|lp 터빈|lpt|lp turbine ; MAC ; ST ;
복수기|주복수기|핫웰|콘덴서|condenser|hotwell ; MAG ; HE ;
진공펌프|vacuum pump|vacuum pumps ; MAJ ; PU ;
복수기진공|이젝터|air ejector|sjae ; MAJ ; ;
터닝기어|turning gear|barring gear ; MAK ; ;
터닝모터|turning gear motor|tg motor ; MAK ; EM ;
윤활유|lube oil|bearing oil ; MAV ; ; weak
# The turbine's own lube oil names the system even beside another oil system's words.
터빈윤활유|turbine lube oil|turbine lube|turbine lo ; MAV ; ;
터빈윤활유펌프|터빈 lube oil pump|turbine lube oil pump|turbine lo pump|main lube oil pump ; MAV ; PU ;
주유탱크|윤활유탱크|mot|main oil tank ; MAV ; TA ;
aop|eop ; MAV ; PU ;
잭킹오일펌프|잭킹펌프|jacking oil pump|jacking pump|jop ; MAK ; PU ;
잭킹오일|jacking oil ; MAK ; ;
ehc|제어유|eh 오일|eh oil|조속기|governor|control oil ; MAX ; ;
servo|servo valve|서보밸브|서보 밸브 ; MAX ; VA ;
발전기|고정자|회전자|제너레이터|generator|stator|alternator ; MKA ; EG ;
여자기|여자계통|avr|exciter|excitation ; MKC ; ;
고정자냉각수|scw|stator cooling water|stator water ; MKF ; ;
밀봉유|실오일|씰오일|seal oil|sop ; MKW ; ;
수소|hydrogen|h 2 purity|h 2 pressure|h 2 leak ; MKA ; ; weak
순환수펌프|해수순환펌프|cwp|cw pump|circulating water pump ; PAC ; PU ;
순환수|circulating water|취수구|intake ; PAC ; ;
회전스크린|스크린|travelling screen|traveling screen|intake screen ; PAC ; FS ;
ccw|cccw|폐회로냉각수|폐냉수|기기냉각수|폐쇄냉각수|closed cooling water|component cooling water ; PGB ; ;
계장용공기|계기용공기|소내용공기|공기압축기|공기건조기|instrument air|service air|air compressor|air dryer|ia ; QFA ; ;
ro 막|ro 멤브레인|ro membrane ; GCF ; FS ;
순수저장탱크|순수탱크|탈염수탱크|탈염수저장탱크|demin water tank|demineralized water tank|demin tank ; GCF ; TA ;
# Ion-exchange vessels are VE by the conventions ("양이온전도도" is a measurement, not the vessel).
혼상탈염기|양이온교환탑|음이온교환탑|양이온탑|음이온탑|mixed bed|mixed bed polisher|cation exchanger|anion exchanger|cation bed|anion bed ; GCF ; VE ;
순수시료|순수샘플|순수수질|탈염수|demin water|demineralized water ; GCF ; ; weak
수처리|순수설비|탈염설비|탈염|이온교환|역삼투|demineralizer|demin|water treatment|wtp|ro ; GCF ; ;
복수탈염|복수탈염설비|복수탈염기|복수정화|condensate polisher|condensate polishing|condensate polishing plant ; LCA ; ;
연료유탱크|경유탱크|중유탱크|유류탱크|fo tank|fuel oil tank|diesel oil tank|light oil tank ; EGB ; TA ;
연료유펌프|fo 펌프|fo pump|fuel oil pump ; EGC ; PU ;
# The fuel an EDG, a burner or a tank holds names the fuel-oil system only when nothing else names one.
연료유|경유|중유|fuel oil|light oil|diesel oil|fo|f o ; EGC ; ; weak
fo forwarding pump|forwarding pump|fo transfer pump ; EGC ; PU ;
운탄|운탄설비|저탄장|석탄이송|석탄취급|석탄취급동|석탄취급설비|트리퍼|트리퍼카|coal handling|coal yard|coal conveyor|tripper|tripper car|chp ; EAC ; ;
# Coal-handling machines are conveyors (CV) by the conventions: stacker-reclaimers, crushers.
스태커|리클레이머|스태커리클레이머|파쇄기|크러셔|석탄파쇄기|stacker|reclaimer|stacker reclaimer|crusher|coal crusher ; EAC ; CV ;
진동스크린|진동체|vibrating screen|vibratory screen ; EAC ; FS ;
운탄컨베이어|컨베이어|컨베어|콘베어|콘베이어|벨트컨베이어|conveyor|belt conveyor|bc ; EAC ; CV ;
주변압기|승압변압기|gsu|main transformer|generator transformer|step up transformer ; BAT ; PT ;
소내변압기|소내변|uat|sst|unit auxiliary transformer|auxiliary transformer|station service transformer ; BBT ; PT ;
고압배전반|고압스위치기어|6 9 kv|4 16 kv|m c 반|mv switchgear|medium voltage switchgear ; BBA ; SG ;
저압배전반|로드센터|480 v|load center|lv switchgear|power center|lc|l c ; BFA ; SG ;
축전지|배터리|battery|batteries|축전지반|battery bank ; BTA ; UP ;
직류전원|dc 전원|dc 전원반|125 v dc|110 v dc|220 v dc|dc 125 v|dc 110 v|dc 220 v|125 vdc|110 vdc|220 vdc|dc system|dc bus|직류모선 ; BTA ; ;
ups|무정전전원|무정전전원장치|ups 분전반 ; BRA ; UP ;
펌프|펌브|뽐프|pump|pmp ; ; PU ;
모터|모타|모다|전동기|주모터|구동모터|유도전동기|motor|mtr|electric motor|drive motor ; ; EM ;
윤활유펌프|오일펌프|lo pump|lop|oil pump|lube oil pump ; ; PU ;
송풍기|팬|블로워|블로어|통풍기|fan|blower ; ; BL ;
압축기|컴프레서|콤프레샤|compressor|comp ; ; CO ;
밸브|벨브|발브|밸부|조절밸브|전동밸브|스팀트랩|steam trap|트랩|드레인트랩|drain trap|안전밸브|체크밸브|역지밸브|댐퍼|뎀퍼|댐파|뎀파|베인|입구베인|valve|mov|aov|damper|fcv|pcv|lcv|tcv|dpcv|pdcv|hcv|control valve|check valve|safety valve|vane|inlet vane|igv ; ; VA ;
열교환기|냉각기|쿨러|오일쿨러|급수가열기|가열기|가열코일|히터|히타|heating coil|heater|heat exchanger|cooler|oil cooler|hx ; ; HE ;
배관|파이프|관로|헤더|엘보|드레인배관|piping|pipe|header|elbow|line ; ; PI ;
탱크|저장탱크|저장조|tank ; ; TA ;
터빈|증기터빈|turbine ; ; ST ;
변압기|트랜스|transformer|xfmr ; ; PT ;
배전반|스위치기어|차단기반|분전반|차단기|배선용차단기|접촉기|마그네트|contactor|mcc|mccb|molded case breaker|molded case circuit breaker|nfb|switchgear|swgr|vcb|acb|vacuum circuit breaker|circuit breaker|breaker ; ; SG ;
인버터|vfd|vsd|inverter|사이리스터|thyristor|정류기|rectifier ; ; FC ;
케이블|전력케이블|케이블헤드|cable|cable termination|termination|bus duct ; ; PC ;
크레인|천장크레인|천정크레인|호이스트|crane|hoist ; ; CR ;
하역기|선박하역기|연속식하역기|ship unloader|csu ; EAC ; CR ;
디젤엔진|diesel engine ; ; CE ;
비상디젤발전기|비상발전기|비상디젤|디젤발전기|edg|emergency diesel generator|emergency diesel gen|emergency diesel|diesel generator|diesel gen|emergency generator ; BFA ; CE ;
진공탱크|vacuum tank ; ; VE ;
펌프피더|모터피더|피더차단기|feeder breaker|pump feeder|motor feeder ; ; SG ;
mcc feeder|mcc a feeder|mcc b feeder|mcc c feeder|mcc d feeder|mcc 피더|mcc a 피더|mcc b 피더|lc feeder ; BFA ; SG ;
필터|휠터|필타|여과기|스트레이너|스트래이너|스트레나|스트래나|스트레이나|스트래이나|여과망|필터엘리먼트|멤브레인|filter|strainer|strainner|prefilter|pre filter|membrane|filter element ; ; FS ;
전송기|트랜스미터|센서|스위치|계기|검출기|계측기|게이지|지시계|압력계|온도계|유량계|수위계|레벨계|수위전송기|압력전송기|온도전송기|유량전송기|차압전송기|레벨전송기|로드셀|열전대|측온저항체|진동센서|진동프로브|진동계|프로브|분석계|리미트스위치|transmitter|sensor|switch|gauge|gage|detector|instrument|load cell|loadcell|thermocouple|rtd|probe|vibration probe|analyzer|xmtr|indicator ; ; IP ;
lt|pt|ft|tt|te|tc|ps|ls|ts|fs|pdt|dpt|lg|pi|ti|fi ; ; IP ; tag
ph 계|전도도계|순도계|적산계|totalizer|flowmeter|flow meter|유면계|진공계|차압계|분석기|ph meter|ph analyzer|ph analyser|analyser|conductivity meter|buchholz|부흐홀츠|가스계전기|zero speed switch|speed switch ; ; IP ;
m v|c v|prv|감압밸브|감압변|reducing valve|pressure reducing valve ; ; VA ;
# Gates open and close like valves (the register's feeder inlet gates are VA).
게이트|슬라이드게이트|나이프게이트|게이트밸브|gate|slide gate|knife gate|gate valve ; ; VA ;
# The polarization index of a winding's insulation test is no pressure indicator (PI tag).
pi test|pi 시험|pi 값|pi 측정|pi value|pi 결과|polarization index|성극지수 ; ; ; part
t c ; ; IP ;
ups 인버터|ups inverter|정적절체스위치|static transfer switch|sts ; BRA ; UP ;
압력방출장치|방압장치|pressure relief device ; ; IP ;
dga monitor|dga 감시장치|online dga|dga 모니터 ; ; IP ;
누설감지기|누설검출기|감지기|연기감지기|화재감지기|leak detector|smoke detector|fire detector ; ; IP ;
소음기|사일렌서|머플러|silencer|muffler|비상정지버튼|비상정지스위치|비상등|emergency stop button|e stop ; ; ; part
# Instruments named by what they sense or trip on: a switch that does not act is the switch, not the pump.
트립스위치|레벨스위치|수위스위치|압력스위치|유량스위치|온도스위치|차압스위치|풀코드|풀코드스위치|trip switch|level switch|pressure switch|flow switch|temperature switch|dp switch|pull cord|pull cord switch|pullcord ; ; IP ;
수면계|현장수면계|액면계|게이지글라스|사이트글라스|gauge glass|gage glass|sight glass|level glass ; ; IP ;
# A flexible or gas hose is part of the line it carries (a burner's gas hose is its supply piping).
플렉시블호스|플렉시블|가스호스|flexible hose|flex hose|gas hose ; ; PI ;
냉각펜|쿨링펜|쿨링팬|cooling fan|cooling fans ; ; BL ;
# Buildings and areas say where, not what ("펌프하우스 천장크레인" is the crane, not a pump).
펌프하우스|펌프실|pump house|pumphouse|터빈건물|터빈동|보일러건물|turbine hall|turbine building ; ; ; part
# A position transducer is an instrument, not the valve it sits on.
lvdt|포지션센서|위치센서|position sensor|position transmitter ; ; IP ;
# A protection relay named by its function is the controller class (CL, like the register's 보호계전기) when its own
# failure is read; one that operated tells of its equipment's fault (reading.py reads it as context then). Relays named
# by a fault ("과전류 계전기", "earth-fault relay") are left out: their name holds the symptom the text reports.
차동계전기|비율차동계전기|거리계전기|보호릴레이|differential relay|distance relay|protective relay ; ; CL ; relay
dcs|plc|제어기|제어시스템|컨트롤러|제어카드|hmi|controller|control system|control card ; ; CL ;
# I/O cards and the logic or sequence a controller runs are the controller's ("DCS AI 카드 불량", "시퀀스가 건너뜀").
카드|입출력카드|card|cards|io card|i o card|ai card|ao card|di card|do card|시퀀스|자동시퀀스|제어로직|로직|시퀀서|logic|control logic|sequencer ; ; CL ;
압력용기|용기|분리기|어큐뮬레이터|리시버|리시버탱크|pressure vessel|vessel|separator|accumulator|receiver|air receiver ; ; VE ;
온라인|online|베어링|씰|메카니컬씰|임펠러|커플링|샤프트|축|패킹|글랜드|플랜지|가스켓|튜브|bearing|brg|seal|mechanical seal|impeller|coupling|shaft|packing|gland|flange|gasket|tube|tubes|권선|winding|임펄스라인|도압관|impulse line|이음부|이음매|joint|트립코일|trip coil|투입코일|closing coil|롤|roll|grinding roll|그라인딩롤|노즐|nozzle|팁|tip|점검창|peephole|메쉬|mesh|vane pass|blade pass|베인패스|블레이드패스 ; ; ; part
"""

# Catalog synonyms that match too much on their own in free text.
SKIP_CATALOG_TERMS: frozenset[str] = frozenset(
    {
        "밀",
        "주변",
        "drive",
        "ct",
        "cp",
        "ms",
        "da",
        "ah",
        "lo",
        "lc",
        "sb",
        "ik",
        "ir",
        "iR",
        "eco",
        "mtr",
        "line",
        "tr",
        "gen",
        "engine",
        "switch",
        "comp",
        "l/c",
        "as header",
        "주유탱크",
    }
)

# An explicit class word beats the class a system word implies, but some system words
# name a class by themselves when nothing else does (default class of the system).
SYSTEM_DEFAULT_CLASS: dict[str, str] = {
    "HAC": "HE",
    "HAD": "VE",
    "HAH": "HE",
    "HAJ": "HE",
    "HHA": "HB",
    "HFB": "CV",
    "HFC": "CO",
    "HFD": "BL",
    "HLB": "BL",
    "HLD": "HE",
    "HNC": "BL",
    "HCB": "BL",
    "HDE": "SG",
    "HTA": "VE",
    "LAA": "VE",
    "LAB": "PI",
    "LAC": "PU",
    "LAD": "HE",
    "LBA": "PI",
    "LBB": "PI",
    "LBC": "PI",
    "LBG": "PI",
    "LCA": "PI",
    "LCB": "PU",
    "LCC": "HE",
    "MAA": "ST",
    "MAB": "ST",
    "MAC": "ST",
    "MAG": "HE",
    "MAJ": "PU",
    "MAK": "EM",
    "MAV": "PU",
    "MAX": "PU",
    "MKA": "EG",
    "MKC": "EG",
    "MKF": "PU",
    "MKW": "PU",
    "PAC": "PU",
    "PGB": "PU",
    "QFA": "CO",
    "GCF": "VE",
    "EGB": "TA",
    "EGC": "PU",
    "EAC": "CV",
    "BAT": "PT",
    "BBT": "PT",
    "BBA": "SG",
    "BFA": "SG",
    "BTA": "UP",
    "BRA": "UP",
}

COMMON_SYSTEMS: frozenset[str] = frozenset({"EAC", "GCF", "EGB", "EGC"})


def parse_lines(text: str) -> list[tuple[tuple[str, ...], str | None, str | None, frozenset[str]]]:
    rows = []
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        parts += [""] * (4 - len(parts))
        terms = tuple(t.strip() for t in parts[0].split("|") if t.strip())
        rows.append((terms, parts[1] or None, parts[2] or None, frozenset(f for f in parts[3].split() if f)))
    return rows
