"""Dates that say what they mean: a dataset value is "as of" its snapshot, a reviewed value is
"checked" on its date, and "last reviewed" counts only review dates — in every format."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.pages.model import model_context
from tradeoff.records import AS_OF, CHECKED, Source, dated_text, snapshot_name
from tradeoff.render.html import Chrome, environment, render_compare_html, render_page
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_pages import model_md
from tradeoff.render.terminal import print_comparison, print_model

PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]


def _source(kind: str, retrieved: str = "2026-07-02") -> Source:
    return Source("models-dev", "models.dev (anomalyco)", kind, "https://x", "MIT", retrieved)


def test_a_dataset_value_on_its_snapshot_date_is_as_of_the_snapshot() -> None:
    assert snapshot_name(_source("dataset"), "2026-07-02") == "models.dev"
    # a dataset's own check date (genai-prices prices_checked) is a review date
    assert snapshot_name(_source("dataset"), "2025-08-12") is None
    # a person read a model card or a provider page on its retrieved date
    assert snapshot_name(_source("model-card"), "2026-07-02") is None
    assert snapshot_name(None, "2026-07-02") is None
    assert dated_text("2026-07-02", "models.dev") == "as of 2026-07-02 (models.dev)"
    assert dated_text("2025-08-12", None) == "checked 2025-08-12"
    assert dated_text(None, None) is None


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR, None)


def _snapshot(catalog: Catalog) -> str:
    return catalog.sources["models-dev"].retrieved


def test_comparison_cells_carry_their_date_kind(catalog: Catalog, ctx: ComparisonContext) -> None:
    cells = [c for r in ctx["specs"] + ctx["capabilities"] for c in r["cells"] if c["checked"]]
    snapshot = _snapshot(catalog)
    from_models_dev = [c for c in cells if c["source"] == "models-dev"]
    assert from_models_dev
    assert all(c["date_kind"] == AS_OF for c in from_models_dev)
    assert all(c["dated"] == f"as of {snapshot} (models.dev)" for c in from_models_dev)
    datasets = {s.id for s in catalog.sources.values() if s.kind == "dataset"}
    curated = [c for c in cells if c["source"] and c["source"] not in datasets]
    assert curated and all(c["date_kind"] == CHECKED for c in curated)
    quotes = [q for p in ctx["pricing"] for q in p["providers"]]
    # genai-prices states when it checked Groq's price: a review date
    groq = next(q for q in quotes if q["provider"] == "groq" and q["source"] == "genai-prices")
    assert groq["date_kind"] == CHECKED and groq["dated"] == f"checked {groq['checked']}"


def test_last_reviewed_counts_review_dates_only(ctx: ComparisonContext) -> None:
    cells = [c for r in ctx["specs"] + ctx["capabilities"] for c in r["cells"] if c["checked"]]
    quotes = [q for p in ctx["pricing"] for q in p["providers"]]
    dated = [(c["checked"], c["date_kind"]) for c in cells]
    dated += [(q["checked"], q["date_kind"]) for q in quotes]
    reviewed = [d for d, kind in dated if d and kind == CHECKED]
    snapshots = [d for d, kind in dated if d and kind == AS_OF]
    # benchmark scores count by their source's date (none of this pair is a snapshot's)
    assert ctx["last_reviewed"] is not None and ctx["last_reviewed"] <= min(reviewed)
    assert ctx["data_as_of"] == min(snapshots)
    assert ctx["reviewed_line"].startswith(f"Last reviewed: {ctx['last_reviewed']};")
    assert "as of" in ctx["reviewed_line"] and "not counted" in ctx["reviewed_line"]


def test_no_format_calls_a_snapshot_date_checked(catalog: Catalog, ctx: ComparisonContext) -> None:
    snapshot = _snapshot(catalog)
    buffer = io.StringIO()
    print_comparison(Console(file=buffer, width=200, color_system=None, soft_wrap=True), ctx)
    for text in (render_compare_markdown(ctx), render_compare_html(ctx), buffer.getvalue()):
        assert f"checked {snapshot}" not in text
        assert "Last reviewed is the oldest" in text
    # the terminal's tables show no per-cell dates; the page formats do
    for text in (render_compare_markdown(ctx), render_compare_html(ctx)):
        assert f"as of {snapshot} (models.dev)" in text


def test_model_page_dates_in_every_format(catalog: Catalog) -> None:
    model = catalog.resolve("kimi-k2-instruct")
    page = model_context(catalog, model)
    snapshot = _snapshot(catalog)
    buffer = io.StringIO()
    print_model(Console(file=buffer, width=200, color_system=None, soft_wrap=True), page)
    chrome = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
    html = render_page(environment(), "model.html", page, chrome)
    for text in (model_md(page), html, buffer.getvalue()):
        assert f"checked {snapshot}" not in text
        assert f"as of {snapshot}" in text
    assert page["last_reviewed"] and page["last_reviewed"] in page["reviewed_line"]
