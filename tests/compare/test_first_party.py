"""Why a model has no first-party route is computed from the catalog, once, and every format
says it: GPT-Image-1 read "no price of the lab's own in the catalog" while its offering at
OpenAI is in the catalog, priced — and retired on 2026-10-23."""

from __future__ import annotations

from dataclasses import replace

from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.first_party import NO_LAB_PRICE
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import ModelPricing, model_pricing
from tradeoff.compare.stored_pricing import pricing_from_json, pricing_json
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.pages.comparison.pricing import missing_route_text, pricing_entry
from tradeoff.records import Model, Offering

RETIRED = "the lab's own offering retired on 2026-10-23 (Lab-Api)"


def _pricing(m: Model, offers: list[Offering]) -> ModelPricing:
    return model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)


def _retired_at_lab() -> list[Offering]:
    lab = offering("lab/a", "lab-api", "1", "4", lifecycle="retired")
    return [replace(lab, retired_on="2026-10-23"), offering("lab/a", "host", "1", "4")]


def test_a_retired_offering_of_the_lab_is_the_reason_not_a_missing_price() -> None:
    a = model("lab/a")
    p = _pricing(a, _retired_at_lab())
    assert p.first_party is None
    assert p.first_party_missing == RETIRED
    # stored pricing (what pages read) keeps it
    assert pricing_from_json(pricing_json(p)) == p
    entry = pricing_entry(p, a.name, {})
    assert entry["first_party_missing"] == RETIRED
    # the table cell, the card and the terminal all read missing_route_text
    assert missing_route_text("first_party", entry) == RETIRED
    b = model("lab/b")
    pricing = {a.id: p, b.id: _pricing(b, [offering("lab/b", "host", "2", "2")])}
    claims = price_claims([a.id, b.id], {a.id: a.name, b.id: "B"}, pricing, DEFAULT_BLEND)
    missing = next(c for c in claims if c.id == "price.first_party.missing")
    assert missing.text == (
        f"{a.name} has no first-party price: {RETIRED}. "
        "The catalog has no price of B at its own lab's API."
    ), missing.text
    assert [n.model_id for n in missing.numbers] == [a.id, b.id]


def test_no_offering_of_the_lab_at_all_is_the_catalogs_gap() -> None:
    a = model("lab/a")
    p = _pricing(a, [offering("lab/a", "host", "1", "4")])
    assert p.first_party is None and p.first_party_missing == NO_LAB_PRICE
    assert missing_route_text("first_party", pricing_entry(p, a.name, {})) == NO_LAB_PRICE


def test_a_priced_lab_route_has_no_reason() -> None:
    p = _pricing(model("lab/a"), [offering("lab/a", "lab-api", "1", "4")])
    assert p.first_party is not None and p.first_party_missing is None


def test_a_copied_price_and_a_defunct_lab_api_say_so() -> None:
    a = model("lab/a")
    copied = replace(offering("lab/a", "lab-api", "1", "4"), price_origin="host")
    assert _pricing(a, [copied]).first_party_missing == (
        "the lab's own API lists it only at a price copied from another provider's listing "
        "(Lab-Api)"
    )
    gone_api = provider("old-api", "first-party", status="defunct", lab="lab")
    providers = {**PROVIDERS, "old-api": gone_api}
    p = model_pricing(a, [offering("lab/a", "old-api", "1", "4")], providers, DEFAULT_BLEND)
    assert p.first_party_missing == "the lab's own API has been defunct since 2024-10-31 (Old-Api)"


def test_several_retired_offerings_give_the_last_date() -> None:
    a = model("lab/a")
    old = replace(
        offering("lab/a", "lab-api", "1", "4", lifecycle="retired"), retired_on="2025-01-01"
    )
    new = replace(old, provider_model_id="a-2", retired_on="2026-02-01")
    undated = replace(old, provider_model_id="a-3", retired_on=None)
    assert _pricing(a, [old, new, undated]).first_party_missing == (
        "the lab's own offerings retired, the last date stated 2026-02-01 (Lab-Api)"
    )
    assert _pricing(a, [old, new]).first_party_missing == (
        "the lab's own offerings retired, the last on 2026-02-01 (Lab-Api)"
    )
    assert _pricing(a, [undated]).first_party_missing == (
        "the lab's own offering retired, no date stated (Lab-Api)"
    )
