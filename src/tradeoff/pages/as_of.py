"""The catalog as it was priced on a past day (`tradeoff compare|cost --as-of DATE`).

``catalog_as_of`` opens the same compiled catalog again with every offering replaced by its
state on that day; every page builder then works unchanged on it. With a dated price history
(``price_spans``) each offering is priced from the span in force that day
(``compare.as_of_spans``: an offering with no span in force that day is kept only from the
day its live price is dated through today), and the accepted range
is the history's bounds (models.dev's) through today. Without spans, the offerings' own
``price_history`` points decide (``compare.as_of``), over their range through today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property

from tradeoff.compare.as_of import known_range, offerings_as_of
from tradeoff.compare.as_of_spans import in_force, offerings_on_spans
from tradeoff.compare.changes import parse_day
from tradeoff.db.history_queries import history_bounds, spans_on
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError
from tradeoff.records import Offering, PartialDate


class CatalogAsOf(Catalog):
    """A compiled catalog whose offerings are those sold on ``day``, at that day's prices."""

    live = False  # the values precomputed at build are today's: pages compute their own

    def __init__(self, catalog: Catalog, day: str, *, spans: bool = False) -> None:
        super().__init__(catalog.path)
        self.day = day
        self.from_spans = spans  # price from the dated spans (else the price_history points)

    @cached_property
    def offerings(self) -> list[Offering]:
        today: list[Offering] = Catalog.offerings.func(self)  # type: ignore[attr-defined]
        if not self.from_spans:
            return offerings_as_of(today, self.day)
        return offerings_on_spans(today, self.day, in_force(spans_on(self.connection(), self.day)))

    def offerings_of(self, model_ids: Iterable[str]) -> dict[str, list[Offering]]:
        """As ``Catalog.offerings_of``, from this day's offerings (never today's rows)."""
        self.offerings  # noqa: B018 - loaded first: the base class then groups these
        return super().offerings_of(model_ids)


def catalog_as_of(catalog: Catalog, text: str, field: str = "--as-of") -> Catalog:
    """``catalog`` priced on the day ``text`` names; a day outside the known price history
    (or no history at all) is a usage error saying the range."""
    try:
        day = parse_day(text).isoformat()
    except ValueError as exc:
        raise UsageError(str(exc), field=field) from None
    bounds = history_bounds(catalog.connection())
    known = bounds if bounds is not None else known_range(catalog.offerings)
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
    return CatalogAsOf(catalog, day, spans=bounds is not None)


def refuse_unreleased(catalog: Catalog, model_ids: Iterable[str], field: str = "--as-of") -> None:
    """A usage error when ``catalog`` is priced on a day before one of the models was
    certainly released: the page would call a model that did not exist yet unpriced and
    offered by no one. A release known only to the month or year counts from its first day."""
    if not isinstance(catalog, CatalogAsOf):
        return
    day = PartialDate(catalog.day)
    for model_id in model_ids:
        model = catalog.models[model_id]
        released = model.release_date.value
        if released is not None and released.after(day):
            raise UsageError(
                f"{model.name} was released on {released}, after {catalog.day}: no price of it "
                "was in force that day",
                field=field,
            )
