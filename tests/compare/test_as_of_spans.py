"""Pricing an offering on a past day from the dated spans (compare.as_of_spans, pure)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import offering

from tradeoff.compare.as_of_spans import in_force, key_of, offerings_on_spans
from tradeoff.history_records import PriceSpan
from tradeoff.records import PricePoint, UnitPrice

D = Decimal


def _span(pmid: str, start: str, end: str | None, inp: str, out: str, source: str) -> PriceSpan:
    return PriceSpan(
        "host", pmid, "lab/m", start, end, D(inp), D(out), None, None, 1000, None, None, source,
        "abc",
    )  # fmt: skip


def test_offerings_are_priced_from_the_span_in_force() -> None:
    image = UnitPrice("output", "per_image", D("0.04"))
    today = offering("lab/m", "host", "1", "4", cache_read=D("0.1"), pmid="Lab/M")
    today = replace(today, prices=replace(today.prices, unit_prices=(image,)))
    gone = offering("lab/m", "host", "2", "2", pmid="old")
    plain = replace(offering("lab/m", "host", "3", "3", pmid="plain"), checked="2026-01-01")
    pointed = replace(
        offering("lab/m", "host", "5", "5", pmid="pointed"),
        history=(PricePoint("2025-10-01", D("6"), D("6"), "src"),),
    )
    spans = in_force(
        [
            _span("lab/m", "2025-07-01", None, "2", "8", "models-dev"),
            _span("lab/m", "2025-07-01", None, "9", "9", "genai-prices"),
        ]
    )
    assert set(spans) == {key_of("host", "LAB/m")}
    (then,) = offerings_on_spans([today, gone, plain, pointed], "2025-08-01", spans)
    assert then.provider_model_id == "Lab/M"  # matched case-insensitively; models.dev first
    assert (then.prices.input_per_mtok, then.prices.output_per_mtok) == (D("2"), D("8"))
    assert then.prices.cache_read_per_mtok is None  # the span states none that day
    assert then.prices.unit_prices == (image,)  # never on the timeline: kept
    assert then.context_tokens == 1000 and then.checked == "2025-07-01"
    assert then.price_sources["input_per_mtok"] == "models-dev"
    # the live record dated after the span started (and by the day) is the newer witness
    (now,) = offerings_on_spans([today], "2026-02-01", spans)
    assert now.prices == today.prices and now.checked == "2026-01-01"
    # no span in force: sold within its live snapshot's range (dated 2026-01-01 / 2025-10-01)
    later = offerings_on_spans([gone, plain, pointed], "2026-02-01", {})
    assert [o.provider_model_id for o in later] == ["old", "plain", "pointed"]
    assert later[2].prices.input_per_mtok == D("6")  # its own dated point
