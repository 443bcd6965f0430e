"""Pricing and availability over hand-built records: headline route, counts, defunct, lifecycle."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.cost import price_workload
from tradeoff.compare.headline import (
    PROMOTION,
    lab_precisions,
    quantization_of,
    ratio_text,
    sells_per_use,
)
from tradeoff.compare.pricing import ModelPricing, is_live, model_pricing, shared_providers
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Fact, Model, Offering, UnitPrice


def test_first_party_cheapest_defunct_and_counts() -> None:
    m = model("lab/a")
    offers = [
        offering("lab/a", "lab-api", "0.6", "2.5"),
        offering("lab/a", "host", "0.3", "0.9"),
        offering("lab/a", "host", "0.5", "1", pmid="second"),
        offering("lab/a", "other", None, None),
        offering("lab/a", "gone", "0.1", "0.1"),
    ]
    p = model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)
    assert p.first_party is not None and p.first_party.provider_id == "lab-api"
    assert p.first_party.blended_per_mtok == Decimal("1.17")
    assert p.cheapest is not None and p.cheapest.provider_id == "host"
    assert p.cheapest.blended_per_mtok == Decimal("0.48")
    # defunct provider: never availability, never the cheapest route
    assert [q.provider_id for q in p.defunct] == ["gone"]
    assert p.provider_count == len(p.providers) == 3
    assert {q.provider_id for q in p.providers} == {"lab-api", "host", "other"}
    host = next(q for q in p.providers if q.provider_id == "host")
    assert host.offering_count == 2
    assert [q.provider_id for q in p.unpriced_providers] == ["other"]


def test_shared_providers() -> None:
    a = model_pricing(
        model("lab/a"), [offering("lab/a", "host", "1", "1")], PROVIDERS, DEFAULT_BLEND
    )
    b = model_pricing(
        model("lab/b"),
        [offering("lab/b", "host", "1", "1"), offering("lab/b", "other", "1", "1")],
        PROVIDERS,
        DEFAULT_BLEND,
    )
    assert shared_providers([a, b]) == ("host",)


def test_provider_missing_from_registry_is_live_never_defunct() -> None:
    m = model("lab/a")
    offers = [offering("lab/a", "unlisted", "1", "1"), offering("lab/a", "gone", "1", "1")]
    assert is_live(offers[0], None) and not is_live(offers[1], PROVIDERS["gone"])
    retired = offering("lab/a", "host", "1", "1", lifecycle="retired")
    assert not is_live(retired, PROVIDERS["host"])
    p = model_pricing(m, [*offers, retired], PROVIDERS, DEFAULT_BLEND)
    assert [q.provider_id for q in p.providers] == ["unlisted"]
    assert sorted(q.provider_id for q in p.defunct) == ["gone", "host"]
    lines = price_workload([m], {"lab/a": [*offers, retired]}, PROVIDERS, Workload(10, 10))
    assert [c.provider_id for c in lines] == ["unlisted"]


def test_provider_rows_headline_first_then_comparable_then_not_comparable() -> None:
    # A reader takes a routes table's first row as the price: the headline route leads, the
    # other comparable routes follow by blended price (then name), and the routes that are not
    # comparable come last, by the kind of their reason, then price — never a cheaper
    # non-comparable route (Poe's points conversion, a lone reseller's 1/10 of list) above
    # the headline.
    closed = model("lab/a", open_weights=False)
    providers = {
        **PROVIDERS,
        "poe": provider("poe")._replace(price_basis="points"),
        "far": provider("far"),
        "zed": provider("zed"),
        "free": provider("free"),
        "none": provider("none"),
        "early": provider("early"),
    }
    offers = [
        offering("lab/a", "poe", "0.5", "0.5"),  # points: a conversion, not a USD price
        offering("lab/a", "far", "0.1", "0.1"),  # 1/10 of list, one reseller: unverified
        offering("lab/a", "zed", "1.5", "1.5"),
        offering("lab/a", "other", "1", "1"),
        offering("lab/a", "lab-api", "1", "1"),
        offering("lab/a", "host", "1.2", "1.2"),
        offering("lab/a", "none", None, None),
        offering("lab/a", "free", None, None, free=True),
        offering("lab/a", "early", "0.2", "0.2", lifecycle="preview"),
    ]
    p = model_pricing(closed, offers, providers, DEFAULT_BLEND)
    assert p.cheapest is not None and p.cheapest.provider_id == "lab-api"  # Lab-Api < Other
    assert [q.provider_id for q in p.providers] == [
        "lab-api",  # the headline route
        "other",  # comparable, the same price: by name
        "host",
        "zed",
        "early",  # preview (rule 2)
        "far",  # far off list, unverified (rule 7)
        "poe",  # points: no USD price per token
        "free",  # free variant
        "none",  # unpriced: last
    ]
    assert [q.excluded_reason is None for q in p.providers] == [True] * 4 + [False] * 5
    # the lab's own API is still found among rows no longer in price order
    assert p.first_party is not None and p.first_party.provider_id == "lab-api"


def test_non_comparable_rows_of_one_reason_kind_by_price() -> None:
    offers = [
        offering("lab/a", "host", "2", "2", lifecycle="deprecated"),
        offering("lab/a", "other", "1", "1", lifecycle="preview"),
        offering("lab/a", "lab-api", "3", "3"),
    ]
    p = model_pricing(model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)
    # a lifecycle reason each (preview, deprecated): one kind, cheapest first
    assert [q.provider_id for q in p.providers] == ["lab-api", "other", "host"]


def _headline(offers: list[Offering], m: Model | None = None) -> ModelPricing:
    return model_pricing(m or model("lab/a"), offers, PROVIDERS, DEFAULT_BLEND)


def _reasons(p: ModelPricing) -> dict[str, str | None]:
    return {q.provider_model_id: q.excluded_reason for q in (*p.providers, *p.other_routes)}


def test_third_party_quantization_is_never_the_headline() -> None:
    m = model("lab/a")._replace(weights_url="https://huggingface.co/lab-org/A")
    offers = [
        offering("lab/a", "host", "0.1", "2", pmid="baseten/A-Instruct-FP4"),  # id marker
        offering("lab/a", "other", "0.2", "2", quantization="int4"),  # the offering's field
        offering("lab/a", "lab-api", "0.6", "2.5", pmid="a"),
        offering("lab/a", "host", "0.5", "2", pmid="a-bf16"),  # full precision
    ]
    p = _headline(offers, m)
    assert p.cheapest is not None and p.cheapest.provider_model_id == "a-bf16"
    reasons = _reasons(p)
    assert reasons["baseten/A-Instruct-FP4"] == "third-party FP4 quantization"
    assert reasons["lab/a"] == "third-party INT4 quantization"
    assert p.cheapest.quantization == "bf16"


def test_the_labs_own_released_precision_is_comparable() -> None:
    # the lab published FP8 weights under its own org: an FP8 route is like for like
    m = model("lab/a")._replace(weights_url="https://huggingface.co/lab-org/A")
    offers = [
        offering("lab/a", "host", "0.3", "1", pmid="lab-org/A-FP8"),
        offering("lab/a", "other", "0.2", "1", pmid="a-fp8"),
        offering("lab/a", "lab-api", "0.6", "2.5", pmid="a"),
    ]
    assert lab_precisions(m, offers) == {"fp8"}
    p = _headline(offers, m)
    assert p.cheapest is not None and p.cheapest.provider_model_id == "a-fp8"


def test_quantization_marker_is_a_token_of_its_own() -> None:
    assert quantization_of(offering("lab/a", "host", "1", "1", pmid="x/K2-Instruct-FP4")) == "fp4"
    assert quantization_of(offering("lab/a", "host", "1", "1", name="GLM 4.5 (fp8)")) == "fp8"
    assert quantization_of(offering("lab/a", "host", "1", "1", pmid="qwen3:30b-q4_K_M")) == (
        "q4_k_m"
    )
    assert quantization_of(offering("lab/a", "host", "1", "1", pmid="fp8x-model")) is None


def test_promotion_is_never_the_headline() -> None:
    offers = [
        offering("lab/a", "host", "2.4", "12", pmid="stealth/a"),
        offering("lab/a", "other", "2.4", "12", name="A (20% off)"),
        offering("lab/a", "lab-api", "3", "15", pmid="a"),
    ]
    p = _headline(offers)
    assert p.cheapest is not None and p.cheapest.provider_id == "lab-api"
    assert _reasons(p)["stealth/a"] == "promotion" and _reasons(p)["lab/a"] == "promotion"
    for text in ("Promo A", "a-free-trial", "A discounted", "limited time A"):
        assert PROMOTION.search(text), text
    assert not PROMOTION.search("a-prompt-cache")


def test_reseller_far_off_list_price_is_never_the_headline() -> None:
    closed = model("lab/a", open_weights=False)
    offers = [
        offering("lab/a", "host", "0.43", "2", pmid="cheap"),  # 1/7 of list
        offering("lab/a", "other", "3", "15", pmid="fair"),
        offering("lab/a", "lab-api", "3", "15", pmid="list"),
    ]
    p = _headline(offers, closed)
    assert _reasons(p)["cheap"] == "1/7 of list price, unverified"
    assert p.cheapest is not None and p.cheapest.provider_model_id in ("fair", "list")
    # open weights: another host may well undercut the lab
    p = _headline(offers, model("lab/a", open_weights=True))
    assert p.cheapest is not None and p.cheapest.provider_model_id == "cheap"
    assert ratio_text(Decimal("0.38")) == "38% of list price"
    assert ratio_text(Decimal("2.5")) == "2.5× list price"


def test_short_context_is_never_the_headline() -> None:
    m = model("lab/a", context_tokens=131_072)
    offers = [
        offering("lab/a", "host", "0.1", "0.1", pmid="short", context_tokens=16_384),
        offering("lab/a", "other", "0.5", "0.5", pmid="full", context_tokens=128_000),
    ]
    p = _headline(offers, m)
    assert _reasons(p)["short"] == "16.4K of 131K context"
    assert p.cheapest is not None and p.cheapest.provider_model_id == "full"


def test_an_input_limit_of_the_documented_window_is_the_full_context() -> None:
    # GPT-5: a 400K window = 272K input + 128K output; LiteLLM states max_input_tokens 272K.
    # The lab's own dated route said "272K of 400K context" — the same window, another unit.
    m = model("lab/a", context_tokens=400_000)._replace(max_output_tokens=Fact(128_000, "src"))
    offers = [
        offering("lab/a", "lab-api", "1.25", "10", pmid="input-limit", context_tokens=272_000),
        offering("lab/a", "host", "1.25", "10", pmid="short", context_tokens=128_000),
    ]
    reasons = _reasons(_headline(offers, m))
    assert reasons["input-limit"] is None
    assert reasons["short"] == "128K of 400K context"


def test_preview_free_and_unpriced_are_never_the_headline() -> None:
    offers = [
        offering("lab/a", "host", "0.1", "0.1", pmid="p", lifecycle="preview"),
        offering("lab/a", "other", None, None, free=True, pmid="f"),
        offering("lab/a", "lab-api", None, None, pmid="u"),
    ]
    p = _headline(offers)
    assert _reasons(p) == {"p": "preview", "f": "free variant", "u": "unpriced"}
    # no comparable route: said so, never a silent fallback
    assert p.cheapest is None and p.provider_count == 3


def test_a_side_sold_in_another_unit_is_named_not_called_unpriced() -> None:
    # gpt-image-2 at OpenAI: text input per 1M tokens, image output per 1M image tokens
    image_out = UnitPrice("output", "per_mtok_image", Decimal("30"))
    mixed = offering("lab/a", "lab-api", "5", None, pmid="mixed")
    mixed = replace(mixed, prices=replace(mixed.prices, unit_prices=(image_out,)))
    p = _headline([mixed, offering("lab/a", "host", "5", None, pmid="u")])
    assert _reasons(p) == {
        "mixed": "output not priced per token: output $30.00 per 1M image tokens",
        # half a price names its missing side (``compare.route_gap``)
        "u": "partly priced: output price not yet sourced",
    }
    assert p.cheapest is None


def test_local_runtimes_and_plans_are_not_availability() -> None:
    providers = {
        **PROVIDERS,
        "ollama": provider("ollama", "local-runtime"),
        "plan": provider("plan", "plan", lab="lab"),
    }
    offers = [
        offering("lab/a", "ollama", None, None),
        offering("lab/a", "plan", "0.01", "0.01"),
        offering("lab/a", "host", "1", "1"),
    ]
    p = model_pricing(model("lab/a"), offers, providers, DEFAULT_BLEND)
    assert [q.provider_id for q in p.providers] == ["host"] and p.provider_count == 1
    assert {q.provider_id: q.excluded_reason for q in p.not_per_use} == {
        "ollama": "local runtime, runs on your machine, not sold per use",
        "plan": "subscription or plan, not sold per use",
    }
    assert p.cheapest is not None and p.cheapest.provider_id == "host"
    assert p.first_party is None  # a lab's plan is not its API
    assert not sells_per_use(providers["plan"])


def test_a_providers_row_is_its_comparable_offering() -> None:
    offers = [
        offering("lab/a", "host", "0.1", "2", pmid="x/A-FP4"),
        offering("lab/a", "host", "0.5", "2", pmid="a"),
    ]
    p = _headline(offers)
    assert [q.provider_model_id for q in p.providers] == ["a"]
    assert [q.provider_model_id for q in p.other_routes] == ["x/A-FP4"]
    assert p.providers[0].offering_count == 2


def test_first_party_only_with_the_labs_own_price() -> None:
    # genai-prices lists gpt-oss-120b at OpenAI with a price "imported from OpenRouter pricing"
    copied = replace(offering("lab/a", "lab-api", "0.039", "0.18"), price_origin="host")
    own = offering("lab/a", "host", "0.03", "0.15")
    p = _headline([copied, own])
    assert p.first_party is None
    lab_row = next(q for q in p.providers if q.provider_id == "lab-api")
    assert lab_row.excluded_reason == "price copied from Host's listing, not Lab-Api's own"
    assert not lab_row.own_price
    assert p.cheapest is not None and p.cheapest.provider_id == "host"
    # the lab's own price, stated by a dataset as the lab's, is first-party
    p = _headline([offering("lab/a", "lab-api", "0.6", "2.5"), own])
    assert p.first_party is not None and p.first_party.provider_id == "lab-api"


def test_workload_lines_skip_plans_and_carry_the_headline_reason() -> None:
    providers = {**PROVIDERS, "plan": provider("plan", "plan")}
    offers = [
        offering("lab/a", "host", "0.1", "0.1", pmid="x/A-FP4"),
        offering("lab/a", "other", "1", "1"),
        offering("lab/a", "plan", "0.01", "0.01"),
    ]
    lines = price_workload([model("lab/a")], {"lab/a": offers}, providers, Workload(10, 10))
    # the comparable route first, the cheaper FP4 quantization after it (``route_order``)
    assert [(c.provider_id, c.excluded_reason) for c in lines] == [
        ("other", None),
        ("host", "third-party FP4 quantization"),
    ]
