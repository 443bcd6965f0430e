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

from collections.abc import Collection, Iterable
from decimal import Decimal
from typing import NamedTuple

from tradeoff.compare import wording as w
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, UNPRICED_ROUTE


class RouteGap(NamedTuple):
    """A route's class (``kind``) and the sides it is about: the sides stated in no unit for a
    partly priced route, the sides without a token price otherwise."""

    kind: str
    sides: tuple[str, ...]


def sold_components(components: Iterable[str]) -> frozenset[str]:
    """The components priced in another unit than text tokens, from a route's unit prices'
    components (``UnitPrice.component``) or its "component:unit" pairs
    (``Quote.other_unit_pairs``): every component counts, a cache read or a request price
    too, so the comparison and the calculator pass ``route_gap`` the same set."""
    return frozenset(c.partition(":")[0] for c in components)


def missing_sides(
    input_per_mtok: Decimal | None, output_per_mtok: Decimal | None, output_applicable: bool
) -> tuple[str, ...]:
    """The sides without a price per token (output only where the kind has output tokens)."""
    sides = (("input", input_per_mtok), ("output", output_per_mtok))
    return tuple(s for s, v in sides if v is None and (s == "input" or output_applicable))


def not_per_token_sides(
    input_per_mtok: Decimal | None,
    output_per_mtok: Decimal | None,
    sold: Collection[str],
    free: bool,
    output_applicable: bool = True,
) -> tuple[str, ...]:
    """The sides with no price per token that are sold in another unit (fal's per-image
    output; not its input, stated in no unit): the cells that read "not per token"."""
    if free:
        return ()
    missing = missing_sides(input_per_mtok, output_per_mtok, output_applicable)
    return tuple(side for side in missing if side in sold)


def route_gap(
    input_per_mtok: Decimal | None,
    output_per_mtok: Decimal | None,
    sold: Collection[str],
    free: bool,
    output_applicable: bool = True,
) -> RouteGap | None:
    """The route's class, or None when it has a total per token (both sides priced, or the
    only side of a kind without output tokens, or free). ``sold``: every component of its
    prices in other units (``sold_components``)."""
    if free:
        return None
    missing = missing_sides(input_per_mtok, output_per_mtok, output_applicable)
    if not missing:
        return None
    if len(missing) == (2 if output_applicable else 1):  # no token price on any side
        return RouteGap(NOT_PER_TOKEN_ROUTE if sold else UNPRICED_ROUTE, missing)
    unsourced = tuple(s for s in missing if s not in sold)
    if unsourced:
        return RouteGap(PARTLY_PRICED_ROUTE, unsourced)
    return RouteGap(NOT_PER_TOKEN_ROUTE, missing)


def partly_priced_text(gap: RouteGap) -> str:
    """ "output price not yet sourced": the side a partly priced route lacks."""
    return f"{w.join(list(gap.sides))} price not yet sourced"
