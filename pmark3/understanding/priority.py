"""Priority from cue words (priorities.csv plus plant phrasing).

Cue strength: 3 for explicit requests ("긴급", "우선처리로", "급한 건 아니고",
"다음 O/H 때"), 2 for hazards (fire, smoke, trip, major steam leak), 1 for context
("경보", "alarm", "예비기 없음"). The strongest cue decides; between equally strong cues
the more urgent one wins. With no cue the priority is 3 (normal). Words that are also
ordinary Korean ("높음", "보통", "일반") are not cues on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmark3.catalog import Catalog
from pmark3.understanding.textnorm import canonical

# The pieces of "a protective device that did not act on its test".
_TEST = r"(?:(?:시험|테스트|(?<![a-z])test)(?! ?(?:위치|position))|(?:secondary|primary|relay|current) injection)"
_PROTECTIVE = (
    r"(?:(?<!limit )(?<!control )(?<!selector )switch|(?<!리미트)(?<!리밋)(?<!절환)(?<!선택)(?<!조작)스위치|"
    r"차단기|breaker|(?<![a-z])acb|계전기|relay|인터록|interlock)"
)
_NOT_ACTED = (
    r"(?:미동작|부동작|동작 ?(?:을 ?)?안|안 ?(?:붙|떨어|열|움직)|개방 ?(?:안|되지 ?않)|"
    r"(?:did not|didn t|failed to|fails to|never|won t|would not|wouldn t) (?:act|actuate|operate|trip|pick up|open|make|change)\w*|"
    r"no trip(?: output)?)"
)

# (priority, strength, regex on canonical text)
CUES: list[tuple[int, int, str]] = [
    (
        1,
        3,
        r"긴급|비상|즉시|당장|지금바로|급함|급해|급합니다|급하게|급히|시급|emergency|urgent|immediately|asap|right now",
    ),
    (
        1,
        2,
        r"감전|다칠|접근금지|출입금지|인명피해|personnel hazard|safety risk|safety hazard|"
        r"(?:누출|폭발|화재|감전|사고)[^|]{0,2}?위험",
    ),
    # A priority asked for by number ("우선순위 1로", "priority 2") is the strongest cue there is.
    (1, 4, r"우선순위 ?1(?= |$)|(?:^| )priority 1(?= |$)|(?:^| )p 1(?= |$)|1 순위"),
    (2, 4, r"우선순위 ?2(?= |$)|(?:^| )priority 2(?= |$)|(?:^| )p 2(?= |$)|2 순위"),
    (3, 4, r"우선순위 ?3(?= |$)|(?:^| )priority 3(?= |$)|(?:^| )p 3(?= |$)|3 순위"),
    (4, 4, r"우선순위 ?4(?= |$)|(?:^| )priority 4(?= |$)|(?:^| )p 4(?= |$)|4 순위"),
    (
        1,
        2,
        r"화재|불남|불이|연기|폭발|부상|인명|안전사고|발전정지|강제정지|런백|출력감발|수소누설|대량누설|증기누설|스팀누설|트립|정전|분출|"
        r"(?:^| )(?:fire|smoke|explosion|injury|mft|runback|forced outage|unit trip|trip|tripped|steam leak|hydrogen leak|major leak)(?= |$)",
    ),
    # Hazards by family rather than by word: a fuel-gas leak or gas found where it should not be;
    # a protection that can no longer act ("사고 나도 차단 못 함", "protection lost"); the unit's
    # load already cut (감발, "load reduced to 400 MW" is a runback by hand); steam blowing out;
    # a running machine that stopped by itself (a trip by another name).
    (
        1,
        2,
        r"(?:lng|(?<!배)(?<!배기)(?<!연소)(?<!flue )가스(?!켓))[^|]{0,6}?(?:누설|누출|새|샘|냄새)|"
        r"(?<!flue )(?:lng|fuel gas|natural gas|gas)(?: [a-z]+)? (?:leak\w*|smell)|smell of gas|"
        r"(?<!배기)가스[^|]{0,3}?(?:검지|검출|감지)(?!기)|가스검지기[^|]{0,3}?(?:경보|알람|동작)|gas (?:detected|alarm)|"
        r"보호(?:기능)?[^|]{0,4}?(?:상실|불가|무력|안됨|안 ?되|안 ?돼|못)|(?:사고|고장|fault)[^|]{0,8}?차단[^|]{0,3}?(?:못|불가|안됨)|"
        r"(?:^| )(?:protection (?:lost|unavailable|defeated|out)|no protection|unprotected|can t trip|cannot trip)(?= |$)|"
        r"감발|(?:부하|load|출력)[^|]{0,12}?(?:감소시|줄였|줄임|내림|내렸|낮춤|낮췄)|"
        r"(?:^| )(?:load (?:reduced|reduction|cut|shed)|reduced (?:the )?(?:unit )?load|derated to \d+)(?= |$)|"
        r"뿜어|뿜고|뿜는|내뿜|(?:^| )(?:blowing (?:out|steam)|gushing)(?= |$)|불시정지|자동정지",
    ),
    (
        2,
        3,
        r"우선처리|우선으로|우선 처리|우선(?:검토|조치|확인|점검|분석|처리|수리|정비|교체|대응|봐)|expedite|"
        r"(?:^| )(?<!normal )(?<!routine )(?<!low )(?:priority please|please prioriti[sz]e|give it priority)(?= |$)|우선순위높|우선순위를높|빨리|신속|서둘|오늘중|오늘안|금일중|금일|"
        r"오늘[^|]{0,4}?(?:점검|조치|처리|확인|봐|내|까지)|오늘밤|24 시간내|교대전|근무중에|퇴근전|내일까지|내일아침|"
        r"(?:^| )(?:end of (?:the )?(?:day|shift)|by tomorrow|before (?:the )?(?:weekend|night shift|end of shift))(?= |$)|"
        r"high priority|as soon as possible|today|tonight|within 24 hours|priority 2|before (?:the )?(?:start ?up|shutdown)|"
        r"우선순위[^|]{0,4}?올려|올려주세요|raise (?:it|the priority)|escalate|bump (?:it )?up|"
        r"빠른[^|]{0,2}?(?:조치|확인|처리|점검|수리|대응|정비)|(?<![a-z])(?<!de )prioriti[sz]e",
    ),
    # A fault that keeps coming back, worsens, or has no standby behind it ("재발", "증가 추세").
    (
        2,
        1,
        r"재발|또다시|반복[^|]{0,3}?(?:발생|고장|됨|되)|(?:증가|상승|늘어나는|늘어|올라가는)[^|]{0,2}?추세|"
        r"예비기[^|]{0,8}?(?:고장|정비중|수리중|정비|없|불가)|"
        r"(?:^| )(?:repeat|repeated|repeating|recurring|recurrence|trending up|third time)(?= |$)|"
        r"standby[^|]{0,25}?(?:out of service|unavailable|is out|down|maintenance)",
    ),
    # Still getting worse (rising vibration or temperature is 2 by the conventions), a backup
    # that is gone, or an emergency machine that fails when tried (its backup role is lost).
    (
        2,
        1,
        r"(?<!김이)(?<!연기가)(?<!증기가)(?<!스팀이)계속[^|]{0,3}?(?:오르|올라(?!옴|와)|상승|증가|높아|늘어|늘고|나빠|심해)|(?:오르는|올라가는|상승하는|증가하는|늘어나는) ?중|"
        r"(?:^| )(?:no [a-z ]{0,20}?backup|no longer any backup|getting worse|worsening|and climbing|still climbing|keeps climbing)(?= |$)|나빠지고 ?있|나빠지는 ?중|악화(?:되고|되는|중)|점점[^|]{0,6}?(?:나빠|심해|커지|높아)|(?:진동|vibration)[^|]{0,30}?(?:올라감|올라갔|올라가|뛰고|뛰었|튀어 ?올|(?<![a-z])(?:rose|jumped|climbed|increased)(?![a-z]))|"
        r"(?:비상|emergency)[^|]{0,6}?(?:백업|backup)[^|]{0,4}?(?:없|상실|lost|gone)|"
        r"비상드레인[^|]{0,3}?(?:사용|운전)|emergency drain[^|]{0,6}?(?:in service|open|on)(?= |$)|"
        r"(?:edg|eop|비상 ?디젤|비상발전기|emergency diesel|emergency oil pump|직류[^|]{0,4}?펌프|(?:^| )dc [a-z ]{0,10}?pump)"
        r"[^|]{0,30}?(?:실패|fail\w*|안 ?됨|안 ?돼|불가|won t|안 ?걸|not start|did not|didn t|not reach|미달|shut down on|never fired)",
    ),
    (4, 3, r"우선순위[^|]{0,4}?낮춰|낮춰주세요|lower the priority|downgrade|de ?prioriti[sz]e"),
    (
        2,
        1,
        r"(?<!오)(?<!허위)경보|(?<!오)알람|예비기"
        + r"[^|]{0,6}?(?:없|불가)|예비없|진동증가|진동상승|출력제한|이중화상실|단일전원|단독운전|"
        r"backup[^|]{0,4}?없|혼자[^|]{0,3}?(?:돌고|돌아|운전|가동|담당|버티)|단독으로[^|]{0,3}?(?:운전|가동)|alone now|"
        r"(?:running|carrying|operating) (?:on )?(?:[a-z0-9]+ ){0,3}alone|(?:failed|switched) over to|계속상승|계속올라|계속[^|]{0,2}?(?:떨어|감소|하락)|(?:바이패스|bypass)[^|]{0,4}?운전|(?:^| )(?:on|in) bypass(?= |$)|단독으로[^|]{0,3}?부하|(?:진동|vibration)[^|]{0,4}?(?:급상승|증가|상승|increas|rising)|"
        r"(?:^| )(?:alarm|alarms|standby unavailable|no standby|redundancy lost|derate|rising vibration|no backup|"
        r"and rising|still rising|keeps rising)(?= |$)",
    ),
    # --- Families added after the probes6 blind set ----------------------------------------
    # A person nearly hurt, or the area closed off around the fault: a personnel hazard.
    (
        1,
        2,
        r"말려 ?들어|끼일 ?뻔|다칠 ?뻔|협착|아차사고|출입 ?통제|통제(?:함|했|중)|"
        r"(?:^| )(?:near miss|roped off|cordoned off|barricaded|could have (?:hurt|injured|caught))(?= |$)",
    ),
    # Someone asked for now.
    (1, 3, r"(?:^| )need (?:someone|somebody|help|you|a crew|people|a team) (?:now|right away|asap)(?= |$)"),
    # The other train or an auxiliary drive carrying the duty now, a control loop fallen back to
    # manual or single element, the standby itself faulty, a machine taken out of use, a machine
    # that started by itself: the redundancy or the control is gone.
    (
        2,
        1,
        r"(?:(?<![a-z])[a-d]|예비|대기|보조)(?: ?(?:펌프|팬|기|모터|motor|pump|fan))?(?:로|으로) ?(?:자동 ?(?:운전|전환|절체|기동)|운전 ?중)|"
        r"단요소로|(?:^| )(?:dropped|tripped|went|kicked|fell) (?:out )?(?:in)?to manual(?= |$)|"
        r"수동(?:으로|로)? ?(?:넘어|떨어|전환됨|전환되)|(?:예비|대기)[^|]{0,8}?(?:거꾸로|역회전|역으로)|"
        # A "do not use" tag hung (사용금지) is 2; a machine only stopped from use ("사용 중지함", "tagged out",
        # "taken out of service") is 3 in every labeled set (R7083, R8102, R9080, R12098).
        r"사용 ?금지|(?:하역|운탄|이송|작업)[^|]{0,2}?(?:중지|중단)(?:함|했|됨|중)|"
        r"(?:혼자|저절로|스스로)[^|]{0,3}?(?:기동|시동|작동|전진)|started (?:up )?(?:by )?itself",
    ),
    # To be seen before the machine is used or started again: a deadline.
    (
        2,
        3,
        r"(?:기동|터닝|운전|사용|가동|투입|병입|재기동)[^|]{0,5}?전에[^|]{0,10}?(?:봐야|점검|확인|수리|조치|필요|해야|해주|부탁)|"
        r"(?:^| )before (?:the )?next (?:use|start|run|lift|startup)(?= |$)",
    ),
    # Planned for the outage: the next opportunity.
    (
        4,
        3,
        r"(?:^| )(?:plan|schedule|do|defer|leave|wait|hold)[^|]{0,16}? (?:for|until|till|at|during|in) the (?:next )?"
        r"(?:outage|shutdown|overhaul)(?= |$)|"
        # "put it on the outage list", "add it to the next shutdown scope"
        r"(?:^| )(?:on|to|in) the (?:next )?(?:outage|shutdown|overhaul|o h) (?:list|scope|work ?list|package)(?= |$)",
    ),
    # --- Families added after the probes7 blind set ----------------------------------------
    # A machine smoking (any form of the word); a turbine's protective valve or a generator's field
    # breaker that does not close/open when tested or commanded: the protection is not there.
    (1, 2, r"(?:^| )(?:smoking|smoked|smoke coming)(?= |$)"),
    (
        1,
        2,
        r"(?:인터셉트|intercept|(?:주증기|재열|고압|중압|터빈)[^|]{0,3}?정지밸브|stop valve|trip valve|계자차단기|field breaker|발전기차단기|generator breaker)"
        r"[^|]{0,30}?(?:안 ?닫|안 ?떨어|절반만|멈춤|fail\w* to (?:close|open|trip)|won t (?:close|open|trip)|"
        r"(?:didn t|did not|wouldn t|would not|doesn t|does not) (?:fully )?(?:close|open|trip))",
    ),
    # One side of a redundant pair gone, the other carrying alone; an emergency drain opened to hold a level.
    (
        2,
        1,
        r"단일[^|]{0,6}?(?:운전|가동)|이중화[^|]{0,6}?(?:한쪽|하나|one side)[^|]{0,4}?(?:고장|상실|불량|fail)|"
        r"(?:^| )(?:single|one) (?:card|cpu|channel|controller|processor) (?:only|left|running)(?= |$)|"
        r"(?:비상드레인|emergency drain)(?! ?(?:밸브|valve))[^|]{0,3}?(?:열어|열고|열었|열림|개방(?:함|중|해)|사용)",
    ),
    # "내일 조치해도 됨": a stated wait downgrades whatever happened (as "can wait until tomorrow").
    (
        3,
        3,
        r"(?:내일|나중|주간|낮)[^|]{0,6}?(?:해도|하셔도) ?(?:됨|돼|되|괜찮)|기다려도 ?(?:됨|돼|되|괜찮)|"
        # "can wait for the next outage" names its time (4); "can wait until day shift" only says it is no rush.
        r"(?:^| )can wait(?= |$)(?! (?:for|until|till) (?:the )?(?:next )?(?:outage|shutdown|overhaul|o h|turnaround))",
    ),
    # Protection that did not act when tested or called on: the protection is lost.
    (
        1,
        2,
        r"(?:protection|protective|보호)[^|]{0,12}?(?:relay|계전기)[^|]{0,30}?(?:did not|didn t|fail\w*|not pick|미동작|부동작|"
        r"동작 ?안|안 ?함|불응|안 ?나|출력[^|]{0,3}?(?:없|안))",
    ),
    # --- Families added after the probes10/11 blind sets -------------------------------------
    # A breaker, trip switch or protective switch that did not act on its test (protection, relay
    # injection, functional, auto-start test): when it is called on for real it will not act either.
    # Limit, control and selector switches are not protective.
    (
        1,
        2,
        rf"{_TEST}[^|]{{0,40}}?(?:\| [^|]{{0,10}}?)?{_PROTECTIVE}[^|]{{0,30}}?{_NOT_ACTED}|"
        rf"{_PROTECTIVE}[^|]{{0,30}}?{_TEST}[^|]{{0,15}}?{_NOT_ACTED}|{_PROTECTIVE}[^|]{{0,30}}?{_NOT_ACTED}[^|]{{0,30}}?{_TEST}",
    ),
    # A fault that had to be cleared upstream because the breaker would not open at all.
    (
        1,
        2,
        r"(?:^| )(?:had to )?isolate(?:d)? (?:it )?(?:from )?upstream(?= |$)|(?:^| )(?:open|trip)[^|]{0,25}? or locally(?= |$)|"
        r"상위 ?차단기(?:로|를|에서) ?(?:끊|차단|개방|트립|열)",
    ),
    # A hydrogen leak in any wording ("H2 누설 의심", "hydrogen leek"); a leak test or detector is no leak.
    (
        1,
        2,
        r"(?:(?:^| )h 2|수소|hydrogen)(?:(?!냉각|cool)[^|]){0,4}?(?:누설|누출|(?<![a-z])leak\w*|(?<![a-z])leek\w*)(?! ?(?:시험|테스트|test|detector|검지기))",
    ),
    (1, 3, r"(?:^| )immediate(?= |$)(?! (?:area|vicinity|surroundings))"),
    # An emergency drain carrying the heater's drains ("비상배수로만 빼는 중", "비상배수밸브 동작 중",
    # "열려있음"); a valve that opened by itself or strokes slowly is the valve's own fault.
    (
        2,
        1,
        r"(?:비상 ?배수|비상 ?드레인)(?:로만?|으로만?) ?(?:빼|배수|운전|돌리|잡)|"
        r"(?:비상 ?배수|비상 ?드레인) ?(?:밸브|valve)?(?:가|이)*[^|]{0,2}?(?:동작 ?중|열려 ?있|개방 ?(?:중|되어|돼)|사용 ?중)",
    ),
    # Output held down ("출력 450MW로 제한중", "load limited to 450 MW"): a derate.
    (2, 1, r"(?:출력|부하)[^|]{0,12}?제한|(?:^| )(?:load|output) (?:is )?limited(?= |$)|limited to \d+ ?mw"),
    # Still going up, in any wording; growing vibration; a value that keeps leaving its setpoint.
    (
        2,
        1,
        r"(?:^| )(?:still|keeps|kept|keep|is|s|and) going up(?= |$)|going up (?:slowly|fast|steadily|again)|"
        r"계속[^|]{0,3}?(?:오름|올랐)|(?:진동|vibration)[^|]{0,30}?(?:커졌|커짐|커졋|커지)|계속[^|]{0,6}?(?:이탈|벗어나)",
    ),
    # A safety valve lifting on a pressure that rose (HIO); lifting below its set pressure ("팝핑") is the valve's own fault.
    (2, 1, r"안전밸브(?:가|이)?[^|]{0,2}?(?:작동|동작(?! ?직전)|픽업|취출)"),
    # Seawater getting into the condenser side.
    (2, 1, r"(?:해수|seawater|sea water)[^|]{0,6}?(?:유입|누입|혼입|leak\w*|ingress|in ?leakage)"),
    # --- Families added after the probes12 blind set ------------------------------------------
    # The standby that took the duty by itself ("예비 A는 자동기동 됨", "B채널로 자동 절체됨"), or one
    # machine or channel left carrying it ("B 하나로만 운전 중", "C 한 대로만 운전"): the backup is in use.
    (
        2,
        1,
        r"(?:예비|대기)(?:기|펌프|팬|모터|측|쪽)?[^|]{0,6}?(?:자동 ?(?:기동|투입|절체|전환)|자동으로 ?(?:기동|투입|절체|전환))"
        r"(?! ?(?:안|실패|불|시험|테스트|test|되지|못))|"
        r"(?:(?<![a-z])[a-d]|(?<![\d.])\d) ?(?:채널|계열|channel|측|쪽)(?:로|으로) ?자동 ?(?:절체|전환|기동)|"
        r"(?:하나|한 ?채널|한 ?계열)(?:로|으로|만으로)만? ?(?:운전|가동|돌고|돌아|버티)|"
        r"한 ?대(?:로만|만으로) ?(?:운전|가동|돌고|돌아|버티)",
    ),
    # The standby that did not start when called on ("자동기동 안 됨", "didn't start on auto"): no backup.
    (
        2,
        1,
        r"자동 ?기동(?:이|은)? ?(?:안 ?(?:됨|돼|되|했|함|걸)|실패|불가|못)|"
        r"(?:^| )(?:didn t|did not|failed to|fails to|won t|wouldn t|would not|never) (?:auto ?)?start(?:ed)? (?:on auto|automatically)(?= |$)|"
        r"(?:^| )(?:auto ?start (?:failed|did not happen)|standby (?:function|capability) (?:is )?(?:lost|gone|unavailable))(?= |$)",
    ),
    # A value close to its trip or alarm limit, or the limit stated beside it ("trip 설정은 110도",
    # "경보치 근접", "not much margin left"): 2 by the conventions. ("트립 직전" still reads the trip: 1.)
    (
        2,
        1,
        r"(?:트립|trip|경보|알람|alarm)[^|]{0,2}?(?:설정(?:치|값)?|세팅|setting|set ?point|setpoint|치|값|레벨|level)"
        r"(?:은|는|이|가|이 ?다)? ?(?:is )?(?:at )?\d|"
        r"(?:트립|trip|경보|알람|alarm)[^|]{0,4}?(?:직전|근접)|"
        r"(?:^| )(?:not much|little|no) margin(?= |$)",
    ),
    # A sudden rise ("급증", "급격히 증가"): a worsening trend.
    (2, 1, r"급증|급상승|급격히[^|]{0,2}?(?:증가|상승|올라|늘)"),
    # Higher than at an earlier time ("지난주 대비 2배", "석 달 전 대비 급증"); a comparison with the usual
    # value ("평소보다 8도 높음") is no trend and stays 3.
    (
        2,
        1,
        r"(?:지난 ?(?:주|달|번|점검|측정)|어제|그제|전월|전주|(?:\d+|한|두|세|석|몇) ?(?:일|주|주일|달|개월) ?전)"
        r"[^|]{0,8}?대비 ?(?:\d+(?: \d+)? ?배|두 ?배|급증|증가|상승)",
    ),
    # Still falling, as a trend ("진공도 조금씩 떨어지는 추세", "keeps dropping"): like a rising one.
    (
        2,
        1,
        r"(?:떨어지는|감소하는|하락하는|내려가는|줄어드는|낮아지는|감소|하락|저하) ?추세|"
        r"(?:^| )(?:trending down|keeps (?:dropping|falling)|still (?:dropping|falling))(?= |$)(?! out)",
    ),
    # Stopped only with the emergency stop ("비상정지 버튼으로 세움", "had to pull the pull-cord"): the normal
    # stop failed on a running machine.
    (
        2,
        1,
        r"비상 ?정지 ?(?:버튼|스위치|풀 ?코드|pb)?(?:으로|로|를|을)? ?(?:세움|세웠|눌러서|눌렀|당겨서|당겼|정지시|멈춤|멈췄)|"
        r"(?:^| )(?:had to |we )?(?:pull(?:ed)? the pull ?cord|(?:hit|pressed|used) the (?:e ?stop|emergency stop))(?= |$)",
    ),
    # An alarm standing, in English ("the PD monitor is alarming", "zone 4 in alarm").
    (2, 1, r"(?:^| )(?:alarming|alarmed|in alarm)(?= |$)"),
    # A hydrogen detector in alarm: hydrogen in the air around the machine.
    (
        1,
        2,
        r"(?:수소|(?:^| )h 2 ?|hydrogen )(?:감지기|검지기|detector|gas detector)[^|]{0,3}?(?<!오)(?<!허위)(?:경보|알람|동작|alarm)",
    ),
    # Priority work asked for ("정밀진단 우선 요청합니다").
    (2, 3, r"우선 ?(?:요청|부탁)"),
    # The next planned inspection of the equipment ("for the next tank inspection", "다음 탱크 검사 때").
    (
        4,
        3,
        r"(?:^| )(?:for|at|during|until|till|in) the next (?:[a-z0-9]+ ){0,2}(?:inspection|outage|shutdown|overhaul|turnaround)(?= |$)|"
        r"다음[^|]{0,6}?(?:검사|개방 ?검사)[^|]{0,2}?(?:때|시(?!험)|에|까지)",
    ),
    # The priority put back to normal ("drop it to normal please").
    (
        3,
        3,
        r"(?:^| )(?:drop|lower|put|set|change|move|bring|take) (?:it|this|the priority|priority)(?: back)?(?: down)? to "
        r"(?:normal|routine|p 3|3)(?= |$)",
    ),
    (
        3,
        3,
        r"(?:^| )(?:not an emergency|no emergency|not a (?:priority 1|trip))(?= |$)|긴급(?:은|한 ?건|한 ?거)? ?아니|"
        r"이번주|점검요망|확인요망|보통으로|일반으로|일반작업|경미함|(?:^| )(?:this week|routine|when possible)(?= |$)|"
        r"(?:보통|일반|통상)[^|]{0,2}?우선순위|우선순위[^|]{0,2}?(?:보통|일반|통상)|"
        r"(?:^| )(?:normal priority|priority (?:is )?normal|routine priority|standard priority)(?= |$)|"
        r"(?:^| )(?:not|won t be|isn t) needed (?:until|till|before)(?= |$)|(?:까지|전까지)[^|]{0,3}?(?:필요없|안써|안쓰|쓸일없)",
    ),
    (
        4,
        3,
        r"급하지않|급한건아니|급하진않|급한거아니|급한(?:건|거|것은|게)아님|안급|나중에|시간날때|시간있을때|틈날때|한가할때|여유있을때|계획정비|계획예방정비|다음정지|다음 정지|정지시(?!험|킴|켰|켜|키)|예방정비|오버홀|"
        r"(?:^| )o h(?= |$)|정기점검|여유있|개선|"
        r"다음[^|]{0,4}?(?:정비|정지|보수|기회|휴지|점검|계획|o h|outage)[^|]{0,2}?(?:때|시(?!험)|에|까지)|"
        r"(?:^| )(?:next (?:shutdown|outage|maintenance|opportunity|stop|pm|major|inspection))(?= |$)|"
        r"(?:^| )(?:no hurry|not urgent|planned|next outage|overhaul|scheduled maintenance|preventive maintenance|"
        r"when convenient|improvement|low priority)(?= |$)",
    ),
]

_SKIP = frozenset(
    {"높음", "낮음", "보통", "일반", "통상", "경미", "우선", "low", "normal", "minor", "inspect", "priority", "high"}
)
_NEGATED_BEFORE = re.compile(
    r"(?:^| )(?:not|no|isn t|is not|won t|doesn t|didn t|does not|did not|fail(?:s|ed)? to|안|no need (?:for|of))(?: an| a)? ?$"
)
# "연기는 안 남", "자동 정지가 안 돼서": the cue is what did not happen.
_NEGATED_AFTER = re.compile(
    r"^[^|]{0,4}?(?:은|는|이|가)?(?:아니|아님|아닌|없|x(?= |$))|^(?:은|는|이|가)? ?안 ?(?:남|나|났|됨|돼|되)"
)


# "emergency drain valve", "비상발전기": an equipment name, not an urgency.
_NAME_AFTER = re.compile(
    r"^ ?(?:drain|diesel|generator|gen(?= |$)|lighting|light|lights|stop|shutdown|dump|bearing|oil|seal|lube|feed|"
    r"spray|cooling|power|bus|board|makeup|make up|드레인|발전기|디젤|조명|정지밸브|유펌프|윤활유|밀봉유|급수|"
    r"전원|배수|살수|냉각|용|시(?=에|$| )|"
    # "비상정지 버튼으로 세움", "비상정지 눌렀어요": the emergency-stop device, not an urgency.
    r"정지 ?(?:버튼|스위치|풀 ?코드|pb|장치|회로|(?:를|을)? ?(?:눌|당겨|당겼|당김))|정지(?:로|으로) ?(?:세|멈))"
)
_FALSE_ALARM_BEFORE = re.compile(r"(?:오|허위|false |spurious |nuisance )$")
# "정지 알람이 허위로 뜸", "the alarm is false": the alarm is the fault, said after it.
_FALSE_ALARM_AFTER = re.compile(
    r"^(?:이|가|은|는)? ?(?:허위|거짓|가짜|헛)|^ (?:is|was) (?:false|spurious|a false)(?= |$)"
)
_BY_HAND = re.compile(r"수동|by hand|manual|locally|현장에서 ?(?:수동|직접)")
# "정기점검에서 발견": where it was found. "정기점검 때 확인" stays a timing (check it then).
_FOUND_IN = re.compile(
    r"^ ?(?:에서|중에?|during)[^|]{0,8}?(?:발견|측정|확인(?:됨|했|된|되었)|found|noticed|seen|measured)"
)
_FEARED_AFTER = re.compile(
    r"^[^|]{0,4}?(?:으로|로)? ?(?:번질|이어질|커질|될|날|갈)(?:까|지도|수도)|^[^|]{0,3}?(?:우려|걱정|염려)|"
    r"^ (?:could|might|may) (?:develop|happen|follow|result)"
)
_PAST_BEFORE = re.compile(r"(?:지난|지난번|저번|이전|last|previous|during the|at the last)(?: |)$")
# "과전류 계전기 동작으로 트립": the relay acted and the machine tripped, a trip like any other.
_TRIPPED_BY = re.compile(r"(?:동작|작동)(?:으로|해서|하여|돼서|되어)$|(?:operated|acted) and $")
_TRIP_SETTING = re.compile(
    r"^ ?(?:설정|세팅|치|값|레벨|(?:set ?point|setpoint|setting|set at|point|level|limit|value)(?= |$)|is (?:at )?\d)"
)
_PROTECTION_BEFORE = re.compile(r"relay|계전기|ocr|overload|thermal|과부하|토크|torque|(?:^| )ol(?= |$)")


def _bounded(word: str) -> str:
    """A cue as a regex; Latin/digit ends sit on token boundaries ("low" not inside "flow")."""
    head = r"(?:^| )" if word[0].isascii() and word[0].isalnum() else ""
    tail = r"(?= |$)" if word[-1].isascii() and word[-1].isalnum() else ""
    return head + re.escape(word) + tail


@dataclass(frozen=True)
class PriorityCue:
    priority: int
    strength: int
    start: int
    end: int


class PriorityReader:
    def __init__(self, catalog: Catalog) -> None:
        cues = list(CUES)
        for p, row in catalog.priorities.items():
            words = [canonical(w) for w in (*row.cue_words_ko, *row.cue_words_en)]
            words = [w for w in words if w and w not in _SKIP]
            alt = "|".join(_bounded(w) for w in sorted(words, key=len, reverse=True))
            cues.append((p, 2 if p in (1, 4) else 1, f"(?:{alt})"))
        self._compiled = [(p, s, re.compile(rx)) for p, s, rx in cues]

    def learn(self, alias: str, priority: int) -> None:
        self._compiled.insert(0, (priority, 3, re.compile(re.escape(canonical(alias)))))

    def find(self, canon: str) -> list[PriorityCue]:
        found: list[PriorityCue] = []
        for p, s, rx in self._compiled:
            for m in rx.finditer(canon):
                if m.end() == m.start():
                    continue
                if m.group(0).strip() in ("emergency", "비상") and _NAME_AFTER.match(canon[m.end() :]):
                    continue
                if _FALSE_ALARM_BEFORE.search(canon[max(0, m.start() - 6) : m.start()]):
                    continue  # "오경보", "false alarm": the alarm is the fault, not an urgency
                if re.search(r"(?:경보|알람|alarm)$", m.group(0)) and _FALSE_ALARM_AFTER.match(canon[m.end() :]):
                    continue
                negated = _NEGATED_BEFORE.search(canon[: m.start()]) or _NEGATED_AFTER.match(canon[m.end() :])
                is_trip = "트립" in m.group(0) or "trip" in m.group(0)
                if is_trip and re.match(r"^ ?(?:on )?(?:신호|지령|명령|코일|signal|command|coil)", canon[m.end() :]):
                    continue  # "트립 신호 줬는데": a command, not a trip
                if is_trip and _TRIP_SETTING.match(canon[m.end() :]):
                    continue  # "트립설정 110도", "trip setpoint is 110": a setting, not a trip
                if (
                    is_trip
                    and _PROTECTION_BEFORE.search(canon[max(0, m.start() - 25) : m.start()])
                    and not _TRIPPED_BY.search(canon[max(0, m.start() - 8) : m.start()])
                ):
                    continue  # "overload relay tripped": the protection did its job
                if is_trip and _BY_HAND.search(canon[max(0, m.start() - 12) : m.end() + 14]):
                    continue  # "수동 트립 버튼으로 개방", "had to trip it by hand": an operator's action
                if p == 4 and s >= 2 and _FOUND_IN.match(canon[m.end() :]):
                    continue  # "정기점검에서 발견": where it was found, not when to fix it
                if p == 4 and s >= 2 and _PAST_BEFORE.search(canon[max(0, m.start() - 8) : m.start()]):
                    continue  # "지난 O/H 작업분": the last outage, not the next one
                if negated and p in (1, 2):
                    continue  # "급한 건 아니고" is caught as a p4 cue itself
                if p == 1 and s == 2 and _FEARED_AFTER.match(canon[m.end() :]):
                    # "수소 누설로 번질까 걱정됨": a hazard feared, not happening - the worry is context.
                    found.append(PriorityCue(2, 1, m.start(), m.end()))
                    continue
                found.append(PriorityCue(p, s, m.start(), m.end()))
        found.extend(PriorityCue(2, 1, a, b) for a, b in numeric_rises(canon))
        found.extend(PriorityCue(2, 1, a, b) for a, b in earlier_lower(canon))
        # Overlapping cues: keep the strongest.
        found.sort(key=lambda c: (-c.strength, c.priority, c.start))
        kept: list[PriorityCue] = []
        for c in found:
            if any(c.start < k.end and k.start < c.end for k in kept):
                continue
            kept.append(c)
        kept.sort(key=lambda c: c.start)
        return kept


# A temperature or vibration written as two values, the second higher ("74→88℃ 상승", "went 3.1 → 6.8
# mm/s", "3.5에서 5.2mm/s로 올라감"): a rising trend (2). Canonical text keeps the digits of "3.1 → 6.8" as
# "3 1 6 8", so the values are read back from the groups of digits: one group a side, or two (a decimal).
_RISE_UNIT = r"(?:도|c|℃|mm s|μm|µm|um|mils|mil)"
_RISE_RUN = re.compile(
    rf"(?<![\w.])\d+(?: \d+)?(?: ?{_RISE_UNIT}(?![a-z가-힣]))? ?(?:에서|from|to)? ?\d+(?: \d+)?(?: ?{_RISE_UNIT}(?![a-z]))?"
)
_RISE_CONTEXT = re.compile(
    r"진동|진둥|(?<![a-z])vib|vibration|온도|temp|메탈|metal|권선|winding|베어링|베아링|bearing|brg"
)
_VIB_UNIT = re.compile(r"(?:mm s|μm|µm|um|mils|mil)$")
_RISE_AFTER = re.compile(
    r"^ ?(?:로|으로|까지)? ?(?:계속|점점|급|빠르게)? ?(?:상승|증가|올라|오름|올랐|늘|높아|뛰|(?:rose|rising|risen|climb\w*|increas\w*|up)(?= |$))"
)
_RISE_BEFORE = re.compile(r"(?:상승|증가|(?:^| )(?:went|rose|risen|climbed|increased|gone)(?: up)?(?: from)?) ?$")
_SWING = re.compile(r"사이|왔다갔다|헌팅|hunting|출렁|흔들|between|swing|oscillat|튀|jump")


def _values(groups: list[str]) -> float | None:
    if len(groups) == 1:
        return float(groups[0])
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    return None


def numeric_rises(canon: str) -> list[tuple[int, int]]:
    """Spans where a temperature or vibration is written rising from one value to a higher one."""
    spans: list[tuple[int, int]] = []
    for m in _RISE_RUN.finditer(canon):
        text = m.group(0)
        clause_start = canon.rfind("|", 0, m.start()) + 1
        clause_end = canon.find("|", m.end())
        clause = canon[clause_start : clause_end if clause_end >= 0 else len(canon)]
        if _SWING.search(clause):
            continue
        before, after = canon[max(clause_start, m.start() - 12) : m.start()], canon[m.end() : m.end() + 10]
        if not (_RISE_AFTER.match(after) or _RISE_BEFORE.search(before)):
            continue
        unit_ends = _VIB_UNIT.search(text.strip())
        if not (unit_ends or _RISE_CONTEXT.search(canon[max(clause_start, m.start() - 30) : m.start()])):
            continue
        # The two sides: split at a unit or 에서/from/to, else halve the digit groups.
        parts = [p for p in re.split(rf" ?(?:{_RISE_UNIT}|에서|from|to)(?![a-z]) ?", text) if p.strip()]
        sides = [p.split() for p in parts]
        if len(sides) == 1:
            groups = sides[0]
            # "2.5도 상승" is one value: two bare groups are two values only when neither is a decimal's digit.
            if len(groups) not in (2, 4) or (len(groups) == 2 and min(len(g) for g in groups) < 2):
                continue
            half = len(groups) // 2
            sides = [groups[:half], groups[half:]]
        if len(sides) != 2:
            continue
        a, b = _values(sides[0]), _values(sides[1])
        if a is not None and b is not None and b > a:
            spans.append((m.start(), m.end()))
    return spans


# A vibration or temperature given now and then its value at an earlier time, lower ("진동 7.5mm/s, 지난주엔 3
# 정도였음", "6.2 mm/s, was 2.9 last week"): it has risen since. The usual value ("평소 60도") is no time.
_EARLIER = (
    r"(?:지난 ?(?:주|달|번|점검|측정)|어제|그제|전날|전월|전주|(?:\d+|한|두|세|석|몇) ?(?:일|주|주일|달|개월) ?전)"
    r"(?:에는|엔|에|은|는|만 ?해도)? ?"
)
_EARLIER_KO = re.compile(_EARLIER + r"(\d+(?: \d+)?)(?! ?(?:일|주|달|개월|시|분|호기|번|회|년))")
_EARLIER_EN = re.compile(
    r"(?:^| )(?:was|were|from) (?:about |around |only |just )?(\d+(?: \d+)?)(?: [a-zμµ]+){0,2} "
    r"(?:last (?:week|month)|yesterday|a (?:week|month) ago|\d+ (?:days|weeks|months) ago)(?= |$)"
)
_NUMBER = re.compile(r"(?<![\w.])(\d+)(?: (\d+)(?![\w.]))?")


def earlier_lower(canon: str) -> list[tuple[int, int]]:
    """Spans where a value is followed by its lower value at an earlier time."""
    spans: list[tuple[int, int]] = []
    for rx in (_EARLIER_KO, _EARLIER_EN):
        for m in rx.finditer(canon):
            before = canon[max(0, m.start() - 40) : m.start()]
            if not _RISE_CONTEXT.search(before):
                continue
            numbers = list(_NUMBER.finditer(before))
            if not numbers:
                continue
            last = numbers[-1]
            now = _values([g for g in last.groups() if g])
            then = _values(m.group(1).split())
            if now is not None and then is not None and then < now:
                spans.append((m.start(), m.end()))
    return spans


def decide(cues: list[PriorityCue]) -> PriorityCue | None:
    if not cues:
        return None
    return min(cues, key=lambda c: (-c.strength, c.priority))
