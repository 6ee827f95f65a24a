"""Process values out of place: temperature (OHE), differential pressure and blockage (PLU), low
and high output (LOO, HIO), heat transfer (IHT), deviation from a normal or criterion (PDE) and
contamination (CTM).
"""

from pmark3.understanding.symptoms.fragments import DOWN, FLOW, PRESS, TEMP, UP, G

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    ("PDE", 3, r"비중[^|]{0,4}?(?:낮|높|저하)|specific gravity"),
    ("OHE", 3, TEMP + G + UP),
    ("OHE", 3, TEMP + G + r"(?:경보|알람|alarm)"),
    ("OHE", 3, r"\d+ 도[^|]{0,8}?(?:높|상승|올라|증가)"),
    (
        "OHE",
        2,
        r"과열|고온|발열|뜨거|뜨겁|타는냄새|탄내|타는 냄새|연기|그을|overheat|over heat|hot(?= |$)|smok|burning smell|high temp|overtemp",
    ),
    ("PLU", 3, r"(?:(?<!\d )(?<!\d)차압|(?<![a-z])d ?p(?![a-z])|differential pressure)" + G + UP),
    ("PLU", 3, r"막힘|막혀|막혔|막힌|폐색|clog|plugg|chok|block(?:ed|age)|plugged"),
    ("PLU", 2, r"(?<!\d )(?<!\d)차압|(?:^| )d p(?= |$)|(?:^| )dp(?= |$)|differential pressure"),
    ("LOO", 3, PRESS + G + DOWN),
    ("LOO", 3, FLOW + G + r"(?:저하|부족|감소|떨어|안나|low|drop|not enough|insufficient)"),
    ("LOO", 2, r"출력저하|성능저하|효율저하|유량부족|압력부족|low flow|low pressure|low output|performance"),
    ("HIO", 3, PRESS + G + r"(?:과다|너무높|초과|high|too high)"),
    ("HIO", 2, r"과속|오버스피드|overspeed|overpressure"),
    ("PDE", 3, r"(?:전도도|ph|순도|농도|conductivity|purity)[^|]{0,14}?(?:경보|알람|alarm)"),
    (
        "IHT",
        3,
        r"냉각[^|]{0,2}?(?:불량|안됨|부족|저하)|열교환" + G + r"(?:불량|저하)|파울링|fouling|poor cooling|poor heat",
    ),
    ("CTM", 3, r"오염|이물질|수분혼입|유중수분|슬러지|contamina|water in oil|debris"),
    ("LOO", 2, r"discharge pressure \d|풍압[^|]{0,3}?(?:안|부족|저하)"),
    ("PDE", 2, r"유중가스|(?:^| )dga(?= |$)|아세틸렌|acetylene|검출"),
    # "경보"/"alarm" alone says how urgent, not what failed (priority reads it).
    ("PDE", 1, r"편차|설정치이탈|trend|트렌드|deviation"),
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
    ("HIO", 3, r"(?:회전수|속도|rpm|speed)[^|]{0,12}?(?:올라|상승|초과|너무|과다|high)"),
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
        r"막혀|high dp|dp[^|]{0,3}?높|차압[^|]{0,4}?안떨어|슬래깅|클링커|slagging|clinker|(?<!트립)(?<!런백)(?<!runback )(?<!트립이)(?<!인터록)(?<!경보)(?<!알람)(?<!분)(?<!초)(?<!시간)(?<!넘게)(?<!이상)(?<!정도)걸림|코킹|coking",
    ),
    ("IHT", 3, r"냉각[^|]{0,2}?안됨|출구온도[^|]{0,3}?안떨어|not cooling|outlet temp too|fouled"),
    ("HIO", 3, r"회전수[^|]{0,4}?(?:너무|과다)|speed too high"),
    ("PDE", 3, r"분말도|fineness"),
    ("PLU", 3, r"개도[^|]{0,10}?(?:인데|but)[^|]{0,10}?(?:유량|flow)[^|]{0,4}?(?:안|없|no)"),
    (
        "PDE",
        2,
        r"(?:전류|current|amps|레벨|level|수위|유위|유면|압력|pressure)[^|]{0,14}?"
        r"(?:높|낮|저하|상승|증가|감소|올라|내려|떨어|큼|커짐|크다|high|low|rising|dropping|trending)",
    ),
    (
        "PDE",
        2,
        r"(?:전도도|ph|수소순도|순도|농도|비중|습도|산소|o 2|nox|so 2|conductivity|purity)[^|]{0,12}?"
        r"(?:높|낮|저하|상승|증가|감소|떨어|high|low|rising|dropping|falling|decreas|declin)",
    ),
    ("PDE", 2, r"과부하|overload(?! relay)"),
    # A seal-water, lube-oil or cooling pressure out of range is a deviation, not the pump's output.
    (
        "PDE",
        3,
        r"(?:씰|seal|윤활|lube|oil|냉각|cooling|제어|control|공급|supply|흡입|suction)[^|]{0,6}?"
        r"(?:압력|pressure)[^|]{0,6}?(?:높|낮|저하|상승|떨어|high|low|drop)",
    ),
    ("LOO", 3, r"토출(?!밸브|변|댐퍼)[^|]{0,3}?(?:안됨|안돼|안되|불가|없)|no discharge"),
    ("LOO", 3, r"공급[^|]{0,3}?(?:안됨|안돼|불가|중단|부족)|no supply"),
    (
        "PDE",
        2,
        r"(?:유압|이슬점|dew point|oil pressure|hydraulic pressure)[^|]{0,8}?"
        r"(?:높|낮|저하|상승|증가|감소|high|low)",
    ),
    ("CTM", 3, r"유중수분|dirty (?:oil|element)|이물질[^|]{0,2}?많|슬러지"),
    ("OHE", 2, r"뜨끈|뜨뜻|열이?나|냄새"),
    (
        "PDE",
        3,
        r"수소(?:압|[^|]{0,2}?압력|[^|]{0,2}?순도)[^|]{0,10}?(?:떨어|저하|감소|낮|하락)|hydrogen (?:pressure|purity)",
    ),
    ("CTM", 3, r"쇳가루|금속분|metal particles|색깔[^|]{0,3}?(?:이상|변)"),
    ("PLU", 3, r"쌓임|쌓였|퇴적|적체|build ?up|조개|패류|marine growth|붙음|부착"),
    ("PDE", 2, r"불균형|imbalance|unbalance|최저 ?수준|최고 ?수준|하한치|상한치|low low|high high"),
    ("CTM", 3, r"물[^|]{0,2}?섞|수분[^|]{0,2}?(?:혼입|섞)|뿌옇|milky"),
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
    # Battery/charger capacity below its criterion.
    ("LOO", 3, r"용량[^|]{0,12}?(?:미달|부족|저하|낮|떨어)|capacity[^|]{0,12}?(?:low|below|under|down|short|only)"),
    # Heat not reaching the steam, a condenser's cleanliness falling: heat transfer.
    (
        "IHT",
        3,
        r"(?:증기|steam|재열|과열|급수|feedwater)[^|]{0,6}?온도[^|]{0,4}?(?:안올라|안오르|부족)|"
        r"temperature (?:won t|will not|doesn t|does not) (?:rise|come up|increase)|청정도[^|]{0,6}?(?:떨어|저하|낮)|"
        r"cleanliness[^|]{0,8}?(?:low|drop\w*|down)",
    ),
    # Pumping or sucking that does not happen is low output.
    ("LOO", 3, r"(?:흡입|흡인|토출|이송|송출)(?!밸브|변|댐퍼)(?:을|이|가|량|력)?[^|]{0,4}?(?:못|안)(?:함|해|하|됨|되)"),
    # A value against its normal or design value ("정상 0.75 대비 낮게", "below design") deviates.
    (
        "PDE",
        2,
        r"(?:정상|평소|설계|기준|normal|design)[^|]{0,12}?(?:대비|보다|than)[^|]{0,4}?(?:낮|높|low|high)|"
        r"(?:below|above) (?:normal|design)(?= |$)",
    ),
    # A pressure rising past normal is high output (a vessel's or pipe's becomes a deviation).
    ("HIO", 3, r"(?:압력|pressure)[^|]{0,14}?(?:까지|to) ?(?:상승|올라|rose|increased)"),
    # English puts the verb first: "pressure creeping up to 9.8 bar", "press climbed to 1.6 MPa".
    (
        "HIO",
        3,
        r"(?:pressure|(?<![a-z])press)(?![a-z])[^|]{0,14}?"
        r"(?:rose|risen|rising|climb\w*|creep\w* up|crept up|gone up|went up|going up|increased) to \d",
    ),
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
    # Measured above its criterion ("셀이 기준 +30% 넘음"): a deviation.
    (
        "PDE",
        3,
        r"기준[^|]{0,8}?(?:넘음|넘었|넘어섬|넘김|넘어서|넘는|넘어 ?(?:있|버|감|갔))|"
        r"(?:above|over|exceed\w*) (?:the |its )?(?:criterion|criteria|spec|acceptance (?:limit|criterion|value)|alarm limit)(?= |$)",
    ),
    # A feedwater heater's terminal temperature difference widening: heat transfer.
    (
        "IHT",
        4,
        r"(?<![a-z])ttd[^|]{0,20}?(?:벌어|증가|상승|커|높|high|increas\w*|widen\w*|rising)|종단온도차[^|]{0,10}?(?:벌어|증가|커)",
    ),
    # Oil gone milky or emulsified has water in it.
    ("CTM", 4, r"우유색|우윳빛|유화(?:됨|되|현상)|emulsif\w*|milky"),
    # Fouling or scale on a cooler's tubes or plates: it no longer transfers its heat.
    (
        "IHT",
        4,
        r"(?:tubes?|plates?|튜브|판)(?:(?!may |might |could |probably |possibly )[^|]){0,12}?(?:fouled|fouling|scaled|scaling)|"
        r"(?:scaled|fouled) up|"
        r"(?:튜브|판|plate)[^|]{0,6}?(?:스케일|파울링)|badly fouled",
    ),
    # A process value against the curve it should follow: a deviation ("0.4 MPa above the sliding-pressure curve").
    ("PDE", 3, r"(?:above|below|off) (?:the )?[a-z ]{0,24}?curve|곡선[^|]{0,4}?(?:보다|대비|이탈|벗어)"),
]

