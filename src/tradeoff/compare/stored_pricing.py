"""A model's ``ModelPricing`` as JSON-ready values and back, exactly (every Decimal keeps its
digits and exponent): how the database stores each model's pricing at the default blend
(``db.derived``, computed by ``pages.precompute``), so a comparison page reads it instead of
pricing every offering again (``compare.engine.CatalogView.pricing``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tradeoff.compare.pricing import ModelPricing, Quote

_QUOTE_FIELDS = Quote._fields
_DECIMALS = frozenset(
    (
        "input_per_mtok",
        "output_per_mtok",
        "cache_read_per_mtok",
        "cache_write_per_mtok",
        "blended_per_mtok",
        "output_per_mtok_image",
    )
)
_TUPLES = frozenset(("price_source_ids", "other_units", "other_unit_pairs"))
_QUOTE_LISTS = ("providers", "defunct", "other_routes", "not_per_use")


def _quote_json(q: Quote) -> list[Any]:
    out: list[Any] = []
    for name in _QUOTE_FIELDS:
        value = getattr(q, name)
        if isinstance(value, Decimal):
            value = str(value)  # str(Decimal) reads back to the same digits and exponent
        elif isinstance(value, tuple):
            value = list(value)
        out.append(value)
    return out


_DEC_AT = tuple(i for i, name in enumerate(_QUOTE_FIELDS) if name in _DECIMALS)
_TUP_AT = tuple(i for i, name in enumerate(_QUOTE_FIELDS) if name in _TUPLES)


def _quote(values: list[Any]) -> Quote:
    for i in _DEC_AT:
        if values[i] is not None:
            values[i] = Decimal(values[i])
    for i in _TUP_AT:
        values[i] = tuple(values[i])
    # every field, in order (tests/pages/test_precompute.py holds the result equal to the
    # engine's); _make checks the count
    return Quote._make(values)


def pricing_json(p: ModelPricing) -> dict[str, Any]:
    """``p`` as JSON-ready values (``pricing_from_json`` reads them back equal)."""
    return {
        "model_id": p.model_id,
        "cheapest": None if p.cheapest is None else _quote_json(p.cheapest),
        "first_party": None if p.first_party is None else _quote_json(p.first_party),
        **{name: [_quote_json(q) for q in getattr(p, name)] for name in _QUOTE_LISTS},
        "free_providers": list(p.free_providers),
        "first_party_missing": p.first_party_missing,
    }


def pricing_from_json(value: dict[str, Any]) -> ModelPricing:
    """The ``ModelPricing`` that ``pricing_json`` wrote."""
    cheapest, first = value["cheapest"], value["first_party"]
    return ModelPricing(
        model_id=value["model_id"],
        cheapest=None if cheapest is None else _quote(cheapest),
        first_party=None if first is None else _quote(first),
        providers=tuple([_quote(q) for q in value["providers"]]),
        defunct=tuple([_quote(q) for q in value["defunct"]]),
        free_providers=tuple(value["free_providers"]),
        other_routes=tuple([_quote(q) for q in value["other_routes"]]),
        not_per_use=tuple([_quote(q) for q in value["not_per_use"]]),
        first_party_missing=value["first_party_missing"],
    )
