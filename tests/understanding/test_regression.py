"""The shared sample (25 labeled requests) and the dev split as regression checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmark3.evaluation import Example, default_path, load_examples
from tests.understanding.conftest import Understand

SAMPLE = Path(__file__).with_name("data") / "requests.sample.jsonl"
# Requests written by the parser's author without looking at the parser's output first, then
# used to find what it missed; labeled by the same conventions as the dev split.
PROBES = Path(__file__).with_name("data") / "probes.jsonl"
WEIGHTS = {"location": 0.3, "equipment_type": 0.3, "status_code": 0.25, "priority": 0.15}


def _score(understand: Understand, examples: list[Example]) -> tuple[float, dict[str, float], int]:
    right = dict.fromkeys(WEIGHTS, 0)
    weighted = 0.0
    guessed = 0
    for ex in examples:
        _, f = understand(ex.text, ex.history)
        e = ex.expected
        ok = {
            "location": (f.location.unit, f.location.system) == (e.unit, e.kks_system),
            "equipment_type": f.equipment_type.normalized == e.equipment_class,
            "status_code": f.status_code.normalized == e.failure_mode,
            "priority": f.priority.normalized == e.priority,
        }
        guessed += e.unit is None and f.location.unit is not None
        for k, v in ok.items():
            right[k] += v
        weighted += sum(w for k, w in WEIGHTS.items() if ok[k])
    n = len(examples)
    return weighted / n, {k: v / n for k, v in right.items()}, guessed


def test_shared_sample(understand: Understand) -> None:
    weighted, per_field, guessed = _score(understand, load_examples(SAMPLE))
    assert guessed == 0
    assert weighted >= 0.97
    assert min(per_field.values()) >= 0.92


def test_dev_split(understand: Understand) -> None:
    examples = load_examples(default_path("dev"))
    weighted, per_field, guessed = _score(understand, examples)
    assert guessed == 0
    assert weighted >= 0.93, per_field
    assert min(per_field.values()) >= 0.9, per_field


def test_probes(understand: Understand) -> None:
    weighted, per_field, guessed = _score(understand, load_examples(PROBES))
    assert guessed == 0
    assert weighted >= 0.95, per_field
    # Some probe priorities judge severity ("two fans failed" -> 2) where the text has no cue
    # word; the reader only follows cues, so priority has a lower bar here.
    assert per_field.pop("priority") >= 0.85, per_field
    assert min(per_field.values()) >= 0.9, per_field


# Written blind by a second author (weak spots: instrument readings, leaks, heat, slow strokes,
# priority-2 context, S3 questions); measured before the rules were changed for them.
# probes3 (40) was written blind after the rules were changed for probes2, measured once
# (weighted 0.894, failure mode 0.725), then used to fix what it missed.
PROBES2 = Path(__file__).with_name("data") / "probes2.jsonl"
PROBES3 = Path(__file__).with_name("data") / "probes3.jsonl"


@pytest.mark.parametrize("path", [PROBES2, PROBES3], ids=["probes2", "probes3"])
def test_later_probes(understand: Understand, path: Path) -> None:
    weighted, per_field, guessed = _score(understand, load_examples(path))
    assert guessed == 0
    assert weighted >= 0.95, per_field
    assert min(per_field.values()) >= 0.93, per_field


# Each later set was written blind by another author, measured once before the rules learned
# from it, then used to find the families of wording they missed. Blind figures (weighted; the
# weak fields): probes4 (240, 150 S1 / 45 S2 / 45 S3) 0.880, status 0.762, priority 0.846;
# probes5 (200) 0.899, status 0.790, one guessed unit ("1, 2호기 전부요"); probes6 (200) 0.876,
# status 0.750, priority 0.790 (some of its priority labels contradict the earlier sets: a value
# against its setpoint alone is 2 here, 3 in probes4/5, so priority is not held to every label);
# probes7 (200, E&I technician and night-shift voices) 0.917, status 0.830; probes8 (200, a
# foreman's walk-down notes and a new hire's hedging messages) 0.885, equipment 0.890, status
# 0.740; probes9 (120, all English) 0.871, equipment 0.833, status 0.775, and fields at
# confidence >= 0.9 right only 94.9%. The bars below are what the rules reach after learning.
LATER = {
    # name: (weighted, each field, scenario)
    "probes4": (0.94, 0.91, 0.97),
    "probes5": (0.97, 0.95, 0.98),
    "probes6": (0.94, 0.92, 0.99),
    "probes7": (0.96, 0.95, 0.99),
    "probes8": (0.93, 0.87, 0.985),
    "probes9": (0.91, 0.88, 1.0),
    # Blind: probes10 0.900, probes11 0.889, probes12 0.873; their families were then written.
    "probes10": (0.97, 0.95, 0.99),
    "probes11": (0.97, 0.95, 0.99),
    "probes12": (0.97, 0.95, 0.99),
    # Blind (session start -> rules of probes10-12 and the linear model of probes1-9): probes13
    # 0.895 -> 0.907, 14 0.878 -> 0.888, 15 0.924 -> 0.935, 16 0.899 -> 0.921, 17 0.895 -> 0.920,
    # 18 0.898 -> 0.913, 19 0.895 -> 0.919. No rule was written from them; only the learned parts
    # (linear models, naive Bayes examples, calibration) read them, so the bars sit lower.
    "probes13": (0.93, 0.91, 0.97),
    "probes14": (0.91, 0.87, 0.94),
    "probes15": (0.94, 0.91, 0.93),
    "probes16": (0.92, 0.83, 0.98),
    "probes17": (0.94, 0.92, 0.98),
    "probes18": (0.93, 0.91, 0.98),
    "probes19": (0.93, 0.91, 0.96),
    # Blind (session start -> all the session's rules and the linear model of probes1-19):
    # probes20 0.888 -> 0.918, 21 0.865 -> 0.903, 22 0.912 -> 0.941 (one guessed unit, since
    # fixed), 23 0.887 -> 0.913, 24 0.867 -> 0.896, 25 0.909 -> 0.940; learned parts only.
    "probes20": (0.94, 0.91, 0.97),
    "probes21": (0.93, 0.90, 0.99),
    "probes22": (0.96, 0.95, 0.99),
    "probes23": (0.94, 0.91, 0.97),
    "probes24": (0.92, 0.87, 0.96),
    "probes25": (0.94, 0.91, 0.96),
    # Blind (session start -> the linear model of probes1-25): probes26 0.873 -> 0.910, 27
    # 0.876 -> 0.934, 28 0.934 -> 0.959, 29 0.878 -> 0.904, 30 0.914 -> 0.941, 31 0.890 -> 0.926,
    # 32 (long reports) 0.778 -> 0.824, 33 (terse English CMMS) 0.862 -> 0.880; learned parts only.
    "probes26": (0.93, 0.89, 0.94),
    "probes27": (0.94, 0.91, 0.96),
    "probes28": (0.97, 0.96, 0.98),
    "probes29": (0.91, 0.87, 0.99),
    "probes30": (0.95, 0.92, 0.98),
    "probes31": (0.93, 0.80, 0.97),
    "probes32": (0.85, 0.81, 0.90),
    "probes33": (0.90, 0.78, 0.96),
    # Blind (session start -> the unit fixes, the new overrule factors and the scenario model, with
    # linear models that had not read them): probes34 (shift handover logs) 0.945 -> 0.953, 35
    # (chemistry and water crews; two guessed units) 0.923 -> 0.934, 36 (foremen's walk-downs) 0.937
    # -> 0.956, 37 (OEM engineers in English) 0.915 -> 0.930, 38 (operators' phone texts; one
    # guessed unit) 0.963 -> 0.968, 39 (control-room alarm reports) 0.916 -> 0.932, 40 (relayed
    # phone calls) 0.921 -> 0.938, 41 (contractors' plain words) 0.902 -> 0.914; learned parts only.
    "probes34": (0.96, 0.93, 0.98),
    "probes35": (0.94, 0.86, 0.98),
    "probes36": (0.96, 0.92, 0.98),
    "probes37": (0.94, 0.90, 0.97),
    "probes38": (0.97, 0.93, 0.99),
    "probes39": (0.94, 0.92, 0.98),
    "probes40": (0.95, 0.92, 0.98),
    "probes41": (0.95, 0.90, 0.98),
    # Blind (session start -> the code that first scored them, with the linear models of probes1-41):
    # probes42 (engineers' e-mail style) 0.923 -> 0.934, 43 (night-shift Konglish) 0.964 -> 0.965, 44
    # (calibration findings) 0.929 -> 0.933, 45 (electrical crews) 0.927 -> 0.928, 46 (coal yard and ash)
    # 0.951 -> 0.966, 47 (mobile-app titles) 0.946 -> 0.948, 48 (turbine-hall auxiliaries) 0.945 ->
    # 0.958, 49 (broken English) 0.932 -> 0.938; learned parts only.
    "probes42": (0.95, 0.93, 0.97),
    "probes43": (0.96, 0.90, 0.98),
    "probes44": (0.95, 0.87, 0.99),
    "probes45": (0.94, 0.88, 0.99),
    "probes46": (0.97, 0.95, 0.99),
    "probes47": (0.96, 0.87, 0.99),
    "probes48": (0.96, 0.93, 0.99),
    "probes49": (0.95, 0.92, 0.98),
    # Blind (session start -> the code that first scored them, with the linear models of probes1-49):
    # probes50 (supervisors escalating) 0.941 -> 0.948, 51 (boiler operators) 0.951 -> 0.953, 52 (very
    # short requests) 0.949 -> 0.965, 53 (flue-gas crews) 0.947 -> 0.961, 54 (object-damage-cause
    # English) 0.961 -> 0.970, 55 (veterans' shop jargon) 0.945 -> 0.949, 56 (safety walks) 0.947 ->
    # 0.960, 57 (a new engineer's long messages) 0.899 -> 0.919; learned parts only, so these bars
    # (the priority model above all) flatter.
    "probes50": (0.95, 0.93, 0.97),
    "probes51": (0.97, 0.96, 0.99),
    "probes52": (0.97, 0.96, 0.985),
    "probes53": (0.97, 0.96, 0.985),
    "probes54": (0.97, 0.94, 0.99),
    "probes55": (0.96, 0.94, 0.975),
    "probes56": (0.97, 0.95, 0.99),
    "probes57": (0.94, 0.91, 0.96),
    # Blind (session start -> the code that first scored them, with the linear models of probes1-57):
    # probes58 (re-typed paper slips) 0.925 -> 0.955, 59 (water-steam cycle rounds) 0.942 -> 0.952, 60
    # (contractors' simple English) 0.951 -> 0.960, 61 (chatbot talk) 0.958 -> 0.968, 62 (rotating
    # equipment) 0.921 -> 0.934, 63 (HV switchyard; one guessed unit: a condensate polisher read as
    # water treatment, since fixed) 0.928 -> 0.944, 64 (fuel and utilities) 0.931 -> 0.949, 65 (padded
    # reports) 0.908 -> 0.921; learned parts and that unit only, so these bars flatter.
    "probes58": (0.96, 0.94, 0.985),
    "probes59": (0.96, 0.94, 0.975),
    "probes60": (0.97, 0.95, 0.99),
    "probes61": (0.97, 0.95, 0.97),
    "probes62": (0.945, 0.92, 0.98),
    "probes63": (0.96, 0.95, 0.99),
    "probes64": (0.955, 0.94, 0.98),
    "probes65": (0.94, 0.93, 0.985),
}
PROBES9 = Path(__file__).with_name("data") / "probes9.jsonl"


@pytest.mark.parametrize("name", list(LATER))
def test_blind_probe_sets_after_learning(understand: Understand, name: str) -> None:
    min_weighted, min_field, min_scenario = LATER[name]
    examples = load_examples(Path(__file__).with_name("data") / f"{name}.jsonl")
    weighted, per_field, guessed = _score(understand, examples)
    assert guessed == 0
    assert weighted >= min_weighted, per_field
    assert min(per_field.values()) >= min_field, per_field
    scenarios = sum(understand(ex.text, ex.history)[0].scenario == ex.expected.scenario for ex in examples)
    assert scenarios / len(examples) >= min_scenario


def test_probes9_high_confidence_is_right_95_percent(understand: Understand) -> None:
    # English readings were over-confident; the calibration is now keyed by language.
    high = right = 0
    for ex in load_examples(PROBES9):
        _, f = understand(ex.text, ex.history)
        e = ex.expected
        for conf, ok in (
            (f.location.confidence, (f.location.unit, f.location.system) == (e.unit, e.kks_system)),
            (f.equipment_type.confidence, f.equipment_type.normalized == e.equipment_class),
            (f.status_code.confidence, f.status_code.normalized == e.failure_mode),
            (f.priority.confidence, f.priority.normalized == e.priority),
        ):
            if conf >= 0.9:
                high += 1
                right += ok
    assert high >= 100
    assert right / high >= 0.95
