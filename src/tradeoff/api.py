"""The Python API: open the catalog, compare models, price a workload.

``tradeoff.open_catalog``, ``tradeoff.comparison`` and ``tradeoff.cost`` (re-exported by the
package, imported on first use; not ``tradeoff.compare``: that name is the comparison engine's
package, ``tradeoff.compare``) return what the pages and the command line show: the same
typed, JSON-ready contexts (``ComparisonContext``, ``CalculatorContext``; money as decimal
strings). Which catalog: the one ``tradeoff`` commands read (``db.locate``: a catalog text tree
named by $TRADEOFF_CATALOG, else an installed wheel's packaged database, else ``catalog/`` of a
source checkout), unless a call names one.

>>> import tradeoff
>>> catalog = tradeoff.open_catalog()
>>> catalog.resolve("kimi-k2-instruct").id
'moonshotai/kimi-k2-instruct'
>>> page = tradeoff.comparison(["kimi-k2-instruct", "mixtral-8x22b-instruct"], blend=(3, 1))
>>> [model["id"] for model in page["models"]]
['moonshotai/kimi-k2-instruct', 'mistral/mixtral-8x22b-instruct']
>>> page["blend"]["input_share"], page["blend"]["output_share"]
('0.75', '0.25')
>>> [entry["model"] for entry in page["pricing"]]
['moonshotai/kimi-k2-instruct', 'mistral/mixtral-8x22b-instruct']
>>> bill = tradeoff.cost(["kimi-k2-instruct"], input_tokens=100_000, output_tokens=2_000)
>>> bill["workload"]["input_tokens"], bill["cheapest"]["headline_excluded_reason"] is None
(100000, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tradeoff.db.queries import Catalog
from tradeoff.errors import DataError
from tradeoff.pages.precompute import ensure_database

if TYPE_CHECKING:
    from tradeoff.pages.calculator import CalculatorContext
    from tradeoff.pages.comparison import ComparisonContext

__all__ = ["Catalog", "comparison", "cost", "open_catalog"]

# The catalog the calls without one share: opened once per compiled file (a rebuild is a new
# file, renamed into place), so its cached records serve every later call.
_opened: dict[tuple[Path, int, int], Catalog] = {}


def open_catalog(path: str | Path | None = None) -> Catalog:
    """The compiled catalog, opened read-only.

    ``path``: None for the catalog ``tradeoff`` commands read; a catalog text tree (a
    directory like ``catalog/``), compiled when missing or stale into $TRADEOFF_DB, else
    ``build/catalog.sqlite`` beside it; or a compiled database file.
    """
    if path is None:
        return Catalog(ensure_database())
    chosen = Path(path)
    if chosen.is_dir():
        return Catalog(ensure_database(chosen))
    if chosen.is_file():
        return Catalog(chosen)
    raise DataError("not a catalog directory or a compiled catalog database", path=chosen)


def _shared() -> Catalog:
    db = ensure_database()
    stat = db.stat()
    key = (db, stat.st_ino, stat.st_mtime_ns)
    if key not in _opened:
        _opened.clear()
        _opened[key] = Catalog(db)
    return _opened[key]


def comparison(
    models: Sequence[str],
    blend: tuple[int, int] | None = None,
    *,
    catalog: Catalog | None = None,
) -> ComparisonContext:
    """The comparison page of two to four models (canonical ids, slugs or aliases).

    ``blend``: the input and output parts of a blended price, e.g. ``(70, 30)`` (the
    default) or ``(3, 1)``. Unknown or ambiguous names raise ``tradeoff.errors.UnknownModel``
    / ``AmbiguousModel`` (their message lists near names or the candidates).
    """
    from tradeoff.pages.comparison import compare_context

    if isinstance(models, str):
        raise TypeError("models: a sequence of names, not one string")
    return compare_context(catalog or _shared(), list(models), blend)


def cost(
    models: Sequence[str],
    *,
    input_tokens: int,
    output_tokens: int,
    cached_tokens: int = 0,
    requests: int = 1,
    catalog: Catalog | None = None,
) -> CalculatorContext:
    """A workload priced on every offering of ``models``, cheapest route first (``lines``)."""
    from tradeoff.pages.calculator import cost_context

    if isinstance(models, str):
        raise TypeError("models: a sequence of names, not one string")
    return cost_context(
        catalog or _shared(), list(models), input_tokens, output_tokens, cached_tokens, requests
    )
