"""Nothing specific: a modification or a record that disagrees (OTH), and something off with
nothing named (UNK).
"""

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    ("OTH", 2, r"둥지|새집|nest|bird"),
    (
        "UNK",
        2,
        r"뭔가[^|]{0,2}?이상|(?:원인|이유)[^|]{0,6}?(?:모르|모름|미상|불명|파악안|확인안)|원인불명|"
        r"something wrong|not right|unknown cause|cause (?:is )?(?:unknown|not known)|not sure (?:what|why)|"
        r"don t know (?:what|why)",
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
    ("UNK", 2, r"문제같|문제인것같|문제인듯|쪽문제|쪽이문제"),
    # Record and item disagree: nameplate vs datasheet, turning the wrong way, installed backwards.
    (
        "OTH",
        3,
        r"(?:nameplate|name plate|datasheet|data sheet|명판|도면|사양서|데이터시트)[^|]{0,40}?(?: but |however|whereas|인데|다름|달라|"
        r"상이|불일치|differ|mismatch)|(?:회전 ?방향|rotation|direction)[^|]{0,6}?(?:반대|거꾸로|reverse|wrong)|역회전|"
        r"reverse rotation|wrong direction|(?:반대|거꾸로)[^|]{0,4}?(?:설치|돌)|installed (?:backwards|reversed|the wrong way)",
    ),
    # A range or a mounting place to be changed: a modification, not a failure.
    (
        "OTH",
        4,
        r"(?:range|레인지|측정범위|설치 ?위치|위치)[^|]{0,14}?(?:변경|이설|이전|옮|changed?|relocat\w*|moved?)(?= |$|[^a-z])",
    ),
    # An improvement asked for (a platform, a measuring point, a cable re-routed) is a
    # modification only when nothing wrong is read with it: the work orders end fault reports with "개선
    # 요청" ("진동 큼. 개선 요청"), and "피복 손상 ... 덮개 개선 요청" reports the damage.
    (
        "OTH",
        1,
        r"개선(?:요청|건|필요|바람|요망|사항|해 ?주)|추가 ?설치|설치(?:해 ?주|요청|요망|바람)|경로 ?변경|"
        r"(?<![a-z])(?:improvement|modification) (?:request|needed|wanted)|request(?:ing)? an? (?:improvement|modification)",
    ),
    ("UNK", 1, r"상태이상|이상함|이상있|이상 있|이상발생|이상이|문제있|문제발생|abnormal|problem|issue"),
]

# After probes12.
PATTERNS += [
    # A replacement that does not fit what it replaces ("교체용 모터 축 높이가 기존이랑 달라서", "bolt pattern doesn't
    # match", "won't fit"): a modification to make, not a failure of the machine.
    (
        "OTH",
        4,
        r"(?:축 ?높이|축고|치수|사이즈|규격|볼트 ?(?:구멍|홀|간격)|피치|직경|구경|(?<![a-z])(?:dimensions?|shaft height|"
        r"bolt (?:pattern|holes?|circle)|footprint|flange rating))(?:이|가|은|는)?[^|]{0,12}?"
        r"(?:달라|다름|다르|안 ?맞|상이|불일치|differ\w*|mismatch\w*|(?:doesn t|does not|don t|do not) match)|"
        r"(?<![a-z])(?:won t|doesn t|does not|will not|didn t|did not) fit(?![a-z])",
    ),
]
