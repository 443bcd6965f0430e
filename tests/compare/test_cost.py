"""A workload priced on every offering: tiers, cache, unpriced routes, cheapest first."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.cost import price_workload
from tradeoff.compare.token_workload import Workload
from tradeoff.records import PriceTier, UnitPrice


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
    # half a price: "partly priced", the missing side named (``compare.route_gap``)
    assert line.total_usd is None and line.note == "partly priced: output price not yet sourced"


def test_a_side_sold_in_another_unit_is_not_called_not_yet_sourced() -> None:
    # gpt-image-2 at OpenAI: text input per 1M tokens, image output per 1M image tokens
    image_out = UnitPrice("output", "per_mtok_image", Decimal("30"))
    mixed = offering("lab/a", "host", "5", None)
    mixed = replace(mixed, prices=replace(mixed.prices, unit_prices=(image_out,)))
    [line] = price_workload([model("lab/a")], {"lab/a": [mixed]}, PROVIDERS, Workload(1_000, 500))
    assert line.total_usd is None
    assert line.note == "output not priced per token: output $30.00 per 1M image tokens"


def test_a_route_billed_in_another_unit_is_not_unpriced() -> None:
    # Oracle's per-character routes: billed per character, the price not in the catalog
    # ([[excluded_prices]] billed_in): a price is stated, in another unit
    per_char = (
        UnitPrice("input", "per_character", None),
        UnitPrice("output", "per_character", None),
    )
    billed = offering("lab/a", "host", None, None)
    billed = replace(billed, prices=replace(billed.prices, unit_prices=per_char))
    bare = offering("lab/a", "other", None, None)
    half = offering("lab/a", "lab-api", None, None)
    half = replace(half, prices=replace(half.prices, unit_prices=per_char[:1]))
    lines = price_workload(
        [model("lab/a")], {"lab/a": [billed, bare, half]}, PROVIDERS, Workload(1_000, 500)
    )
    by_provider = {c.provider_id: c for c in lines}
    assert by_provider["host"].total_usd is None and not by_provider["host"].unpriced
    assert by_provider["host"].note is not None
    assert by_provider["host"].note.startswith("not priced per token: input billed per character")
    assert by_provider["other"].unpriced  # no price stated at all
    # no token price on either side, its input sold per character: the comparison's rule
    # (``pricing.route_without_token_price``) calls it "not per token", so does the calculator
    assert not by_provider["lab-api"].unpriced
    assert by_provider["lab-api"].input_missing == "not_per_token"
    assert by_provider["lab-api"].output_missing == "unpriced"


def test_a_route_sold_per_image_only_is_not_per_token_like_the_comparison() -> None:
    # fal's nano-banana (Gemini 2.5 Flash Image): output $0.039 per image, input stated in no
    # unit. The comparison says "not priced per token: fal (per image)"; so must the calculator.
    per_image = (UnitPrice("output", "per_image", Decimal("0.039")),)
    fal = offering("lab/a", "host", None, None)
    fal = replace(fal, prices=replace(fal.prices, unit_prices=per_image))
    [line] = price_workload([model("lab/a")], {"lab/a": [fal]}, PROVIDERS, Workload(1_000, 1_000))
    assert line.total_usd is None and not line.unpriced
    assert (line.input_missing, line.output_missing) == ("unpriced", "not_per_token")
    assert line.input_usd is None and line.output_usd is None


def test_each_side_is_worded_alone_on_a_route_without_a_total() -> None:
    # gpt-image-1-mini at OpenAI: $2.00 per 1M text input tokens, output sold per image.
    # The input side is priced per token: its cost is shown, not "not per token".
    per_image = (UnitPrice("output", "per_image", Decimal("0.005")),)
    mini = offering("lab/a", "host", "2", None)
    mini = replace(mini, prices=replace(mini.prices, unit_prices=per_image))
    [line] = price_workload(
        [model("lab/a")], {"lab/a": [mini]}, PROVIDERS, Workload(1_000, 1_000, 0, 3)
    )
    assert line.total_usd is None and not line.unpriced
    assert line.input_usd == Decimal("0.006") and line.cached_usd == 0
    assert line.input_missing is None and line.output_missing == "not_per_token"
    assert line.output_usd is None


def test_comparable_routes_come_first() -> None:
    # gemini-2.5-flash-image: Poe's points conversion (cheaper) sat first; here a free variant
    offers = [
        offering("lab/a", "host", "1", "1", free=True),
        offering("lab/a", "other", "3", "3"),
        offering("lab/a", "lab-api", "2", None),
    ]
    lines = price_workload([model("lab/a")], {"lab/a": offers}, PROVIDERS, Workload(1000, 1000))
    assert [c.provider_id for c in lines] == ["other", "host", "lab-api"]
    assert lines[0].excluded_reason is None and lines[1].excluded_reason is not None


def test_an_unpriced_routes_note_joins_its_sides_in_words() -> None:
    lines = price_workload(
        [model("lab/a")],
        {"lab/a": [offering("lab/a", "host", None, None)]},
        PROVIDERS,
        Workload(1000, 1000),
    )
    assert lines[0].note == "unpriced: input and output price not yet sourced"
