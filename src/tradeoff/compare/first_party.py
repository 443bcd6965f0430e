"""A model's first-party route (its lab's own API, at the lab's own price) and, when it has
none, why — computed once, here, from the routes its pricing lists, and said by every format
(the pricing table, the cards, the claims, a model page's price box, JSON).

"No price of the lab's own in the catalog" was said of GPT-Image-1, whose offering at OpenAI
is in the catalog, priced, and retired: the reason names what the catalog holds — the lab's
own offering retired (with its date), its provider defunct, its price copied from another
provider's listing — and only when the catalog holds no offering of the lab's own API at all
is it the catalog's gap (which is not a fact about the lab: it may sell the model).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from tradeoff.compare.wording import join
from tradeoff.records import Model, Provider


class LabQuote(Protocol):
    """What this module reads of a route (``compare.pricing.Quote``, which imports it)."""

    @property
    def provider_id(self) -> str: ...
    @property
    def provider_name(self) -> str: ...
    @property
    def provider_model_id(self) -> str: ...
    @property
    def own_price(self) -> bool: ...
    @property
    def lifecycle(self) -> str: ...
    @property
    def retired_on(self) -> str | None: ...
    @property
    def defunct_since(self) -> str | None: ...


Route = TypeVar("Route", bound=LabQuote)

# The catalog holds no offering of the lab's own API for the model (none live, none gone).
NO_LAB_PRICE = "no price of the lab's own in the catalog"


def lab_route(
    model: Model,
    rows: Sequence[Route],
    gone: Sequence[Route],
    providers: Mapping[str, Provider],
    order: Callable[[Route], Any],
) -> tuple[Route | None, str | None]:
    """The first-party route among a model's provider ``rows`` (the first in ``order``, so a
    priced one before a free or unpriced one; a price copied from another provider's listing
    is not the lab's own), and None; or None and why there is none (``gone``: the offerings
    on defunct providers and the retired ones)."""
    lab = [q for q in rows if _is_lab(q, model, providers)]
    own = sorted([q for q in lab if q.own_price], key=order)
    if own:
        return own[0], None
    return None, missing_reason(lab, [q for q in gone if _is_lab(q, model, providers)])


def missing_reason(copied: Sequence[LabQuote], gone: Sequence[LabQuote]) -> str:
    """Why a model has no first-party route, from its lab's own API's offerings: live ones
    priced only by copy (``copied``), or defunct or retired ones (``gone``); neither: the
    catalog holds none (``NO_LAB_PRICE``). What is live is said before what is gone."""
    if copied:
        return (
            "the lab's own API lists it only at a price copied from another provider's "
            f"listing ({_names(copied)})"
        )
    defunct = [q for q in gone if q.defunct_since is not None or q.lifecycle != "retired"]
    retired = [q for q in gone if q not in defunct]
    if retired:
        return f"{_retired(retired)} ({_names(retired)})"
    if defunct:
        since = max((q.defunct_since for q in defunct if q.defunct_since), default=None)
        state = f"has been defunct since {since}" if since else "is defunct"
        return f"the lab's own API {state} ({_names(defunct)})"
    return NO_LAB_PRICE


def _retired(quotes: Sequence[LabQuote]) -> str:
    # "retired on D" of one offering, or of several on one day; else the last day
    days = {q.retired_on for q in quotes}
    dated = sorted(d for d in days if d)
    ids = {(q.provider_id, q.provider_model_id) for q in quotes}
    if len(ids) == 1 or len(days) == 1:
        what = "offering" if len(ids) == 1 else "offerings"
        when = f" on {dated[0]}" if dated else ", no date stated"
        return f"the lab's own {what} retired{when}"
    # an undated retirement may be the last: the latest date is then only the last stated
    last = ", the last on" if None not in days else ", the last date stated"
    return "the lab's own offerings retired" + (f"{last} {dated[-1]}" if dated else "")


def _names(quotes: Sequence[LabQuote]) -> str:
    return join(list(dict.fromkeys(q.provider_name for q in quotes)))


def _is_lab(q: LabQuote, model: Model, providers: Mapping[str, Provider]) -> bool:
    # a provider missing from the registry is an active host (``pricing.provider_of``)
    provider = providers.get(q.provider_id)
    return provider is not None and provider.is_first_party_for(model.lab_id)
