"""Query models of the charts and the API lists (see ``pages/queries.py`` for the base and
the parsers every query model shares)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from tradeoff.compare.engine import MAX_MODELS
from tradeoff.pages.queries import PageQuery, catalog_of, name_list
from tradeoff.pages.score_chart import all_series


class ScoreChartQuery(PageQuery):
    """Which benchmark to plot (default: the one with the most priced models)."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"models"})

    benchmark: str | None = Field(None, description="benchmark id, e.g. gpqa-diamond")
    models: list[str] = Field(
        default_factory=list, description="models to mark and label (e.g. the compared ones)"
    )

    @field_validator("models", mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        return name_list(value)

    @field_validator("models")
    @classmethod
    def _at_most(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_MODELS:
            raise ValueError(f"at most {MAX_MODELS} models, got {len(value)}")
        return value

    @field_validator("benchmark")
    @classmethod
    def _plotted(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and value not in all_series(catalog_of(info)):
            raise ValueError("no comparable priced scores for that benchmark")
        return value


class PriceChartQuery(PageQuery):
    """The price-by-provider chart of one model."""

    model: str = Field(description="a model slug (or id, or alias)")


class ConflictsQuery(PageQuery):
    """Optionally, only the disagreements about one model."""

    model: str | None = Field(None, description="only about this model (slug, id or alias)")
