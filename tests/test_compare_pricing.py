"""Pricing, availability, cost and wording over hand-built records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from compare_helpers import model, offering, provider

from tradeoff.compare import wording as w
from tradeoff.compare.cost import price_workload
from tradeoff.compare.pricing import model_pricing, shared_providers
from tradeoff.compare.workload import DEFAULT_BLEND, Workload, blend_of, parse_blend
from tradeoff.errors import UsageError
from tradeoff.records import PriceTier

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
        parse_blend(text)
    assert info.value.field == "--blend"


def test_blend_parsing() -> None:
    assert parse_blend("70:30") == DEFAULT_BLEND
    assert parse_blend("1/1").input_share == Decimal("0.5")
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
