"""Instruments that read wrong: readings that stick, drift, jump, read zero or are contradicted
by a second measurement (AIR, ERO, NOO), and signals or communications lost (PTF).
"""

from pmark3.understanding.symptoms.fragments import G

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
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
    (
        "ERO",
        3,
        r"(?:신호|지시|값|signal|reading|indication)[^|]{0,5}?(?:흔들|출렁|튀|요동|fluctuat|unstable|jump|hunting)",
    ),
    (
        "NOO",
        3,
        r"(?:표시|지시|신호|출력|output|display|indication)[^|]{0,4}?(?:안나|없|안들어|안뜸|안떠)|blackout|no power|"
        # "정전 협의 필요", "정전 작업 때": a planned outage to work in, not a supply lost.
        r"정전(?! ?(?:협의|작업|필요|요청|계획|허가|일정|승인|신청|후|되면|시키|해서|하고|해야))",
    ),
    ("NOO", 3, r"(?:표시|지시|신호|display|indication)[^|]{0,4}?(?:안됨|안돼)"),
    (
        "PTF",
        3,
        r"통신"
        + G
        + r"(?:두절|불량|장애|에러|이상|끊|안됨|안돼|안되|상실|fail|error|lost|down)|통신두절|신호단선|단선|communication|"
        r"comm(?:s|unication)? (?:fail\w*|fault|loss|lost|error|down)|lost comm\w*|signal loss|link down|no communication",
    ),
    ("NOO", 2, r"출력없음|무출력|신호없음|전압없음|전원안|전원이안|no output|no signal|no voltage|dead"),
    ("ERO", 3, r"헌팅|hunting|출렁|요동|불안정|oscillat|fluctuat|unstable|erratic|흔들리는 지시"),
    (
        "AIR",
        3,
        r"(?:분석값|측정값|지시값|표시값)[^|]{0,3}?(?:이상|틀|안맞)|"
        r"wrong (?:temperature |pressure |level |flow )?reading|spikes? but|no real|실제[^|]{0,6}?없",
    ),
    (
        "AIR",
        3,
        r"bad sensor|faulty sensor|sensor fault|sensor failure|센서불량|센서고장|bad (?:rtd|tc|transmitter|probe)",
    ),
    ("PTF", 2, r"선택이안|선택안"),
    ("AIR", 3, r"(?:낮게|높게|다르게|이상하게|엉뚱하게)[^|]{0,3}?(?:나옴|나와|표시|읽|찍)"),
    (
        "AIR",
        3,
        r"값이[^|]{0,2}?이상|지시값[^|]{0,2}?틀|현장(?:값|게이지|지시)[^|]{0,4}?(?:다름|달라|차이)|reading frozen|"
        r"bad indication|doesn t match|deviates from|채널[^|]{0,4}?차이|한쪽[^|]{0,6}?(?:높게|낮게)|온도값[^|]{0,2}?이상|"
        r"갭전압[^|]{0,2}?이상|갭전압|gap voltage",
    ),
    ("ERO", 3, r"왔다갔다|제어가?안잡|개도[^|]{0,2}?출렁|position oscillat|valve hunting"),
    # "bad" alone is a DCS quality flag; "my bad" is an apology.
    ("NOO", 3, r"신호[^|]{0,2}?없음|아무값도|먹통|reading zero|shows bad|(?<!my)(?:^| )bad(?= |$)"),
    ("PTF", 3, r"링크다운|link down|no comms|feedback (?:lost|loss)|피드백[^|]{0,3}?(?:없|끊|안)"),
    ("AIR", 3, r"(?:sensor|transmitter|rtd|probe|thermocouple|센서|전송기)[^|]{0,3}?(?:failed|fault|broken|고장|불량)"),
    ("AIR", 3, r"실제[^|]{0,2}?보다|than actual|(?:적게|많게|크게|작게)[^|]{0,3}?(?:나옴|나와|표시|지시|읽)"),
    ("ERO", 3, r"(?:개도|지시|position)[^|]{0,3}?(?:떨림|흔들)"),
    ("AIR", 3, r"피드백[^|]{0,3}?(?:이상|틀|불량|안맞)|feedback (?:wrong|error|mismatch)"),
    ("PTF", 3, r"전원[^|]{0,3}?(?:상실|끊|나감|없|차단됨)|power (?:loss|lost|failure)|loss of power"),
    ("NOO", 3, r"no flow|유량[^|]{0,2}?없|zero flow"),
    ("AIR", 3, r"drift|드리프트|영점[^|]{0,3}?(?:틀|이탈|변동|안맞)|disagree|don t agree|do not agree|mismatch"),
    ("AIR", 3, r"다고[^|]{0,2}?(?:나옴|나와|표시|뜸|떠|지시)|(?:있는데|없는데)[^|]{0,8}?(?:없다|있다)"),
    ("AIR", 3, r"(?:reading|reads|지시)[^|]{0,14}?(?:lower|higher|less|more) than|than (?:lt|pt|tt|ft|te|tc)(?= |$)"),
    (
        "ERO",
        3,
        r"왔다리|갔다리|오락가락|왔다 ?갔다|들쭉날쭉|널뛰|"
        r"(?:전류|current|압력|pressure|수위|온도|유량)[^|]{0,3}?(?:튐|튀|맥동|pulsat|hunting|헌팅|요동|출렁)|"
        r"(?:압력|수위|온도|유량|제어)[^|]{0,3}?안잡",
    ),
    ("AIR", 3, r"off from|differs? from|different from|\d+ (?:c|도) off"),
    ("NOO", 3, r"지시[^|]{0,3}?0(?= |$)(?! \d)|reads? 0(?= |$)(?! \d)"),
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
    # The thing itself is fine, the signal says otherwise: the detector's reading is wrong.
    (
        "AIR",
        4,
        r"(?:멀쩡|정상)(?:한데|하는데|인데|이지만|인데도)[^|]{0,14}?(?:신호|지시|표시|경보|알람|나옴|뜸|보냄|보내)|"
        r"(?:계|계기|게이지|지시계|전송기|센서|gauge|sensor|transmitter|indicator|rtd)[^|]{0,3}?(?:불량|고장|오류|faulty|bad|fault)"
        r"(?:으로|로| ?같| ?보)",
    ),
    # A reading that swings between two values: erratic output; a source's voltage that swings is
    # its output voltage.
    (
        "ERO",
        3,
        r"\d+[^|]{0,6}?(?:에서|~|과|and|to) ?\d+[^|]{0,8}?사이(?:로|에서)?[^|]{0,4}?(?:튐|튀|출렁|왔다갔다|흔들|변동|오르내|헌팅)|"
        r"(?:cycling|swinging|oscillating) between|계속 ?튐|계속 ?튀",
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
    # A value that does not move while the process does is a frozen reading ("값이 5.8에서 안 움직임").
    (
        "AIR",
        4,
        r"(?:값|지시|지시값|reading|value|indication)(?:이|가|은|는)?[^|]{0,12}?"
        r"(?:안 ?움직|안 ?변|변화 ?없|그대로 ?고정|(?<![a-z])(?:not moving|not changing|doesn t change|won t change))",
    ),
]

