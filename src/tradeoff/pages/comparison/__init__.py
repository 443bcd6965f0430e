"""The comparison page: one builder per section, mirroring ``tradeoff.compare``.

``compare_context`` assembles the page (``page.py``) from the pricing, specs, capabilities,
benchmarks, claims (verdict, deep dive, FAQ), related and sources sections. The names below
are what other layers (and the bench scripts) use.
"""

from tradeoff.pages.calculator import cost_context
from tradeoff.pages.comparison.page import (
    ComparisonContext,
    compare_context,
    comparison_context,
    resolve_models,
)
from tradeoff.pages.comparison.picker import PickerContext, picker_context
from tradeoff.pages.view import benchmark_section, catalog_view, cheapest_quotes

__all__ = [
    "ComparisonContext",
    "PickerContext",
    "benchmark_section",
    "catalog_view",
    "cheapest_quotes",
    "compare_context",
    "comparison_context",
    "cost_context",
    "picker_context",
    "resolve_models",
]
