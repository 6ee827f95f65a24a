"""Leaks: out of the equipment (ELP, the medium decided afterwards by ``leak_medium``), through a
closed seat (LCP) and from one side into the other (INL).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmark3.understanding.symptoms.reader import SymptomHit


# (code, strength, regex); order decides only ties on the same span (see patterns.py).
PATTERNS: list[tuple[str, int, str]] = [
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
    ("ELP", 2, r"뚝뚝|물이?떨어|방울|핀홀|pinhole|누출|escaping|leakage found"),
    ("ELP", 3, r"(?:steam|증기|스팀|gland steam)[^|]{0,3}?(?:누설|leak|샘|새|세(?:는|고|요|어))"),
    ("INL", 3, r"섹터[^|]{0,3}?씰[^|]{0,6}?누설|sector seal|누설률|leakage rate"),
    (
        "ELU",
        3,
        r"오일[^|]{0,3}?(?:샘|새|샌|누설|떨어)|기름[^|]{0,4}?(?:떨어|고임|고여|고인|샘|새)|oil (?:dripping|leak)|leaking oil|"
        r"(?:공기|에어)[^|]{0,2}?(?:샘|새|누설)|air leak|절연유[^|]{0,2}?(?:샘|새|누설)|방열기누유|누유",
    ),
    ("INL", 3, r"leaking internally|수위상승"),
    ("ELF", 3, r"가스[^|]{0,2}?냄새|gas smell|smell of gas"),
    ("LCP", 3, r"닫았는데[^|]{0,6}?흐름|leaks through|leaking through|leak through|passing through|심머링|simmer"),
    ("LCP", 2, r"역류|backflow|reverse flow"),
    # Leaks in operators' words (the medium is decided afterwards).
    (
        "ELP",
        2,
        r"새어나|스며|스미|맺힘|맺혀|맺혔|맺힌|흘러나|흘러내|질질|줄줄|졸졸|똑똑|seep\w*|weep\w*|ooz\w*|trickl\w*|"
        r"dripp\w*|drips|wet (?:spot|patch)|(?:water|워터|물|오일|기름|oil)[^|]{0,5}?떨어|"
        r"(?:오일|기름|윤활유|oil)[^|]{0,3}?번(?:짐|져|졌)|기름기|기름때|oily|oil film|oil mist|물기|방울방울",
    ),
    # A leak from one side into the other is internal.
    (
        "INL",
        3,
        r"(?:안으로|내부로|속으로|쪽으로|측으로)[^|]{0,6}?(?:새|누설|누수|넘어|유입|들어)|leak\w* into|"
        r"(?:로터|rotor|섹터|sector|래디얼|radial|액시얼|axial)[^|]{0,3}?(?:씰|seal)[^|]{0,8}?(?:누설|리크|leak)",
    ),
    # Closed, yet it smells or flows: passing.
    (
        "LCP",
        3,
        r"(?:닫혔는데|닫힌채|닫힌 채|닫혀 ?있는데|closed)[^|]{0,12}?(?:냄새|smell)",
    ),
    # Gas or precharge pressure bleeding away is a leak (the medium decides which code).
    (
        "ELP",
        3,
        r"(?:질소|예압|충전압|봉입압|precharge|nitrogen)[^|]{0,24}?(?:빠짐|빠졌|빠져|새|lost|bled|leak\w*)|"
        r"(?:steam|증기|스팀)[^|]{0,3}?(?:뿜|분출|나옴|나와|blowing|escaping|spray\w*)",
    ),
    ("ELP", 2, r"샌(?=흔적|자국|곳|부위|것|거)"),
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
    # An air line or tubing that burst is air leaking out.
    (
        "ELU",
        4,
        r"(?:공기|에어|air|계장용공기)[^|]{0,4}?(?:튜빙|튜브|tubing|tube|라인|line|호스|hose|배관)[^|]{0,6}?(?:터|파열|burst|split|crack|끊|빠)",
    ),
    # More make-up needed to hold it (gas, oil, water) means it is leaking out (the medium decides).
    (
        "ELP",
        4,
        r"(?:makeup|make up|보충)[^|]{0,24}?(?:up|increas\w*|rising|증가|늘|많아|두 ?배|2 ?배|doubled|twice)(?= |$|[^a-z])",
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
]


# After probes10/11.
PATTERNS += [
    # A hydrogen leak suspected (the purity drop or the make-up is its evidence): the leak is reported.
    (
        "ELP",
        4,
        r"(?:수소|hydrogen|(?<![a-z])h 2)[^|]{0,3}?(?:누설|누기|leak\w*|leek\w*)[^|]{0,4}?(?:의심|suspect\w*|possible|likely)|"
        r"(?:suspect\w*|possible|likely|probable) (?:a )?(?:hydrogen|h 2) (?:leak|leek)\w*",
    ),
    # Seawater into a condenser, read on the conductivity or sodium or said to leak in: a tube leak, not a leak to outside.
    (
        "INL",
        4,
        r"(?:전도도|conductivity|나트륨|sodium)(?:[^|]|\| ){0,60}?(?:해수|seawater|sea water)"
        r"[^|]{0,3}?(?:유입|누입|in ?leak\w*|ingress|leak\w*|누설)|(?:해수|seawater|sea water)[^|]{0,3}?(?:누입|in ?leak\w*|ingress)",
    ),
    # Oil turning up in the cooling water (or water in the oil) of a cooler: leaking tube side.
    (
        "INL",
        4,
        r"(?:oil|water)[^|]{0,6}?(?:is )?(?:showing up|turning up|appearing|found|detected|present|coming out) in the "
        r"(?:cooling )?(?:water|oil)|leak\w* (?:on the )?tube side|(?:냉각수|cooling water)[^|]{0,8}?(?:에서|에)?[^|]{0,3}?"
        r"(?:오일|기름|유분|oil)[^|]{0,4}?(?:나옴|나와|발견|검출|보임|보여|섞)",
    ),
]


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


# After probes12.
PATTERNS += [
    # Oil or water running down, in streaks or pooling ("oil streaks running down the motor frame"): a leak to
    # outside (the medium decides the code).
    (
        "ELP",
        3,
        r"(?<![a-z])(?:oil|water|grease|fluid|diesel)[^|]{0,3}?(?:streaks?|trails?|puddl\w*|pooling|pooled)(?![a-z])|"
        r"(?<![a-z])(?:streaks?|trails?|puddles?|pools?) of (?:oil|water|grease|fluid|diesel)(?![a-z])|"
        r"(?<![a-z])(?:oil|water|grease|fluid|diesel)[^|]{0,12}?(?:running|ran|runs|streaming) (?:down|out|off|onto)(?![a-z])",
    ),
    # A gas detector in alarm and a portable meter reading gas there ("수소 감지기 경보, 휴대용 측정기로 1.2%"): the
    # leak is confirmed, not the detector contradicted (a portable reading of 0 still contradicts it).
    (
        "ELP",
        4,
        r"(?:수소|가스|hydrogen|(?<![a-z])h 2|(?<![a-z])gas)[^|]{0,4}?(?:감지기|검지기|디텍터|detector|sensor)[^|]{0,8}?"
        r"(?:경보|알람|alarm)(?:[^|]|\| ){0,16}?(?:휴대용|휴대형|포터블|portable|hand ?held)[^|]{0,12}?"
        r"(?!0(?: 0+)?(?:$| [^\d]|[^\d ]))\d",
    ),
]
PATTERNS += [
    # Steam heard or seen blowing at a boiler tube section ("수냉벽 쪽에서 증기 분출음", "hissing at the economizer"):
    # a tube leak, internal as the conventions code boiler tubes (a safety valve or drain there is its own).
    (
        "INL",
        4,
        r"(?:수냉벽|수벽|절탄기|과열기|재열기|노벽|보일러 ?튜브|(?<![a-z])(?:water ?walls?|economi[sz]ers?|superheaters?|"
        r"reheaters?|boiler tubes?))(?:(?!안전|릴리프|드레인|벤트|밸브|safety|relief|drain|vent|valve)[^|]){0,16}?"
        r"(?:증기 ?분출|분출음|증기 ?뿜|쉭쉭|(?:steam )?blowing|hiss\w*|steam escaping)",
    ),
]
