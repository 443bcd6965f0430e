"""Page wording that said more than the bundled catalog's numbers, held fixed.

- "Kimi K2 Instruct 0905's cheapest route fell 25%": the trend covers only the routes with a
  dated price history (not every route, nor both dates), so it must say so.
- Claude Sonnet 4 vs Claude Sonnet 4.5 vs Claude Opus 4.1: Sonnet 4.5 (73.7%) and Opus 4.1
  (73.2%) tie at the top of GPQA Diamond within 1%, and Sonnet 4.5 (45.4%) and Sonnet 4
  (45.3%) at the top of WeirdML; each was told "its better scores" on them. And "Claude
  Sonnet 4 and Claude Sonnet 4.5 cost the least … at $5.94 (Jiekou.AI); Claude Sonnet 4.5
  costs the same ($5.94 (Jiekou.AI))": a tied model said twice.
- Gemini 2.5 Pro vs GPT-5 vs Claude Opus 4.1 vs Grok 4: Gemini 2.5 Pro and GPT-5 run on 29
  providers each; each was told "choose it when you want more providers".
- Qwen3-235B-A22B: "LLM Gateway raised … (+189.4736842105263157894736842% blended)".
- Whisper large-v3: "6 of 6 providers have no sourced price: evroc, Groq, …" beside "sold per
  minute of audio and per second of audio (at evroc and Groq)".
- o3 vs o4-mini: "o3 8.39 0-10 (independent)" on Lech Mazur Creative Writing, the scale's name
  pasted after the number, in every format.
- Gemini 2.5 Flash vs GPT-4.1 mini: "the larger context window: 1,048,576 tokens (1M) vs
  1,047,576 tokens (1.05M)": the short forms, one binary and one rounded, read the other way.
"""

from __future__ import annotations

import io
import re

from rich.console import Console

from tradeoff.compare.wording import score_text
from tradeoff.db.benchmark_queries import benchmarks
from tradeoff.db.history_queries import models_with_history
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.price_history import price_history
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.terminal import print_comparison

TRIPLE = ["claude-sonnet-4-20250514", "claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805"]


def test_every_price_trend_says_it_covers_the_routes_with_a_dated_history(
    catalog: Catalog,
) -> None:
    model = catalog.models["moonshotai/kimi-k2-instruct-0905"]
    history = price_history(catalog, model)
    assert history is not None and history["cheapest_trend"] is not None
    assert history["cheapest_trend"]["text"].startswith(
        "Of Kimi K2 Instruct 0905's routes with a dated price history, the cheapest fell"
    )
    for model_id in sorted(models_with_history(catalog.connection())):
        history = price_history(catalog, catalog.models[model_id])
        trend = None if history is None else history["cheapest_trend"]
        assert trend is None or trend["text"].startswith("Of "), trend


def test_models_tied_at_the_top_of_a_benchmark_are_named_as_tied(catalog: Catalog) -> None:
    ctx = compare_context(catalog, TRIPLE, (70, 30))
    gpqa = next(c for c in ctx["claims"] if c["id"] == "benchmark.gpqa-diamond||accuracy|")
    assert gpqa["text"].endswith(
        ": Claude Sonnet 4.5 and Claude Opus 4.1 tie at the top within 1%."
    ), gpqa["text"]
    choose = {c["model"]: c["text"] for c in ctx["choose"]}
    sonnet_4 = choose["anthropic/claude-sonnet-4-20250514"]
    assert "better score" not in sonnet_4
    assert "the top score it shares on WeirdML (thinking=on, thinking_budget=16k) (with" in sonnet_4
    opus = choose["anthropic/claude-opus-4-1-20250805"]
    assert "it shares on GPQA Diamond (with Claude Sonnet 4.5)" in opus
    md = render_compare_markdown(ctx)
    assert "tie at the top within 1%" in md and "(with Claude Sonnet 4.5)" in md


