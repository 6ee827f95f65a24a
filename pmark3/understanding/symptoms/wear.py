"""Condition: vibration (VIB), noise (NOI), wear, cracks and deterioration (STD), minor problems
such as loose bolts and missing covers (SER), and breakage or seizure (BRD).
"""

from pmark3.understanding.symptoms.fragments import MIMETIC_END

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    ("VIB", 2, r"진동|떨림|떨려|떨리|흔들|vibration|vibrating|shaking|vib(?= |$)|덜덜|부르르"),
    (
        "NOI",
        2,
        r"소음|이음|이상음|굉음|마찰음|타격음|금속음|쇳소리|소리|끼익|딱딱|덜컹|noise|noisy|grinding|rattl|knock|squeal|whin|humming|screech|sound",
    ),
    ("STD", 3, r"균열|크랙|부식|마모|감육|변형|파단|crack|corrosion|corroded|wear|erosion|thinning|deform"),
    ("BRD", 3, r"파손|깨짐|깨졌|깨져|깨진|부러(?!시)|소손|끊어|seized|broken|broke|snapped|burnt out"),
    ("BRD", 2, r"고착|stuck"),
    ("SER", 3, r"커버[^|]{0,3}?(?:파손|깨|탈락)|cover (?:broken|missing)|백화"),
    ("SER", 2, r"볼트풀림|풀림|헐거|보온탈락|보온재|도장박리|loose|녹발생|청소필요"),
    ("SER", 3, r"변색|discolou?r"),
    ("VIB", 2, r"진동값|진동과다|축진동|해머링|water hammer|vib(?:ration)? high|shaking"),
    ("NOI", 2, r"웅웅|쿵쿵|구르는소리|캐비테이션|cavitation|knocking|strange noise"),
    ("BRD", 3, r"고장남|망가|failed completely|breakdown|절단|snapped"),
    (
        "STD",
        3,
        r"찢어(?!질 ?(?:까|수|것|거|우려|위험|듯))|torn|손상|damaged|침식|감육|두께[^|]{0,3}?감소|thinning|support bent|서포트변형|worn|blade wear",
    ),
    (
        "SER",
        3,
        r"커버[^|]{0,3}?떨어|cover loose|외관오염|외함오염|외관[^|]{0,2}?오염|청소[^|]{0,2}?필요|needs cleaning|dusty|먼지|"
        r"명판[^|]{0,2}?탈락|낙탄|스크레이퍼|아이들러|misalign|spillage|scraper|idler|insulation fell|paint peel|"
        r"보온[^|]{0,2}?탈락|도장[^|]{0,2}?박리",
    ),
    ("SER", 3, r"보온[^|]{0,3}?(?:떨어|탈락|손상|파손)"),
    ("STD", 3, r"부풀|swell|bulg"),
    ("BRD", 1, r"고장"),
    ("NOI", 3, r"(?:떨림|덜덜|쿵|딱딱|끼익|덜컹)[^|]{0,2}?소리|chatter"),
    ("STD", 3, r"벌어짐|벌어졌|벌어져|gap opened|찢김|찢겨|찢긴|휨|휘어|휘었|(?<![a-z])bent|warp"),
    ("SER", 3, r"틀어짐|틀어졌|misalign|정렬[^|]{0,2}?불량|얼라인먼트[^|]{0,3}?불량"),
    ("STD", 3, r"두께[^|]{0,6}?(?:미달|부족)|최소 ?두께|below minimum thickness"),
    ("STD", 2, r"erod|burnt|burned"),
    (
        "STD",
        3,
        r"얇아|두께[^|]{0,4}?(?:감소|얇|줄)|금[^|]{0,2}?(?:감|갔)|실금|갈라|쪼개|늘어짐|처짐|녹슴|녹슬|(?<![a-z])rust",
    ),
    ("SER", 3, r"풀렸|풀려|벗겨|박리"),
    ("SER", 2, r"빠짐|빠졌|빠져|탈락|missing|fell off|came off"),
    ("NOI", 2, r"slam|(?<![a-z])bang|쾅"),
    ("STD", 3, r"(?:행거|hanger|서포트|support)[^|]{0,4}?(?:변형|파손|부러|broken|bent)"),
    ("SER", 3, r"쏠림|치우침|한쪽으로[^|]{0,3}?(?:쏠|치우|밀)"),
    ("SER", 3, r"점검창[^|]{0,3}?오염|dirty"),
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
        + MIMETIC_END
        + r")\1|(윙|웅|붕|쿵|탕|땅|틱|찍|끽|삑|징|칙|삐|드르|그르|우르|따닥|끼익|끼릭|삐걱|덜컥|덜그럭|달그락)"
        r"(?:\2|거|대|소리)|"
        r"(?<![a-z])(?:clunk\w*|clank\w*|clatter\w*|buzz\w*|rumbl\w*|racket|tick(?:ing|s)?|click(?:ing|s)?|thump\w*|growl\w*|"
        r"groan\w*|creak\w*|chirp\w*|whir\w*|whistl\w*|squeak\w*|howl\w*|roar\w*)(?![a-z])",
    ),
    # Lining/coating damage and broken wire strands are deterioration, not a breakage or paint.
    (
        "STD",
        3,
        r"(?:라이닝|lining|내화물|refractory|코팅|coating)[^|]{0,4}?(?:박리|탈락|손상|떨어|벗겨|peel\w*|damage\w*|fall\w*)|"
        r"(?:소선|strands?)[^|]{0,8}?(?:끊|단선|파단|broken|snapped)",
    ),
    # Turning it by hand, it will not move: seized.
    (
        "BRD",
        3,
        r"(?:손으로|수동으로|by hand|manually)[^|]{0,12}?(?:꿈쩍|안돌|안움직|won t (?:turn|rotate|budge)|doesn t (?:turn|budge)|"
        r"would not turn)|(?:축|로터|rotor|shaft|커플링|coupling)[^|]{0,10}?(?:꿈쩍|안돌아|잠김|seized|locked)|locked up",
    ),
    # Wall thickness under its limit, in English too.
    (
        "STD",
        3,
        r"thickness[^|]{0,30}?(?:below|under|against|less than|limit)|retirement limit|below (?:the )?(?:minimum|design) "
        r"(?:wall|thickness)",
    ),
    # A tear is damage, whatever made it (a belt that wanders tears at its edge).
    ("STD", 4, r"찢어(?!질 ?(?:까|수|것|거|우려|위험|듯))|(?<![a-z])(?:torn|tearing)(?![a-z])"),
    # A part broken off or out is breakage (ISO 14224's own word for BRD), not the wear its name suggests.
    (
        "BRD",
        4,
        r"(?:깨져|깨진|부러져|부러진)[^|]{0,4}?(?:떨어|빠지|빠졌|빠져|빠짐|탈락)|(?:broke|broken|snapped) (?:off|out)",
    ),
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
    # Creep (swelling of a hot tube) is deterioration, whatever limit it is measured against.
    ("STD", 4, r"크리프|(?<![a-z])creep (?:swell\w*|damage|strain|expansion|crack\w*|life)"),
    # A part that came off its support; paint peeling (with the rust under it) is cosmetic.
    ("SER", 3, r"(?:행거|hanger|서포트|support|지지대)[^|]{0,6}?(?:빠|탈락|missing|fell|came off|loose|풀)"),
    ("SER", 4, r"도장[^|]{0,3}?(?:벗겨|박리|들뜸|들떠)|paint (?:peel\w*|flak\w*)|peeling paint"),
    # Material lost or worn through, found on a teardown or a walk-down: erosion, fraying, broken strands.
    (
        "STD",
        4,
        r"침식|(?<![a-z])(?:erosion|eroded|pitting|pitted|frayed|fraying)(?![a-z])|broken strands|소선[^|]{0,3}?(?:끊|단선)|"
        r"떨어져 ?나(?:감|갔)",
    ),
]

