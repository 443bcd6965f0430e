"""Benchmark results left out by a comparability rule are listed with their reasons on every
format, also when no row is shared; the statement then says why, not that nothing is shared.

Gemini 2.5 Pro and Kimi K2 Instruct (test catalog) both have results on benchmarks they share,
but every pair of runs differs in settings or harness: no comparable row, several left out.
"""

from __future__ import annotations

import html
import io

import pytest
from rich.console import Console

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.terminal import print_comparison

PAIR = ["google/gemini-2.5-pro", "moonshotai/kimi-k2-instruct"]


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR)


def _terminal(ctx: ComparisonContext) -> str:
    buffer = io.StringIO()
    print_comparison(Console(file=buffer, width=400, color_system=None, soft_wrap=True), ctx)
    return buffer.getvalue()


def test_the_pair_has_no_row_and_results_left_out_by_a_rule(ctx: ComparisonContext) -> None:
    b = ctx["benchmarks"]
    assert not b["shared"]
    assert len(b["excluded_by_rule"]) >= 2
    assert any("settings differ" in e for e in b["excluded_by_rule"])


def test_statement_says_the_shared_benchmarks_were_run_differently(ctx: ComparisonContext) -> None:
    # "No shared benchmark rows … (same benchmark, subset, metric and comparable harness)" read
    # as if the models had no benchmark in common; they do, run at other settings
    statement = ctx["benchmarks"]["statement"] or ""
    assert "No shared benchmark rows" not in statement, statement
    assert statement.startswith(
        "No benchmark row compares these models: the results a comparability rule left out are "
        "listed with their reasons under Not compared;"
    ), statement


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_every_result_left_out_by_a_rule_is_listed(ctx: ComparisonContext, fmt: str) -> None:
    if fmt == "html":
        page = html.unescape(render_compare_html(ctx))
    elif fmt == "md":
        page = render_compare_markdown(ctx).replace("\\", "")
    else:
        page = _terminal(ctx)
    assert "Not compared" in page
    for reason in ctx["benchmarks"]["excluded_by_rule"]:
        assert reason in page, (fmt, reason)


def test_the_glance_card_does_not_say_none_shared(ctx: ComparisonContext) -> None:
    # the models share benchmarks, run differently: the card says none is comparable
    for card in ctx["summary_cards"]:
        row = next(r for r in card["rows"] if r["key"] == "benchmark")
        assert row["display"] == "none comparable", row
        assert "shared" not in row["detail"], row


def test_the_score_chart_note_does_not_say_none_shared(ctx: ComparisonContext) -> None:
    assert ctx["charts"]["score_note"] == "Not drawn: no benchmark row compares these models."
