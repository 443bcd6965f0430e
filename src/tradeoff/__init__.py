"""tradeoff: which LLM, from which provider, at what cost — sourced, dated, consistent.

The public Python API — ``open_catalog``, ``comparison``, ``cost`` — lives in ``tradeoff.api``
and is imported on first use (PEP 562), so ``import tradeoff`` stays as cheap as
``__version__``, which every layer reads (docs/api.md; the one upward import of the layer
rules, docs/architecture.md).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "comparison", "cost", "open_catalog"]

_API = frozenset({"comparison", "cost", "open_catalog"})

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.api import comparison, cost, open_catalog


def __getattr__(name: str) -> object:
    if name in _API:
        from tradeoff import api

        return getattr(api, name)
    raise AttributeError(f"module 'tradeoff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
