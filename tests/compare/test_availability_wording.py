"""What availability says is not counted: the offering and why, never a counted provider as
if it were gone; every offering once; the FAQ's "where" answer short and its own."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.availability_claims import availability_claims
from tradeoff.compare.pricing import ModelPricing, model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import UnitPrice


def _pricing() -> ModelPricing:
    m = model("lab/a")
    offers = [
        offering("lab/a", "host", "0.3", "0.9"),
        # the same host's older route to the model, retired: the host still counts
        replace(
            offering("lab/a", "host", "0.3", "0.9", pmid="a-old", lifecycle="retired"),
            retired_on="2026-10-09",
        ),
        # two retired routes at one provider that has no active one
        replace(
            offering("lab/a", "other", "1", "2", pmid="a", lifecycle="retired"),
            retired_on="2026-09-29",
        ),
        replace(
            offering("lab/a", "other", "1", "2", pmid="a@2025", lifecycle="retired"),
            retired_on="2026-09-29",
        ),
        offering("lab/a", "gone", "0.1", "0.1"),
    ]
    return model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)


def _defunct_text() -> str:
    p = _pricing()
    claims = availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})
    return next(c.text for c in claims if c.id == "availability.defunct.lab/a")


def test_a_retired_offering_of_a_counted_provider_names_the_offering_not_the_provider() -> None:
    text = _defunct_text()
    assert "Host's offering a-old (retired on 2026-10-09; Host is counted for its active " in text
    # the old wording said the provider itself was not counted
    assert not text.startswith("Not counted for A: Host")


def test_each_provider_once_with_its_retired_offerings_and_reasons() -> None:
    text = _defunct_text()
    assert text.count("Other") == 1
    assert "Other (offerings a and a@2025 retired on 2026-09-29)" in text
    assert "Gone (provider defunct since 2024-10-31)" in text


def test_a_provider_billing_in_another_unit_is_not_said_to_have_no_price() -> None:
    # Oracle bills per character: its route is "not priced per token", not "no sourced price"
    billed = (UnitPrice("input", "per_character", None), UnitPrice("output", "per_character", None))
    billed_route = offering("lab/a", "other", None, None)
    offers = [
        offering("lab/a", "host", "0.3", "0.9"),
        replace(billed_route, prices=replace(billed_route.prices, unit_prices=billed)),
        offering("lab/a", "lab-api", None, None),
    ]
    p = model_pricing(model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)
    claims = {c.id: c for c in availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})}
    assert claims["availability.unpriced.lab/a"].text == (
        "For A, 1 of 3 providers has no sourced price: Lab-Api."
    )
    assert claims["availability.not_per_token.lab/a"].text == (
        "For A, 1 of 3 providers is not priced per token: Other (per character)."
    )


def test_a_route_with_a_token_price_and_a_side_in_other_units_names_each_side() -> None:
    # Azure's GPT-Image-1: input $2.00 per 1M tokens, images per 1M image tokens: no total
    # per token, as the calculator says, so it is listed (``route_gap``), each side's unit
    # named (the page once said "Azure (per 1M image tokens)", as if nothing were per token)
    images = (UnitPrice("output", "per_mtok_image", Decimal("40")),)
    mixed = offering("lab/a", "other", "2", None)
    offers = [
        offering("lab/a", "host", "0.3", "0.9"),
        replace(mixed, prices=replace(mixed.prices, unit_prices=images)),
    ]
    p = model_pricing(model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)
    claims = {c.id: c for c in availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})}
    assert claims["availability.not_per_token.lab/a"].text == (
        "For A, 1 of 2 providers is not priced per token: "
        "Other (output per 1M image tokens; input per token)."
    )


def test_a_route_with_both_token_prices_and_other_units_is_not_listed() -> None:
    # a total per token exists: images priced apart do not take it away
    images = (UnitPrice("input", "per_image", Decimal("0.01")),)
    full = offering("lab/a", "other", "2", "8")
    offers = [replace(full, prices=replace(full.prices, unit_prices=images))]
    p = model_pricing(model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)
    claims = {c.id: c for c in availability_claims(["lab/a"], {"lab/a": "A"}, {"lab/a": p}, [], {})}
    assert not [c for c in claims if ".not_per_token." in c or ".partly_priced." in c]
