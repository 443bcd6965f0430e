"""The catalog as it was priced on a past day (`tradeoff compare|cost --as-of DATE`).

``catalog_as_of`` opens the same compiled catalog again with every offering replaced by its
state on that day (``compare.as_of``); every page builder then works unchanged on it.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from tradeoff.compare.as_of import known_range, offerings_as_of
from tradeoff.compare.changes import parse_day
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError
from tradeoff.records import Offering


class CatalogAsOf(Catalog):
    """A compiled catalog whose offerings are those sold on ``day``, at that day's prices."""

    def __init__(self, catalog: Catalog, day: str) -> None:
        super().__init__(catalog.path)
        self.day = day

    @cached_property
    def offerings(self) -> list[Offering]:
        return offerings_as_of(Catalog.offerings.func(self), self.day)  # type: ignore[attr-defined]


def catalog_as_of(catalog: Catalog, text: str, field: str = "--as-of") -> Catalog:
    """``catalog`` priced on the day ``text`` names; a day outside the known price history
    (or no history at all) is a usage error saying the range."""
    try:
        day = parse_day(text).isoformat()
    except ValueError as exc:
        raise UsageError(str(exc), field=field) from None
    known = known_range(catalog.offerings)
    if known is None:
        raise UsageError(
            "this catalog holds no dated prices, so no earlier day can be priced", field=field
        )
    first, last = known
    last = max(last, dt.date.today().isoformat())  # today's prices are known: they are live
    if not first <= day <= last:
        raise UsageError(
            f"no prices are known for {day}: the price history covers {first} to {last}",
            field=field,
        )
    return CatalogAsOf(catalog, day)
