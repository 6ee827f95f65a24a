"""A CMMS notification's ``unit`` and ``equipmentTag``: checked against the register, used where
the text is silent, outvoted (with a warning and an alternative) where the text names other
equipment, and never settable by an HTTP, CLI or batch caller."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest

from pmark3.cmms import parse_message, request_id_for
from pmark3.ingest import LocalStarter, handle_message
from pmark3.models import MaintenanceRequest, Result
from pmark3.understanding.hints import SourceHints, tag_aliases, tag_key
from tests.cmms.small_deps import _plant, small_deps

TAG = "2LAC20AP001"  # unit 2 boiler feed pump B (PU), parent 2LAC, a motor below it
BASE = {
    "notificationId": "N-1",
    "reportedBy": "kim.operator",
    "reportedAt": "2026-11-26T09:30:00+09:00",
    "plant": "PM3",
}
_count = iter(range(10_000))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from pmark3.workflow.local_engine import LocalEngine

    deps = small_deps(tmp_path_factory.mktemp("hints") / "data")
    eng = LocalEngine(deps, checkpoints=False)
    yield eng
    eng.close()
    deps.store.close()


def ingest(engine: Any, text: str, unit: str | None = None, tag: str | None = None) -> Result:
    nid = f"N-{next(_count)}"
    body = json.dumps({**BASE, "notificationId": nid, "text": text, "unit": unit, "equipmentTag": tag}).encode()
    starter = LocalStarter(engine)
    deps = engine.deps
    outcome = asyncio.run(
        handle_message(
            body, message_id=nid, settings=deps.settings, store=deps.store, starter=starter, now=datetime.now(UTC)
        )
    )
    assert outcome.outcome == "started"
    result: Result = starter.results[request_id_for(nid)]
    return result


def cmms_warnings(result: Result) -> list[str]:
    return [w for w in result.warnings if "CMMS" in w]


def test_the_message_keeps_its_unit_and_tag_as_source_hints() -> None:
    from pmark3.config import Settings

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    body = {**BASE, "text": "진동 심함", "unit": "2", "equipmentTag": TAG}
    assert parse_message(json.dumps(body).encode(), settings).source_hints() == {"unit": "2", "equipment_tag": TAG}
    assert parse_message(json.dumps({**BASE, "text": "진동 심함"}).encode(), settings).source_hints() is None


def test_a_text_with_neither_takes_the_messages_unit_and_location(engine: Any) -> None:
    r = ingest(engine, "진동 심함, 긴급", unit="2", tag=TAG)
    assert r.location.normalized == TAG and r.location.unit == "2" and r.location.system == "LAC"
    assert r.equipment_type.normalized == "PU" and r.status_code.normalized == "VIB"
    # Stated by the CMMS, not guessed: not capped like a location without a unit, nothing asked.
    assert r.location.confidence >= engine.deps.settings.review_confidence
    assert r.quality_scores["location"] == r.location.confidence
    assert r.status == "draft" and r.questions == []
    assert cmms_warnings(r) == []


def test_the_unit_alone_completes_a_location_the_text_names_without_one(engine: Any) -> None:
    without = ingest(engine, "급수펌프 B 진동 심함")
    assert without.location.unit is None and without.location.normalized is None
    r = ingest(engine, "급수펌프 B 진동 심함", unit="2")
    assert r.location.normalized == TAG and r.location.unit == "2"
    assert r.location.confidence > without.location.confidence and cmms_warnings(r) == []


def test_a_unit_alone_is_not_a_location(engine: Any) -> None:
    r = ingest(engine, "진동 심함", unit="2")
    assert r.location.unit == "2" and r.location.normalized is None and r.status == "needs_review"


def test_a_register_alias_is_a_tag_too(engine: Any) -> None:
    r = ingest(engine, "진동 심함", tag="2BFPB")  # '2-BFP-B' in the register
    assert r.location.normalized == TAG and r.location.unit == "2" and cmms_warnings(r) == []


def test_words_naming_a_part_of_the_tagged_equipment_say_which_part(engine: Any) -> None:
    r = ingest(engine, "모터 베어링 온도 높음", tag=TAG)
    assert r.equipment_type.normalized == "EM"
    assert r.location.normalized != TAG and r.location.normalized.startswith("2LAC20")  # the pump's motor
    assert "PU" in [a.value for a in r.equipment_type.alternatives]
    assert cmms_warnings(r) == []


def test_a_text_naming_other_equipment_wins_with_a_warning(engine: Any) -> None:
    text = "1호기 복수펌프 A 메카니컬씰 누수"
    plain = ingest(engine, text)
    r = ingest(engine, text, unit="2", tag=TAG)
    assert r.location.normalized == plain.location.normalized == "1LCB10AP001"
    assert r.location.unit == "1" and r.location.system == "LCB"
    assert r.location.confidence < plain.location.confidence
    assert r.location.alternatives[0].value == TAG
    (warning,) = cmms_warnings(r)
    assert TAG in warning and "text's reading was kept" in warning and "unit 1" in warning


def test_another_train_of_the_same_equipment_is_other_equipment(engine: Any) -> None:
    r = ingest(engine, "2호기 급수펌프 A 진동", tag=TAG)
    assert r.location.normalized != TAG and r.location.alternatives[0].value == TAG
    (warning,) = cmms_warnings(r)
    assert "train A" in warning


def test_a_unit_the_text_contradicts_is_kept_as_an_alternative(engine: Any) -> None:
    r = ingest(engine, "1호기 급수펌프 B 진동", unit="2")
    assert r.location.unit == "1" and r.location.normalized == "1LAC20AP001"
    assert r.location.alternatives[0].value == TAG
    (warning,) = cmms_warnings(r)
    assert "unit 2" in warning and "(1)" in warning


def test_an_unknown_tag_is_ignored_with_a_warning(engine: Any) -> None:
    plain = ingest(engine, "급수펌프 B 진동 심함")
    r = ingest(engine, "급수펌프 B 진동 심함", tag="9ZZZ99ZZ999")
    assert r.location == plain.location and r.equipment_type == plain.equipment_type
    assert cmms_warnings(r) == ["the CMMS equipment tag 9ZZZ99ZZ999 is not in the register; it was ignored"]


def test_a_unit_and_tag_that_disagree_are_both_ignored(engine: Any) -> None:
    r = ingest(engine, "진동 심함", unit="1", tag=TAG)
    assert r.location.unit is None and r.location.normalized is None
    (warning,) = cmms_warnings(r)
    assert "disagree" in warning and TAG in warning


def test_hints_are_read_loosely_and_checked() -> None:
    locations = _plant().locations
    register = {fl.kks: fl for fl in locations}
    aliases = tag_aliases(locations)
    assert tag_key("2-bfp-b") == "2BFPB" and aliases["2BFPB"] == TAG
    h, warnings = SourceHints.read({"unit": "2", "equipment_tag": "2lac20ap001"}, register, aliases)
    assert h.unit == "2" and h.location is not None and h.location.kks == TAG and warnings == []
    h, warnings = SourceHints.read({"unit": "7", "equipment_tag": None}, register, aliases)
    assert h.unit is None and len(warnings) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"text": "진동 심함", "source_hints": {"unit": "2", "equipment_tag": TAG}},
        {"text": "진동 심함", "unit": "2"},
        {"text": "진동 심함", "equipmentTag": TAG},
        {"text": "진동 심함", "equipment_tag": TAG},
    ],
)
def test_no_http_cli_or_batch_request_can_carry_hints(body: dict[str, Any]) -> None:
    # The HTTP trigger, the local API and batch lines all validate MaintenanceRequest.
    with pytest.raises(pydantic.ValidationError):
        MaintenanceRequest.model_validate(body)


def test_a_portal_request_has_no_hints_in_its_state(tmp_path: Path) -> None:
    from pmark3.config import Settings
    from pmark3.workflow.state import new_state

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    state = new_state(
        MaintenanceRequest(text="진동 심함"), request_id="r", received_at=datetime.now(UTC), settings=settings
    )
    assert "source_hints" not in state
    empty = new_state(
        MaintenanceRequest(text="진동 심함"),
        request_id="r",
        received_at=datetime.now(UTC),
        settings=settings,
        source_hints={"unit": None, "equipment_tag": None},
    )
    assert "source_hints" not in empty