# After probes10/11.
PATTERNS += [
    # Vibration written as a measured level or a spectrum: "3.1 -> 6.8 mm/s", "125 μm", "1X radial", a vane-pass peak
    # that doubled, sidebands.
    (
        "VIB",
        3,
        r"\d+ ?(?:mm s|mm sec|ips|in s|μm|um|microns?|mils?)(?![a-z])(?! ?(?:필터|filter|메쉬|mesh|element|엘리먼트|코팅|coating|도막))|(?:^| )\d+ ?x (?:rpm|running speed|radial|axial|"
        r"component|peak|amplitude|harmonic|vibration)|(?:vane|blade) pass(?:ing)?(?: frequency)?|(?<![a-z])bpf[io]?(?![a-z])|"
        r"gear ?mesh|side ?bands?|spectrum|스펙트럼|베인 ?패스|블레이드 ?패스|사이드 ?밴드",
    ),
    # Mistracking alone is a minor fault; with wear or a tear, the damage is reported.
    ("SER", 2, r"사행"),
    # Corrosion called severe is deterioration, even with the paint peeling over it.
    ("STD", 4, r"부식[^|]{0,4}?(?:심함|심하|심해|심각|과다)|(?:severe|heavy|heavily|bad|badly) corro\w*"),
    # A brush, lining or pad worn short ("브러시가 짧아짐"; a refill interval that got shorter is no wear).
    (
        "STD",
        3,
        r"(?:브러시|브러쉬|brush\w*|카본|carbon|라이닝|lining|패드|pads?|shoes?)[^|]{0,10}?(?:짧아(?:져|졌|짐|지)|닳|"
        r"(?<![a-z])(?:worn(?: down| short)?|too short)(?![a-z]))",
    ),
    # A gauge glass or sight window clouded or dirty: cleaning, a minor fault.
    (
        "SER",
        4,
        r"(?:유리|glass|점검창|sight ?glass|수면계|window)(?:가|이)?[^|]{0,4}?(?:뿌옇|흐려|흐림|흐릿|오염|더러|cloud\w*|fogg\w*|dirty)",
    ),
    # Deformation found (tubes bent, "굽힘 변형 확인"): damage, not the deposit seen with it.
    (
        "STD",
        4,
        r"(?:굽힘|휨|bending|bowing)[^|]{0,2}?변형|변형[^|]{0,2}?(?:확인|발견|발생|심함)|(?:bent|deformed|bowed) tubes?|"
        r"tubes? (?:bent|deformed|bowed)",
    ),
    # Rubbing is heard.
    ("NOI", 2, r"(?<![a-z])rubbing|러빙"),
]