# After probes10/11.
PATTERNS += [
    # A thermography hot spot or ΔT: overheating.
    (
        "OHE",
        3,
        r"hot ?spots?|핫 ?스[팟폿]|(?:열화상|thermograph\w*|적외선|infrared|(?<![a-z])ir (?:scan|survey|camera|image|window))"
        r"[^|]{0,30}?(?:δt|delta ?t|온도차)",
    ),
    # A temperature read on the IR camera only: as weak as any temperature stated ("열화상 85도, 볼트 풀림" -> the bolts).
    (
        "OHE",
        2,
        r"(?:열화상|thermograph\w*|적외선|infrared|(?<![a-z])ir (?:scan|survey|camera|image|window))[^|]{0,30}?"
        r"\d+ ?(?:c|도|℃)(?![a-z])",
    ),
    (
        "OHE",
        4,
        r"(?:δt|delta ?t)[^|]{0,3}?\d+[^|]{0,16}?(?:vs|대비|than|compared)[^|]{0,6}?(?:the )?(?:other|adjacent|remaining)? ?"
        r"phases?",
    ),
    # A temperature difference between a casing's top and bottom (or any 온도차 alarmed): a deviation.
    (
        "PDE",
        3,
        r"(?:상하|상하부|좌우|top ?(?:and |to )?bottom)[^|]{0,3}?(?:온도차|temperature difference|differential temperature)|"
        r"온도차[^|]{0,12}?(?:경보|알람|alarm|초과|증가|커짐|커졌|벌어)",
    ),
    # A cooler's or heat exchanger's outlet at a stated temperature: heat transfer (the design value beside it).
    (
        "IHT",
        4,
        r"(?:냉각기|쿨러|cooler|열교환기|heat exchanger|(?<![a-z])hx(?![a-z]))[^|]{0,14}?(?:출구|outlet)[^|]{0,10}?"
        r"\d+ ?(?:도|c|℃)(?![a-z])",
    ),
    # A heater that does not heat: its temperature rise only a fraction of design, "가열을 못함".
    (
        "IHT",
        4,
        r"(?:온도 ?상승|temperature rise|temp rise)(?:이|가|폭)?[^|]{0,6}?(?:밖에|뿐|only)|가열(?:을|이)? ?(?:못|안 ?됨|안 ?돼)|"
        r"(?:not|isn t|doesn t|won t) (?:heating|heat up)(?= |$)",
    ),
    # Tubes fouled in plain words ("튜브 오염된 듯", "dirty tubes").
    ("IHT", 4, r"(?:튜브|tubes?)[^|]{0,4}?(?:오염|더러|dirty)|dirty tubes?"),
    # A strainer's or filter's differential pressure alarmed: plugged, whatever got in.
    (
        "PLU",
        3,
        r"(?<!\d )(?<!\d)차압[^|]{0,12}?(?:경보|알람|alarm)|(?<![a-z])(?:dp|differential pressure) (?:high )?alarm",
    ),
    # A pressure "from X to Y" down: low output ("토출압 1.8에서 1.3 bar로 떨어짐").
    ("LOO", 3, PRESS + r"[^|]{0,10}?(?:에서|from) ?[^|]{0,12}?" + DOWN),
    # A pressure above its setpoint written as two numbers ("12 bar 설정인데 16까지 올라감").
    (
        "HIO",
        4,
        r"\d+ ?(?:bar|kpa|mpa|psi|kg|kgf)(?![a-z])[^|]{0,3}?(?:설정|셋팅|세팅|setpoint|set point|set at)"
        r"(?:인데|이지만|이나| but| yet)?[^|]{0,8}?\d+[^|]{0,6}?(?:까지|to)? ?(?:올라|상승|넘|rose|went up|climb\w*|reach\w*)",
    ),
    # A metal (tube, skin, bearing metal) temperature stated: overheating, however slowly it climbs.
    (
        "OHE",
        3,
        r"(?:메탈|metal|튜브|tube|skin|스킨)[^|]{0,2}?(?:온도|temp\w*)[^|]{0,6}?\d+ ?(?:도|c|℃)(?![a-z])",
    ),
]

