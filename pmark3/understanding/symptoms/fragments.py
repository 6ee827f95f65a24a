"""Pieces the symptom patterns share: gaps inside a clause, quantities and directions."""

G = r"[^|]{0,14}?"  # a short gap inside one clause: "|" separates clauses

# "온도차" is a difference between two temperatures, not a temperature.
TEMP = r"(?:온도(?!차)|temp|temperature|권선온도|베어링온도|유온|오일온도|bearing temp|oil temp|top oil)"
# "press" is how English field notes shorten pressure ("discharge press dropped").
PRESS = r"(?:토출압력|토출압|출구압력|압력|pressure|discharge pressure|(?<![a-z])press(?![a-z])|양정|pump head)"
# "load" only as a word: "overload" is no load.
FLOW = r"(?:유량|풍량|airflow|출력(?!전압|주파수)|output(?! voltage| frequency)|(?<![a-z])load|(?<!과)부하|공급량)"
# English words only as whole words ("up" is not inside "coupling").
UP = r"(?:높|상승|올라|증가|올라감|오름|오르(?!내|락)|(?<![a-z])(?:high|higher|rising|rise|rises|increas\w*|up)(?![a-z]))"
DOWN = r"(?:낮(?!춰|추)|저하|떨어|감소|부족|내려|안나|안올라|(?<![a-z])(?:low|lower|drop\w*|decreas\w*|fall\w*|down)(?![a-z]))"

# Hangul syllables ending in ㄱ, ㄹ or ㅇ (final-consonant indices 1, 8, 21): how mimetics end.
MIMETIC_END = "[" + "".join(chr(0xAC00 + (i * 28) + j) for i in range(19 * 21) for j in (1, 8, 21)) + "]"
