"""The request, the four normalized fields and the result contract (ARCHITECTURE.md)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Scenario = Literal["S1", "S2", "S3"]
Status = Literal["draft", "needs_review", "answered", "rejected", "error"]
Role = Literal["user", "assistant"]
RecommendationKind = Literal["work_order", "procedure", "duplicate", "code"]
FIELD_NAMES: tuple[str, ...] = ("location", "equipment_type", "status_code", "priority")


class Turn(BaseModel):
    """An earlier turn of the same conversation."""

    role: Role
    text: str


class MaintenanceRequest(BaseModel):
    """What a caller submits: the portal, the CLI, a batch line or a CMMS message."""

    model_config = ConfigDict(extra="forbid")

    text: str
    session_id: str | None = None
    history: list[Turn] = Field(default_factory=list)
    user: str | None = None


class Alternative(BaseModel):
    value: str | int
    confidence: float = Field(ge=0.0, le=1.0)
    label: str | None = None


class NormalizedField(BaseModel):
    """One coded field: what the user wrote, the code, how sure we are, and what else it could be.

    ``normalized`` is None when the text does not determine a value; it is never guessed.
    """

    original: str | None = None
    normalized: str | int | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    alternatives: list[Alternative] = Field(default_factory=list)


class LocationField(NormalizedField):
    """The location also carries its parts, so a system without a unit is not lost, and its name."""

    unit: str | None = None
    system: str | None = None
    label: str | None = Field(default=None, description="The register's name of the location, when known")


class Recommendation(BaseModel):
    kind: RecommendationKind
    id: str
    title: str
    score: float
    reason: str
    details: dict[str, Any] = Field(default_factory=dict)


class WorkflowError(BaseModel):
    step: str
    type: str
    message: str


class Result(BaseModel):
    """The one JSON result every run ends in (Durable output, CLI --json, batch line)."""

    request_id: str
    session_id: str | None = None
    scenario: Scenario | None = None
    status: Status
    location: LocationField = Field(default_factory=LocationField)
    equipment_type: NormalizedField = Field(default_factory=NormalizedField)
    status_code: NormalizedField = Field(default_factory=NormalizedField)
    priority: NormalizedField = Field(default_factory=NormalizedField)
    recommendations: list[Recommendation] = Field(default_factory=list)
    response: str = ""
    questions: list[str] = Field(default_factory=list)
    language: Literal["ko", "en"] = "ko"
    quality_scores: dict[str, float] = Field(default_factory=dict)
    step_timings: dict[str, float] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    errors: list[WorkflowError] = Field(default_factory=list)