# After probes12.
PATTERNS += [
    # Raised and it does not follow ("행정을 80%까지 올려도 주입량이 안 늘어남", "raised the speed, flow won't go
    # up"): the machine's output is low, whatever is asked of it (a valve opened and no flow stays a blockage).
    (
        "LOO",
        4,
        r"(?:올려도|올렸는데|높여도|높였는데|늘려도|늘렸는데|키워도|키웠는데|"
        r"(?:even )?(?:after|with|despite) (?:raising|increasing)|raised|increased)(?:[^|]|\| ){0,24}?"
        r"(?:주입량|유량|토출량|공급량|이송량|송출량|풍량|출력|압력|flow|output|pressure|dos(?:e|ing)(?: rate)?|feed rate)"
        r"(?:이|가|은|는)?[^|]{0,4}?(?:안 ?늘|안 ?올라|안 ?오르|늘지 ?않|그대로|변화 ?없|"
        r"(?:doesn t|does not|won t|will not|didn t|did not) (?:increase|go up|rise|come up|budge)|not (?:increasing|rising))",
    ),
    # A casing, frame or surface hot to the hand: the machine overheats, above a current read against normal.
    (
        "OHE",
        3,
        r"(?:표면|외함|케이싱|프레임|몸체|본체|하우징|(?<![a-z])(?:surface|casing|frame|housing|body))(?:이|가|은|는|도)? ?"
        r"(?:(?:is|feels|got|gets|very|really) )?(?:뜨거|뜨겁|뜨끈|뜨뜻|(?<![a-z])(?:hot|warm)(?![a-z]))",
    ),
]
