"""Price claims: unpriced and free-only models, break-even shares, ties never called cheaper."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.claim import Claim
from tradeoff.compare.money_claim import money_claim
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Model, Offering, UnitPrice


def _claims(offers: list[Offering], *models: Model) -> dict[str, Claim]:
    pricing = {
        m.id: model_pricing(m, [o for o in offers if o.model_id == m.id], PROVIDERS, DEFAULT_BLEND)
        for m in models
    }
    names = {m.id: m.name for m in models}
    return {c.id: c for c in price_claims([m.id for m in models], names, pricing, DEFAULT_BLEND)}


def test_free_only_model_is_not_said_to_be_unpriced() -> None:
    a, b = model("lab/a"), model("lab/b")
    offers = [
        offering("lab/a", "host", None, None, free=True),
        offering("lab/b", "host", "1", "1"),
    ]
    claim = _claims(offers, a, b)["price.unpriced.lab/a"]
    assert claim.text == (
        "A has only a free variant on an active provider in the catalog (Host); "
        "no paid price is sourced."
    )
    assert "not yet sourced" not in claim.text
    # unknown is JSON null, not the string "null"
    assert [n.value for n in claim.numbers] == [None]
    missing = _claims(offers, a, b)["price.first_party.missing"]
    assert all(n.value is None for n in missing.numbers)


def test_choose_reasons_state_the_break_even_share() -> None:
    # A: cheaper input, dearer output; B the reverse. At 70/30 B is cheaper, and the prices
    # meet at a 74/26 blend (share = 2.5 / 3.4 = 0.735 → 74, half up).
    a, b = model("lab/a"), model("lab/b")
    offers = [offering("lab/a", "host", "0.6", "3.5"), offering("lab/b", "host", "1.5", "1")]
    claims = _claims(offers, a, b)
    assert "meet at a 74/26 input/output blend" in claims["price.break_even"].text
    assert claims["price.cheapest"].favours == ("lab/b",)
    assert claims["price.cheapest.input"].reason == "input is more than 74% of your tokens"
    assert claims["price.cheapest.output"].reason == "input is less than 74% of your tokens"
    assert "heavy" not in claims["price.cheapest.input"].reason


@given(base=st.decimals(min_value="0.01", max_value=100, places=4), bump=st.integers(0, 100))
def test_a_tie_is_never_called_cheaper(base: Decimal, bump: int) -> None:
    other = base + base * Decimal(bump) / Decimal(10000)  # up to 1% more
    names = {"x/a": "A", "x/b": "B"}
    claim = money_claim("p", "here", "f", [("x/a", base, ""), ("x/b", other, "")], names, "b", "r")
    assert claim.tie and not claim.favours
    assert "less" not in claim.text and "×" not in claim.text


def test_a_small_price_difference_is_said_in_percent_never_as_one_times() -> None:
    names = {"x/a": "A", "x/b": "B", "x/c": "C"}
    two = [("x/a", Decimal("1.00"), ""), ("x/b", Decimal("1.02"), "")]
    claim = money_claim("p", "here", "f", two, names, "b", "r")
    assert claim.text == "A costs 2% less than B here: $1.00 vs $1.02; B costs 2% more."
    three = [*two, ("x/c", Decimal("3.00"), "")]
    claim = money_claim("p", "here", "f", three, names, "b", "r")
    assert "B costs 2% more ($1.02)" in claim.text and "C costs 3.0× as much" in claim.text
    assert "1.0×" not in claim.text


def test_a_tie_at_the_labs_apis_is_grammatical() -> None:
    a, b = model("lab/a"), model("other/b", lab="other")._replace(name="B")
    providers = {**PROVIDERS, "other-api": provider("other-api", "first-party", lab="other")}
    offers = [offering("lab/a", "lab-api", "1", "1"), offering("other/b", "other-api", "1", "1")]
    pricing = {
        m.id: model_pricing(m, [o for o in offers if o.model_id == m.id], providers, DEFAULT_BLEND)
        for m in (a, b)
    }
    claims = price_claims([a.id, b.id], {a.id: "A", b.id: "B"}, pricing, DEFAULT_BLEND)
    text = next(c.text for c in claims if c.id == "price.first_party")
    assert text.startswith("A and B cost the same at each lab's own API"), text


def test_equal_prices_are_the_same_and_near_ones_the_same_within_one_percent() -> None:
    # "the same within 1%" for two identical prices reads as if they differed
    names = {"x/a": "A", "x/b": "B", "x/c": "C"}
    equal = [("x/a", Decimal("1.00"), ""), ("x/b", Decimal("1.000"), "")]
    claim = money_claim("p", "here", "f", equal, names, "b", "r")
    assert claim.text == "A and B cost the same here: $1.00 vs $1.00."
    near = [("x/a", Decimal("1.00"), ""), ("x/b", Decimal("1.005"), "")]
    claim = money_claim("p", "here", "f", near, names, "b", "r")
    assert claim.text.startswith("A and B cost the same within 1% here:"), claim.text
    three = [*equal, ("x/c", Decimal("3.00"), "")]
    claim = money_claim("p", "here", "f", three, names, "b", "r")
    assert claim.text == (
        "A and B cost the least here, the same: $1.00 and $1.00; C costs 3.0× as much ($3.00)."
    )


def test_models_tied_for_the_lowest_price_are_said_once() -> None:
    # "Claude Sonnet 4 and Claude Sonnet 4.5 cost the least … at $5.94 (Jiekou.AI); Claude
    # Sonnet 4.5 costs the same ($5.94 (Jiekou.AI)); …": the tied model was said twice
    names = {"x/a": "A", "x/b": "B", "x/c": "C"}
    near = [
        ("x/a", Decimal("1.00"), "P"),
        ("x/b", Decimal("1.005"), "Q"),
        ("x/c", Decimal("2"), "R"),
    ]
    claim = money_claim("p", "here", "f", near, names, "b", "r")
    assert claim.text == (
        "A and B cost the least here, the same within 1%: $1.00 (P) and $1.005 (Q); "
        "C costs 2.0× as much ($2.00 (R))."
    )
    assert claim.leaders == ("x/a", "x/b") and not claim.favours
    assert not claim.tie  # C costs twice as much: not every model ties (as benchmark claims)


def test_three_models_at_the_same_price_cost_the_same() -> None:
    names = {"x/a": "A", "x/b": "B", "x/c": "C"}
    three = [("x/a", Decimal("1"), ""), ("x/b", Decimal("1"), ""), ("x/c", Decimal("1.005"), "")]
    claim = money_claim("p", "here", "f", three, names, "b", "r")
    assert claim.text == "A, B and C cost the same within 1% here: $1.00, $1.00 and $1.005."


def test_which_is_cheaper_states_the_one_known_price() -> None:
    # Ornith 1.0 35B (no priced route) vs UI-TARS 7B: the answer said only that Ornith's price
    # is not yet sourced, never UI-TARS 7B's own price
    a, b = model("lab/a"), model("lab/b")
    claims = _claims([offering("lab/b", "host", "0.1", "0.2")], a, b)
    assert "price.unpriced.lab/a" in claims
    alone = claims["price.cheapest.only"]
    assert alone.text == (
        f"{b.name} costs $0.13 on its cheapest comparable route (Host, blended 70/30 "
        "input/output, USD per 1M tokens); there is no other price to compare it with."
    )
    assert not alone.favours and not alone.leaders  # nothing is compared: no card mark


def test_a_missing_first_party_offering_is_said_to_be_missing_from_the_catalog() -> None:
    # "DALL·E 3 is not offered by its own lab's API in the catalog" read as a fact about
    # OpenAI (which sells it); what is known is that the catalog holds no offering of the lab's
    # own API (a retired or copied one says so instead: tests/compare/test_first_party.py)
    a, b = model("lab/a"), model("lab/b")._replace(name="B")
    offers = [offering("lab/a", "host", "1", "1"), offering("lab/b", "other", "2", "2")]
    text = _claims(offers, a, b)["price.first_party.missing"].text
    assert text == f"The catalog has no price of {a.name} and B at their own labs' APIs.", text
    solo = _claims([offering("lab/a", "host", "1", "1")], a)["price.first_party.missing"].text
    assert solo == f"The catalog has no price of {a.name} at its own lab's API.", solo


def test_a_model_priced_per_token_on_one_side_is_not_said_to_be_sold_otherwise() -> None:
    # gpt-image-1-mini at Azure and OpenAI: input $2.00 per 1M tokens, output per 1M image
    # tokens (reviewer: the verdict said "not per text token" beside the table's $2.00)
    image = (UnitPrice("output", "per_mtok_image", Decimal("8")),)
    offers = [
        replace(o, prices=replace(o.prices, unit_prices=image))
        for o in (offering("lab/a", "host", "2", None), offering("lab/a", "other", "2", None))
    ]
    a, b = model("lab/a"), model("lab/b")
    claim = _claims([*offers, offering("lab/b", "host", "1", "1")], a, b)["price.unpriced.lab/a"]
    assert "not per text token" not in claim.text
    assert "output sold per 1M image tokens, input $2.00 per 1M tokens" in claim.text
    assert [n.value for n in claim.numbers if n.value is not None] == [Decimal(2)] * 2


def test_a_partly_priced_model_is_not_said_to_have_no_priced_offering() -> None:
    # GPT-Image-1 at Vercel AI Gateway: input $5.00 per 1M tokens, output not sourced
    a, b = model("lab/a"), model("lab/b")
    offers = [offering("lab/a", "host", "5", None), offering("lab/b", "host", "1", "1")]
    claim = _claims(offers, a, b)["price.unpriced.lab/a"]
    assert "no priced offering" not in claim.text
    assert "input $5.00 per 1M tokens, output price not yet sourced (at Host)" in claim.text
