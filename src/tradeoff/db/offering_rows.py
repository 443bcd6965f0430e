"""How offering rows are read back: their columns, and the per-offering side tables (context
tiers, price history, prices in other units), each keyed by (provider id, provider model id).

Apart from ``db.queries`` because that module holds every other query of the catalog.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from tradeoff.records import PRICE_FIELDS

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.offering_records import PricePoint, PriceTier, UnitPrice

OfferingKey = tuple[str, str]  # (provider id, provider model id)


def parse_decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


class Memo:
    """Call ``func`` once per distinct text (prices and small JSON values repeat a lot)."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.seen: dict[Any, Any] = {}

    def __call__(self, text: Any) -> Any:
        try:
            return self.seen[text]
        except KeyError:
            value = self.seen[text] = self.func(text)
            return value


PRICE_COLUMNS = PRICE_FIELDS
OFFERING_COLUMNS = (
    "provider_id",
    "provider_model_id",
    "model_id",
    "name",
    *PRICE_COLUMNS,
    "free",
    "context_tokens",
    "max_output_tokens",
    "quantization",
    "capabilities_json",
    "lifecycle",
    "deprecated_on",
    "retired_on",
    "successor",
    "link",
    "source_url",
    "source_id",
    "checked",
    "price_sources_json",
    "disputed_json",
    "price_origin",
    "checked_source",
)


def price_side_tables(
    rows: Callable[[str, tuple[Any, ...]], list[sqlite3.Row]],
    model_ids: Sequence[str] | None = None,
) -> tuple[
    dict[OfferingKey, list[PriceTier]],
    dict[OfferingKey, list[PricePoint]],
    dict[OfferingKey, list[UnitPrice]],
]:
    """Context tiers, dated price points and prices in other units, by offering: of every
    offering (``model_ids`` None), or of the offerings linked to ``model_ids``."""
    from tradeoff.offering_records import PricePoint, PriceTier, UnitPrice  # not on cold paths

    where, params = "", tuple(model_ids or ())
    if model_ids is not None:
        marks = ", ".join("?" * len(model_ids))
        where = (
            " WHERE (provider_id, provider_model_id) IN (SELECT provider_id, provider_model_id"
            f" FROM offerings WHERE model_id IN ({marks}))"
        )
    tiers: dict[OfferingKey, list[PriceTier]] = defaultdict(list)
    for r in rows(f"SELECT * FROM price_tiers{where} ORDER BY above_input_tokens", params):
        tiers[(r["provider_id"], r["provider_model_id"])].append(
            PriceTier(
                r["above_input_tokens"],
                parse_decimal(r["input_per_mtok"]),
                parse_decimal(r["output_per_mtok"]),
                parse_decimal(r["cache_read_per_mtok"]),
                parse_decimal(r["cache_write_per_mtok"]),
            )
        )
    history: dict[OfferingKey, list[PricePoint]] = defaultdict(list)
    for r in rows(f"SELECT * FROM price_history{where} ORDER BY effective, source_id", params):
        history[(r["provider_id"], r["provider_model_id"])].append(
            PricePoint(
                r["effective"],
                parse_decimal(r["input_per_mtok"]),
                parse_decimal(r["output_per_mtok"]),
                r["source_id"],
            )
        )
    units: dict[OfferingKey, list[UnitPrice]] = defaultdict(list)
    for r in rows(f"SELECT * FROM unit_prices{where} ORDER BY component, unit, variant", params):
        units[(r["provider_id"], r["provider_model_id"])].append(
            UnitPrice(
                r["component"], r["unit"], parse_decimal(r["usd"]), r["variant"], r["checked"]
            )
        )
    return tiers, history, units
