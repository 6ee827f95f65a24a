"""The pmark3 command line, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


def pmark3(settings: Any, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PMARK3_DATA_DIR": str(settings.data_dir),
        "PMARK3_SEED_WORK_ORDERS": str(settings.seed_work_orders),
    }
    return subprocess.run(
        [sys.executable, "-m", "pmark3", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        input=stdin,
    )


def test_ask_prints_a_readable_summary(settings: Any) -> None:
    done = pmark3(settings, "ask", "2호기 급수펌프 B 진동 심함, 긴급")
    assert done.returncode == 0, done.stderr
    assert "2LAC" in done.stdout and "VIB" in done.stdout
    assert "접수: 2호기" in done.stdout


def test_ask_json_follows_the_result_contract(settings: Any) -> None:
    done = pmark3(settings, "ask", "#2 BFP B 진동 심함, 긴급", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["location"]["unit"] == "2" and result["priority"]["normalized"] == 1
    follow = pmark3(settings, "ask", "아 B펌프 말고 A요", "--session", result["session_id"], "--json")
    assert json.loads(follow.stdout)["scenario"] == "S2"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("ask", ""), "too short"),
        (("ask", "x" * 1001), "too long"),
        (("ask", "펌프 진동", "--session", "S-nope"), "does not exist"),
        (("batch", "/no/such/file.jsonl"), "no such file"),
        (("batch", "in.jsonl", "--processes", "0"), "at least 1"),
        (("eval", "/no/such/file.jsonl"), "no such file"),
        (("ingest", "/no/such/file.jsonl"), "no such file"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(settings: Any, args: tuple[str, ...], fragment: str) -> None:
    done = pmark3(settings, *args)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0]
    assert "Traceback" not in done.stderr


def test_batch_keeps_order_and_turns_bad_lines_into_error_results(settings: Any, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "2호기 급수펌프 B 진동 심함, 긴급"}, ensure_ascii=False),
                "{broken json",
                json.dumps({"id": "c", "text": ""}),
                json.dumps(
                    {
                        "id": "d",
                        "text": "아 B펌프 말고 A요",
                        "history": [
                            {"role": "user", "text": "2호기 급수펌프 B 진동 심함"},
                            {
                                "role": "assistant",
                                "text": "접수: 2호기 / LAC 보일러급수펌프 계통 / PU 펌프 / VIB 진동 / 우선순위 3",
                            },
                        ],
                    },
                    ensure_ascii=False,
                ),
                json.dumps({"id": "e", "text": "1호기 복수펌프 A 누수", "expected": {"unit": "1"}}, ensure_ascii=False),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    done = pmark3(settings, "batch", str(src), "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "line-2", "c", "d", "e"]
    assert rows[0]["status"] in ("draft", "needs_review") and rows[0]["location"]["system"] == "LAC"
    assert rows[1]["status"] == "rejected" and "line 2" in rows[1]["errors"][0]["message"]
    assert rows[2]["status"] == "rejected"
    assert rows[3]["scenario"] == "S2"
    # Other keys (an evaluation file's "expected") are ignored, so labeled files run as they are.
    assert rows[4]["status"] != "rejected" and rows[4]["location"]["unit"] == "1"
    assert "batch" in done.stderr  # the progress bar went to stderr
