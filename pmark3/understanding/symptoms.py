"""Failure-mode reading: colloquial symptoms and measurement + direction patterns.

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
from pmark3.understanding.textnorm import canonical

G = r"[^|]{0,14}?"  # a short gap inside one clause
GL = r"[^|]{0,30}?"

_TEMP = r"(?:온도|temp|temperature|권선온도|베어링온도|유온|오일온도|bearing temp|oil temp|top oil)"
_PRESS = r"(?:토출압력|토출압|출구압력|압력|pressure|discharge pressure|양정|pump head)"
_FLOW = r"(?:유량|풍량|airflow|출력(?!전압|주파수)|output(?! voltage| frequency)|load|(?<!과)부하|공급량)"
# English words only as whole words ("up" is not inside "coupling").
_UP = r"(?:높|상승|올라|증가|올라감|오름|오르(?!내|락)|(?<![a-z])(?:high|higher|rising|rise|rises|increas\w*|up)(?![a-z]))"
_DOWN = r"(?:낮(?!춰|추)|저하|떨어|감소|부족|내려|안나|안올라|(?<![a-z])(?:low|lower|drop\w*|decreas\w*|fall\w*|down)(?![a-z]))"

# Hangul syllables ending in ㄱ, ㄹ or ㅇ (final-consonant indices 1, 8, 21): how mimetics end.
_MIMETIC_END = "[" + "".join(chr(0xAC00 + (i * 28) + j) for i in range(19 * 21) for j in (1, 8, 21)) + "]"

# (code, strength, regex)
PATTERNS: list[tuple[str, int, str]] = [
    # Instruments that read wrong.
    ("AIR", 3, r"지시" + G + r"(?:이상|불량|안됨|틀|고정|멈|불일치|차이|오류|에러|안맞)"),
    ("AIR", 3, r"(?:낮게|높게|잘못|다르게|틀리게|엉뚱하게|이상하게)지시|지시 \| (?:불량|오류|엉터리)"),
    (
        "AIR",
        3,
        r"(?:reading|indication|readout|display)" + G + r"(?:이상|wrong|bad|incorrect|frozen|stuck|off)",
    ),
    ("AIR", 3, r"(?:wrong|bad|incorrect|false|faulty|frozen) (?:reading|indication|value)"),
    ("AIR", 3, r"frozen|stuck at|doesn t follow|does not follow|not following|reads? (?:high|low|wrong)"),
    (
        "AIR",
        3,
        r"오지시|지시불량|지시이상|계기이상|오경보|허위경보|지시값이상|값이이상|틀림|틀려|안맞음|안맞아",
    ),
    ("AIR", 2, r"차이남|차이가남|차이발생|불일치|편차발생|false alarm"),
    ("AIR", 3, r"지시[^|]{0,20}?(?:높게|낮게|다르게|다름|차이)"),
    ("PTF", 3, r"신호[^|]{0,6}?(?:끊|단선|두절|없|안들어|안옴)|signal (?:lost|loss|fail)|loss of signal"),
    ("FTS", 3, r"(?:주행|운전|가동|구동|기동)[^|]{0,4}?(?:안됨|안돼|불가|안되)"),
    ("SPO", 3, r"불시[^|]{0,4}?(?:개방|동작|투입|차단|작동)|unexpected(?:ly)? (?:open|clos|operat)"),
    ("PDE", 3, r"비중[^|]{0,4}?(?:낮|높|저하)|specific gravity"),
    (
        "FTF",
        3,
        r"자동(?:절체|전환|기동|투입|트립|동작|작동|운전)[^|]{0,4}?(?:안됨|안돼|불가|실패|안되)|"
        r"auto[^|]{0,10}?(?:fail|did not|didn t|won t)",
    ),
    (
        "ERO",
        3,
        r"(?:신호|지시|값|signal|reading|indication)[^|]{0,5}?(?:흔들|출렁|튀|요동|fluctuat|unstable|jump|hunting)",
    ),
    (
        "NOO",
        3,
        r"(?:표시|지시|신호|출력|output|display|indication)[^|]{0,4}?(?:안나|없|안들어|안뜸|안떠)|정전|blackout|no power",
    ),
    # Vibration / noise.
    ("VIB", 2, r"진동|떨림|떨려|떨리|흔들|vibration|vibrating|shaking|vib(?= |$)|덜덜|부르르"),
    (
        "NOI",
        2,
        r"소음|이음|이상음|굉음|마찰음|타격음|금속음|쇳소리|소리|끼익|딱딱|덜컹|noise|noisy|grinding|rattl|knock|squeal|whin|humming|screech|sound",
    ),
    # Temperature.
    ("OHE", 3, _TEMP + G + _UP),
    ("OHE", 3, _TEMP + G + r"(?:경보|알람|alarm)"),
    ("OHE", 3, r"\d+ 도[^|]{0,8}?(?:높|상승|올라|증가)"),
    (
        "OHE",
        2,
        r"과열|고온|발열|뜨거|뜨겁|타는냄새|탄내|타는 냄새|연기|그을|overheat|over heat|hot(?= |$)|smok|burning smell|high temp|overtemp",
    ),
    # Pressure, flow, output.
    ("PLU", 3, r"(?:(?<!\d )(?<!\d)차압|(?<![a-z])d ?p(?![a-z])|differential pressure)" + G + _UP),
    ("PLU", 3, r"막힘|막혀|막혔|막힌|폐색|clog|plugg|chok|block(?:ed|age)|plugged"),
    ("PLU", 2, r"(?<!\d )(?<!\d)차압|(?:^| )d p(?= |$)|(?:^| )dp(?= |$)|differential pressure"),
    ("LOO", 3, _PRESS + G + _DOWN),
    ("LOO", 3, _FLOW + G + r"(?:저하|부족|감소|떨어|안나|low|drop|not enough|insufficient)"),
    ("LOO", 2, r"출력저하|성능저하|효율저하|유량부족|압력부족|low flow|low pressure|low output|performance"),
    ("HIO", 3, _PRESS + G + r"(?:과다|너무높|초과|high|too high)"),
    ("HIO", 2, r"과속|오버스피드|overspeed|overpressure"),
    # Leaks (medium is decided afterwards).
    ("ELP", 2, r"누설|누수|새고|새요|새는|샘(?!플)|새어|새서|물이떨어|물떨어|leak|drip|weep|적하|리크|스팀나|증기나"),
    ("LCP", 3, r"패싱|(?<![a-z])passing|시트누설|let by|seat leak"),
    (
        "LCP",
        3,
        r"(?:닫아도|닫았는데|닫혀있는데|닫힌상태|닫은상태|closed but|even when closed|fully closed)"
        r"[^|]{0,20}?(?:나옴|나와|새|흐르|흘러|흐름|넘어|누설|빠짐|leak|pass|flow)",
    ),
    ("INL", 3, r"내부누설|튜브누설|tube leak|internal leak|bypass leak|튜브리크"),
    ("INL", 3, r"(?:튜브|tube|코일|coil)[^|]{0,8}?(?:누설|누수|리크|터|파열|파공|leak|rupture|burst)"),
    # Start / stop / trip.
    ("FTS", 3, r"기동[^|]{0,5}?(?:안됨|안돼|불가|실패|안되|안됐|못함)|기동불가|기동실패|시동불가|시동안|스타트불가"),
    ("PDE", 3, r"(?:전도도|ph|순도|농도|conductivity|purity)[^|]{0,14}?(?:경보|알람|alarm)"),
    ("NOO", 3, r"(?:표시|지시|신호|display|indication)[^|]{0,4}?(?:안됨|안돼)"),
    (
        "FTS",
        3,
        r"안돌아|안돌|돌지않|회전안|won t start|will not start|fail(?:s|ed)? to start|doesn t start|does not start|didn t start|not start|no start|start fail|cannot start|can t start",
    ),
    (
        "STP",
        3,
        r"정지(?!밸브|버튼|스위치)[^|]{0,4}?(?:안됨|안돼|불가|실패|안되)|안멈|won t stop|fail(?:s|ed)? to stop|cannot stop|can t stop|"
        r"doesn t stop|does not stop|didn t stop|did not stop",
    ),
    (
        "UST",
        2,
        r"트립(?![^|]{0,3}?(?:신호|지령|명령|코일|직전|우려|위험|예상|가능|시험|테스트))|trip(?! signal| command| coil| test)(?<!about to trip)|불시정지|자동정지|급정지|갑자기"
        + G
        + r"(?:정지|멈|꺼)|혼자"
        + G
        + r"(?:정지|멈|꺼)|shut down unexpectedly|shutdown unexpectedly|tripped",
    ),
    # Valves.
    (
        "FTO",
        3,
        r"(?:열림|개방|오픈)" + G + r"(?:불가|안됨|안돼|불량)|안열|open" + G + r"(?:fail|안)|won t open|"
        r"fail(?:s|ed)? to open|stuck closed|doesn t open|does not open|didn t open|did not open|not opening",
    ),
    (
        "FTC",
        3,
        r"(?:닫힘|폐쇄|클로즈)" + G + r"(?:불가|안됨|안돼|불량)|안닫|won t close|fail(?:s|ed)? to close|stuck open",
    ),
    (
        "DOP",
        3,
        r"동작지연|개폐지연|스트로크지연|응답지연|느리게|느림|slow (?:stroke|response|closing|opening)|delayed|"
        r"slow to (?:close|open|respond|stroke)",
    ),
    (
        "FTI",
        3,
        r"not switching|won t switch|doesn t switch|fail(?:s|ed)? to switch|won t change ?over|not changing over",
    ),
    ("FTS", 2, r"not running|won t run|doesn t run|isn t running"),
    (
        "SPO",
        3,
        r"오동작|오작동|임의동작|저절로|spurious (?:operation|open|close)|false operation|false trip|nuisance trip",
    ),
    # Electrical.
    (
        "ELE",
        3,
        r"절연"
        + G
        + r"(?:저하|불량|낮|파괴)|지락|단락|누전|퓨즈|ground fault|earth fault|short circuit|blown fuse|megger",
    ),
    (
        "PTF",
        3,
        r"통신"
        + G
        + r"(?:두절|불량|장애|에러|이상|끊|안됨|안돼|안되|상실|fail|error|lost|down)|통신두절|신호단선|단선|communication|"
        r"comm(?:s|unication)? (?:fail\w*|fault|loss|lost|error|down)|lost comm\w*|signal loss|link down|no communication",
    ),
    ("NOO", 2, r"출력없음|무출력|신호없음|전압없음|전원안|전원이안|no output|no signal|no voltage|dead"),
    (
        "FOV",
        3,
        r"전압" + G + r"(?:이상|불안정|변동|높|낮|저하|안올라|안오르|안나|부족)|"
        r"전압[^|]{0,30}?(?:에서|from)[^|]{0,16}?(?:떨어|저하|감소|낮아|dropp|fell|down)|과전압|저전압|over voltage|under voltage|voltage",
    ),
    ("FOF", 3, r"주파수|frequency"),
    ("FCO", 3, r"투입" + G + r"(?:불가|안됨|안돼|실패)|won t close in|fail(?:s|ed)? to close in"),
    ("FDC", 3, r"차단(?!기)" + G + r"(?:불가|안됨|안돼|실패)"),
    # Output quality.
    ("ERO", 3, r"헌팅|hunting|출렁|요동|불안정|oscillat|fluctuat|unstable|erratic|흔들리는 지시"),
    (
        "IHT",
        3,
        r"냉각[^|]{0,2}?(?:불량|안됨|부족|저하)|열교환" + G + r"(?:불량|저하)|파울링|fouling|poor cooling|poor heat",
    ),
    ("LOR", 2, r"이중화상실|redundancy"),
    # "예비기 없음"/"standby unavailable" explain urgency; they name the mode only when nothing else does.
    ("LOR", 1, r"예비기" + G + r"(?:없|불가|상실)|no standby|standby unavailable"),
    ("CTM", 3, r"오염|이물질|수분혼입|유중수분|슬러지|contamina|water in oil|debris"),
    ("STD", 3, r"균열|크랙|부식|마모|감육|변형|파단|crack|corrosion|corroded|wear|erosion|thinning|deform"),
    ("BRD", 3, r"파손|깨짐|깨졌|부러|소손|끊어|seized|broken|broke|snapped|burnt out"),
    ("BRD", 2, r"고착|stuck"),
    ("SER", 3, r"커버[^|]{0,3}?(?:파손|깨|탈락)|cover (?:broken|missing)|백화"),
    (
        "AIR",
        3,
        r"(?:분석값|측정값|지시값|표시값)[^|]{0,3}?(?:이상|틀|안맞)|"
        r"wrong (?:temperature |pressure |level |flow )?reading|spikes? but|no real|실제[^|]{0,6}?없",
    ),
    ("LOO", 2, r"discharge pressure \d|풍압[^|]{0,3}?(?:안|부족|저하)"),
    ("SER", 2, r"볼트풀림|풀림|헐거|보온탈락|보온재|도장박리|loose|녹발생|청소필요"),
    ("SER", 3, r"변색|discolou?r"),
    (
        "AIR",
        3,
        r"bad sensor|faulty sensor|sensor fault|sensor failure|센서불량|센서고장|bad (?:rtd|tc|transmitter|probe)",
    ),
    ("PDE", 2, r"유중가스|(?:^| )dga(?= |$)|아세틸렌|acetylene|검출"),
    ("PTF", 2, r"선택이안|선택안"),
    (
        "FTF",
        3,
        r"미동작|작동불가|동작불가|작동안|동작안|불응답|no response|does not actuate|not respond|"
        r"did not pick up|didn t pick up|not pick(?:ing)? up|did not operate|didn t operate|failed to operate|"
        r"did not actuate|didn t actuate",
    ),
    (
        "FTI",
        2,
        r"기능불량|기능이상|동작이상|작동이상|malfunction|not working|doesn t work|does not work|"
        r"전환이안|전환안|전환불가|전환실패",
    ),
    ("FTI", 1, r"안됨|안돼|안되"),
    ("OTH", 2, r"둥지|새집|nest|bird"),
    # "경보"/"alarm" alone says how urgent, not what failed (priority reads it).
    ("PDE", 1, r"편차|설정치이탈|trend|트렌드|deviation"),
    # Plant phrasing seen in the CMMS history (how operators describe each mode).
    ("VIB", 2, r"진동값|진동과다|축진동|해머링|water hammer|vib(?:ration)? high|shaking"),
    ("ELP", 2, r"뚝뚝|물이?떨어|방울|핀홀|pinhole|누출|escaping|leakage found"),
    ("ELP", 3, r"(?:steam|증기|스팀|gland steam)[^|]{0,3}?(?:누설|leak|샘|새)"),
    ("INL", 3, r"섹터[^|]{0,3}?씰[^|]{0,6}?누설|sector seal|누설률|leakage rate"),
    ("AIR", 3, r"(?:낮게|높게|다르게|이상하게|엉뚱하게)[^|]{0,3}?(?:나옴|나와|표시|읽|찍)"),
    ("FTI", 3, r"제어[^|]{0,3}?안(?:됨|돼|되)|수동[^|]{0,6}?만|not controlling|manual only"),
    (
        "ELU",
        3,
        r"오일[^|]{0,3}?(?:샘|새|샌|누설|떨어)|기름[^|]{0,4}?(?:떨어|고임|고여|고인|샘|새)|oil (?:dripping|leak)|leaking oil|"
        r"(?:공기|에어)[^|]{0,2}?(?:샘|새|누설)|air leak|절연유[^|]{0,2}?(?:샘|새|누설)|방열기누유|누유",
    ),
    ("NOI", 2, r"웅웅|쿵쿵|구르는소리|캐비테이션|cavitation|knocking|strange noise"),
    (
        "OHE",
        2,
        r"온도 \d+ (?:도|℃|c)(?= |$|[^a-z])|temp(?:erature)? \d+ (?:c|°)|running hot|핫스팟|hot spot|메탈온도|토출온도|exhaust hot|단자과열",
    ),
    (
        "LOO",
        3,
        r"성능[^|]{0,3}?떨어|압력이?안나|양정[^|]{0,2}?부족|공기압[^|]{0,3}?안올라|로딩시간[^|]{0,3}?길|slow loading|"
        r"output dropped|not enough flow|pressure dropping|용량[^|]{0,2}?저하|capacity (?:down|low)|셀전압[^|]{0,3}?떨어|"
        r"not building up",
    ),
    ("FTS", 3, r"(?:스타트|기동|시동)[^|]{0,3}?안걸|불이?안붙|won t light|fails? to light"),
    (
        "UST",
        3,
        r"자동정지|갑자기[^|]{0,3}?멈|혼자[^|]{0,3}?정지|운전중[^|]{0,3}?정지|stopped (?:by itself|on its own)|"
        r"sudden stop|풀코드[^|]{0,6}?정지|사행스위치[^|]{0,6}?정지|pull cord|폴트[^|]{0,3}?정지|fault stop|faulted|"
        r"인버터[^|]{0,4}?정지|tripped|트립(?![^|]{0,3}?(?:직전|우려|위험|예상|가능|신호|지령|명령|코일|시험|테스트))|폴트|faulted",
    ),
    ("FDC", 3, r"won t trip|fail(?:s|ed)? to trip|does not trip|didn t trip|트립[^|]{0,4}?안(?:됨|돼|되)"),
    ("HIO", 3, r"(?:회전수|속도|rpm|speed)[^|]{0,12}?(?:올라|상승|초과|너무|과다|high)"),
    ("BRD", 3, r"고장남|망가|failed completely|breakdown|절단|snapped"),
    ("STD", 3, r"찢어|torn|손상|damaged|침식|감육|두께[^|]{0,3}?감소|thinning|support bent|서포트변형|worn|blade wear"),
    (
        "SER",
        3,
        r"커버[^|]{0,3}?떨어|cover loose|외관오염|외함오염|외관[^|]{0,2}?오염|청소[^|]{0,2}?필요|needs cleaning|dusty|먼지|"
        r"명판[^|]{0,2}?탈락|사행|낙탄|스크레이퍼|아이들러|misalign|spillage|scraper|idler|insulation fell|paint peel|"
        r"보온[^|]{0,2}?탈락|도장[^|]{0,2}?박리",
    ),
    (
        "PDE",
        3,
        r"운전값[^|]{0,3}?이탈|설정치[^|]{0,3}?(?:벗어|이탈)|기준[^|]{0,3}?초과|out of range|off setpoint|above limit|"
        r"trend abnormal|트렌드[^|]{0,2}?이상|차팽창|축위치|편심|differential expansion|axial shift|수소순도|수소압|"
        r"h 2 purity|hydrogen purity|고정자온도편차|dga[^|]{0,4}?(?:증가|이상|rising)|gases rising",
    ),
    (
        "PLU",
        3,
        r"막혀|high dp|dp[^|]{0,3}?높|차압[^|]{0,4}?안떨어|슬래깅|클링커|slagging|clinker|(?<!트립)(?<!런백)(?<!runback )(?<!트립이)(?<!인터록)(?<!경보)(?<!알람)(?<!분)(?<!초)(?<!시간)걸림|코킹|coking",
    ),
    ("INL", 3, r"leaking internally|수위상승"),
    ("IHT", 3, r"냉각[^|]{0,2}?안됨|출구온도[^|]{0,3}?안떨어|not cooling|outlet temp too|fouled"),
    ("HIO", 3, r"회전수[^|]{0,4}?(?:너무|과다)|speed too high"),
    (
        "AIR",
        3,
        r"값이[^|]{0,2}?이상|지시값[^|]{0,2}?틀|현장(?:값|게이지|지시)[^|]{0,4}?(?:다름|달라|차이)|reading frozen|"
        r"bad indication|doesn t match|deviates from|채널[^|]{0,4}?차이|한쪽[^|]{0,6}?(?:높게|낮게)|온도값[^|]{0,2}?이상|"
        r"갭전압[^|]{0,2}?이상|갭전압|gap voltage",
    ),
    ("ELF", 3, r"가스[^|]{0,2}?냄새|gas smell|smell of gas"),
    ("PDE", 3, r"분말도|fineness"),
    ("ELE", 3, r"절연저항"),
    ("PLU", 3, r"개도[^|]{0,10}?(?:인데|but)[^|]{0,10}?(?:유량|flow)[^|]{0,4}?(?:안|없|no)"),
    ("ERO", 3, r"왔다갔다|제어가?안잡|개도[^|]{0,2}?출렁|position oscillat|valve hunting"),
    ("NOO", 3, r"신호[^|]{0,2}?없음|아무값도|먹통|reading zero|shows bad|(?:^| )bad(?= |$)"),
    ("PTF", 3, r"링크다운|link down|no comms|feedback (?:lost|loss)|피드백[^|]{0,3}?(?:없|끊|안)"),
    (
        "PDE",
        2,
        r"(?:전류|current|amps|레벨|level|수위|유위|유면|압력|pressure)[^|]{0,14}?"
        r"(?:높|낮|저하|상승|증가|감소|올라|내려|떨어|큼|커짐|크다|high|low|rising|dropping|trending)",
    ),
    ("ELE", 2, r"스파크|spark|아크|arcing|부분방전|방전흔적|partial discharge"),
    ("FTF", 3, r"작동[^|]{0,2}?안함|응답[^|]{0,2}?없|won t operate|안움직|권상[^|]{0,2}?안|won t lift"),
    ("FTI", 3, r"제대로[^|]{0,4}?안"),
    ("SPO", 3, r"저절로|operates by itself"),
    ("FTC", 3, r"완전히[^|]{0,2}?안닫|재착좌[^|]{0,3}?(?:안|불|실패)|reseat|fail(?:s|ed)? to reseat"),
    (
        "PDE",
        2,
        r"(?:전도도|ph|수소순도|순도|농도|비중|습도|산소|o 2|nox|so 2|conductivity|purity)[^|]{0,12}?"
        r"(?:높|낮|저하|상승|증가|감소|떨어|high|low|rising|dropping|falling|decreas|declin)",
    ),
    ("PDE", 2, r"과부하|overload(?! relay)"),
    (
        "UST",
        3,
        r"정지[^|]{0,3}?(?:자동으로|저절로|혼자)|기동[^|]{0,6}?(?:바로|곧|즉시)[^|]{0,3}?(?:정지|트립|멈)|"
        r"trips? (?:right )?after start",
    ),
    ("SER", 3, r"보온[^|]{0,3}?(?:떨어|탈락|손상|파손)"),
    ("STD", 3, r"부풀|swell|bulg"),
    ("BRD", 1, r"고장"),
    ("DOP", 3, r"동작[^|]{0,2}?느|slow to respond"),
    ("LCP", 3, r"닫았는데[^|]{0,6}?흐름|leaks through|leaking through|leak through|passing through|심머링|simmer"),
    (
        "FTF",
        3,
        r"추종[^|]{0,3}?(?:안|못|불)|not follow(?:ing)? (?:the )?(?:demand|command|setpoint)|won t engage|"
        r"not engag|안물|물리지않|조작[^|]{0,3}?(?:불가|안됨|안돼|안되)",
    ),
    ("NOI", 3, r"(?:떨림|덜덜|쿵|딱딱|끼익|덜컹)[^|]{0,2}?소리|chatter"),
    ("STD", 3, r"벌어짐|벌어졌|벌어져|gap opened|찢김|찢겨|찢긴|휨|휘어|휘었|(?<![a-z])bent|warp"),
    ("UST", 3, r"기동[^|]{0,12}?(?:만에|후에?)[^|]{0,3}?(?:정지|트립|멈)"),
    ("UST", 2, r"정지됨|멈춤|멈췄"),
    ("FTS", 3, r"기동[^|]{0,4}?(?:시|할때|하면|하자)[^|]{0,10}?(?:트립|떨어|정지)"),
    ("DOP", 3, r"(?:닫힘|열림|개폐|동작|스트로크)[^|]{0,4}?시간[^|]{0,2}?초과"),
    ("DOP", 3, r"too fast|too slow|너무[^|]{0,2}?(?:빨리|빠르|느리)|급개|급폐|slam(?:med)? shut"),
    ("ELE", 3, r"접지[^|]{0,3}?(?:경보|고장|불량|발생|검출)|(?:rotor|field) earth|ground alarm"),
    ("SER", 3, r"틀어짐|틀어졌|misalign|정렬[^|]{0,2}?불량|얼라인먼트[^|]{0,3}?불량"),
    (
        "FTF",
        3,
        r"not making|접점[^|]{0,3}?불량|contact (?:fail|problem)|토크[^|]{0,3}?(?:트립|스위치)|torque (?:trip|switch)|"
        r"안풀|풀리지[^|]{0,2}?않|won t release|not releas",
    ),
    ("AIR", 3, r"(?:sensor|transmitter|rtd|probe|thermocouple|센서|전송기)[^|]{0,3}?(?:failed|fault|broken|고장|불량)"),
    ("STD", 3, r"두께[^|]{0,6}?(?:미달|부족)|최소 ?두께|below minimum thickness"),
    ("LCP", 2, r"역류|backflow|reverse flow"),
    # A seal-water, lube-oil or cooling pressure out of range is a deviation, not the pump's output.
    (
        "PDE",
        3,
        r"(?:씰|seal|윤활|lube|oil|냉각|cooling|제어|control|공급|supply|흡입|suction)[^|]{0,6}?"
        r"(?:압력|pressure)[^|]{0,6}?(?:높|낮|저하|상승|떨어|high|low|drop)",
    ),
    ("FTI", 3, r"유지[^|]{0,3}?(?:못|안됨|안돼|불가)|can t hold|cannot hold|won t hold|회전[^|]{0,3}?(?:불량|이상)"),
    ("LOO", 3, r"토출(?!밸브|변|댐퍼)[^|]{0,3}?(?:안됨|안돼|안되|불가|없)|no discharge"),
    ("AIR", 3, r"실제[^|]{0,2}?보다|than actual|(?:적게|많게|크게|작게)[^|]{0,3}?(?:나옴|나와|표시|지시|읽)"),
    ("ERO", 3, r"(?:개도|지시|position)[^|]{0,3}?(?:떨림|흔들)"),
    ("LOO", 3, r"공급[^|]{0,3}?(?:안됨|안돼|불가|중단|부족)|no supply"),
    ("AIR", 3, r"피드백[^|]{0,3}?(?:이상|틀|불량|안맞)|feedback (?:wrong|error|mismatch)"),
    (
        "PDE",
        2,
        r"(?:유압|이슬점|dew point|oil pressure|hydraulic pressure)[^|]{0,8}?"
        r"(?:높|낮|저하|상승|증가|감소|high|low)",
    ),
    ("PTF", 3, r"전원[^|]{0,3}?(?:상실|끊|나감|없|차단됨)|power (?:loss|lost|failure)|loss of power"),
    ("FCO", 3, r"(?:cb|차단기)[^|]{0,4}?(?:클로즈|투입)[^|]{0,3}?(?:안|불가)|breaker won t close|fails? to close in"),
    (
        "FDC",
        3,
        r"(?:cb|차단기)[^|]{0,4}?(?:오픈|개방)[^|]{0,3}?(?:안|불가)|breaker won t open|fails? to open on command",
    ),
    ("FOF", 3, r"주파수[^|]{0,2}?(?:변동|이상)|frequency (?:deviation|wrong)|output frequency"),
    ("FOV", 3, r"출력전압|전압[^|]{0,2}?떨어|voltage unstable|output voltage|under voltage"),
    (
        "LOR",
        3,
        r"예비채널|리던던시|one channel only|backup (?:channel|cpu)|예비 ?cpu|standby cpu|바이패스[^|]{0,4}?(?:운전|전환)|on bypass",
    ),
    ("CTM", 3, r"유중수분|dirty (?:oil|element)|이물질[^|]{0,2}?많|슬러지"),
    (
        "ELE",
        3,
        r"절연저하|퓨즈[^|]{0,2}?단선|과전류[^|]{0,4}?(?:계전기|동작)|overcurrent|방전흔적|discharge marks|"
        r"insulation (?:resistance|fail|breakdown|low)",
    ),
    (
        "UNK",
        2,
        r"뭔가[^|]{0,2}?이상|(?:원인|이유)[^|]{0,6}?(?:모르|모름|미상|불명|파악안|확인안)|원인불명|"
        r"something wrong|not right|unknown cause|cause (?:is )?(?:unknown|not known)|not sure (?:what|why)|"
        r"don t know (?:what|why)",
    ),
    ("STD", 2, r"erod|burnt|burned"),
    ("OHE", 2, r"뜨끈|뜨뜻|열이?나|냄새"),
    ("NOO", 3, r"no flow|유량[^|]{0,2}?없|zero flow"),
    (
        "PDE",
        3,
        r"수소(?:압|[^|]{0,2}?압력|[^|]{0,2}?순도)[^|]{0,10}?(?:떨어|저하|감소|낮|하락)|hydrogen (?:pressure|purity)",
    ),
    (
        "STD",
        3,
        r"얇아|두께[^|]{0,4}?(?:감소|얇|줄)|금[^|]{0,2}?(?:감|갔)|실금|갈라|쪼개|늘어짐|처짐|녹슴|녹슬|(?<![a-z])rust",
    ),
    ("SER", 3, r"풀렸|풀려|벗겨|박리"),
    ("CTM", 3, r"쇳가루|금속분|metal particles|색깔[^|]{0,3}?(?:이상|변)"),
    ("PLU", 3, r"쌓임|쌓였|퇴적|적체|build ?up|조개|패류|marine growth|붙음|부착"),
    ("AIR", 3, r"drift|드리프트|영점[^|]{0,3}?(?:틀|이탈|변동|안맞)|disagree|don t agree|do not agree|mismatch"),
    ("PDE", 2, r"불균형|imbalance|unbalance|최저 ?수준|최고 ?수준|하한치|상한치|low low|high high"),
    ("SER", 2, r"빠짐|빠졌|빠져|탈락|missing|fell off|came off"),
    ("NOI", 2, r"slam|(?<![a-z])bang|쾅"),
    ("AIR", 3, r"다고[^|]{0,2}?(?:나옴|나와|표시|뜸|떠|지시)|(?:있는데|없는데)[^|]{0,8}?(?:없다|있다)"),
    (
        "FTI",
        3,
        r"화면[^|]{0,3}?(?:멈|정지|안나|안 나)|screen froze|frozen screen|hmi freez",
    ),
    ("AIR", 3, r"(?:reading|reads|지시)[^|]{0,14}?(?:lower|higher|less|more) than|than (?:lt|pt|tt|ft|te|tc)(?= |$)"),
    ("SPO", 3, r"혼자[^|]{0,3}?(?:열|닫|동작|움직|켜|꺼|투입|개방)|by itself|on its own"),
    ("LOR", 3, r"이중화[^|]{0,8}?(?:고장|상실|불가|하나)|단독 ?운전|running on one"),
    ("DOP", 3, r"(?:닫힘|열림|개폐|동작|스트로크)[^|]{0,4}?지연"),
    ("ELE", 2, r"과전류|overcurrent|과부하 ?트립"),
    (
        "ERO",
        3,
        r"왔다리|갔다리|오락가락|왔다 ?갔다|들쭉날쭉|널뛰|"
        r"(?:전류|current|압력|pressure|수위|온도|유량)[^|]{0,3}?(?:튐|튀|맥동|pulsat|hunting|헌팅|요동|출렁)|"
        r"(?:압력|수위|온도|유량|제어)[^|]{0,3}?안잡",
    ),
    ("STD", 3, r"(?:행거|hanger|서포트|support)[^|]{0,4}?(?:변형|파손|부러|broken|bent)"),
    ("CTM", 3, r"물[^|]{0,2}?섞|수분[^|]{0,2}?(?:혼입|섞)|뿌옇|milky"),
    ("FTS", 3, r"기동하면[^|]{0,10}?(?:떨어|트립|정지)|넣으면[^|]{0,6}?(?:떨어|트립)"),
    ("SER", 3, r"쏠림|치우침|한쪽으로[^|]{0,3}?(?:쏠|치우|밀)"),
    ("AIR", 3, r"off from|differs? from|different from|\d+ (?:c|도) off"),
    ("NOO", 3, r"지시[^|]{0,3}?0(?= |$)(?! \d)|reads? 0(?= |$)(?! \d)"),
    ("SER", 3, r"점검창[^|]{0,3}?오염|dirty"),
    ("UST", 3, r"stopped unexpectedly|tripped unexpectedly|unexpected(?:ly)? stop"),
    ("FTS", 3, r"점화[^|]{0,3}?(?:실패|안됨|불가|안돼)|ignition fail"),
    ("DOP", 3, r"slow to move|slow moving|moves slowly"),
    # Readings that do not move, drift, jump or read nothing; phrasing the history rarely uses.
    (
        "AIR",
        3,
        r"(?:지시|값|표시|수치|바늘|눈금|레벨|reading|indication|value|needle|display)[^|]{0,6}?"
        r"(?:고정|멈춰|멈춤|멈췄|안변|변화없|변화가없|변동없|그대로|안움직|움직이지않|꿈쩍|안바뀌|안바뀜|바뀌지않|변하지않|"
        r"계속같은|같은숫자|같은값|틀어|"
        r"(?:is |has |hasn t |hasn t been |not )?(?:stuck|frozen|flat ?lined|flat|not changing|unchanged|not moving|"
        r"hasn t (?:changed|moved)|doesn t (?:change|move)))",
    ),
    (
        "AIR",
        3,
        r"(?:frozen|stuck) at \d|not tracking|doesn t track|isn t tracking|obviously wrong|clearly wrong|"
        r"(?:reads?|reading|shows?|showing|indicat\w*) (?:wrong|incorrect|nonsense|garbage|way off)|way off|off by \d|"
        r"not reading right|reading (?:is )?(?:off|wrong|bad)|엉터리|이상한값|안맞는|맞지않|영점[^|]{0,3}?틀어",
    ),
    (
        "ERO",
        3,
        r"(?:지시|값|표시|수치|신호|레벨|지시값)[^|]{0,4}?(?:튐|튀|춤|널뛰|왔다|오르락)|"
        r"(?:reading|readings|indication|signal|value|values|trend)[^|]{0,12}?"
        r"(?:jump\w*|spik\w*|bounc\w*|swing\w*|all over the place|up and down)|"
        r"(?:jumping|bouncing|spiking) (?:around|up and down)|all over the place|erratic",
    ),
    (
        "NOO",
        3,
        r"(?:reads?|reading|shows?|showing|indicates?|stuck at|goes to|went to|dropped to) (?:zero|0)(?= |$)|"
        r"(?:지시|값|표시|reading)[^|]{0,4}?(?:0 (?:으로|로)|영으로|제로)|(?:지시|표시|값)[^|]{0,3}?(?:아예|전혀)[^|]{0,2}?안|"
        r"(?:not|isn t|doesn t|no longer) (?:giving|sending|send|give|putting out) (?:any |a |out )?(?:signal|output|reading)",
    ),
    # Slow strokes.
    (
        "DOP",
        3,
        r"늦게[^|]{0,3}?(?:닫|열|움직|동작|따라|반응|개방|폐쇄)|(?:반응|응답|동작|움직임)[^|]{0,3}?(?:늦|느|굼)|굼뜨|굼떠|굼뜸|느릿|"
        r"(?:열리|닫히|여는|닫는|움직이|동작하)[^|]{0,5}?(?:한참|오래|너무오래)(?:걸림|걸려|걸리|걸렸)?|"
        r"(?:열림|닫힘|개폐|동작|스트로크|개방|폐쇄)[^|]{0,3}?시간[^|]{0,4}?(?:오래|길어|길다|길게|늘어)(?:걸림|걸려|걸리|걸렸)?|"
        r"slow (?:in|at|when) (?:respond|open|clos|mov|strok)\w*|"
        r"(?:moves?|moving|opens?|opening|closes?|closing|strokes?|stroking|travels?)[^|]{0,14}?(?<![a-z])slow(?:ly)?(?![a-z])|"
        r"(?:a|one|\d+) ?(?:minute|min|mins|sec|secs|seconds?) to (?:go |get |reach )?(?:full(?:y)? )?(?:open|close|closed|stroke)|"
        r"한참[^|]{0,6}?(?:있다가|후에?|뒤에?|지나서)[^|]{0,4}?(?:움직|열|닫|동작|따라)|"
        r"sluggish|slow(?:ly)? to (?:stroke|open|close|move|respond|travel|react)|strok\w* slow\w*|"
        r"(?:open|clos|mov|travel)\w* (?:very |too |really )?slowly|"
        r"takes? (?:too long|ages|forever|(?:over |about |almost )?(?:a|one|\d+) ?(?:s|sec|secs|seconds|min|mins|minutes?)) "
        r"to (?:open|close|stroke|move|respond)|too long to (?:open|close|stroke|move)|"
        r"lags? (?:behind )?(?:the )?(?:command|demand|signal|setpoint)|stroke time|"
        r"takes? (?:too long|ages|forever)",
    ),
    # Leaks in operators' words (the medium is decided afterwards).
    (
        "ELP",
        2,
        r"새어나|스며|스미|맺힘|맺혀|맺혔|맺힌|흘러나|흘러내|질질|줄줄|졸졸|똑똑|seep\w*|weep\w*|ooz\w*|trickl\w*|"
        r"dripp\w*|drips|wet (?:spot|patch)|(?:water|워터|물|오일|기름|oil)[^|]{0,5}?떨어|"
        r"(?:오일|기름|윤활유|oil)[^|]{0,3}?번(?:짐|져|졌)|기름기|기름때|oily|oil film|oil mist|물기|방울방울",
    ),
    # Heat in operators' words.
    (
        "OHE",
        3,
        r"hot to (?:the )?touch|too hot|(?:running|runs|feels?|feeling|getting|is|very) (?:warm|hot)|warm(?:er)? than|"
        r"hot(?:ter)? than (?:normal|usual)|heat (?:damage\w*|discolou?r\w*|marks?)|열[^|]{0,2}?받|뜨끈|뜨뜻|"
        r"손[^|]{0,4}?(?:못|안)[^|]{0,3}?(?:댐|대|댈|만지|만질)|만질수없|(?<!석)탄자국|탄흔|scorch\w*|burn marks?|"
        r"손[^|]{0,4}?(?:대기|댈수|만지기)[^|]{0,3}?(?:힘|어려|못)|열감|roasting|sizzl\w*|(?<!a )blister(?:ing|ed|s)?|"
        r"(?:열|과열|탄|그을|heat)[^|]{0,6}?(?:변색|discolou?r)|"
        r"(?:단자|terminal|케이블|cable|termination|베어링|bearing|접속부|lug|부스바|busbar|bus bar|커버)[^|]{0,6}?"
        r"(?:변색|discolou?r)|(?:변색|discolou?r\w*)[^|]{0,10}?(?:열|뜨|heat|hot)",
    ),
    (
        "LOO",
        3,
        r"not pumping(?: enough)?|pumping (?:less|poorly)|(?:flow|유량|discharge|토출)[^|]{0,6}?(?:down|줄었|줄어)|"
        r"weak (?:discharge|flow|suction)",
    ),
    # Sound and shake words by construction: Korean mimetics are reduplicated syllables
    # (끼릭끼릭, 덜그럭덜그럭, 덜컹덜컹, 윙윙거림) ending in ㄱ/ㄹ/ㅇ, so such a doubled 2-3-syllable
    # unit reads as a noise unless it is a shake word (부들부들), a leak word (방울방울: read
    # earlier, it wins the tie) or an adverb (깜빡깜빡, 출렁출렁). The final consonant keeps a
    # repeated equipment word out ("모터 모터", "댐퍼 댐퍼" in the seeded history).
    ("VIB", 2, r"(덜|달|바들|부들|후들|흔들|벌벌|덜덜)\1|들썩"),
    (
        "NOI",
        2,
        r"(?!(?:방울|흔들|출렁|넘실|끈적|미끌|반짝|깜빡|깜박|울퉁|불룩|빙글|뱅글|몽글|뭉글))"
        r"([가-힣]{1,2}"
        + _MIMETIC_END
        + r")\1|(윙|웅|붕|쿵|탕|땅|틱|찍|끽|삑|징|칙|삐|드르|그르|우르|따닥|끼익|끼릭|삐걱|덜컥|덜그럭|달그락)"
        r"(?:\2|거|대|소리)|"
        r"(?<![a-z])(?:clunk\w*|clank\w*|clatter\w*|buzz\w*|rumbl\w*|racket|tick(?:ing|s)?|click(?:ing|s)?|thump\w*|growl\w*|"
        r"groan\w*|creak\w*|chirp\w*|whir\w*|whistl\w*|squeak\w*|howl\w*|roar\w*)(?![a-z])",
    ),
    # --- Families added after the probes4 blind set ----------------------------------------
    # A reading contradicted by a second measurement is the instrument's error, whatever the
    # quantity reads; strength 4: a cross-check outranks the quantity's own direction words.
    (
        "AIR",
        4,
        r"(?:(?:휴대용|휴대형|포터블|현장 ?게이지|현장계기|로컬|옆|다른|반대쪽|반대편|예비|별도)[^|]{0,4}?"
        r"(?:온도계|압력계|게이지|계기|측정기|전송기|센서|으로 ?(?:재|측정|확인)|로 ?(?:재|측정|확인))|"
        r"(?:local|portable|handheld|field|second|other|another|redundant|backup) (?:gauge|meter|instrument|transmitter|"
        r"sensor|probe|reading|tt|pt|ft|lt)s?[^|]{0,20}?(?:reads?|shows?|says|normal|ok|fine|only|\d)|"
        r"(?:with|while|although|but) the [a-z ]{0,20}?(?:running empty|is empty|was empty|stopped|not running|off line)|"
        r"checked empty|(?:actually|physically) (?:empty|normal|fine)|실제로는[^|]{0,6}?(?:비어|정상|없))"
        # The second gauge's "정상" belongs to the cross-check, not a negation of it.
        r"(?:[^|]{0,12}?(?:정상|normal|ok|fine)(?= |$|\|))?",
    ),
    # The duty unit failed and the standby took over: redundancy lost, the function kept.
    (
        "LOR",
        3,
        r"(?:(?<![a-z])[a-d] ?(?:로|으로)|예비(?:기)?로|백업으로|standby로)[^|]{0,3}?(?:자동 ?)?(?:절체|전환|넘어)"
        r"(?:됨|되었|됐|했|완료)|(?:switched|changed|transferred|failed) over to (?:the )?(?:[a-d]|standby|backup)(?= |$)",
    ),
    # Oil quality out of limit (water, acid number, particle count) is contamination.
    (
        "CTM",
        3,
        r"(?:수분|산가|전산가|(?<![a-z])tan(?![a-z])|(?<![a-z])nas(?![a-z])|particle count|입자수|입자 ?개수|수분함량|"
        r"water content|acid (?:number|value)|moisture|varnish|바니시)[^|]{0,14}?"
        r"(?:초과|높|상승|증가|올라|high|above|exceed\w*|limit|기준|\d)",
    ),
    # A pressure above its setpoint is high output; a relief valve lifting below its set pressure
    # opens spuriously.
    (
        "HIO",
        3,
        r"(?:압|pressure)[^|]{0,6}?(?:설정치|설정압|설정값|set ?point|set pressure)[^|]{0,3}?(?:보다|than)?[^|]{0,2}?"
        r"(?:높|초과|high|above|over)|(?:above|over|exceeds?) (?:the )?(?:set ?point|set pressure)",
    ),
    (
        "SPO",
        3,
        r"(?:설정압|설정치|설정값|set ?point|set pressure)[^|]{0,3}?(?:보다|than)?[^|]{0,2}?(?:낮게|낮은|below|under|early)"
        r"[^|]{0,6}?(?:팝|동작|작동|리프트|열|분출|pop|lift|open)|(?:pops?|popp\w*|lift\w*|open\w*) "
        r"(?:early|prematurely|below (?:the )?(?:set|setpoint))",
    ),
    # A command given and nothing moves: fails to open/close when the command says which,
    # fails to function otherwise.
    (
        "FTO",
        3,
        r"(?:열림|개방|오픈|open(?:ing)?)[^|]{0,2}?(?:지령|명령|신호|command|signal)(?:[^|]|\| ){0,10}?"
        r"(?:꿈쩍|안움직|움직이지|반응|안열|안떨어|그대로|no (?:movement|response)|doesn t move|not move|nothing)",
    ),
    (
        "FTC",
        3,
        r"(?:닫힘|폐쇄|클로즈|close|closing)[^|]{0,2}?(?:지령|명령|신호|command|signal)(?:[^|]|\| ){0,10}?"
        r"(?:꿈쩍|안움직|움직이지|반응|안닫|그대로|no (?:movement|response)|doesn t move|not move|nothing)",
    ),
    (
        "FTF",
        3,
        r"(?:지령|명령|신호|command|demand)[^|]{0,3}?(?:줘도|해도|에도|줬는데|넣어도|but)[^|]{0,6}?"
        r"(?:꿈쩍|안움직|반응[^|]{0,2}?없|무반응|no (?:movement|response)|nothing)|반응[^|]{0,2}?없|무반응|"
        r"(?:동작|작동)(?:을|이)?[^|]{0,2}?(?:안|못)(?:함|해|하|됨|되|했)",
    ),
    # Breakers: "will not close/open" in any English form, 개방 명령에도 안 떨어짐.
    (
        "FCO",
        3,
        r"(?:breaker|cb|acb|vcb|contactor)[^|]{0,20}?(?:won t|will not|wouldn t|doesn t|does not|didn t|did not|can t|"
        r"cannot|fail(?:s|ed)? to) close|(?:차단기|cb|acb|vcb)[^|]{0,6}?(?:투입|클로즈|닫힘)[^|]{0,6}?(?:안|불가|실패)",
    ),
    (
        "FDC",
        3,
        r"(?:breaker|cb|acb|vcb|contactor)[^|]{0,20}?(?:won t|will not|wouldn t|doesn t|does not|didn t|did not|can t|"
        r"cannot|fail(?:s|ed)? to) (?:open|trip)|(?:차단기|cb|acb|vcb|피더)[^|]{0,12}?(?:개방|오픈|트립|차단(?!기))"
        r"[^|]{0,8}?(?:안떨어|안됨|안돼|안되|불가|실패|안열)",
    ),
    # A protective relay that operated names the trip's electrical cause.
    (
        "ELE",
        3,
        r"(?:열동|과부하|과전류|지락|접지|thermal|overload|overcurrent|ocr|ground|earth)[^|]{0,4}?(?:계전기|relay)"
        r"[^|]{0,4}?(?:동작|trip\w*|operated|picked up|actuated)",
    ),
    # A leak from one side into the other is internal.
    (
        "INL",
        3,
        r"(?:안으로|내부로|속으로|쪽으로|측으로)[^|]{0,6}?(?:새|누설|누수|넘어|유입|들어)|leak\w* into|"
        r"(?:로터|rotor|섹터|sector|래디얼|radial|액시얼|axial)[^|]{0,3}?(?:씰|seal)[^|]{0,8}?(?:누설|리크|leak)",
    ),
    # Battery/charger capacity below its criterion.
    ("LOO", 3, r"용량[^|]{0,12}?(?:미달|부족|저하|낮|떨어)|capacity[^|]{0,12}?(?:low|below|under|down|short|only)"),
    # Lining/coating damage and broken wire strands are deterioration, not a breakage or paint.
    (
        "STD",
        3,
        r"(?:라이닝|lining|내화물|refractory|코팅|coating)[^|]{0,4}?(?:박리|탈락|손상|떨어|벗겨|peel\w*|damage\w*|fall\w*)|"
        r"(?:소선|strands?)[^|]{0,8}?(?:끊|단선|파단|broken|snapped)",
    ),
    # Does not match the drawing, wrong nameplate or tag: an other failure, not a bad reading.
    (
        "OTH",
        3,
        r"도면[^|]{0,3}?(?:과|와|이랑)?[^|]{0,2}?(?:다름|달라|다르|상이|불일치)|(?:differs?|different|deviates?) from "
        r"(?:the )?(?:approved )?(?:drawing|design|p ?id)[^|]{0,12}|명판[^|]{0,10}?(?:잘못|틀|다름|바뀌)|"
        r"잘못[^|]{0,3}?(?:붙|부착|표기|설치)|mislabel\w*|wrong (?:tag|label|nameplate)",
    ),
    # "평소랑 다르다", "좀 이상해요": something is off, nothing named.
    (
        "UNK",
        2,
        r"평소(?:랑|와|하고|보다)?[^|]{0,3}?(?:다르|달라|다름|다른(?=것|거|듯|데))|뭔가[^|]{0,4}?(?:다르|달라|다른)|이상해(?:요|서|보)|이상하(?:다|네|고)|"
        r"something (?:is )?(?:off|different)|not (?:quite )?(?:right|normal)",
    ),
    # Heat not reaching the steam, a condenser's cleanliness falling: heat transfer.
    (
        "IHT",
        3,
        r"(?:증기|steam|재열|과열|급수|feedwater)[^|]{0,6}?온도[^|]{0,4}?(?:안올라|안오르|부족)|"
        r"temperature (?:won t|will not|doesn t|does not) (?:rise|come up|increase)|청정도[^|]{0,6}?(?:떨어|저하|낮)|"
        r"cleanliness[^|]{0,8}?(?:low|drop\w*|down)",
    ),
    # Closed, yet it smells or flows: passing.
    (
        "LCP",
        3,
        r"(?:닫혔는데|닫힌채|닫힌 채|닫혀 ?있는데|closed)[^|]{0,12}?(?:냄새|smell)",
    ),
    ("UNK", 2, r"문제같|문제인것같|문제인듯|쪽문제|쪽이문제"),
    # --- Families added after the probes5 blind set ----------------------------------------
    # Told to stop and still running: fails to stop, however the stop was given or forced after.
    (
        "STP",
        3,
        r"(?:정지|stop|스톱)[^|]{0,3}?(?:명령|지령|신호|버튼|command|signal|button)[^|]{0,12}?(?:계속|그대로|여전히)[^|]{0,4}?"
        r"(?:돎|돌|운전|가동|움직|회전)|(?:keeps?|kept|still|continues? to|continued to) (?:running|run|turning|turn|moving|"
        r"going)[^|]{0,30}?(?:after|despite|even after|even with|regardless of) (?:the |a |its )?(?:stop|trip|shutdown)",
    ),
    # Stopped for good in the telling ("멈춰버렸어요"): a stop nobody asked for.
    ("UST", 3, r"멈춰 ?버|꺼져 ?버|정지해 ?버|stopped on its own|just stopped"),
    # One of a redundant pair left: running alone, or the standby took over by itself.
    (
        "LOR",
        2,
        r"혼자[^|]{0,3}?(?:돌고|돌아|운전|가동|담당|버티)|단독으로[^|]{0,3}?(?:운전|가동)|"
        r"(?:running|carrying|runs|operating|working|in service)(?: [a-z0-9]+){0,3} alone|alone now",
    ),
    (
        "LOR",
        3,
        r"(?:switched|changed|transferred|failed|swapped) over to (?:the )?(?:channel |train |side |pump |fan |cpu |card )?"
        r"(?:[a-d]|standby|backup|redundant)(?= |$)",
    ),
    # A brake that will not hold is a protective device not acting.
    (
        "FTF",
        3,
        r"브레이크[^|]{0,4}?(?:안잡|안걸|안들|안먹|불량|미동작|작동안)|brakes?[^|]{0,10}?(?:won t|doesn t|didn t|did not|not|fails? to) "
        r"(?:hold|engage|set|grip|work)",
    ),
    # The thing itself is fine, the signal says otherwise: the detector's reading is wrong.
    (
        "AIR",
        4,
        r"(?:멀쩡|정상)(?:한데|하는데|인데|이지만|인데도)[^|]{0,14}?(?:신호|지시|표시|경보|알람|나옴|뜸|보냄|보내)|"
        r"(?:계|계기|게이지|지시계|전송기|센서|gauge|sensor|transmitter|indicator|rtd)[^|]{0,3}?(?:불량|고장|오류|faulty|bad|fault)"
        r"(?:으로|로| ?같| ?보)",
    ),
    # Only one direction or one way works: fails to function as intended, not a stop.
    (
        "FTI",
        3,
        r"(?:하강|상승|정방향|역방향|한쪽|한방향|열림|닫힘|전진|후진|직진|정회전|역회전|정역|좌측|우측)만[^|]{0,2}?"
        r"(?:됨|되|가능|함|해|동작)|only (?:goes|moves|works|runs|travels) (?:up|down|one way|in one direction|forward|backward)",
    ),
    # Turning it by hand, it will not move: seized.
    (
        "BRD",
        3,
        r"(?:손으로|수동으로|by hand|manually)[^|]{0,12}?(?:꿈쩍|안돌|안움직|won t (?:turn|rotate|budge)|doesn t (?:turn|budge)|"
        r"would not turn)|(?:축|로터|rotor|shaft|커플링|coupling)[^|]{0,10}?(?:꿈쩍|안돌아|잠김|seized|locked)|locked up",
    ),
    # Pumping or sucking that does not happen is low output.
    ("LOO", 3, r"(?:흡입|흡인|토출|이송|송출)(?!밸브|변|댐퍼)(?:을|이|가|량|력)?[^|]{0,4}?(?:못|안)(?:함|해|하|됨|되)"),
    # Gas or precharge pressure bleeding away is a leak (the medium decides which code).
    (
        "ELP",
        3,
        r"(?:질소|예압|충전압|봉입압|precharge|nitrogen)[^|]{0,24}?(?:빠짐|빠졌|빠져|새|lost|bled|leak\w*)|"
        r"(?:steam|증기|스팀)[^|]{0,3}?(?:뿜|분출|나옴|나와|blowing|escaping|spray\w*)",
    ),
    ("ELP", 2, r"샌(?=흔적|자국|곳|부위|것|거)"),
    # A value against its normal or design value ("정상 0.75 대비 낮게", "below design") deviates.
    (
        "PDE",
        2,
        r"(?:정상|평소|설계|기준|normal|design)[^|]{0,12}?(?:대비|보다|than)[^|]{0,4}?(?:낮|높|low|high)|"
        r"(?:below|above) (?:normal|design)(?= |$)",
    ),
    # A pressure rising past normal is high output (a vessel's or pipe's becomes a deviation).
    ("HIO", 3, r"(?:압력|pressure)[^|]{0,14}?(?:까지|to) ?(?:상승|올라|rose|increased)"),
    # Record and item disagree: nameplate vs datasheet, turning the wrong way, installed backwards.
    (
        "OTH",
        3,
        r"(?:nameplate|name plate|datasheet|data sheet|명판|도면|사양서|데이터시트)[^|]{0,40}?(?: but |however|whereas|인데|다름|달라|"
        r"상이|불일치|differ|mismatch)|(?:회전 ?방향|rotation|direction)[^|]{0,6}?(?:반대|거꾸로|reverse|wrong)|역회전|"
        r"reverse rotation|wrong direction|(?:반대|거꾸로)[^|]{0,4}?(?:설치|돌)|installed (?:backwards|reversed|the wrong way)",
    ),
    # A switch that should have acted on a real condition and did not: fails on demand.
    (
        "FTF",
        3,
        r"(?:찼는데|됐는데|넘었는데|올라갔는데|도달했는데|full but|is full|reached)[^|]{0,14}?(?:신호|경보|알람|접점|trip|alarm|signal)"
        r"[^|]{0,4}?(?:안|없|no(?= |$)|not|never)",
    ),
    # A trip on an electrical fault names its cause (the conventions code that ELE).
    (
        "ELE",
        3,
        r"(?:trip\w*|트립)[^|]{0,4}?(?: on| by| due to)?[^|]{0,16}?(?:over ?voltage|under ?voltage|dc bus|과전압|저전압)|"
        r"(?:과전압|저전압|over ?voltage|under ?voltage|dc bus)[^|]{0,10}?(?:으로|로|에 ?의한)? ?(?:트립|trip)",
    ),
    # A relief valve that popped: it opened when it should not have.
    (
        "SPO",
        3,
        r"(?:안전밸브|안전변|릴리프|relief valve|safety valve|(?<![a-z])(?:psv|prv|srv)(?![a-z]))[^|]{0,40}?(?<!안)"
        r"(?:팝|pop(?:ped|s)?(?= |$)|lifted|리프트)(?! ?(?:테스트|시험|test|후|뒤|after|and))",
    ),
    # Wall thickness under its limit, in English too.
    (
        "STD",
        3,
        r"thickness[^|]{0,30}?(?:below|under|against|less than|limit)|retirement limit|below (?:the )?(?:minimum|design) "
        r"(?:wall|thickness)",
    ),
    ("FTF", 3, r"doesn t respond|does not respond|didn t respond|did not respond|not responding|unresponsive"),
    # --- Families added after the probes6 blind set ----------------------------------------
    # A cooler said not to cool, or running hotter at its outlet: heat transfer, not the blockage
    # or the cleaning behind it (a cooler only "plugged" stays PLU, as probes4 labels it).
    (
        "IHT",
        4,
        r"(?:냉각기|쿨러|cooler|열교환기|heat exchanger)[^|]{0,24}?냉각(?:이|가)?안(?:됨|되|돼)",
    ),
    (
        "IHT",
        3,
        r"냉각(?:이|가)?[^|]{0,2}?안(?:되|돼)|(?:냉각기|쿨러|cooler)[^|]{0,8}?(?:출구|outlet)[^|]{0,8}?\d+ ?(?:도|℃)",
    ),
    # A breaker or contactor that will not open, however it was asked (trip command, stop, test).
    (
        "FDC",
        4,
        r"(?:차단기|접촉기|컨택터|breaker|contactor|cb)[^|]{0,30}?(?:개방(?:되지|이)? ?(?:않|안)|안 ?떨어|안열|"
        r"stays? (?:in|closed)|stayed (?:in|closed)|won t open|did not open|didn t open|fail(?:s|ed)? to open)",
    ),
    # A protection tested or called on that gives no trip: fails on demand.
    (
        "FTF",
        4,
        r"트립[^|]{0,2}?(?:출력|신호|접점)(?:이|가)?[^|]{0,2}?(?:안나|없|안들|안뜸)|"
        r"(?:trip|과속|overspeed)[^|]{0,6}?(?:test|시험)[^|]{0,40}?(?:did not|didn t|failed to|not) trip|"
        r"(?:did not|didn t|failed to) trip at|(?:^| )no trip (?:output|signal|contact)|trip output[^|]{0,6}?(?:did not|didn t|never|missing)",
    ),
    # A reading that swings between two values: erratic output; a source's voltage that swings is
    # its output voltage.
    (
        "ERO",
        3,
        r"\d+[^|]{0,6}?(?:에서|~|과|and|to) ?\d+[^|]{0,8}?사이(?:로|에서)?[^|]{0,4}?(?:튐|튀|출렁|왔다갔다|흔들|변동|오르내|헌팅)|"
        r"(?:cycling|swinging|oscillating) between|계속 ?튐|계속 ?튀",
    ),
    (
        "FOV",
        4,
        r"(?:단자전압|출력전압|발전기전압|(?<![a-z])(?:terminal|output) voltage)[^|]{0,40}?(?:출렁|흔들|변동|헌팅|hunting|swing\w*|"
        r"fluctuat\w*|oscillat\w*|사이로)",
    ),
    # Water found in an oil or fuel sample: contamination.
    ("CTM", 3, r"자유수|free water|water in (?:the )?(?:oil|fuel|sample)|수분[^|]{0,4}?(?:검출|나옴|과다)"),
    # A pressure gone above its setpoint, in any wording.
    (
        "HIO",
        3,
        r"(?:압력|토출압|출구압|헤더압|pressure)(?:이|가)?[^|]{0,14}?(?:까지|(?:goes|went|gets|got|comes|came|rises|rose) up to) ?"
        r"\d*[^|]{0,6}?(?:상승|올라|bar|kpa|mpa|psi)[^|]{0,40}?(?:setpoint|설정|set point|기준)|"
        r"pressure[^|]{0,20}?(?:goes|went|gets|got|comes|came|rises|rose) up to \d+|"
        r"(?:압력|토출압|출구압|헤더압)(?:이|가)?[^|]{0,10}?까지 ?(?:상승|올라)",
    ),
    # An instrument whose reading does not move while the process does, a limit switch whose signal
    # does not come (the valve moved: the switch is the instrument, as the conventions say): it reads wrong.
    (
        "AIR",
        4,
        r"(?:전송기|지시계|계기|transmitter|gauge|indicator)(?:가|이)?[^|]{0,14}?(?:안 ?움직|꿈쩍|변화 ?없|그대로)|"
        r"(?:리밋 ?스위치|리미트 ?스위치|limit ?switch|position switch)[^|]{0,10}?(?:신호|signal)[^|]{0,4}?"
        r"(?:안 ?들어|안 ?옴|없|not|missing)|"
        r"(?:lab|local|sample|portable|hand ?held)[^|]{0,12}?(?:says|reads|shows)[^|]{0,30}?"
        r"(?:analy[sz]er|transmitter|gauge|meter|dcs|indicator)[^|]{0,4}?(?:says|reads|shows)",
    ),
    # A reading that sits at zero and will not move is dead, whatever another gauge says.
    ("NOO", 4, r"(?:^| )0(?: 0+)? ?(?:에서|에) ?(?:멈|고정|꿈쩍|안 ?움직)|stuck at 0(?= |$)"),
    # An engine or turbine that does not come up to speed failed to start.
    (
        "FTS",
        3,
        r"(?:did not|didn t|failed to|won t|does not|doesn t) (?:reach|come up to|get to) (?:its )?(?:rated|full|normal|sync\w*) "
        r"speed|정격(?:속도|회전수)[^|]{0,4}?(?:미달|못|안)",
    ),
    # A tear is damage, whatever made it (a belt that wanders tears at its edge).
    ("STD", 4, r"찢어지|찢어짐|찢어졌|(?<![a-z])(?:torn|tearing)(?![a-z])"),
    # Cavitation is heard: noise.
    ("NOI", 3, r"캐비테이션|cavitat\w*"),
    # Stuck fast: binding, not a failure to start.
    ("BRD", 3, r"고착(?:돼|되|됨|된|되어)"),
    # A part that should be there and is not; bolts that came loose.
    (
        "SER",
        3,
        r"(?:가드|커버|덮개|guard|cover)(?:가|이)?[^|]{0,4}?(?:없는|없이|없음|빠진|빠져|missing|removed|off)|"
        r"볼트[^|]{0,2}?(?:풀린|풀렸|풀려)",
    ),
    # Started or moved by itself: a spurious operation.
    ("SPO", 3, r"(?:혼자|저절로|스스로)[^|]{0,3}?(?:기동|시동|전진|후진|돌기|작동)|started (?:up )?(?:by )?itself"),
    # Stopped with nothing to explain it: a spurious stop.
    (
        "UST",
        4,
        r"(?:fault|알람|경보|고장)[^|]{0,6}?(?:코드)?(?:도)? ?없이[^|]{0,8}?(?:정지|멈|꺼|trip|트립)|"
        r"(?:stopped|tripped) (?:with|without) no (?:fault|alarm)",
    ),
    # A stop that does not happen, however it was called for.
    (
        "STP",
        4,
        r"(?:자동 ?)?정지(?:가|를)? ?안 ?(?:돼|되|됨|함)|안 ?멈(?:춰|춤|추)|(?:won t|doesn t|does not|did not|didn t|"
        r"fail(?:s|ed)? to) stop",
    ),
    # A UPS or drive carried on its bypass, or one unit left carrying the load: redundancy lost.
    (
        "LOR",
        3,
        r"(?:바이패스|bypass)[^|]{0,3}?(?:운전|모드|mode|로 ?전환|로 ?절체|으로 ?전환|operation)|단독으로[^|]{0,3}?부하|"
        r"(?:^| )on (?:static )?bypass(?= |$)",
    ),
    # A relief valve that blew (분출/취출) is a relief valve that lifted, unless steam or a leak is
    # what is said to blow out of it.
    (
        "SPO",
        3,
        r"(?:안전밸브|안전변|릴리프|(?<![a-z])(?:psv|prv|srv|sv)(?![a-z]))(?:가|이)?(?:(?!누설|증기|스팀|김|물|유|leak|steam)[^|]){0,14}?"
        r"(?:분출|취출)(?! ?(?:테스트|시험|후|뒤))",
    ),
    # A leak by its manner: weeping, spurting (the medium decides the code).
    ("ELP", 3, r"weep\w*|(?<!안전밸브)(?<!안전밸브가)분출(?!후|뒤|시험|압|량)|spurt\w*"),
    # A valve leaking at its seat, a relief valve simmering: passing, not a leak to outside.
    ("LCP", 4, r"(?:시트|seat)(?:에서|from)?[^|]{0,6}?(?:새|누설|leak\w*|passing)|simmer\w*"),
    # Fuel gas smelt or detected is a fuel leak, not a burning smell.
    (
        "ELF",
        3,
        r"(?:lng|가스|gas)[^|]{0,2}?(?:냄새|smell)|smell of (?:lng|gas)|가스검지기[^|]{0,8}?(?:lel|경보|지시)|\d+ ?lel",
    ),
    # Oil or water mixing into the other side of a cooler: an internal leak.
    (
        "INL",
        4,
        r"(?:냉각수|물|water|oil|오일|기름)(?:가|이)?[^|]{0,4}?(?:오일|기름|oil|냉각수|물|water)[^|]{0,2}?(?:쪽|측|side)?"
        r"(?:으로|로|into)?[^|]{0,3}?(?:섞|혼입|넘어|유입)|(?:water|oil)[^|]{0,14}?(?:into|in) the (?:oil|water|shell|tube) side",
    ),
    # A stroke slower than its criterion: delayed operation.
    (
        "DOP",
        3,
        r"(?:닫힘|열림|개폐|동작|스트로크|closing|opening|stroke)[^|]{0,4}?(?:시간|time)[^|]{0,16}?(?:\| )?[^|]{0,4}?"
        r"(?:기준|limit|spec|허용)",
    ),
    # --- Families added after the probes7 blind set ----------------------------------------
    # Commanded one way and it stops short, stays put or only goes part way: fails to close/open
    # (the command names the direction), in either language and with the command after the symptom.
    (
        "FTC",
        4,
        r"(?:닫힘|폐쇄|클로즈|close|closing|shut)[^|]{0,2}?(?:지령|명령|신호|command|signal)[^|]{0,6}?"
        r"(?:절반|반만|중간|일부|\d+ ?%?(?:에서|까지)|더 ?안|멈|stops?|stopped|stall\w*|stuck|stays?|remains?)|"
        r"(?:won t|doesn t|does not|didn t|did not|will not) move(?:[^|]|\| ){0,40}?command\w* (?:shut|closed|to close)|"
        r"(?:stays?|stayed|remains?|stuck)[^|]{0,16}?open[^|]{0,12}?command\w* (?:shut|closed|to close)|"
        r"덜 ?닫|not (?:fully|completely) (?:closed|closing|shut)|failing to close",
    ),
    (
        "FTO",
        4,
        r"(?:열림|개방|오픈|open|opening)[^|]{0,2}?(?:지령|명령|신호|command|signal)[^|]{0,6}?"
        r"(?:절반|반만|중간|일부|\d+ ?%?(?:에서|까지)|더 ?안|멈|stops?|stopped|stall\w*|stuck|stays?|remains?)|"
        r"(?:won t|doesn t|does not|didn t|did not|will not) move(?:[^|]|\| ){0,40}?command\w* (?:open|to open)|"
        r"(?:stays?|stayed|remains?|stuck)[^|]{0,16}?(?:closed|shut)[^|]{0,12}?command\w* (?:open|to open)|"
        r"덜 ?열|not (?:fully|completely) open\w*|failing to open",
    ),
    ("FTS", 3, r"failing to start"),
    ("STP", 3, r"failing to stop"),
    # Commanded to a position and it goes part way, direction unsaid: fails to function as intended
    # ("더 안 열림" names the direction and stays FTO).
    (
        "FTI",
        3,
        r"(?:에서|까지)[^|]{0,4}?더 ?(?:안|못) ?(?:감|가요|가네|감요|움직)|"
        r"(?:won t|doesn t|does not|will not) (?:go|travel|move) (?:any )?(?:further|past|beyond)",
    ),
    # How long it took to get there, against how long it used to take: a slow stroke.
    (
        "DOP",
        4,
        r"(?:도달|완료|전개|전폐|풀|full|100)[^|]{0,4}?까지[^|]{0,6}?\d+ ?(?:분|초)[^|]{0,2}?걸|"
        r"took \d+ ?(?:s|sec|secs|seconds|min|mins|minutes) to (?:reach|get to|go|open|close|stroke)",
    ),
    # A protection pushed past its setting or tested, and no trip comes: fails on demand.
    (
        "FTF",
        4,
        r"(?:시험|테스트|test)(?:[^|]|\| ){0,40}?트립(?:이)? ?안 ?(?:걸|됨|돼|되|남|나)|"
        r"넘(?:겨|어|었|겼)(?:도|는데)[^|]{0,6}?(?:트립|동작|작동)(?:이)? ?안|"
        r"(?:요소|계전기|relay|element)[^|]{0,3}?(?:동작|작동)(?:이)? ?안 ?(?:함|됨|해|돼|되)|"
        r"트립 ?접점[^|]{0,3}?안 ?(?:닫|붙|들)|(?:exceed\w*|past|over) (?:the )?(?:setting|set ?point|trip setting)"
        r"[^|]{0,20}?(?:no trip|did not trip|didn t trip|without (?:a )?trip)",
    ),
    # A reading pinned at zero is dead; one that swings down and back up is erratic, even when a
    # second measurement is quoted (it is the swing that is reported).
    (
        "NOO",
        4,
        r"(?:값|지시|reading|value)[^|]{0,4}?(?:^| )0(?: 0+)? ?(?:으로|로|에서|에)? ?(?:고정|멈|꿈쩍|frozen|stuck)",
    ),
    (
        "ERO",
        4,
        r"(?:떨어졌|내려갔|낮아졌|올라갔|높아졌|튀었)다[^|]{0,14}?(?:튀었|올라갔|떨어졌|내려갔|높아졌|낮아졌)다|"
        r"(?:dropp|fall|fell|jump|spik)\w* (?:to )?\d[^|]{0,14}?(?:then|and) (?:back |up |down )?(?:to )?\d|"
        r"\d+[^|]{0,6}?(?:에서|~|과|and|to) ?\d+[^|]{0,8}?사이(?:로|에서)?[^|]{0,4}?(?:튐|튀|출렁|왔다갔다|흔들|변동|오르내|헌팅)|계속 ?튐|계속 ?튀",
    ),
    # A manual sample or the other channel says otherwise: the instrument reads wrong.
    (
        "AIR",
        4,
        r"(?:수동|manual)[^|]{0,2}?(?:측정|샘플|샘플링|분석|계측|sample|reading|measurement)|"
        r"(?:다른|옆|반대|나머지|other|second) ?(?:채널|channel)",
    ),
    # The instrument itself judged wrong ("순도계 자체가 문제", "계기 오차", "온도계가 틀렸어요").
    (
        "AIR",
        4,
        r"(?:계|계기|게이지|센서|전송기|분석기|transmitter|gauge|sensor|meter|analy[sz]er)(?:가|이)? ?"
        r"(?:자체(?:가|의|에)? ?(?:문제|불량|고장|이상)|틀렸|틀림|틀려|오차|error)|instrument error|meter error",
    ),
    # A totalizer that stops counting gives no output.
    (
        "NOO",
        4,
        r"(?:적산|totali[sz]er|카운터|counter)[^|]{0,6}?(?:안 ?올라|안 ?오르|안 ?변|멈|고정|not (?:counting|increasing|moving))",
    ),
    # Creep (swelling of a hot tube) is deterioration, whatever limit it is measured against.
    ("STD", 4, r"크리프|(?<![a-z])creep (?:swell\w*|damage|strain|expansion|crack\w*|life)"),
    # Measured above its criterion ("셀이 기준 +30% 넘음"): a deviation.
    (
        "PDE",
        3,
        r"기준[^|]{0,8}?(?:넘음|넘었|넘어섬|넘김)|(?:above|over|exceed\w*) (?:the )?(?:criterion|criteria|spec)(?= |$)",
    ),
    # A part that came off its support; paint peeling (with the rust under it) is cosmetic.
    ("SER", 3, r"(?:행거|hanger|서포트|support|지지대)[^|]{0,6}?(?:빠|탈락|missing|fell|came off|loose|풀)"),
    ("SER", 4, r"도장[^|]{0,3}?(?:벗겨|박리|들뜸|들떠)|paint (?:peel\w*|flak\w*)|peeling paint"),
    # A drive's output frequency swinging is faulty output frequency, however it is written.
    (
        "FOF",
        4,
        r"(?:freq\w*|주파수|(?<![a-z])hz)[^|]{0,40}?(?:swing\w*|fluctuat\w*|oscillat\w*|hunting|흔들|출렁|변동|헌팅|왔다갔다|사이로)",
    ),
    # A feedwater heater's terminal temperature difference widening: heat transfer.
    (
        "IHT",
        4,
        r"(?<![a-z])ttd[^|]{0,20}?(?:벌어|증가|상승|커|높|high|increas\w*|widen\w*|rising)|종단온도차[^|]{0,10}?(?:벌어|증가|커)",
    ),
    # An air line or tubing that burst is air leaking out.
    (
        "ELU",
        4,
        r"(?:공기|에어|air|계장용공기)[^|]{0,4}?(?:튜빙|튜브|tubing|tube|라인|line|호스|hose|배관)[^|]{0,6}?(?:터|파열|burst|split|crack|끊|빠)",
    ),
    # Kept running past where it should have stopped: fails to stop.
    (
        "STP",
        4,
        r"(?:후|뒤)(?:에도|인데도)[^|]{0,12}?계속[^|]{0,3}?(?:돌|운전|가동|움직|회전|전진|후진)|"
        r"리밋[^|]{0,4}?(?:지나|넘어|초과)|overtravel\w*|overran|overrun\w*",
    ),
    # More make-up needed to hold it (gas, oil, water) means it is leaking out (the medium decides).
    (
        "ELP",
        4,
        r"(?:makeup|make up|보충)[^|]{0,24}?(?:up|increas\w*|rising|증가|늘|많아)(?= |$|[^a-z])",
    ),
    # A range or a mounting place to be changed: a modification, not a failure.
    (
        "OTH",
        4,
        r"(?:range|레인지|측정범위|설치 ?위치|위치)[^|]{0,14}?(?:변경|이설|이전|옮|changed?|relocat\w*|moved?)(?= |$|[^a-z])",
    ),
    # After probes8. An improvement asked for (a platform, a measuring point, a cable re-routed) is a
    # modification only when nothing wrong is read with it: the work orders end fault reports with "개선
    # 요청" ("진동 큼. 개선 요청"), and "피복 손상 ... 덮개 개선 요청" reports the damage.
    (
        "OTH",
        1,
        r"개선(?:요청|건|필요|바람|요망|사항|해 ?주)|추가 ?설치|설치(?:해 ?주|요청|요망|바람)|경로 ?변경|"
        r"(?<![a-z])(?:improvement|modification) (?:request|needed|wanted)|request(?:ing)? an? (?:improvement|modification)",
    ),
    # Moved with nobody asking: "혼자 15%까지 열렸다가", "지령 변화 없는데 갑자기 전개됨", "혼자 앞으로 나갔다가".
    (
        "SPO",
        4,
        r"(?:혼자|저절로|스스로|지령[^|]{0,6}?(?:없는데|없이|안줬는데)|명령없이|"
        r"(?<![a-z])(?:without|with no) (?:a |any )?(?:command|demand|signal) (?:it )?)[^|]{0,14}?"
        r"(?:열렸|열림|열리|닫혔|닫힘|닫히|움직|나갔|나감|들어갔|들어왔|전개|전폐|투입됐|개방됐|open\w*|clos\w*|mov\w*)|"
        r"(?<![a-z])(?:opened|closed|moved|went open|went closed)[^|]{0,20}?(?:without|with no) (?:a |any )?(?:command|demand)",
    ),
    # A value that does not move while the process does is a frozen reading ("값이 5.8에서 안 움직임").
    (
        "AIR",
        4,
        r"(?:값|지시|지시값|reading|value|indication)(?:이|가|은|는)?[^|]{0,12}?"
        r"(?:안 ?움직|안 ?변|변화 ?없|그대로 ?고정|(?<![a-z])(?:not moving|not changing|doesn t change|won t change))",
    ),
    # Start pressed and nothing happens: the machine fails to start, not a function failing.
    (
        "FTS",
        4,
        r"기동(?:버튼|스위치|명령|지령|신호)?[^|]{0,3}?(?:눌러도|눌렀는데|줘도|줬는데|넣어도|해도)[^|]{0,4}?(?:반응[^|]{0,2}?없|무반응|안 ?됨|꿈쩍)|"
        r"(?<![a-z])(?:pressed |pushed |hit )?start(?: button| command| pb)?[^|]{0,20}?(?:no response|nothing happen\w*|did nothing|does nothing)",
    ),
    # Oil gone milky or emulsified has water in it.
    ("CTM", 4, r"우유색|우윳빛|유화(?:됨|되|현상)|emulsif\w*|milky"),
    # Fouling or scale on a cooler's tubes or plates: it no longer transfers its heat.
    (
        "IHT",
        4,
        r"(?:tubes?|plates?|튜브|판)[^|]{0,12}?(?:fouled|fouling|scaled|scaling)|(?:scaled|fouled) up|"
        r"(?:튜브|판|plate)[^|]{0,6}?(?:스케일|파울링)|badly fouled",
    ),
    # A closed valve with its downstream side hot or flowing is passing through its seat.
    (
        "LCP",
        4,
        r"(?:닫힌|닫혀 ?있는|전폐)[^|]{0,3}?(?:상태|채)?(?:인데|지만|인데도|에도)[^|]{0,24}?(?:뜨끈|뜨겁|뜨거|따뜻|새고|샘|흐름|흐르)|"
        r"(?<![a-z])(?:letting|lets) by|closed[^|]{0,20}?(?:but|yet|still)[^|]{0,30}?(?:hot|warm|flow\w*)",
    ),
    # A leak from one side into the other ("공기측에서 가스측으로 새는", "air-to-gas leakage").
    (
        "INL",
        4,
        r"(?:측|쪽)에서[^|]{0,6}?(?:측|쪽)으로[^|]{0,4}?(?:새|누설|누기|넘어)|"
        r"(?<![a-z])(?:air|gas|water|oil|steam) ?to ?(?:air|gas|water|oil|steam)(?: side)? (?:leak\w*|carry ?over)",
    ),
    # Material lost or worn through, found on a teardown or a walk-down: erosion, fraying, broken strands.
    (
        "STD",
        4,
        r"침식|(?<![a-z])(?:erosion|eroded|pitting|pitted|frayed|fraying)(?![a-z])|broken strands|소선[^|]{0,3}?(?:끊|단선)|"
        r"떨어져 ?나(?:감|갔)",
    ),
    # A cell or a supply at a low voltage ("셀 몇 개가 1.9 V까지 떨어짐").
    ("FOV", 3, r"(?<![a-z])v 까지(?:떨어|내려|저하|감소)|(?:셀|cell)[^|]{0,8}?전압[^|]{0,4}?(?:떨어|저하|낮)"),
    # A process value against the curve it should follow: a deviation ("0.4 MPa above the sliding-pressure curve").
    ("PDE", 3, r"(?:above|below|off) (?:the )?[a-z ]{0,24}?curve|곡선[^|]{0,4}?(?:보다|대비|이탈|벗어)"),
    # Part travel short of its end when no direction is named: "won't go fully to the collect position".
    ("FTI", 3, r"(?:won t|doesn t|will not|does not) go fully|끝까지 ?(?:안 ?(?:감|가)|못 ?감)"),
    ("UNK", 1, r"상태이상|이상함|이상있|이상 있|이상발생|이상이|문제있|문제발생|abnormal|problem|issue"),
]

_NEGATED_AFTER = re.compile(
    r"^[^|]{0,6}?(?:은|는|이|가)?(?:정상(?=이|임|입|인|으로|적|$| |\|)|없음|없고|없어|없습|양호|문제없|괜찮|normal|ok(?= |$)|"
    r"fine|no problem)"
    r"|^(?:보다는|보다(?!높|낮|크|작|많|적)|말고|아니고|아니라|이아니|가아니|(?:이)?라기 ?보다|(?:이)?라기보단| rather than)"
    r"|^[^|]{0,3}?(?:게|것|건|거)(?:은|는|이|가)? ?아니"
    r"|^ ?(?:위험|우려|가능성|염려|직전|임박|risk|imminent)"
    # "진동 측정용 포인트", "vibration measuring point": what is measured there, not a symptom found.
    r"|^ ?(?:측정용|측정 ?포인트|측정점|감시용|계측용|measuring point|measurement point|monitoring point)"
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


_OIL = re.compile(r"오일|윤활유|유압유|작동유|제어유|밀봉유|절연유|기름|그리스|구리스|누유|oil|lube|hydraulic|grease")
_FUEL = re.compile(
    r"연료|경유|중유|fuel|lng|(?<!배)(?<!배기)(?<!연소)가스(?!켓)|(?<!flue )(?<![a-z])gas(?![a-z])|diesel"
)
_UTILITY = re.compile(
    r"냉각수|cooling water|ccw|ccwp|공기|air(?= |$)|질소|nitrogen|수소|hydrogen|h 2(?= |$)|진공|vacuum"
)
_WATER = re.compile(r"누수|물|water|steam|스팀|증기|응축수|condensate")
_COOLING_WATER = re.compile(r"냉각수|cooling water|(?<![a-z])(?:ccw|ccwp|scw|jacket water)(?![a-z])|쟈켓수|자켓수")
_COOLING_WATER_SYSTEMS = frozenset({"PGB", "MKF"})
_HYDROGEN = re.compile(r"수소|hydrogen|(?:^| )h 2(?= |$)")
_OIL_SYSTEMS = frozenset({"MAV", "MAX", "MKW"})
_FUEL_SYSTEMS = frozenset({"EGB", "EGC"})
_UTILITY_SYSTEMS = frozenset({"PGB", "QFA"})


def leak_medium(canon: str, hit: SymptomHit, system: str | None) -> str:
    """ELP / ELU / ELF: which medium leaks, from the words around the leak or the system."""
    window = canon[max(0, hit.start - 25) : hit.end + 5]
    word = canon[hit.start : hit.end + 2]
    if "누유" in word:
        return "ELU"
    if _COOLING_WATER.search(window) or system in _COOLING_WATER_SYSTEMS:
        return "ELU"  # the conventions code cooling water with the utilities, not the process
    if _HYDROGEN.search(canon) and not _WATER.search(canon[max(0, hit.start - 6) : hit.end + 2]):
        return "ELU"  # "수소 소모량 증가 ... 누설 부위": the generator's hydrogen, however far back
    if _WATER.search(canon[max(0, hit.start - 6) : hit.end + 2]):
        return "ELP"  # water or steam running out is the process medium, whatever the system
    if _FUEL.search(window) or system in _FUEL_SYSTEMS:
        return "ELF"
    if _OIL.search(window) or system in _OIL_SYSTEMS:
        return "ELU"
    if _UTILITY.search(window) or system in _UTILITY_SYSTEMS:
        return "ELU"
    return "ELP"
