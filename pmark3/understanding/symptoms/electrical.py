"""Electrical: faults and relays that operated (ELE), breakers that will not close or open (FCO,
FDC), a source's voltage or frequency out of place (FOV, FOF).
"""

from pmark3.understanding.symptoms.fragments import G

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    (
        "ELE",
        3,
        r"절연"
        + G
        + r"(?:저하|불량|낮|파괴)|지락|단락|누전|퓨즈|ground fault|earth fault|short circuit|blown fuse|megger",
    ),
    (
        "FOV",
        3,
        r"전압" + G + r"(?:이상|불안정|변동|높|낮|저하|안올라|안오르|안나|부족)|"
        r"전압[^|]{0,30}?(?:에서|from)[^|]{0,16}?(?:떨어|저하|감소|낮아|dropp|fell|down)|과전압|저전압|over voltage|under voltage|voltage",
    ),
    ("FOF", 3, r"주파수|frequency"),
    ("FCO", 3, r"투입" + G + r"(?:불가|안됨|안돼|실패)|won t close in|fail(?:s|ed)? to close in"),
    ("FDC", 3, r"차단(?!기)" + G + r"(?:불가|안됨|안돼|실패)"),
    ("FDC", 3, r"won t trip|fail(?:s|ed)? to trip|does not trip|didn t trip|트립[^|]{0,4}?안(?:됨|돼|되)"),
    ("ELE", 3, r"절연저항"),
    ("ELE", 2, r"스파크|spark|아크|arcing|부분방전|방전흔적|partial discharge"),
    ("ELE", 3, r"접지[^|]{0,3}?(?:경보|고장|불량|발생|검출)|(?:rotor|field) earth|ground alarm"),
    ("FCO", 3, r"(?:cb|차단기)[^|]{0,4}?(?:클로즈|투입)[^|]{0,3}?(?:안|불가)|breaker won t close|fails? to close in"),
    (
        "FDC",
        3,
        r"(?:cb|차단기)[^|]{0,4}?(?:오픈|개방)[^|]{0,3}?(?:안|불가)|breaker won t open|fails? to open on command",
    ),
    ("FOF", 3, r"주파수[^|]{0,2}?(?:변동|이상)|frequency (?:deviation|wrong)|output frequency"),
    ("FOV", 3, r"출력전압|전압[^|]{0,2}?떨어|voltage unstable|output voltage|under voltage"),
    (
        "ELE",
        3,
        r"절연저하|퓨즈[^|]{0,2}?단선|과전류[^|]{0,4}?(?:계전기|동작)|overcurrent|방전흔적|discharge marks|"
        r"insulation (?:resistance|fail|breakdown|low)",
    ),
    ("ELE", 2, r"과전류|overcurrent|과부하 ?트립"),
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
    # A trip on an electrical fault names its cause (the conventions code that ELE).
    (
        "ELE",
        3,
        r"(?:trip\w*|트립)[^|]{0,4}?(?: on| by| due to)?[^|]{0,16}?(?:over ?voltage|under ?voltage|dc bus|과전압|저전압)|"
        r"(?:과전압|저전압|over ?voltage|under ?voltage|dc bus)[^|]{0,10}?(?:으로|로|에 ?의한)? ?(?:트립|trip)",
    ),
    # A breaker or contactor that will not open, however it was asked (trip command, stop, test).
    (
        "FDC",
        4,
        r"(?:차단기|접촉기|컨택터|breaker|contactor|cb)[^|]{0,30}?(?:개방(?:되지|이)? ?(?:않|안)|안 ?떨어|안열|"
        r"stays? (?:in|closed)|stayed (?:in|closed)|won t open|did not open|didn t open|fail(?:s|ed)? to open)",
    ),
    # A reading that swings between two values: erratic output; a source's voltage that swings is
    # its output voltage.
    (
        "FOV",
        4,
        r"(?:단자전압|출력전압|발전기전압|계자전압|여자전압|(?<![a-z])(?:terminal|output|field|excitation) voltage)[^|]{0,40}?(?:출렁|흔들|변동|헌팅|hunting|swing\w*|"
        r"fluctuat\w*|oscillat\w*|사이로)",
    ),
    # A drive's output frequency swinging is faulty output frequency, however it is written.
    (
        "FOF",
        4,
        r"(?:freq\w*|주파수|(?<![a-z])hz)[^|]{0,40}?(?:swing\w*|fluctuat\w*|oscillat\w*|hunting|흔들|출렁|변동|헌팅|왔다갔다|사이로)",
    ),
    # A cell or a supply at a low voltage ("셀 몇 개가 1.9 V까지 떨어짐").
    ("FOV", 3, r"(?<![a-z])v 까지(?:떨어|내려|저하|감소)|(?:셀|cell)[^|]{0,8}?전압[^|]{0,4}?(?:떨어|저하|낮)"),
]

