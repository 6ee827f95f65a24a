"""Commanded and not done as asked: fails to open or close (FTO, FTC), to act on demand (FTF), to
act as intended (FTI), acting late (DOP) or without being asked (SPO).
"""

from pmark3.understanding.symptoms.fragments import G

# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
    ("SPO", 3, r"불시[^|]{0,4}?(?:개방|동작|투입|차단|작동)|unexpected(?:ly)? (?:open|clos|operat)"),
    (
        "FTF",
        3,
        r"자동(?:절체|전환|기동|투입|트립|동작|작동|운전)[^|]{0,4}?(?:안됨|안돼|불가|실패|안되)|"
        r"auto[^|]{0,10}?(?:fail|did not|didn t|won t)",
    ),
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
        r"동작지연|개폐지연|스트로크지연|응답지연|느리게|느림|느려(?:요|서|짐|졌|지)?|느립|slow (?:stroke|response|closing|opening)|delayed|"
        r"slow to (?:close|open|respond|stroke)",
    ),
    (
        "FTI",
        3,
        r"not switching|won t switch|doesn t switch|fail(?:s|ed)? to switch|won t change ?over|not changing over",
    ),
    (
        "SPO",
        3,
        r"오동작|오작동|임의동작|저절로|spurious (?:operation|open|close)|false operation|false trip|nuisance trip",
    ),
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
    ("FTI", 3, r"제어[^|]{0,3}?안(?:됨|돼|되)|수동[^|]{0,6}?만|not controlling|manual only"),
    ("FTF", 3, r"작동[^|]{0,2}?안함|응답[^|]{0,2}?없|won t operate|안움직|권상[^|]{0,2}?안|won t lift"),
    ("FTI", 3, r"제대로[^|]{0,4}?안"),
    ("SPO", 3, r"저절로|operates by itself"),
    ("FTC", 3, r"완전히[^|]{0,2}?안닫|재착좌[^|]{0,3}?(?:안|불|실패)|reseat|fail(?:s|ed)? to reseat"),
    ("DOP", 3, r"동작[^|]{0,2}?느|slow to respond"),
    (
        "FTF",
        3,
        r"추종[^|]{0,3}?(?:안|못|불)|not follow(?:ing)? (?:the )?(?:demand|command|setpoint)|won t engage|"
        r"not engag|안물|물리지않|조작[^|]{0,3}?(?:불가|안됨|안돼|안되)",
    ),
    ("DOP", 3, r"(?:닫힘|열림|개폐|동작|스트로크)[^|]{0,4}?시간[^|]{0,2}?초과"),
    ("DOP", 3, r"too fast|too slow|너무[^|]{0,2}?(?:빨리|빠르|느리)|급개|급폐|slam(?:med)? shut"),
    (
        "FTF",
        3,
        r"not making|접점[^|]{0,3}?불량|contact (?:fail|problem)|토크[^|]{0,3}?(?:트립|스위치)|torque (?:trip|switch)|"
        r"안풀|풀리지[^|]{0,2}?않|won t release|not releas",
    ),
    ("FTI", 3, r"유지[^|]{0,3}?(?:못|안됨|안돼|불가)|can t hold|cannot hold|won t hold|회전[^|]{0,3}?(?:불량|이상)"),
    (
        "FTI",
        3,
        r"화면[^|]{0,3}?(?:멈|정지|안나|안 나)|screen froze|frozen screen|hmi freez",
    ),
    ("SPO", 3, r"혼자[^|]{0,3}?(?:열|닫|동작|움직|켜|꺼|투입|개방)|by itself|on its own"),
    ("DOP", 3, r"(?:닫힘|열림|개폐|동작|스트로크)[^|]{0,4}?지연"),
    ("DOP", 3, r"slow to move|slow moving|moves slowly"),
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
    # A pressure above its setpoint is high output; a relief valve lifting below its set pressure
    # opens spuriously.
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
    # A brake that will not hold is a protective device not acting.
    (
        "FTF",
        3,
        r"브레이크[^|]{0,4}?(?:안잡|안걸|안들|안먹|불량|미동작|작동안)|brakes?[^|]{0,10}?(?:won t|doesn t|didn t|did not|not|fails? to) "
        r"(?:hold|engage|set|grip|work)",
    ),
    # Only one direction or one way works: fails to function as intended, not a stop.
    (
        "FTI",
        3,
        r"(?:하강|상승|정방향|역방향|한쪽|한방향|열림|닫힘|전진|후진|직진|정회전|역회전|정역|좌측|우측)만[^|]{0,2}?"
        r"(?:됨|되|가능|함|해|동작)|only (?:goes|moves|works|runs|travels) (?:up|down|one way|in one direction|forward|backward)",
    ),
    # A switch that should have acted on a real condition and did not: fails on demand.
    (
        "FTF",
        3,
        r"(?:찼는데|됐는데|넘었는데|올라갔는데|도달했는데|full but|is full|reached)[^|]{0,14}?(?:신호|경보|알람|접점|trip|alarm|signal)"
        r"[^|]{0,4}?(?:안|없|no(?= |$)|not|never)",
    ),
    # A relief valve that popped: it opened when it should not have.
    (
        "SPO",
        3,
        r"(?:안전밸브|안전변|릴리프|relief valve|safety valve|(?<![a-z])(?:psv|prv|srv)(?![a-z]))[^|]{0,40}?(?<!안)"
        r"(?:팝|pop(?:ped|s)?(?= |$)|lifted|리프트)(?! ?(?:테스트|시험|test|후|뒤|after|and))",
    ),
    ("FTF", 3, r"doesn t respond|does not respond|didn t respond|did not respond|not responding|unresponsive"),
    # A protection tested or called on that gives no trip: fails on demand.
    (
        "FTF",
        4,
        r"트립[^|]{0,2}?(?:출력|신호|접점)(?:이|가)?[^|]{0,2}?(?:안나|없|안들|안뜸)|"
        r"(?:trip|과속|overspeed)[^|]{0,6}?(?:test|시험)[^|]{0,40}?(?:did not|didn t|failed to|not) trip|"
        r"(?:did not|didn t|failed to) trip at|(?:^| )no trip (?:output|signal|contact)|trip output[^|]{0,6}?(?:did not|didn t|never|missing)",
    ),
    # Started or moved by itself: a spurious operation.
    ("SPO", 3, r"(?:혼자|저절로|스스로)[^|]{0,3}?(?:기동|시동|전진|후진|돌기|작동)|started (?:up )?(?:by )?itself"),
    # A relief valve that blew (분출/취출) is a relief valve that lifted, unless steam or a leak is
    # what is said to blow out of it.
    (
        "SPO",
        3,
        r"(?:안전밸브|안전변|릴리프|(?<![a-z])(?:psv|prv|srv|sv)(?![a-z]))(?:가|이)?(?:(?!누설|증기|스팀|김|물|유|leak|steam)[^|]){0,14}?"
        r"(?:분출|취출)(?! ?(?:테스트|시험|후|뒤))",
    ),
    # A stroke slower than its criterion: delayed operation.
    (
        "DOP",
        3,
        r"(?:닫힘|열림|개폐|동작|스트로크|closing|opening|stroke)[^|]{0,4}?(?:시간|time)[^|]{0,16}?(?:\| )?[^|]{0,4}?"
        r"(?:기준|limit|spec|허용)",
    ),
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
        r"(?:열림|개방|오픈|open|opening|(?<![가-힣])개)[^|]{0,2}?(?:지령|명령|신호|command|signal)[^|]{0,6}?"
        r"(?:절반|반만|중간|일부|\d+ ?%?(?:에서|까지)|더 ?안|멈|stops?|stopped|stall\w*|stuck|stays?|remains?)|"
        r"(?:won t|doesn t|does not|didn t|did not|will not) move(?:[^|]|\| ){0,40}?command\w* (?:open|to open)|"
        r"(?:stays?|stayed|remains?|stuck)[^|]{0,16}?(?:closed|shut)[^|]{0,12}?command\w* (?:open|to open)|"
        r"덜 ?열|not (?:fully|completely) open\w*|failing to open",
    ),
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
    # Moved with nobody asking: "혼자 15%까지 열렸다가", "지령 변화 없는데 갑자기 전개됨", "혼자 앞으로 나갔다가".
    (
        "SPO",
        4,
        r"(?:혼자|저절로|스스로|지령[^|]{0,6}?(?:없는데|없이|안줬는데)|명령없이|"
        r"(?<![a-z])(?:without|with no) (?:a |any )?(?:command|demand|signal) (?:it )?)[^|]{0,14}?"
        r"(?:열렸|열림|열리|닫혔|닫힘|닫히|움직|나갔|나감|들어갔|들어왔|전개|전폐|투입됐|개방됐|open\w*|clos\w*|mov\w*)|"
        r"(?<![a-z])(?:opened|closed|moved|went open|went closed)[^|]{0,20}?(?:without|with no) (?:a |any )?(?:command|demand)",
    ),
    # Part travel short of its end when no direction is named: "won't go fully to the collect position".
    ("FTI", 3, r"(?:won t|doesn t|will not|does not) go fully|끝까지 ?(?:안 ?(?:감|가)|못 ?감)"),
]

