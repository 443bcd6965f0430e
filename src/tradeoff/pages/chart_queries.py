"""Query models of the charts and the API lists (see ``pages/queries.py`` for the base and
the parsers every query model shares)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, ValidationInfo

from tradeoff.pages.queries import ModelNames, PageQuery, catalog_of
from tradeoff.pages.score_chart import all_series


def _plotted(value: str | None, info: ValidationInfo) -> str | None:
    if value is not None and value not in all_series(catalog_of(info)):
        raise ValueError("no comparable priced scores for that benchmark")
    return value


# A benchmark id with comparable priced scores (the price-vs-score and trend charts' choice).
PlottedBenchmark = Annotated[str | None, AfterValidator(_plotted)]


class ScoreChartQuery(PageQuery):
    """Which benchmark to plot (default: the one with the most priced models)."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"models"})

    benchmark: PlottedBenchmark = Field(None, description="benchmark id, e.g. gpqa-diamond")
    models: ModelNames = Field(
        default_factory=list, description="models to mark and label (e.g. the compared ones)"
    )


class PriceChartQuery(PageQuery):
    """The price-by-provider chart of one model."""

    model: str = Field(description="a model slug (or id, or alias)")


class ConflictsQuery(PageQuery):
    """Optionally, only the disagreements about one model."""

    model: str | None = Field(None, description="only about this model (slug, id or alias)")
