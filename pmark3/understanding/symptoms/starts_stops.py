"""Starts and stops: fails to start (FTS) or to stop (STP), stops by itself (UST), and the
standby taking over or missing (LOR).
"""

from pmark3.understanding.symptoms.fragments import G

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    ("FTS", 3, r"(?:주행|운전|가동|구동|기동)[^|]{0,4}?(?:안됨|안돼|불가|안되)"),
    ("FTS", 3, r"기동[^|]{0,5}?(?:안됨|안돼|불가|실패|안되|안됐|못함)|기동불가|기동실패|시동불가|시동안|스타트불가"),
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
        r"트립(?!치)(?![^|]{0,3}?(?:신호|지령|명령|코일|직전|우려|위험|예상|가능|시험|테스트|근접|설정))|trip(?! signal| command| coil| test)(?<!about to trip)|불시정지|자동정지|급정지|갑자기"
        + G
        + r"(?:정지|멈|꺼)|혼자"
        + G
        + r"(?:정지|멈|꺼)|shut down unexpectedly|shutdown unexpectedly|tripped",
    ),
    ("FTS", 2, r"not running|won t run|doesn t run|isn t running"),
    ("LOR", 2, r"이중화상실|redundancy"),
    # "예비기 없음"/"standby unavailable" explain urgency; they name the mode only when nothing else does.
    ("LOR", 1, r"예비기" + G + r"(?:없|불가|상실)|no standby|standby unavailable"),
    ("FTS", 3, r"(?:스타트|기동|시동)[^|]{0,3}?안걸|불이?안붙|won t light|fails? to light"),
    (
        "UST",
        3,
        r"자동정지|갑자기[^|]{0,3}?멈|혼자[^|]{0,3}?정지|운전중[^|]{0,3}?정지|stopped (?:by itself|on its own)|"
        r"sudden stop|풀코드[^|]{0,6}?정지|사행스위치[^|]{0,6}?정지|pull cord|폴트[^|]{0,3}?정지|fault stop|faulted|"
        r"인버터[^|]{0,4}?정지|tripped|트립(?!치)(?![^|]{0,3}?(?:직전|우려|위험|예상|가능|신호|지령|명령|코일|시험|테스트|근접|설정))|폴트|faulted",
    ),
    (
        "UST",
        3,
        r"정지[^|]{0,3}?(?:자동으로|저절로|혼자)|기동[^|]{0,6}?(?:바로|곧|즉시)[^|]{0,3}?(?:정지|트립|멈)|"
        r"trips? (?:right )?after start",
    ),
    ("UST", 3, r"기동[^|]{0,12}?(?:만에|후에?)[^|]{0,3}?(?:정지|트립|멈)"),
    ("UST", 2, r"정지됨|멈춤|멈췄"),
    ("FTS", 3, r"기동[^|]{0,4}?(?:시|할때|하면|하자)[^|]{0,10}?(?:트립|떨어|정지)"),
    (
        "LOR",
        3,
        r"예비채널|리던던시|one channel only|backup (?:channel|cpu)|예비 ?cpu|standby cpu|바이패스[^|]{0,4}?(?:운전|전환)|on bypass",
    ),
    ("LOR", 3, r"이중화[^|]{0,8}?(?:고장|상실|불가|하나)|단독 ?운전|running on one"),
    ("FTS", 3, r"기동하면[^|]{0,10}?(?:떨어|트립|정지)|넣으면[^|]{0,6}?(?:떨어|트립)"),
    ("UST", 3, r"stopped unexpectedly|tripped unexpectedly|unexpected(?:ly)? stop"),
    ("FTS", 3, r"점화[^|]{0,3}?(?:실패|안됨|불가|안돼)|ignition fail"),
    # The duty unit failed and the standby took over: redundancy lost, the function kept.
    (
        "LOR",
        3,
        r"(?:(?<![a-z])[a-d] ?(?:로|으로)|예비(?:기)?로|백업으로|standby로)[^|]{0,3}?(?:자동 ?)?(?:절체|전환|넘어)"
        r"(?:됨|되었|됐|했|완료)|(?:switched|changed|transferred|failed) over to (?:the )?(?:[a-d]|standby|backup)(?= |$)",
    ),
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
    # An engine or turbine that does not come up to speed failed to start.
    (
        "FTS",
        3,
        r"(?:did not|didn t|failed to|won t|does not|doesn t) (?:reach|come up to|get to) (?:its )?(?:rated|full|normal|sync\w*) "
        r"speed|정격(?:속도|회전수)[^|]{0,4}?(?:미달|못|안)",
    ),
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
    ("FTS", 3, r"failing to start"),
    ("STP", 3, r"failing to stop"),
    # Kept running past where it should have stopped: fails to stop.
    (
        "STP",
        4,
        r"(?:후|뒤)(?:에도|인데도)[^|]{0,12}?계속[^|]{0,3}?(?:돌|운전|가동|움직|회전|전진|후진)|"
        r"리밋[^|]{0,4}?(?:지나|넘어|초과)|overtravel\w*|overran|overrun\w*",
    ),
    # Start pressed and nothing happens: the machine fails to start, not a function failing.
    (
        "FTS",
        4,
        r"기동(?:버튼|스위치|명령|지령|신호)?[^|]{0,3}?(?:눌러도|눌렀는데|줘도|줬는데|넣어도|해도)[^|]{0,4}?(?:반응[^|]{0,2}?없|무반응|안 ?됨|꿈쩍)|"
        r"(?<![a-z])(?:pressed |pushed |hit )?start(?: button| command| pb)?[^|]{0,20}?(?:no response|nothing happen\w*|did nothing|does nothing)",
    ),
]

# After probes10/11.
PATTERNS += [
    # An engine that will not crank, a pump that failed to start automatically on its test: fails to start.
    (
        "FTS",
        3,
        r"크랭킹[^|]{0,3}?(?:안|불가|실패|못)|(?:won t|doesn t|didn t|did not|fail(?:s|ed)? to|not) crank\w*|no crank\w*|"
        r"(?:fail(?:s|ed)? to|did not|didn t|won t|does not|doesn t) auto ?start",
    ),
]

# After probes12.
PATTERNS += [
    # "안 서요" is "will not stop" ("펌프가 정지 버튼에 안 서요", "컨베이어가 안 섬").
    (
        "STP",
        3,
        r"(?:정지|스톱|stop)[^|]{0,12}?안 ?(?:서요|서네|서고|서서|섬|섰|선다)(?![가-힣])|"
        r"(?:펌프|팬|모터|모타|컨베이어|벨트|설비|기계|크레인)(?:가|이|는)? ?안 ?(?:서요|서네|섬|섰|선다)(?![가-힣])",
    ),
]