# After probes10/11.
PATTERNS += [
    # "close 안됨", "open 불가": a valve written in English with a Korean verb.
    ("FTC", 3, r"(?<![a-z])close[^|]{0,3}?(?:안 ?됨|안 ?돼|안 ?되|불가|불량)"),
    # A controller or sequence that skips a field, a step or a blower, or runs out of order: not as intended.
    (
        "FTI",
        4,
        r"(?<![a-z])skip(?:s|ped|ping)?(?![a-z])|건너 ?뛰|건너뛴|빼먹|스킵|순서(?:대로|가)? ?(?:안|엉|틀|뒤죽)|out of (?:sequence|order)",
    ),
    # A machine that goes to the wrong place in automatic ("적재 위치가 엉뚱하게 감").
    (
        "FTI",
        3,
        r"엉뚱(?:한|하게)[^|]{0,3}?(?:감|가|곳|위치|방향|움직|동작|멈|섬)|goes to the wrong (?:place|position|spot)",
    ),
    # A switch contact that does not make ("압력스위치 접점이 안 붙는 듯"): the protection does not act on demand.
    (
        "FTF",
        4,
        r"(?:접점|contacts?)(?:이|가)? ?(?:안 ?붙|안 ?닫|안 ?들어|not (?:making|closing|made)|didn t (?:make|close)|"
        r"failed to (?:make|close))",
    ),
    # A relief valve that lifted at normal pressure or before its set pressure, or popped and reseated: spurious.
    (
        "SPO",
        4,
        r"(?:설정압|설정치|설정값|set ?point|set pressure|셋팅압|세팅압)[^|]{0,2}?(?:전에|이전에|도달 ?전|되기 ?전|미만에서|"
        r"아래에서|못 ?미쳐)[^|]{0,8}?(?:팝|동작|작동|리프트|열|분출|튀|pop|lift|open)|"
        r"(?:안전밸브|안전변|릴리프|relief valve|safety valve|(?<![a-z])(?:psv|prv|srv)(?![a-z]))[^|]{0,30}?"
        r"(?:정상 ?압력|정상압|normal (?:operating )?pressure)(?:인데|에서|에도|에)[^|]{0,10}?(?:튀|팝|열|리프트|분출|pop|lift|open)|"
        r"(?:튀었|팝|리프트)[^|]{0,6}?(?:다시|재) ?(?:앉|닫|착좌)|(?:popped|lifted) and (?:re ?seated|closed again)",
    ),
    # A command and the time it took, long ("50% 지령 주면 1분 넘게 걸림"): a slow stroke.
    (
        "DOP",
        4,
        r"(?:지령|명령|command)[^|]{0,10}?\d+ ?(?:분|초|min|mins|sec|secs|seconds|minutes)[^|]{0,4}?(?:넘게|이상|가까이|씩)?"
        r"[^|]{0,2}?(?:걸림|걸려|걸리|걸렸)",
    ),
]

