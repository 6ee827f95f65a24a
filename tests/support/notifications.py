"""An open notification for the demo plant's #2 BFP B vibration, raised two days ago: the
duplicate that a new "2호기 급수펌프 B 진동 심함" request must find."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pmark3.plant import WorkOrder

OPEN_BFP_B_VIBRATION = "WO-2026-99001"


def open_bfp_b_vibration() -> WorkOrder:
    return WorkOrder(
        id=OPEN_BFP_B_VIBRATION,
        kks="2LAC20AP001",
        unit="2",
        system="LAC",
        equipment_class="PU",
        failure_mode="VIB",
        priority=2,
        text="2호기 BFP B 진동 증가",
        reported_at=datetime.now(UTC).date() - timedelta(days=2),
        status="open",
    )
