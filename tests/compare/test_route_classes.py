"""One rule classifies a route without a per-token total, on every page: the calculator's
count of each class equals the comparison's list of it, route for route.

gpt-image-1-mini at Vercel AI Gateway states its input per 1M tokens and its output in no
unit: the calculator counted it "unpriced" and the comparison listed it nowhere."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.availability_claims import availability_claims
from tradeoff.compare.cost import price_workload
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.route_gap import route_gap
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Offering, UnitPrice
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, UNPRICED_ROUTE

HOSTS = {**PROVIDERS, **{p: provider(p) for p in ("vercel", "fal", "azure", "poe")}}
IMAGE_OUT = UnitPrice("output", "per_mtok_image", Decimal("8"))


def _sold(o: Offering, *units: UnitPrice) -> Offering:
    return replace(o, prices=replace(o.prices, unit_prices=units))


def _routes() -> list[Offering]:
    return [
        offering("lab/a", "host", "2", "8"),  # a total per token
        offering("lab/a", "vercel", "2", None),  # half a price: output stated in no unit
        _sold(offering("lab/a", "azure", "2", None), IMAGE_OUT),  # output per image token
        _sold(offering("lab/a", "fal", None, None), UnitPrice("output", "per_image", Decimal(1))),
        offering("lab/a", "poe", None, None),  # no price in any unit
    ]


def _comparison_lists() -> dict[str, tuple[str, ...]]:
    p = model_pricing(model("lab/a"), _routes(), HOSTS, DEFAULT_BLEND)
    claims = availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})
    return {
        label.split(":")[0]: items
        for c in claims
        for label, items in c.lists
        if label.split(":")[0] in ("partly_priced", "not_per_token", "unpriced")
    }


def test_the_calculator_and_the_comparison_classify_each_route_alike() -> None:
    lines = price_workload([model("lab/a")], {"lab/a": _routes()}, HOSTS, Workload(1_000, 1_000))
    by_class: dict[str, list[str]] = {}
    for line in lines:
        if line.total_usd is None:
            assert line.no_total is not None, line.provider_id
            by_class.setdefault(line.no_total, []).append(line.provider_name)
    listed = _comparison_lists()
    assert by_class == {
        PARTLY_PRICED_ROUTE: ["Vercel"],
        NOT_PER_TOKEN_ROUTE: ["Azure", "Fal"],
        UNPRICED_ROUTE: ["Poe"],
    }
    assert {k: sorted(v) for k, v in listed.items()} == {
        "partly_priced": ["Vercel"],
        "not_per_token": ["Azure", "Fal"],
        "unpriced": ["Poe"],
    }


def test_half_a_price_says_the_missing_side() -> None:
    [line] = price_workload(
        [model("lab/a")], {"lab/a": [_routes()[1]]}, HOSTS, Workload(1_000, 1_000)
    )
    assert not line.unpriced and line.no_total == PARTLY_PRICED_ROUTE
    assert line.note == "partly priced: output price not yet sourced"
    p = model_pricing(model("lab/a"), _routes(), HOSTS, DEFAULT_BLEND)
    claims = {c.id: c for c in availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})}
    assert claims["availability.partly_priced.lab/a"].text == (
        "For A, 1 of 5 providers states a price for one side only, so no total: "
        "Vercel (output price not yet sourced)."
    )
    vercel = next(q for q in p.providers if q.provider_id == "vercel")
    assert vercel.excluded_reason == "partly priced: output price not yet sourced"


_PRICE = st.one_of(st.none(), st.just(Decimal(1)))
_SIDES = st.frozensets(st.sampled_from(("input", "output", "cache_read")))


@given(_PRICE, _PRICE, _SIDES, st.booleans())
def test_a_route_has_a_total_or_exactly_one_class(
    inp: Decimal | None, out: Decimal | None, sold: frozenset[str], free: bool
) -> None:
    gap = route_gap(inp, out, sold, free)
    if free or (inp is not None and out is not None):
        assert gap is None
    else:
        assert gap is not None
        no_token_price = inp is None and out is None
        if gap.kind == UNPRICED_ROUTE:
            assert no_token_price and not sold
        elif gap.kind == PARTLY_PRICED_ROUTE:
            # a side priced (per token or otherwise) and a side stated in no unit
            assert gap.sides and not set(gap.sides) & sold
        else:
            assert gap.kind == NOT_PER_TOKEN_ROUTE and sold