# After probes12.
PATTERNS += [
    # A controller sending a command nobody gave ("기동 명령을 임의로 내보냄", "issues a start command on its own"):
    # a spurious operation, not a lost link.
    (
        "SPO",
        4,
        r"임의로[^|]{0,6}?(?:기동|정지|동작|작동|열|닫|개방|폐쇄|투입|차단|내보|내림|내려|출력|명령|지령|움직|돌)|"
        r"(?:명령|지령|신호)(?:을|를)? ?임의로|"
        r"(?:issu\w*|send\w*|sent|gives?|gave|output\w*) (?:a |an )?(?:start|stop|open|close|trip|run)? ?(?:command|signal)s? "
        r"(?:on its own|by itself|unprompted|nobody (?:gave|asked for))",
    ),
    # Commanded one way and it stops at a position on its torque switch ("닫힘 명령 줬는데 토크스위치 동작하면서 90%에서
    # 멈춤"): fails to close/open by the command's direction, not the switch's failure.
    (
        "FTC",
        4,
        r"(?:닫힘|폐쇄|클로즈|close|closing|shut)[^|]{0,2}?(?:지령|명령|command|signal)[^|]{0,30}?\d+ ?%? ?(?:에서|at) ?"
        r"(?:멈|정지|섬|섰|stop\w*|stall\w*|stuck)",
    ),
    (
        "FTO",
        4,
        r"(?:열림|개방|오픈|open|opening)[^|]{0,2}?(?:지령|명령|command|signal)[^|]{0,30}?\d+ ?%? ?(?:에서|at) ?"
        r"(?:멈|정지|섬|섰|stop\w*|stall\w*|stuck)",
    ),
    # A pull cord or emergency stop pulled or pressed and the machine runs on ("풀코드 당겨도 컨베이어가 안 섰음",
    # "비상정지 기능 안 됨"): the protective device fails on demand, not the machine's stop.
    (
        "FTF",
        4,
        r"(?:풀 ?코드|pull ?cords?|비상 ?정지|e ?stop|emergency stop)[^|]{0,20}?"
        r"(?:당겨도|당겼는데|당겻는데|눌러도|눌렀는데|pulled|pressed|tripped|tested)[^|]{0,16}?"
        r"(?:안 ?섬|안 ?서|안 ?섰|안 ?멈|계속 ?(?:돎|돌|운전|가동|움직)|(?:didn t|did not|doesn t|does not|won t) stop|"
        r"kept (?:running|going)|still running)|"
        r"(?:풀 ?코드|pull ?cords?|비상 ?정지|e ?stop|emergency stop) ?(?:기능|function)[^|]{0,3}?(?:안 ?(?:됨|돼|되)|불가|상실|lost|not working)",
    ),
    # A limit switch named at fault and the machine running past its end ("limit switch 불량으로 끝단에서 안 멈추고"):
    # the switch failed to act (running past a limit with no switch blamed stays STP).
    (
        "FTF",
        4,
        r"(?:리밋|리미트|limit) ?(?:스위치|switch)[^|]{0,4}?(?:불량|고장|이상|fault\w*|failed|bad|defect\w*)(?:[^|]|\| ){0,24}?"
        r"(?:안 ?멈|안 ?서|안 ?섬|지나|넘어가|overr\w+|overtravel\w*|(?:didn t|did not|doesn t|does not|won t) stop)",
    ),
]
