"""The parse schema and prompts: strict shape, catalog enums, and the validation rules."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from pmark3.catalog import load_catalog
from pmark3.llm.parser import catalog_errors, schema_errors
from pmark3.llm.prompts import (
    CODE_FIELDS,
    MENTION_FIELDS,
    PARSE_JSON_SCHEMA,
    build_response_messages,
    fields_to_ask,
)
from tests.llm.openai_stub import load_recording

CATALOG = load_catalog()


def _valid() -> dict[str, Any]:
    import json

    content = load_recording("parse_valid")["body"]["choices"][0]["message"]["content"]
    value: dict[str, Any] = json.loads(content)
    return value


def _objects(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            found.append(schema)
        for value in schema.values():
            found.extend(_objects(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_objects(value))
    return found


def test_schema_is_valid_and_strict_shaped() -> None:
    Draft202012Validator.check_schema(PARSE_JSON_SCHEMA)
    objects = _objects(PARSE_JSON_SCHEMA)
    assert len(objects) == 3
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert sorted(obj["required"]) == sorted(obj["properties"])
    props = PARSE_JSON_SCHEMA["properties"]
    assert tuple(props["mentions"]["properties"]) == MENTION_FIELDS
    assert tuple(props["codes"]["properties"]) == CODE_FIELDS


def test_schema_enums_are_the_catalog() -> None:
    codes = PARSE_JSON_SCHEMA["properties"]["codes"]["properties"]
    assert set(codes["kks_system"]["enum"]) == {*CATALOG.systems, None}
    assert set(codes["equipment_type"]["enum"]) == {*CATALOG.equipment_classes, None}
    assert set(codes["status_code"]["enum"]) == {*CATALOG.failure_modes, None}
    assert codes["priority"]["enum"] == [1, 2, 3, 4, None]
    assert codes["unit"]["enum"] == ["0", "1", "2", None]


def test_recorded_valid_parse_has_no_errors() -> None:
    value = _valid()
    assert schema_errors(value, PARSE_JSON_SCHEMA) == []
    assert catalog_errors(value, CATALOG) == []


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ({"kks": "2LAC20AP01"}, "does not fit"),
        ({"kks": "2lac20ap001"}, "does not fit"),
        ({"unit": None}, "disagrees with unit None"),
        ({"kks_system": "LAB"}, "disagrees with kks_system 'LAB'"),
        ({"kks_system": "XYZ", "kks": "2XYZ20AP001"}, "'XYZ' is not in the catalog"),
        ({"equipment_type": "ZZ"}, "equipment_type 'ZZ'"),
        ({"status_code": "ABC"}, "status_code 'ABC'"),
        ({"priority": 5}, "priority 5"),
    ],
)
def test_catalog_errors_name_the_problem(codes: dict[str, Any], expected: str) -> None:
    value = _valid()
    value["codes"].update(codes)
    errors = catalog_errors(value, CATALOG)
    assert any(expected in e for e in errors), errors


def test_mentioned_unit_must_agree_with_unit_code() -> None:
    value = _valid()
    value["mentions"]["unit"] = "1"
    assert any("mentioned unit" in e for e in catalog_errors(value, CATALOG))


def test_no_location_at_all_is_valid() -> None:
    value = _valid()
    value["codes"].update({"unit": None, "kks": None, "kks_system": "LAC"})
    value["mentions"]["unit"] = None
    assert catalog_errors(value, CATALOG) == []


@given(
    unit=st.sampled_from(["0", "1", "2"]),
    system=st.sampled_from(sorted(CATALOG.systems)),
    number=st.integers(0, 99),
    letters=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    serial=st.integers(0, 999),
    other_unit=st.sampled_from(["0", "1", "2"]),
)
def test_consistent_full_codes_pass_and_inconsistent_fail(
    unit: str, system: str, number: int, letters: str, serial: int, other_unit: str
) -> None:
    value = _valid()
    kks = f"{unit}{system}{number:02d}{letters}{serial:03d}"
    value["mentions"]["unit"] = None
    value["codes"].update({"unit": unit, "kks_system": system, "kks": kks})
    assert schema_errors(value, PARSE_JSON_SCHEMA) == []
    assert catalog_errors(value, CATALOG) == []
    value["codes"]["unit"] = other_unit
    assert (catalog_errors(value, CATALOG) == []) == (other_unit == unit)


def _result(confidence: float = 0.95) -> dict[str, Any]:
    return {
        "scenario": "S1",
        "text": "#2 BFP B 진동 심함, 긴급",
        "location": {
            "original": "#2 BFP B",
            "normalized": "2LAC20AP001",
            "confidence": confidence,
            "system": "LAC",
            "unit": "2",
            "alternatives": [{"value": "2LAC10AP001", "confidence": 0.2}],
        },
        "equipment_type": {"original": "BFP", "normalized": "PU", "confidence": 0.97},
        "status_code": {"original": "진동 심함", "normalized": "VIB", "confidence": 0.93},
        "priority": {"original": None, "normalized": None, "confidence": 0.0},
        "recommendations": [
            {
                "kind": "work_order",
                "id": "WO-2024-00117",
                "title": "BFP B bearing",
                "score": 0.8,
                "reason": "same pump, vibration",
                "details": {"labour_hours": 6},
            }
        ],
    }


def test_response_messages_carry_evidence_and_questions() -> None:
    import json

    messages = build_response_messages(_result(confidence=0.5), "ko")
    assert messages[0]["role"] == "system"
    assert "Do not invent" in messages[0]["content"]
    payload = json.loads(messages[1]["content"])
    assert payload["language"] == "ko"
    assert payload["ask_about"] == ["location", "priority"]
    assert payload["fields"]["location"]["name"] == CATALOG.name("system", "LAC", "ko")
    assert payload["fields"]["equipment_type"]["name"] == "펌프"
    assert [e["id"] for e in payload["evidence"]] == ["WO-2024-00117"]
    assert payload["questions"] == []
    assert fields_to_ask(_result(confidence=0.95)) == ["priority"]
    asked = {**_result(), "questions": ["우선순위를 알려주시겠습니까?"]}
    assert json.loads(build_response_messages(asked, "ko")[1]["content"])["questions"] == asked["questions"]
    english = json.loads(build_response_messages(_result(), "en")[1]["content"])
    assert english["fields"]["equipment_type"]["name"] == "Pumps"
