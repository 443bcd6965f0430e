"""A benchmark score shows as a person reads it in every format: "8.39 / 10" on a 0–10 scale,
never the scale's name pasted after the number ("8.39 0-10"); JSON keeps the number and the
unit apart (``score``, ``unit``)."""

from __future__ import annotations

import io

from rich.console import Console

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import ComparisonContext, compare_context
from tradeoff.pages.model import BenchmarkEntry, model_context
from tradeoff.render.html import Chrome, environment, render_compare_html, render_page
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.terminal import print_benchmarks, print_comparison

PAIR = ["deepseek/deepseek-r1", "google/gemini-2.5-pro"]  # they share GPQA Diamond


def _on_a_ten_point_scale(catalog: Catalog) -> ComparisonContext:
    # the test catalog has no 0–10 benchmark: its shared row is given that scale
    ctx = compare_context(catalog, PAIR, (70, 30))
    (row,) = ctx["benchmarks"]["shared"]
    row["unit"] = "0-10"
    for s in row["scores"]:
        s["score"] = {"deepseek/deepseek-r1": "7.17", "google/gemini-2.5-pro": "8.53"}[s["model"]]
    return ctx


def _terminal(print_it: object, *args: object) -> str:
    out = io.StringIO()
    print_it(Console(file=out, width=200), *args)  # type: ignore[operator]
    return out.getvalue()


def test_a_shared_row_on_a_ten_point_scale_reads_out_of_ten(catalog: Catalog) -> None:
    ctx = _on_a_ten_point_scale(catalog)
    for text in (
        render_compare_markdown(ctx),
        render_compare_html(ctx),
        _terminal(print_comparison, ctx),
    ):
        assert "7.17 / 10 (independent)" in text and "8.53 / 10 (independent)" in text
        assert "0-10" not in text


def test_a_models_result_on_a_ten_point_scale_reads_out_of_ten(catalog: Catalog) -> None:
    model = catalog.models["deepseek/deepseek-r1"]
    ctx = model_context(catalog, model)
    result: BenchmarkEntry = {**ctx["benchmarks"][0], "unit": "0-10", "score": "7.17"}
    chrome = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
    html = render_page(environment(), "model.html", {**ctx, "benchmarks": [result]}, chrome)
    assert '<td class="num">7.17 / 10</td>' in html
    assert "7.17 / 10" in _terminal(print_benchmarks, [result])
