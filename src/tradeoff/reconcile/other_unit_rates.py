"""A per-text-token price that is another unit's price under a text name.

models.dev states Azure's gpt-image-1.5 as ``output = 32``: that is its price per 1M *image*
output tokens, which LiteLLM states apart (``output_cost_per_image_token``) beside the text
output price (10). A dataset's text price on a side that equals the price per 1M image (audio,
video) tokens another source states for the same offering beside a different text price of
its own is dropped before the merge, with its reason; the text price
stated as such is then the one shown (docs/units.md "A side with no text" covers a side whose
modalities hold no text; this covers a side that holds both).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tradeoff.reconcile.resolved import Resolved
from tradeoff.reconcile.statements import Statement
from tradeoff.records import DroppedValue, PricePoint
from tradeoff.units import unit_label

# The token units a dataset's plain per-token price can be mistaken for, and their nouns.
TOKEN_UNITS = {"per_mtok_image": "image", "per_mtok_audio": "audio", "per_mtok_video": "video"}
SIDES = (("input", "input_per_mtok"), ("output", "output_per_mtok"))


def without_other_unit_rates(
    entity: str, statements: list[Statement], out: Resolved
) -> list[Statement]:
    """The statements less each dataset's text price that is another source's price in
    another token unit for the same side; each one dropped is recorded with its reason."""
    stated: dict[tuple[str, Decimal], list[tuple[Statement, str]]] = {}
    for statement in statements:
        for price in statement.offering.prices.unit_prices:
            if price.unit in TOKEN_UNITS and price.usd is not None:
                stated.setdefault((price.component, price.usd), []).append((statement, price.unit))
    if not stated:
        return statements
    return [_without(entity, s, stated, out) for s in statements]


def _without(
    entity: str,
    statement: Statement,
    stated: dict[tuple[str, Decimal], list[tuple[Statement, str]]],
    out: Resolved,
) -> Statement:
    if statement.hand_written:
        return statement  # a hand-written price is cited: it stands
    prices = statement.offering.prices
    dropped: dict[str, None] = {}
    for side, name in SIDES:
        value = getattr(prices, name)
        if value is None:
            continue
        for other, unit in stated.get((side, value), []):
            own_text = getattr(other.offering.prices, name)
            if other is statement or own_text is None or own_text == value:
                # the same number as a text price too: believed; no text price beside the
                # other unit's: left to the modalities (reconcile/text_sides.py)
                continue
            label = unit_label(unit)
            text = str(own_text)
            out.dropped.append(
                DroppedValue(
                    statement.source_of(name)[0],
                    entity,
                    name,
                    str(value),
                    f"equals the {side} price {label} that {other.source_id} states for this "
                    f"offering apart from its text price ({text}): a price per 1M "
                    f"{TOKEN_UNITS[unit]} tokens under a text-token name; kept as {side} {label}",
                )
            )
            dropped[name] = None
            break
    if not dropped:
        return statement
    offering = statement.offering.model_copy(update={"prices": prices.model_copy(update=dropped)})
    history = tuple(
        point
        for point in (_point_without(p, dropped, prices) for p in statement.history)
        if point.input_per_mtok is not None or point.output_per_mtok is not None
    )
    return replace(statement, offering=offering, history=history)


def _point_without(point: PricePoint, dropped: dict[str, None], prices: object) -> PricePoint:
    """A dated point less the same mislabelled number on a dropped side."""
    changes = {
        name: None
        for name in dropped
        if getattr(point, name) is not None and getattr(point, name) == getattr(prices, name)
    }
    return replace(point, **changes) if changes else point  # type: ignore[arg-type]
