"""The change classification of the price history (docs/history.md states it for readers).

A change between two consecutive daily states of one offering is exactly one of:

- ``lifecycle``: it appeared, was renamed, left the catalog, or only its status changed;
- ``limit``: only context / output limits changed;
- ``correction``: a data fix, never shown as a cut or a rise — tried in this order:
  ``unit-fix`` (a price differs by a factor of UNIT_FACTOR or more: per-token vs per-million;
  it fixes the earlier spans only when the new values are plausible),
  ``price-stated`` (input or output went from absent to a value or back),
  ``zero-artefact`` (a positive input or output price set to 0, or back, the offering not free),
  ``early-fix`` (within EARLY_FIX_DAYS of the offering's appearance: the entry was fixed),
  ``reverted`` (the prices return to the earlier state within REVERT_DAYS);
  a change of cache prices only between 0 and absent is a ``zero-artefact`` too;
- ``price``: any other price change — a move: ``cut`` (every changed price went down),
  ``rise`` (every one went up) or ``mixed``; judged on input and output, else on cache prices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tradeoff.history_records import (
    CUT,
    EARLY_FIX,
    MIXED,
    PRICE_STATED,
    REVERTED,
    RISE,
    UNIT_FIX,
    ZERO_ARTEFACT,
)

UNIT_FACTOR = Decimal(1000)
# 48 of the 100 A→B→A reverts in models.dev's history come back within 6 days; the next come
# 8 to 60 days later, spread out (real moves and their reversal). docs/history.md.
REVERT_DAYS = 7
# 149 of the 1,795 input/output changes come on the day of the offering's appearance or the
# next day (a mistyped entry fixed on review); from day 2 on they spread out like real moves.
EARLY_FIX_DAYS = 1
# No text model is priced above this per 1M tokens (the dearest, o1-pro's output, is 600): a
# unit fix rewrites the earlier spans only when its new values are below it.
PLAUSIBLE_MAX = Decimal(1000)
PRICE_NAMES = ("input", "output", "cache_read", "cache_write")
LIMIT_NAMES = ("context", "max_output")

Prices = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]


@dataclass(frozen=True)
class State:
    """One offering's values at the end of one day."""

    prices: Prices  # input, output, cache_read, cache_write per 1M text tokens
    context: int | None
    max_output: int | None
    status: str | None


def changed_fields(old: State, new: State) -> tuple[str, ...]:
    """The names of the values that differ (prices compared as numbers)."""
    names = [n for n, a, b in zip(PRICE_NAMES, old.prices, new.prices, strict=True) if a != b]
    if old.context != new.context:
        names.append("context")
    if old.max_output != new.max_output:
        names.append("max_output")
    if old.status != new.status:
        names.append("status")
    return tuple(names)


def _ratio(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None or a == 0 or b == 0:
        return None
    return max(a, b) / min(a, b)


def correction_rule(
    old: State, new: State, appeared: dt.date, day: dt.date, later: list[tuple[dt.date, State]]
) -> str | None:
    """The correction rule a price change meets, or None (a move). ``later``: the states after
    ``day`` (to look for a revert)."""
    pairs = list(zip(old.prices, new.prices, strict=True))
    if any((r := _ratio(a, b)) is not None and r >= UNIT_FACTOR for a, b in pairs):
        return UNIT_FIX
    if any((a is None) != (b is None) for a, b in pairs[:2]):
        return PRICE_STATED
    if any(a != b and (a == 0 or b == 0) for a, b in pairs[:2] if a is not None and b is not None):
        return ZERO_ARTEFACT
    if pairs[:2] == [(a, a) for a, _ in pairs[:2]] and all(
        a == b or {a, b} <= {None, Decimal(0)} for a, b in pairs[2:]
    ):
        return ZERO_ARTEFACT
    if (day - appeared).days <= EARLY_FIX_DAYS:
        return EARLY_FIX
    for when, state in later:
        if (when - day).days > REVERT_DAYS:
            break
        if state.prices == old.prices:
            return REVERTED
    return None


def plausible(prices: Prices) -> bool:
    """Every stated price is a believable USD per 1M tokens."""
    return all(p is None or p <= PLAUSIBLE_MAX for p in prices)


def direction(old: Prices, new: Prices) -> str:
    """cut / rise / mixed over input and output (cache prices when neither changed)."""
    for names in ((0, 1), (2, 3)):
        moves = {
            new[i] > old[i]  # type: ignore[operator]  # both stated (checked below)
            for i in names
            if old[i] is not None and new[i] is not None and old[i] != new[i]
        }
        if moves:
            return MIXED if len(moves) > 1 else (RISE if True in moves else CUT)
    return MIXED
