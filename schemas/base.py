"""Shared pydantic base and provenance types."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]
"""x0, top, x1, bottom in PDF points, origin top-left (pdfplumber's convention)."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prov(Model):
    """Where a block came from. `page` is 1-based; bbox only for PDF."""

    page: int = Field(description="1-based page")
    bbox: BBox | None = Field(None, description="x0, top, x1, bottom in points (PDF only)")
