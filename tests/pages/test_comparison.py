"""Golden output of the Kimi K2 Instruct vs Mixtral 8x22B Instruct page in four formats.

Regenerate after a reviewed data or wording change:
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/pages/test_comparison.py``. The page is rendered from
the test catalog (tests/fixtures/catalog-slice), so refreshing the bundled data changes nothing.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
from pathlib import Path

import pytest
from rich.console import Console

from tradeoff.db.queries import Catalog
from tradeoff.escape import md as esc
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.pages.comparison.pricing import NO_LAB_PRICE
from tradeoff.pages.jsonable import dumps
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.terminal import print_comparison

GOLDEN = Path(__file__).parents[1] / "golden"
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]


def _text(ctx: ComparisonContext) -> str:
    buffer = io.StringIO()
    print_comparison(Console(file=buffer, width=120, color_system=None, soft_wrap=True), ctx)
    return buffer.getvalue()


RENDERERS = {
    "json": lambda ctx: dumps(ctx) + "\n",
    "md": render_compare_markdown,
    "html": render_compare_html,
    "txt": _text,
}


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR, None)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_golden(ctx: ComparisonContext, fmt: str) -> None:
    path = GOLDEN / f"kimi-k2-instruct-vs-mixtral-8x22b-instruct.{fmt}"
    actual = RENDERERS[fmt](ctx)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                str(path),
                "actual",
            )
        )
        pytest.fail(f"{path.name} differs (UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}")


def test_formats_agree(ctx: ComparisonContext) -> None:
    """Every claim, FAQ answer and price of the JSON appears in Markdown, HTML and text (the
    terminal states each claim of an answer once)."""
    md = render_compare_markdown(ctx)
    html = render_compare_html(ctx)
    text = " ".join(_text(ctx).split())
    for claim in ctx["claims"]:
        assert esc(claim["text"]) in md
        assert claim["text"].replace("'", "&#39;") in html
    for f in ctx["faq"]:
        # the terminal states each claim once: what an answer repeats was printed above it
        stated = [c["text"] for c in ctx["claims"]] + [c["text"] for c in ctx["choose"]]
        said = [t for t in stated if t in f["answer"]]
        assert said or " ".join(f["answer"].split()) in text
        for statement in said:
            assert text.count(" ".join(statement.split())) == 1, statement
    for p in ctx["pricing"]:
        q = p["cheapest"]
        if q:
            assert q["blended_per_mtok"] is not None  # the cheapest route is a priced one
            price = "$" + q["blended_per_mtok"]
            assert re.search(re.escape(price) + r"\d*", md) and price in html


def test_json_contract_keys(ctx: ComparisonContext) -> None:
    """PRODUCT.md §5: minimum keys, money as decimal strings."""
    for key in ("models", "pricing", "blend", "specs", "capabilities", "benchmarks", "claims"):
        assert key in ctx
    for key in ("faq", "related", "last_reviewed", "sources"):
        assert key in ctx
    assert set(ctx["models"][0]) >= {"id", "slug", "name", "lab"}
    assert ctx["blend"] == {"input_share": "0.7", "output_share": "0.3", "label": "70/30"}
    for p in ctx["pricing"]:
        assert set(p) >= {"cheapest", "first_party", "providers", "provider_count"}
        assert p["provider_count"] == len(p["providers"])
        cheapest = p["cheapest"]
        assert cheapest is not None
        assert set(cheapest) >= {
            "provider",
            "input_per_mtok",
            "output_per_mtok",
            "blended_per_mtok",
        }
        assert isinstance(cheapest["blended_per_mtok"], str)
    assert "shared" in ctx["benchmarks"]
    assert all(set(f) >= {"question", "answer"} for f in ctx["faq"])
    assert len(ctx["faq"]) == 6
    json.dumps(ctx)  # JSON-ready, no Decimal left


def test_example_page_defects_are_fixed(ctx: ComparisonContext) -> None:
    """PRODUCT.md §2 on our page for the same pair."""
    md = render_compare_markdown(ctx)
    assert "~100%" not in md and "frontier" not in md and "2025-01-01" not in md
    assert "| Spec | Kimi K2 Instruct | Mixtral 8x22B Instruct v0.1 |" in md
    assert "| —" not in md and "| - |" not in md and "||" not in md
    assert "2025-07-11" in md and "2024-04-17" in md and "Modified MIT" in md
    assert "1T" in md and "32B" in md and "141B" in md and "39B" in md
    assert "OctoAI" not in " ".join(
        q["provider_name"] for p in ctx["pricing"] for q in p["providers"]
    )
    assert ctx["last_reviewed"] is not None
    assert "Last reviewed: " + ctx["last_reviewed"] in md


def test_data_is_escaped_everywhere(catalog: Catalog, ctx: ComparisonContext) -> None:
    evil = json.loads(json.dumps(ctx))
    evil["models"][0]["name"] = "<script>alert(1)</script> | *x*"
    evil["claims"][0]["text"] = "<img src=x onerror=alert(1)>"
    evil["summary"] = "# heading? <b>"
    html = render_compare_html(evil)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    md = render_compare_markdown(evil)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\# heading" in md


def test_benchmark_dates_are_run_dates_not_checks(ctx: ComparisonContext) -> None:
    md = render_compare_markdown(ctx)
    html = render_compare_html(ctx)
    bench_md = md.split("## Benchmarks", 1)[1].split("## Deep dive", 1)[0]
    bench_html = html.split('id="benchmarks"', 1)[1].split('id="deep-dive"', 1)[0]
    for s in (s for r in ctx["benchmarks"]["shared"] for s in r["scores"]):
        assert f"dated {s['date']}" in bench_md and f"dated {s['date']}" in bench_html
    assert "checked" not in bench_md and "checked" not in bench_html
    # Last reviewed is still the oldest checked date among the sections.
    assert ctx["last_reviewed"] == min(d for d in ctx["reviewed"].values() if d)


def test_results_without_counterpart_are_counted_per_result(
    catalog: Catalog, ctx: ComparisonContext
) -> None:
    from tradeoff.db import benchmark_queries as queries

    results = queries.results_by_model(catalog)
    a, b = (results.get(m["id"], ()) for m in ctx["models"])
    alone = [x for x in a if x.benchmark_id not in {y.benchmark_id for y in b}]
    alone += [y for y in b if y.benchmark_id not in {x.benchmark_id for x in a}]
    # a run its source withdrew is listed with that reason, not counted as lacking a partner
    alone = [r for r in alone if not r.withdrawn]
    # Kimi's MMLU (vendor), Aider Polyglot (2) and SWE-bench Verified (3, one more withdrawn by
    # Epoch): Mixtral has none
    assert ctx["benchmarks"]["without_counterpart"] == len(alone) == 6


def test_related_links_are_canonical_pair_urls(ctx: ComparisonContext) -> None:
    from tradeoff import urls

    html = render_compare_html(ctx)
    slugs = {m["id"]: m["slug"] for m in ctx["models"]}
    for r in ctx["related"]:
        for i in r["items"]:
            assert i["url"] == urls.compare([slugs[r["model"]], i["slug"]])
            assert f'href="{i["url"]}"' in html


def test_unknowns_are_said_in_the_terminal(catalog: Catalog, ctx: ComparisonContext) -> None:
    from tradeoff.pages.model import model_context
    from tradeoff.render.terminal import print_model

    changed = json.loads(json.dumps(ctx))
    changed["pricing"][1]["first_party"] = None
    changed["pricing"][0]["cheapest"]["lifecycle"] = "preview"
    text = _text(changed)
    pricing = text.split("Pricing (USD", 1)[1].split("Shared providers", 1)[0]
    assert "—" not in pricing
    assert pricing.count(NO_LAB_PRICE) == 4  # provider, input, output, blended
    assert f"{changed['pricing'][0]['cheapest']['provider_name']} (preview)" in pricing

    page = model_context(catalog, catalog.resolve("mixtral-8x22b-instruct"))
    page["offerings"][0]["provider_status"] = "unknown"  # not in the provider registry
    page["offerings"][0]["prices"]["cache_read_per_mtok"] = None
    buffer = io.StringIO()
    print_model(Console(file=buffer, width=400, color_system=None), page)
    first = next(
        line
        for line in buffer.getvalue().splitlines()
        if page["offerings"][0]["provider_model_id"] in line
    )
    assert "provider defunct" not in first and "not yet sourced" in first


def test_summary_route_states_a_lifecycle_that_is_not_ga(ctx: ComparisonContext) -> None:
    changed = json.loads(json.dumps(ctx))
    q = changed["pricing"][0]["cheapest"]
    q["lifecycle"] = "deprecated"
    name = esc(q["provider_name"])
    assert f"| {name} (deprecated) [" in render_compare_markdown(changed)
    assert f"{q['provider_name']} (deprecated) <span" in render_compare_html(changed)
    assert "(deprecated)" not in render_compare_markdown(ctx).split("#### ", 1)[0]