# After probes10/11.
PATTERNS += [
    # Partial discharge measured (only suspected, it stays the sound that was heard), tracking or corona, a transformer's internal discharge: an electrical fault.
    (
        "ELE",
        3,
        r"(?<![a-z])pd(?![a-z])[^|]{0,12}?\d+ ?(?:pc|nc|db|dbm|mv)(?![a-z])|"
        r"(?<![a-z])tracking (?:marks?|damage|on|across|path)|트래킹|코로나|corona|"
        r"(?:내부|internal)[^|]{0,3}?(?:방전|discharge|arcing|아크)",
    ),
    # A protective relay that operated ("과전류 계전기 떨어짐", "비율차동 계전기 동작으로 트립"): the fault it saw,
    # above the start or trip it caused.
    (
        "ELE",
        4,
        r"(?:과전류|과부하|지락|접지|차동|비율차동|열동|역전력|계자상실|(?<![a-z])ocr)[^|]{0,2}?(?:계전기|릴레이)(?:가|이)?"
        r"[^|]{0,2}?(?:동작|떨어|트립|작동)|(?:differential|diff|reverse power|loss of field|overcurrent|earth fault|ground fault)"
        r" relay (?:operated|picked up|actuated|tripped)",
    ),
    # A charger's, rectifier's or inverter's output voltage gone up or down: faulty output voltage.
    (
        "FOV",
        4,
        r"(?:charger|충전기|정류기|rectifier|inverter|인버터|(?<![a-z])ups(?![a-z])|(?<![a-z])avr(?![a-z])|exciter|여자기)"
        r"[^|]{0,12}?(?:output|출력)(?! ?(?:전류|current|amp))(?: voltage|전압)?[^|]{0,6}?(?:went up|rose|climbed|dropped|fell|went down|up to|down to|"
        r"(?<![a-z])(?:high|low)(?![a-z])|올라|상승|떨어|낮|높|저하|까지)",
    ),
    # A cell's voltage stated ("셀 37번 전압 1.96V", "cell 12 voltage 1.9 V"): the cell's output voltage.
    ("FOV", 3, r"(?:셀|cell)[^|]{0,10}?(?:전압|voltage)[^|]{0,3}?\d+(?: \d+)? ?v(?![a-z])"),
    # A source's output at zero volts while its supply is there: no output.
    ("NOO", 4, r"(?:출력|output)(?:이|가|은|는)? ?0 ?(?:v|볼트)(?![a-z0-9])"),
]

# After probes12.
PATTERNS += [
    # An insulation test out of its acceptance in shorthand ("PI test came out 1.1, below the 2.0", "tan delta 기준 초과"):
    # low insulation (a polarization index is bad low, a dissipation factor high).
    (
        "ELE",
        3,
        r"(?:(?<![a-z])pi(?![a-z])|polari[sz]ation index|성극지수)(?: test| value| result| reading|값|시험)?(?:[^|]|\| ){0,30}?"
        r"(?:below|under|less than|fail\w*|(?<![a-z])low(?![a-z])|미달|낮|부족|불합격|기준 ?이하|이하)|"
        r"(?:tan ?(?:delta|δ)|dissipation factor|유전 ?정접)(?: test| value| result| reading|값|시험)?(?:[^|]|\| ){0,30}?"
        r"(?:above|over|exceed\w*|fail\w*|(?<![a-z])high(?![a-z])|초과|높|증가|불합격|상승)",
    ),
    # A contactor's or breaker's contacts welded: it will not open.
    (
        "FDC",
        4,
        r"(?:contactor|접촉기|컨택터|마그네트|(?<![a-z])mc(?![a-z])|breaker|차단기)(?: contacts?| 주?접점)?[^|]{0,10}?"
        r"(?:융착|welded|stuck (?:closed|shut|in))|주?접점[^|]{0,3}?융착",
    ),
    # Tripped by hand or by its trip push-button and it does not drop out ("수동 트립 버튼 눌러도 안 떨어져요"):
    # the breaker fails to open, with or without the breaker named again.
    (
        "FDC",
        4,
        r"(?:트립|개방|차단|오픈|open|trip)[^|]{0,3}?(?:버튼|스위치|지령|명령|신호|코일|button|command|pb)(?:을|를|이|가|에)?"
        r"[^|]{0,10}?안 ?떨어(?!지는데도)",
    ),
    # The generator's reactive power or field current swinging with the AVR: its output voltage control.
    (
        "FOV",
        4,
        r"(?:무효 ?전력|무효분|(?<![a-z])mvar|reactive (?:power|load)|여자 ?전류|계자 ?전류|field current|excitation current)"
        r"[^|]{0,20}?(?:출렁|흔들|변동|헌팅|hunting|swing\w*|fluctuat\w*|oscillat\w*|wander\w*)",
    ),
    # A discharge heard and named so ("지지직 방전음"): an electrical fault (a crackle only suspected of being
    # partial discharge stays the noise that was heard).
    ("ELE", 3, r"방전 ?(?:음|소리)|(?:discharge|arcing) (?:noise|sound)"),
]
