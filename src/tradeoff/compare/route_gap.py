"""Why a route has no total per text token: the one rule every page classifies routes by.

The comparison's availability lists (``compare.availability_claims``), its provider rows
(``compare.headline``) and the calculator (``compare.cost``) all call ``route_gap``, so a route
is counted in the same class everywhere and each count equals its list:

- ``NOT_PER_TOKEN_ROUTE``: every side without a token price is sold in another unit (Azure's
  gpt-image-1-mini: input per 1M tokens, output per 1M image tokens), or no side has a token
  price and some price is stated in another unit (fal sells an image model per image only,
  the per-image price standing for the whole request);
- ``PARTLY_PRICED_ROUTE``: one side has a token price and the other is stated in no unit at
  all (Vercel AI Gateway's gpt-image-1-mini: input $2.00 per 1M tokens, output not sourced) —
  half a price, which cannot be totalled; the missing side is named;
- ``UNPRICED_ROUTE``: no price in any unit.

No ``from __future__ import annotations``: a comparison imports this module, and a
NamedTuple's string annotations are each compiled into a ForwardRef at import.
"""

from collections.abc import Collection
from decimal import Decimal
from typing import NamedTuple

from tradeoff.compare import wording as w
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, UNPRICED_ROUTE


class RouteGap(NamedTuple):
    """A route's class (``kind``) and the sides it is about: the sides stated in no unit for a
    partly priced route, the sides without a token price otherwise."""

    kind: str
    sides: tuple[str, ...]


def route_gap(
    input_per_mtok: Decimal | None,
    output_per_mtok: Decimal | None,
    sold_sides: Collection[str],
    free: bool,
    output_applicable: bool = True,
) -> RouteGap | None:
    """The route's class, or None when it has a total per token (both sides priced, or the
    only side of a kind without output tokens, or free). ``sold_sides`` are the components
    of its prices in other units (``UnitPrice.component``)."""
    if free:
        return None
    sides = (("input", input_per_mtok), ("output", output_per_mtok))
    missing = tuple(s for s, v in sides if v is None and (s == "input" or output_applicable))
    if not missing:
        return None
    if len(missing) == (2 if output_applicable else 1):  # no token price on any side
        return RouteGap(NOT_PER_TOKEN_ROUTE if sold_sides else UNPRICED_ROUTE, missing)
    unsourced = tuple(s for s in missing if s not in sold_sides)
    if unsourced:
        return RouteGap(PARTLY_PRICED_ROUTE, unsourced)
    return RouteGap(NOT_PER_TOKEN_ROUTE, missing)


def partly_priced_text(gap: RouteGap) -> str:
    """ "output price not yet sourced": the side a partly priced route lacks."""
    return f"{w.join(list(gap.sides))} price not yet sourced"
