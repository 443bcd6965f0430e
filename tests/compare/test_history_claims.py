"""History claims say what the numbers show: a mixed move is not a blended cut, a tiny change
is not "unchanged", and a trend over the routes with a history never passes for the headline."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.compare.history_claims import (
    Move,
    Trend,
    change_words,
    cheapest_trend,
    move_change,
    move_text,
    trend_text,
)
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.history_records import MIXED, PRICE, PriceChange, PriceSpan


def _change(detail: str, before: tuple[str, str], after: tuple[str, str]) -> PriceChange:
    return PriceChange(
        provider_id="kilo",
        provider_model_id="moonshotai/kimi-k2",
        model_id="moonshotai/kimi-k2-instruct",
        date="2026-03-15",
        kind=PRICE,
        detail=detail,
        before_input=Decimal(before[0]),
        before_output=Decimal(before[1]),
        after_input=Decimal(after[0]),
        after_output=Decimal(after[1]),
        fields=("input", "output"),
        source_id="models-dev",
        commit="164df2c",
    )


def _move(detail: str, before: tuple[str, str], after: tuple[str, str]) -> Move:
    c = _change(detail, before, after)
    assert c.before_input and c.before_output and c.after_input and c.after_output
    b = c.before_input * Decimal("0.7") + c.before_output * Decimal("0.3")
    a = c.after_input * Decimal("0.7") + c.after_output * Decimal("0.3")
    return Move(c, b, a)


def test_a_mixed_move_shows_each_side_not_only_the_blend() -> None:
    # Kilo Gateway: input $0.50 → $0.55 (+10%), output $2.40 → $2.20 (-8%), blended -2%
    move = _move(MIXED, ("0.50", "2.40"), ("0.55", "2.20"))
    assert move_change(move) == "input +10%, output -8% (blended -2%)"
    text = move_text("Kimi K2 Instruct", "Kilo Gateway", move)
    assert "input +10%, output -8% (blended -2%)" in text
    assert "(-2% blended)" not in text and "repriced" in text


def test_a_cut_or_rise_shows_its_blended_change() -> None:
    cut = _move("cut", ("1.00", "3.00"), ("0.57", "2.30"))
    assert move_change(cut) == "-32%"
    assert "(-32% blended)" in move_text("Kimi K2 Instruct", "Vercel AI Gateway", cut)
    tiny = _move("rise", ("1.00", "1.00"), ("1.001", "1.00"))
    assert move_change(tiny) == "+0.1%"  # +0.07%: never "+0%"


def test_a_tiny_change_is_never_called_unchanged() -> None:
    trend = Trend("2025-06-05", "2026-03-10", Decimal("4.75"), ("openai", "gpt-4o"),
                  Decimal("4.7481"), ("nano-gpt", "openai/gpt-4o"))  # fmt: skip
    assert change_words(trend.before, trend.after) == "fell 0.04%"
    assert change_words(Decimal(1), Decimal(1)) == "was unchanged"
    assert change_words(Decimal(1), Decimal("1.4")) == "rose 40%"
    assert "was unchanged" not in trend_text("GPT-4o", trend, "OpenAI", "NanoGPT")


def test_a_trend_always_says_which_routes_it_covers() -> None:
    # The trend is over today's comparable routes with a dated price history only: a route
    # without one, or one added after the first day, is not in it, so "X's cheapest route
    # fell 84%" said more than the data, even when the trend ends on today's headline route.
    trend = Trend("2025-07-11", "2025-08-26", Decimal("1.089"), ("openrouter", "a"),
                  Decimal("1.045"), ("fastrouter", "b"))  # fmt: skip
    text = trend_text("Kimi K2 Instruct", trend, "OpenRouter", "FastRouter")
    assert text.startswith(
        "Of Kimi K2 Instruct's routes with a dated price history, the cheapest fell 4% since"
    )
    assert "cheapest route" not in text


def test_a_trend_matches_routes_whatever_the_case_of_their_ids() -> None:
    # the headline quote says "moonshotai/Kimi-K2-Instruct", the dated spans the lower case
    def span(provider: str, pmid: str, start: str, end: str | None, i: str) -> PriceSpan:
        return PriceSpan(provider, pmid, "m", start, end, Decimal(i), Decimal(i), None, None,
                         None, None, None, "models-dev", None)  # fmt: skip

    spans = [
        span("deepinfra", "moonshotai/kimi-k2-instruct", "2025-07-01", None, "0.5"),
        span("openrouter", "moonshotai/kimi-k2", "2025-07-01", "2025-08-01", "1"),
        span("openrouter", "moonshotai/kimi-k2", "2025-08-01", None, "0.9"),
    ]
    routes = [("deepinfra", "moonshotai/Kimi-K2-Instruct"), ("openrouter", "moonshotai/kimi-k2")]
    assert cheapest_trend(spans, routes, DEFAULT_BLEND) is None  # 0.5 then and now


def test_a_trend_dates_the_cheapest_price_from_the_day_it_began() -> None:
    # OpenCode Zen cut GPT-5 on 2025-11-21; later spans (a context or status change) kept the
    # price: the trend said "$3.299 (OpenCode Zen) from 2026-02-11", the last span's start
    def span(start: str, end: str | None, i: str, o: str) -> PriceSpan:
        return PriceSpan("opencode", "gpt-5", "m", start, end, Decimal(i), Decimal(o), None,
                         None, None, None, None, "models-dev", None)  # fmt: skip

    spans = [
        span("2025-09-09", "2025-11-21", "1.25", "10"),
        span("2025-11-21", "2026-01-19", "1.07", "8.5"),
        span("2026-01-19", "2026-02-11", "1.07", "8.5"),
        span("2026-02-11", None, "1.07", "8.5"),
    ]
    trend = cheapest_trend(spans, [("opencode", "gpt-5")], DEFAULT_BLEND)
    assert trend is not None and (trend.since, trend.until) == ("2025-09-09", "2025-11-21")


def test_a_move_of_one_of_a_providers_routes_names_the_route() -> None:
    # Amazon Bedrock raised only its EU endpoint of Claude Sonnet 4.5; "Amazon Bedrock raised
    # Claude Sonnet 4.5" read as Bedrock's price, which did not move
    rise = _move("rise", ("3.00", "15.00"), ("3.30", "16.50"))
    text = move_text("Claude Sonnet 4.5", "Amazon Bedrock", rise, route="eu.claude-v1:0")
    assert text.startswith("Amazon Bedrock raised Claude Sonnet 4.5 (eu.claude-v1:0) from")
    assert move_text("M", "Host", rise).startswith("Host raised M from")