def test_scores_on_a_scale_read_as_people_write_them(catalog: Catalog) -> None:
    units = {b.unit for b in benchmarks(catalog)}
    assert "0-10" in units
    for unit in units:  # no unit of the registry is a range pasted after the number
        assert not re.search(r"\d-\d", score_text("8.3", unit)), unit
    ctx = compare_context(catalog, ["o3", "o4-mini"], (70, 30))
    out = io.StringIO()
    print_comparison(Console(file=out, width=250), ctx)
    claims = " ".join(c["text"] for c in ctx["claims"])
    for text in (render_compare_markdown(ctx), render_compare_html(ctx), out.getvalue(), claims):
        assert "8.39 / 10 (independent)" in text and "7.5 / 10 (independent)" in text
        assert "8.39 0-10" not in text
    (row,) = [r for r in ctx["benchmarks"]["shared"] if r["unit"] == "0-10"]
    assert {s["score"] for s in row["scores"]} == {"8.39", "7.5"}  # JSON: number and unit apart


def test_a_larger_context_window_never_reads_smaller(catalog: Catalog) -> None:
    # "1,048,576 tokens (1M) vs 1,047,576 tokens (1.05M)" under "has the larger context window"
    ctx = compare_context(catalog, ["gemini-2.5-flash", "gpt-4.1-mini"], (70, 30))
    claim = next(c for c in ctx["claims"] if c["id"] == "spec.context_tokens")
    # 0.1% apart: a tie within 1% (round seven), each value named, none called larger
    # one decimal short form for both (never a binary "1M" for the larger count)
    assert (
        "1,048,576 tokens (1.05M) for Gemini 2.5 Flash and 1,047,576 tokens (1.05M) for "
        "GPT-4.1 mini" in (claim["text"])
    )
    assert claim["tie"] and "larger" not in claim["text"]
    assert "(1M)" not in render_compare_markdown(ctx)


def test_models_tied_for_the_lowest_price_are_said_once(catalog: Catalog) -> None:
    ctx = compare_context(catalog, TRIPLE, (70, 30))
    claim = next(c for c in ctx["claims"] if c["id"] == "price.cheapest")
    assert claim["text"].startswith(
        "Claude Sonnet 4 and Claude Sonnet 4.5 cost the least on the cheapest comparable route, "
        "the same: $5.94 (Jiekou.AI) and $5.94 (Jiekou.AI); Claude Opus 4.1 costs 5.0× as much"
    ), claim["text"]
    assert "costs the same" not in claim["text"]


def test_models_tied_for_the_most_providers_are_told_so(catalog: Catalog) -> None:
    quad = ["gemini-2.5-pro", "gpt-5", "claude-opus-4-1-20250805", "grok-4"]
    ctx = compare_context(catalog, quad, (70, 30))
    counts = {p["model"]: p["provider_count"] for p in ctx["pricing"]}
    assert counts["google/gemini-2.5-pro"] == counts["openai/gpt-5"] == 29
    choose = {c["model"]: c["text"] for c in ctx["choose"]}
    more = "you want more providers to choose from or fail over to"
    assert f"{more} (tied with GPT-5)" in choose["google/gemini-2.5-pro"]
    assert f"{more} (tied with Gemini 2.5 Pro)" in choose["openai/gpt-5"]


def test_a_route_sold_per_minute_of_audio_has_a_sourced_price(catalog: Catalog) -> None:
    ctx = compare_context(catalog, ["whisper-large-v3", "gpt-4o-transcribe"], (70, 30))
    texts = {c["id"]: c["text"] for c in ctx["claims"]}
    unpriced = texts["availability.unpriced.openai/whisper-large-v3"]
    assert unpriced.startswith("For Whisper large-v3, 4 of 6 providers have no sourced price:")
    assert "evroc" not in unpriced and "Groq" not in unpriced
    assert "availability.unpriced.openai/gpt-4o-transcribe" not in texts  # both state a price


def test_no_price_move_reads_as_a_long_decimal(catalog: Catalog) -> None:
    texts = []
    for model_id in sorted(models_with_history(catalog.connection())):
        history = price_history(catalog, catalog.models[model_id])
        if history is not None:
            texts += [m["text"] for m in history["moves"]] + [m["change"] for m in history["moves"]]
    assert any("+189% blended" in t for t in texts)  # LLM Gateway's Qwen3-235B-A22B rise
    long = [t for t in texts if re.search(r"\d\.\d{5,}%", t)]
    assert not long, long[:3]
