"""The headline rule on routes whose precision is unstated, and on prices not sold in USD.

Most routes state no precision; they are presumed to serve the model as released unless the
catalog holds evidence that they do not (compare/headline.py, rule 4):
- the provider's id or name marks a serving variant ("-fast", "-turbo") that the model's own
  id and name do not: another serving configuration, often quantized or speculative;
- the same provider sells a third-party quantization of the model at exactly the same prices.
A provider whose prices are in its own points (Poe: compute points from a subscription or
add-on purchase) sells no USD price per token: the dataset's USD figure is a conversion.
"""

from __future__ import annotations

from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.pricing import ModelPricing, model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Model, Offering


def _pricing(offers: list[Offering], m: Model | None = None) -> ModelPricing:
    return model_pricing(m or model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)


def _reasons(p: ModelPricing) -> dict[str, str | None]:
    return {q.provider_model_id: q.excluded_reason for q in (*p.providers, *p.other_routes)}


def test_a_fast_variant_of_unstated_precision_is_not_the_headline() -> None:
    # NanoGPT's "kimi-k2-instruct-fast" ("Kimi K2 0711 Fast"), precision unstated
    offers = [
        offering("lab/a", "host", "0.1", "2", pmid="a-instruct-fast", name="A 0711 Fast"),
        offering("lab/a", "other", "0.5", "2", pmid="a-instruct"),
        offering("lab/a", "lab-api", "0.6", "2.5", pmid="a"),
    ]
    p = _pricing(offers)
    assert _reasons(p)["a-instruct-fast"] == "“fast” serving variant, precision not stated"
    assert p.cheapest is not None and p.cheapest.provider_model_id == "a-instruct"


def test_a_turbo_variant_is_not_the_headline_but_a_turbo_model_is_itself() -> None:
    offers = [
        offering("lab/a", "host", "0.02", "0.03", pmid="a-instruct-turbo"),
        offering("lab/a", "other", "0.05", "0.08", pmid="a-instruct"),
    ]
    assert _reasons(_pricing(offers))["a-instruct-turbo"] == (
        "“turbo” serving variant, precision not stated"
    )
    lightning = [offering("lab/a", "host", "0.8", "1.6", pmid="a-pro-lightning")]
    assert _reasons(_pricing(lightning))["a-pro-lightning"] == (
        "“lightning” serving variant, precision not stated"
    )
    # the model's own name says turbo (gpt-3.5-turbo): the word marks no variant
    turbo = model("lab/a-turbo")
    p = _pricing([offering("lab/a-turbo", "host", "0.5", "1.5", pmid="a-turbo")], turbo)
    assert p.cheapest is not None and p.cheapest.excluded_reason is None


def test_a_stated_full_precision_variant_and_the_labs_own_fast_api_stay_comparable() -> None:
    offers = [
        offering("lab/a", "host", "0.1", "1", pmid="a-fast", quantization="bf16"),
        offering("lab/a", "lab-api", "0.2", "1", pmid="a-fast"),
    ]
    p = _pricing(offers)
    reasons = {(q.provider_id, q.provider_model_id): q.excluded_reason for q in p.providers}
    assert reasons == {("host", "a-fast"): None, ("lab-api", "a-fast"): None}


def test_unstated_precision_at_a_quantized_routes_price_is_not_the_headline() -> None:
    # NanoGPT sells Kimi K2 Instruct under four ids, all at $0.10 / $2.00 — one of them
    # "baseten/Kimi-K2-Instruct-FP4": the unstated ones are not presumed full precision
    m = model("lab/a")._replace(weights_url="https://huggingface.co/lab-org/A")
    offers = [
        offering("lab/a", "host", "0.1", "2", pmid="baseten/A-Instruct-FP4"),
        offering("lab/a", "host", "0.1", "2", pmid="lab-org/a-instruct"),
        offering("lab/a", "host", "0.3", "2", pmid="a-instruct-0711"),  # another price
        offering("lab/a", "other", "0.5", "2", pmid="a"),
    ]
    p = _pricing(offers, m)
    reasons = _reasons(p)
    assert reasons["baseten/A-Instruct-FP4"] == "third-party FP4 quantization"
    assert reasons["lab-org/a-instruct"] == (
        "precision not stated, same price as Host's third-party FP4 route"
    )
    assert p.cheapest is not None and p.cheapest.provider_model_id == "a-instruct-0711"


def test_a_price_in_points_is_not_a_usd_price() -> None:
    providers = {**PROVIDERS, "poe": provider("poe", "aggregator")._replace(price_basis="points")}
    closed = model("lab/a", open_weights=False)
    offers = [
        offering("lab/a", "poe", "2.6", "13", pmid="poe-a"),
        offering("lab/a", "lab-api", "3", "15", pmid="a"),
    ]
    p = model_pricing(closed, offers, providers, DEFAULT_BLEND)
    assert _reasons(p)["poe-a"] == (
        "priced in Poe's points, not USD per token (the USD figure is a conversion)"
    )
    assert p.cheapest is not None and p.cheapest.provider_id == "lab-api"
    # still a place to run the model: it sells per use
    assert p.provider_count == 2
    # no price at all: "unpriced", never a conversion that does not exist
    p = model_pricing(closed, [offering("lab/a", "poe", None, None)], providers, DEFAULT_BLEND)
    assert _reasons(p) == {"lab/a": "unpriced"}


def test_a_lone_reseller_far_off_the_labs_output_price_is_not_the_headline() -> None:
    # Gemini 2.5 Flash: Google $0.30 / $2.50; one reseller lists $0.15 / $0.60 (the preview's
    # old price): input at ½ of list passes, output at 24% does not
    closed = model("lab/a", open_weights=False)
    offers = [
        offering("lab/a", "host", "0.15", "0.60", pmid="stale"),
        offering("lab/a", "other", "0.30", "2.50", pmid="fair"),
        offering("lab/a", "lab-api", "0.30", "2.50", pmid="list"),
    ]
    p = _pricing(offers, closed)
    assert _reasons(p)["stale"] == "output 24% of list price, unverified"
    assert p.cheapest is not None and p.cheapest.provider_model_id in ("fair", "list")


def test_a_price_off_list_that_another_provider_sells_at_too_is_corroborated() -> None:
    # Grok 4.20 multi-agent: OpenRouter, Vercel and Perplexity list the same prices, off xAI's
    closed = model("lab/a", open_weights=False)
    offers = [
        offering("lab/a", "host", "1.25", "2.5", pmid="a"),
        offering("lab/a", "other", "1.25", "2.5", pmid="a"),
        offering("lab/a", "lab-api", "2", "6", pmid="list"),
    ]
    p = _pricing(offers, closed)
    assert p.cheapest is not None and p.cheapest.excluded_reason is None
    assert p.cheapest.provider_id in ("host", "other")
