"""Pricing, availability, cost and wording over hand-built records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support.compare_helpers import model, offering, provider

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim
from tradeoff.compare.cost import price_workload
from tradeoff.compare.fact_claims import spec_claims
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import is_live, model_pricing, shared_providers
from tradeoff.compare.specs import spec_rows
from tradeoff.compare.workload import DEFAULT_BLEND, Workload, blend_of, parse_blend_parts
from tradeoff.errors import UsageError
from tradeoff.records import Model, Offering, PriceTier

PROVIDERS = {
    "lab-api": provider("lab-api", "first-party", lab="lab"),
    "host": provider("host"),
    "other": provider("other"),
    "gone": provider("gone", status="defunct"),
}


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


@pytest.mark.parametrize(
    ("low", "high", "pct", "ratio"),
    [("0.3", "0.6", 50, "2.0"), ("0.67", "0.9", 26, "1.3"), ("1", "10", 90, "10.0")],
)
def test_relative_wording(low: str, high: str, pct: int, ratio: str) -> None:
    assert w.percent_less(Decimal(low), Decimal(high)) == pct
    assert str(w.ratio(Decimal(high), Decimal(low))) == ratio


@pytest.mark.parametrize(
    ("a", "b", "tie"), [("1", "1.01", True), ("1", "1.0102", False), ("0", "0", True)]
)
def test_tie_within_one_percent(a: str, b: str, tie: bool) -> None:
    assert w.is_tie(Decimal(a), Decimal(b)) is tie


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_join(items: list[str], text: str) -> None:
    assert w.join(items) == text


def test_count_plural() -> None:
    assert (
        w.count(1, "provider"),
        w.count(0, "provider"),
        w.count(3, "capability", "capabilities"),
    ) == (
        "1 provider",
        "0 providers",
        "3 capabilities",
    )


def test_usd_never_float_formatted() -> None:
    assert [w.usd(Decimal(x)) for x in ("0.6", "1.045", "0.0375", "3")] == [
        "$0.60",
        "$1.045",
        "$0.0375",
        "$3.00",
    ]


@pytest.mark.parametrize("text", ["abc", "70", "70:", ":30", "-1:30", "70:30:10", "0:0", "1000:1"])
def test_bad_blend_names_parameter(text: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_blend_parts(text)
    assert info.value.field == "--blend"


def test_blend_parsing() -> None:
    assert parse_blend_parts("70:30") == (70, 30)
    assert blend_of(*parse_blend_parts("70:30")) == DEFAULT_BLEND
    assert blend_of(*parse_blend_parts("1/1")).input_share == Decimal("0.5")
    third = blend_of(1, 2)
    assert third.input_share + third.output_share == 1


@pytest.mark.parametrize("field", ["input_tokens", "output_tokens", "cached_tokens", "requests"])
def test_negative_tokens_name_parameter(field: str) -> None:
    args = {"input_tokens": 10, "output_tokens": 10, "cached_tokens": 0, "requests": 1}
    args[field] = -1
    with pytest.raises(UsageError) as info:
        Workload(**args)
    assert info.value.field == "--" + field.replace("_", "-")


def test_cost_tiers_cache_and_unpriced() -> None:
    tier = PriceTier(200_000, Decimal("6"), Decimal("22.5"), Decimal("0.6"))
    offers = {
        "lab/a": [
            offering("lab/a", "lab-api", "3", "15", cache_read=Decimal("0.3"), tiers=(tier,)),
            offering("lab/a", "host", "2", "10"),
            offering("lab/a", "other", None, None),
            offering("lab/a", "gone", "0.1", "0.1"),
        ]
    }
    small = price_workload([model("lab/a")], offers, PROVIDERS, Workload(100_000, 1_000, 50_000))
    # cheapest first ($0.18 < $0.21), unpriced last, defunct excluded
    assert [c.provider_id for c in small] == ["lab-api", "host", "other"]
    lab = small[0]
    # 50K uncached × $3 + 50K cached × $0.3 + 1K × $15, per 1M
    assert lab.total_usd == Decimal("0.15") + Decimal("0.015") + Decimal("0.015")
    assert lab.tier_above_input_tokens is None
    assert small[1].cache_priced_as_input and small[1].total_usd == Decimal("0.21")
    assert small[2].total_usd is None and small[2].note and "unpriced" in small[2].note
    big = price_workload([model("lab/a")], offers, PROVIDERS, Workload(300_000, 1_000, 0, 2))
    lab_big = next(c for c in big if c.provider_id == "lab-api")
    # the tier applies to the whole request once input exceeds 200K
    assert lab_big.tier_above_input_tokens == 200_000
    assert lab_big.total_usd == (Decimal("1.8") + Decimal("0.0225")) * 2


def test_zero_tokens_cost_zero_without_a_sourced_rate() -> None:
    # No cache-read price and no cached tokens: the route is priced, not "unpriced".
    offers = {"lab/a": [offering("lab/a", "host", "2", "10")]}
    [line] = price_workload([model("lab/a")], offers, PROVIDERS, Workload(2_000, 500))
    assert line.total_usd == Decimal("0.009") and line.note is None
    assert line.cached_usd == 0 and not line.cache_priced_as_input
    # No output tokens: an unknown output price does not matter either.
    offers = {"lab/a": [offering("lab/a", "host", "2", None)]}
    [line] = price_workload([model("lab/a")], offers, PROVIDERS, Workload(1_000, 0))
    assert line.total_usd == Decimal("0.002")
    [line] = price_workload([model("lab/a")], offers, PROVIDERS, Workload(1_000, 1))
    assert line.total_usd is None and line.note == "unpriced: output price not yet sourced"


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


def test_provider_rows_by_price_whatever_the_lifecycle() -> None:
    offers = [
        offering("lab/a", "host", "2", "2"),
        offering("lab/a", "other", "1", "1", lifecycle="deprecated"),
        offering("lab/a", "lab-api", None, None, free=True),
        offering("lab/a", "gone", None, None),
    ]
    providers = {**PROVIDERS, "gone": provider("gone")}
    p = model_pricing(model("lab/a"), offers, providers, DEFAULT_BLEND)
    # cheapest first (a deprecated route is not pushed after dearer live ones), free, unpriced
    assert [q.provider_id for q in p.providers] == ["other", "host", "lab-api", "gone"]
    assert p.cheapest is not None and p.cheapest.lifecycle == "deprecated"


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


def test_whole_percent_rounds_half_up() -> None:
    assert w.whole_percent(Decimal("0.745")) == 75
    assert w.whole_percent(Decimal("0.725")) == 73


def test_sentences_never_recase_a_model_name() -> None:
    from dataclasses import replace

    from tradeoff.compare.capabilities import capability_rows
    from tradeoff.compare.fact_claims import capability_claims

    a = replace(model("openai/gpt-oss-120b", caps={"vision": False}), name="gpt-oss-120b")
    b = replace(model("lab/b", caps={"vision": None}), name="b-model")
    rows = capability_rows([a, b])
    names = {a.id: a.name, b.id: b.name}
    text = next(c.text for c in capability_claims(rows, names) if c.id == "capability.vision")
    assert text.startswith("gpt-oss-120b does not")
    specs = spec_rows([b, a])
    weights = next(
        c
        for c in spec_claims(specs, names, {a.id: "OpenAI", b.id: "Lab"})
        if c.id == "spec.open_weights"
    )
    assert weights.text.startswith("Whether b-model has open weights")