# After probes10/11.
PATTERNS += [
    # A reading or indication stuck fast ("지시 고착", "변화 없이 일정값만 유지"): the instrument's, not a seizure.
    (
        "AIR",
        3,
        r"(?:지시|지시값|표시|값|수치|reading|indication)(?:가|이)? ?고착|(?:변화|변동)(?:가)? ?없이[^|]{0,4}?"
        r"(?:일정|같은 ?값|고정|그대로)|일정값[^|]{0,3}?(?:만 ?)?(?:유지|고정)",
    ),
    # A needle or pointer held at one value ("바늘이 40도에 딱 고정"): the gauge reads wrong.
    ("AIR", 3, r"(?:바늘|지침|needle|pointer)(?:이|가)?[^|]{0,12}?(?:고정|멈춰|멈췄|안 ?움직|꿈쩍|stuck|frozen)"),
    # A level, limit or pressure switch stuck in one state ("level switch stuck high", "스위치 계속 high"):
    # its signal is wrong (one "stuck" that never acts on demand stays FTF).
    (
        "AIR",
        4,
        r"(?:스위치|switch)(?:가|이|는)?[^|]{0,6}?(?:stuck|고착|계속|항상|늘|always|constantly|permanently|latched)"
        r"(?: (?:in|at|on))?(?: the)?[^|]{0,3}?(?:high|low|하이|로우|알람|alarm|(?<![a-z])on(?= |$)|(?<![a-z])off(?= |$))",
    ),
    # The sensor itself named as the problem ("센서 문제 같아요", "transmitter issue").
    (
        "AIR",
        4,
        r"(?:센서|전송기|계기|온도계|압력계|지시계|(?<![a-z])(?:rtd|tc)(?![a-z])|열전대|sensor|transmitter|instrument)"
        r"(?:가|이|의|쪽)? ?(?:문제|problem|issue)(?!없)",
    ),
    # One sensor or channel spiking ("진동센서 한 채널만 튐"): the instrument, not the quantity it measures.
    ("AIR", 3, r"(?:센서|sensor|채널|channel|probe|프로브)(?:만|only)? ?(?:튐|튀|spik\w*|jump\w*)"),
    # The field gauge reads normal while the transmitter alarms: a cross-check, the transmitter is wrong.
    (
        "AIR",
        4,
        r"(?:현장|로컬|local|field) ?(?:게이지|계기|지시계|gauge|indicator)(?:는|은|로는|에서는|상으로는)? ?"
        r"(?:정상|normal|ok|fine|reads? normal)",
    ),
]

