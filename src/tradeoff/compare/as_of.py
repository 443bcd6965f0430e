"""Prices in force on a past day (`tradeoff compare|cost --as-of DATE`), over records (pure).

The rule, per offering:

- an offering with dated price points (``Offering.history``) is priced on ``day`` by its last
  point on or before ``day``; with no point that early it is left out (it was not yet known at
  a price). When that point's input and output prices differ from today's, only those two
  prices are known for the day: cache, batch and tier prices are left unpriced rather than
  shown at today's values;
- an offering with no dated point keeps today's prices (no change of them was recorded);
- retired on or before ``day``: left out; retired later: it was still sold that day
  (deprecated if its deprecation date had passed, else generally available).

The known range is from the earliest dated point of the catalog to its newest date (a point or
an offering's checked date); a day outside it is refused by the caller with that range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tradeoff.records import Offering, Prices


def known_range(offerings: Iterable[Offering]) -> tuple[str, str] | None:
    """(first, last) ISO day of the catalog's price history; None when it holds no point."""
    points: list[str] = []
    checked: list[str] = []
    for o in offerings:
        points += [p.effective[:10] for p in o.history]
        if o.checked:
            checked.append(o.checked[:10])
    if not points:
        return None
    return min(points), max(points + checked)


def offering_as_of(offering: Offering, day: str) -> Offering | None:
    """``offering`` as it was sold on ``day`` (ISO), or None when it was not (see above)."""
    if offering.retired_on and offering.retired_on[:10] <= day:
        return None
    lifecycle = stage_on(offering, day)
    if not offering.history:
        return replace(offering, lifecycle=lifecycle)
    points = [p for p in offering.history if p.effective[:10] <= day]
    if not points:
        return None
    point = points[-1]
    prices = offering.prices
    if (point.input_per_mtok, point.output_per_mtok) != (
        prices.input_per_mtok,
        prices.output_per_mtok,
    ):
        prices = Prices(
            input_per_mtok=point.input_per_mtok,
            output_per_mtok=point.output_per_mtok,
            free=prices.free,
        )
        sources = {"input_per_mtok": point.source_id, "output_per_mtok": point.source_id}
        return replace(
            offering,
            prices=prices,
            lifecycle=lifecycle,
            checked=point.effective[:10],
            checked_source=point.source_id,  # the date is the point's: cited with its source
            price_sources=sources,
            history=tuple(points),
        )
    return replace(offering, lifecycle=lifecycle, history=tuple(points))


def stage_on(offering: Offering, day: str) -> str:
    """The lifecycle stage on ``day`` of an offering deprecated or retired since."""
    if offering.lifecycle not in ("retired", "deprecated"):
        return offering.lifecycle
    if offering.lifecycle == "retired" and offering.retired_on is None:
        return "retired"  # retired on a day nobody recorded: it stays out
    if offering.deprecated_on is None:
        return "deprecated" if offering.lifecycle == "deprecated" else "ga"
    return "deprecated" if offering.deprecated_on[:10] <= day else "ga"


def offerings_as_of(offerings: Iterable[Offering], day: str) -> list[Offering]:
    """Every offering sold on ``day``, at that day's prices."""
    return [o2 for o in offerings if (o2 := offering_as_of(o, day)) is not None]
