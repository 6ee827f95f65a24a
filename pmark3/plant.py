"""Plant master data records: the equipment register, work-order history and procedures.

These are the shapes that the seed generator produces, the store persists, the parser
matches against and the search index documents. They are plain pydantic models so that
they cross process and activity boundaries as JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Criticality = Literal["A", "B", "C"]
WorkOrderStatus = Literal["open", "closed"]


class FunctionalLocation(BaseModel):
    """One register entry, e.g. ``2LAC20AP001`` = unit 2, feedwater pump B."""

    kks: str = Field(description="Full KKS code, e.g. 2LAC20AP001")
    unit: str = Field(description="'0' plant-common, '1' or '2'")
    system: str = Field(description="3-letter KKS system, e.g. LAC")
    train: str | None = Field(default=None, description="Train letter A/B/C/D when the code has one")
    name_ko: str
    name_en: str
    equipment_class: str = Field(description="ISO 14224 class code, e.g. PU")
    parent: str | None = Field(default=None, description="KKS of the parent location, None at system level")
    criticality: Criticality
    aliases: list[str] = Field(default_factory=list, description="Tags operators write: '#2 BFP B', '2-BFP-B'")


class Part(BaseModel):
    name: str
    quantity: int = 1


class WorkOrder(BaseModel):
    """A work order from the CMMS history (closed) or an open notification."""

    id: str = Field(description="WO-YYYY-NNNNN")
    kks: str
    unit: str
    system: str
    equipment_class: str
    failure_mode: str
    priority: int = Field(ge=1, le=4)
    text: str = Field(description="The request as the operator wrote it")
    reported_at: date
    closed_at: date | None = None
    status: WorkOrderStatus = "closed"
    actions: str = ""
    parts: list[Part] = Field(default_factory=list)
    labour_hours: float = 0.0


class Procedure(BaseModel):
    """A short isolation, inspection or repair procedure."""

    id: str = Field(description="PRC-NNN")
    kind: Literal["isolation", "inspection", "repair"]
    title_ko: str
    title_en: str
    equipment_class: str
    systems: list[str] = Field(default_factory=list, description="KKS systems it applies to; empty = any")
    failure_modes: list[str] = Field(default_factory=list, description="Failure modes it addresses; empty = any")
    steps: list[str] = Field(default_factory=list)


class PlantData(BaseModel):
    locations: list[FunctionalLocation]
    work_orders: list[WorkOrder]
    procedures: list[Procedure]
