"""The comparison page: one builder per section, mirroring ``tradeoff.compare``.

``compare_context`` assembles the page (``page.py``) from the pricing, specs, capabilities,
benchmarks, claims (verdict, deep dive, FAQ), related and sources sections. The names below
are what other layers (and the bench scripts) use. They are imported on first use (PEP 562):
importing ``pages.comparison.page`` runs this file first, and the cold
``tradeoff compare --format md`` path never needs the calculator or the picker.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.pages.calculator import cost_context
    from tradeoff.pages.comparison.page import (
        ComparisonContext,
        compare_context,
        comparison_context,
        resolve_models,
    )
    from tradeoff.pages.comparison.picker import PickerContext, picker_context
    from tradeoff.pages.view import benchmark_section, catalog_view, cheapest_quotes

# Each public name → the module that defines it.
_HOMES = {
    "cost_context": "tradeoff.pages.calculator",
    "ComparisonContext": "tradeoff.pages.comparison.page",
    "compare_context": "tradeoff.pages.comparison.page",
    "comparison_context": "tradeoff.pages.comparison.page",
    "resolve_models": "tradeoff.pages.comparison.page",
    "PickerContext": "tradeoff.pages.comparison.picker",
    "picker_context": "tradeoff.pages.comparison.picker",
    "benchmark_section": "tradeoff.pages.view",
    "catalog_view": "tradeoff.pages.view",
    "cheapest_quotes": "tradeoff.pages.view",
}

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


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'tradeoff.pages.comparison' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
