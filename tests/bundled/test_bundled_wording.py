"""Page wording that said more than the bundled catalog's numbers, held fixed.

- "Kimi K2 Instruct 0905's cheapest route fell 25%": the trend covers only the routes with a
  dated price history (not every route, nor both dates), so it must say so.
- Claude Sonnet 4 vs Claude Sonnet 4.5 vs Claude Opus 4.1: Sonnet 4.5 (73.7%) and Opus 4.1
  (73.2%) tie at the top of GPQA Diamond within 1%, and Sonnet 4.5 (45.4%) and Sonnet 4
  (45.3%) at the top of WeirdML; each was told "its better scores" on them.
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
    assert "1,048,576 tokens (1M) vs 1,047,576 tokens for GPT-4.1 mini" in claim["text"]
    assert "1.05M" not in render_compare_markdown(ctx)