# After probes12.
PATTERNS += [
    # An alarm called false in any wording ("정지 알람이 허위로 뜸", "false flame-loss alarms", "헛알람"): the
    # detector's signal is wrong, whatever it alarms on ("false trip" stays a spurious operation).
    (
        "AIR",
        4,
        r"허위(?:로|의)? ?(?:경보|알람|신호|뜸|뜨|떠|발생|지시|표시)|(?:경보|알람|alarm)(?:이|가|은|는)?[^|]{0,4}?허위|"
        r"(?:헛|거짓) ?(?:경보|알람)|(?<![a-z])(?:false|spurious|phantom|bogus) (?:[a-z]+ ){0,3}?alarms?(?![a-z])",
    ),
    # The machine plainly running while its switch or detector says it stopped ("로터는 잘 돌고 있는데 정지 알람"):
    # the detector reads wrong.
    (
        "AIR",
        4,
        r"잘 ?(?:돌고|돌아가고|운전되고|가동되고|운전 ?중|가동 ?중|회전하고)(?: ?있)?(?:는데|인데|지만)[^|]{0,14}?"
        r"(?:신호|지시|표시|경보|알람|정지 ?(?:표시|신호|알람|경보))",
    ),
    # A display or screen gone dark ("계전기 화면이 꺼져 있어요", "HMI blank"): nothing is output (one only
    # frozen stays FTI, one greyed out with its link lost stays PTF).
    (
        "NOO",
        3,
        r"(?:화면|디스플레이|표시창|액정|(?<![a-z])(?:display|screen|hmi|lcd))(?:이|가|은|는)? ?"
        r"(?:꺼져|꺼짐|꺼졌|안 ?켜|까맣|검게|나갔|나감|(?:is |went |gone )?(?:blank|dark|dead)(?![a-z])|went out)",
    ),
    # A thermocouple's or RTD's junction or element named bad: the sensor, not a dead signal.
    (
        "AIR",
        3,
        r"(?<![a-z])bad (?:junction|element|thermocouple|hot junction|cold junction)|"
        r"(?:junction|element|thermocouple|(?<![a-z])tc)(?: \d+)? (?:failed|is bad|gone bad|open)(?![a-z])",
    ),
]
