"""A plain-text rendering of an :class:`EvalReport` for the terminal."""

from __future__ import annotations

from pmark3.evaluation.metrics import SCORED_FIELDS, EvalReport, GroupScore

_SHORT = {
    "unit": "unit",
    "kks_system": "system",
    "location": "loc",
    "equipment_type": "equip",
    "status_code": "status",
    "priority": "prio",
    "scenario": "scen",
}


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:5.1f}%"


def _group_rows(title: str, groups: dict[str, GroupScore]) -> list[str]:
    head = f"{title:<10}{'n':>5}" + "".join(f"{_SHORT[f]:>8}" for f in SCORED_FIELDS) + f"{'weighted':>10}"
    rows = [head, "-" * len(head)]
    for name, g in groups.items():
        rows.append(
            f"{name:<10}{g.n:>5}"
            + "".join(f"{_pct(g.accuracy[f]):>8}" for f in SCORED_FIELDS)
            + f"{_pct(g.weighted_accuracy):>10}"
        )
    return rows


def format_report(report: EvalReport) -> str:
    """A readable summary: accuracy tables, calibration, latency and the top confusions."""
    overall = GroupScore(n=report.n, accuracy=report.accuracy, weighted_accuracy=report.weighted_accuracy)
    lines: list[str] = [
        f"PMark3 evaluation: {report.n} requests",
        f"weighted accuracy {_pct(report.weighted_accuracy).strip()}"
        " (location 0.3 = unit+system, equipment 0.3, status 0.25, priority 0.15)",
        f"guessed units: {report.guessed_units} of {report.unit_null_expected} requests without a stated unit",
    ]
    if report.errors:
        lines.append(f"predict errors: {report.errors} (scored as empty predictions)")
    lines.append("")
    lines += _group_rows("", {"all": overall})
    lines.append("")
    lines += _group_rows("scenario", report.by_scenario)
    lines.append("")
    lines += _group_rows("language", report.by_language)
    lines.append("")
    lines.append("calibration (location, equipment, status, priority pooled)")
    lines.append(f"{'confidence':<14}{'n':>6}{'right':>8}{'accuracy':>10}{'mean conf':>11}")
    for b in report.calibration:
        close = "]" if b.upper >= 1.0 else ")"
        rng = f"[{b.lower:.1f}, {b.upper:.1f}{close}"
        mean = "-" if b.mean_confidence is None else f"{b.mean_confidence:.2f}"
        lines.append(f"{rng:<14}{b.count:>6}{b.correct:>8}{_pct(b.accuracy):>10}{mean:>11}")
    hc = report.high_confidence
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}[hc.passed]
    lines.append(
        f"confidence >= {hc.threshold:.2f}: {hc.correct}/{hc.count} right ({_pct(hc.accuracy).strip()}),"
        f" target >= {hc.target * 100:.0f}%: {verdict}"
    )
    lines.append("")
    lat = report.latency
    lines.append(
        f"latency per request: p50 {lat.p50_ms:.1f} ms, p95 {lat.p95_ms:.1f} ms,"
        f" mean {lat.mean_ms:.1f} ms, max {lat.max_ms:.1f} ms"
    )
    if any(report.confusions.values()):
        lines.append("")
        lines.append("most frequent wrong predictions (expected -> predicted: count, e.g. ids)")
        for field, hints in report.confusions.items():
            for h in hints:
                lines.append(f"  {field:<15}{h.expected:>8} -> {h.predicted:<8}{h.count:>4}  {', '.join(h.examples)}")
    return "\n".join(lines)
