from __future__ import annotations

import json
from pathlib import Path

from pmark3.plant import FunctionalLocation, PlantData, Procedure, WorkOrder
from pmark3.seed.__main__ import main


def test_write_jsonl_round_trips_through_the_cli(tmp_path: Path, small_plant: PlantData) -> None:
    assert main([str(tmp_path), "--work-orders", "2000"]) == 0
    lines = {
        name: (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        for name in ("locations", "work_orders", "procedures")
    }
    locations = [FunctionalLocation.model_validate(json.loads(x)) for x in lines["locations"]]
    orders = [WorkOrder.model_validate(json.loads(x)) for x in lines["work_orders"]]
    procedures = [Procedure.model_validate(json.loads(x)) for x in lines["procedures"]]
    assert PlantData(locations=locations, work_orders=orders, procedures=procedures) == small_plant
    assert "급수펌프" in lines["locations"][next(i for i, fl in enumerate(locations) if fl.system == "LAC")]
