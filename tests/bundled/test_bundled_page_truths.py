"""What a careful reader found wrong on the bundled catalog's comparison and model pages, held
fixed (round three of issue 13).

- "Not counted: Databricks" on GPT-5 vs Claude Sonnet 4.5, while Databricks's active
  Claude Sonnet 4.5 offering is counted: the retired one was ``databricks-claude-sonnet-4``
  (Claude Sonnet 4, linked to 4.5 by models.dev; now Sonnet 4's). Llama 3.3 70B's Together AI
  Turbo route is the same case.
- "Vertex (Anthropic) (retired)" listed twice: two retired offerings, one provider.
- The FAQ's "Where can I run …" answer repeated the Availability paragraph word for word.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tradeoff.catalog.load import CatalogText
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import ComparisonContext, compare_context
from tradeoff.pages.model import model_context
from tradeoff.pages.provider import provider_context
from tradeoff.render.html import Chrome, environment, render_compare_html, render_page
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_pages import model_md, provider_md
from tradeoff.render.terminal import print_comparison, print_model

PAIR = ["gpt-5", "claude-sonnet-4-5"]


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR, (70, 30))


def _not_counted_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "Not counted (defunct" in line]


def test_a_counted_provider_is_not_said_to_be_gone(catalog: Catalog) -> None:
    # Together AI's retired Turbo route of Llama 3.3 70B; its active route is counted
    ctx = compare_context(catalog, ["llama-3.3-70b-instruct", "qwen2.5-72b-instruct"], (70, 30))
    llama = ctx["pricing"][0]
    assert "Together AI" in [q["provider_name"] for q in llama["providers"]]
    turbo = "meta-llama/Llama-3.3-70B-Instruct-Turbo"
    (line, _) = _not_counted_lines(render_compare_markdown(ctx))
    assert f"Together AI `{turbo}` (retired; Together AI is counted for its active" in line
    (html_line, _) = _not_counted_lines(render_compare_html(ctx))
    assert f"Together AI <code>{turbo}</code> (retired; Together AI is counted" in html_line
    paragraph = next(p for p in ctx["deep_dive"] if p["title"] == "Availability")
    assert (
        f"Together AI's offering {turbo} (retired on 2026-10-22; Together AI is counted"
        in (paragraph["text"])
    )


def test_each_provider_is_listed_once_under_not_counted(ctx: ComparisonContext) -> None:
    (line,) = _not_counted_lines(render_compare_markdown(ctx))
    assert line.count("Vertex (Anthropic)") == 1
    assert "`claude-sonnet-4-5`, `claude-sonnet-4-5@20250929` (retired)" in line


def test_the_faq_where_answer_is_not_the_availability_paragraph(ctx: ComparisonContext) -> None:
    paragraph = next(p for p in ctx["deep_dive"] if p["title"] == "Availability")
    where = next(f for f in ctx["faq"] if f["question"].startswith("Where can I run"))
    assert where["answer"] != paragraph["text"]
    assert len(where["answer"]) < len(paragraph["text"]) / 2
    assert "29 active providers" in where["answer"]


def test_deepgrams_whisper_large_is_not_said_to_be_large_v3(catalog: Catalog) -> None:
    # Deepgram's Whisper Cloud docs name sizes (tiny, base, small, medium, large), never the
    # checkpoint; "whisper-large" normalized to large-v3's key and was linked to it.
    linked = [
        o for o in catalog.offerings_for("openai/whisper-large-v3") if o.provider_id == "deepgram"
    ]
    assert linked == []
    gone = [u for u in catalog.unlinked() if u[1:3] == ("deepgram", "whisper-large")]
    assert gone and all("never linked" in u[3] for u in gone), gone


def test_oracles_per_character_prices_are_not_compared_as_per_token(
    catalog: Catalog, bundled_text: CatalogText
) -> None:
    # Oracle bills Meta and Cohere chat and embedding models per character (prompt + response
    # characters); LiteLLM states them per token (Llama 3.3 70B: $0.72 in = out)
    llama = [
        o for o in catalog.offerings_for("meta/llama-3.3-70b-instruct") if o.provider_id == "oracle"
    ]
    assert llama and all(
        o.prices.input_per_mtok is None and o.prices.output_per_mtok is None for o in llama
    )
    # token-priced models on Oracle keep their prices
    assert any(o.prices.input_per_mtok for o in catalog.offerings_for("openai/gpt-5")
               if o.provider_id == "oracle")  # fmt: skip
    stated = {
        (i.source_id, o.provider, o.provider_model_id.lower())
        for i in bundled_text.imports
        for o in i.offerings
    }
    aliases = {"oracle": "oci"}
    for e in bundled_text.price_exclusions:
        for pmid in e.provider_model_ids:
            key = (e.source, aliases.get(e.provider, e.provider), pmid.lower())
            assert key in stated, key


def test_databricks_claude_sonnet_4_is_claude_sonnet_4(catalog: Catalog) -> None:
    # models.dev's base_model linked it to Sonnet 4.5, which Databricks sells as its own
    # endpoint databricks-claude-sonnet-4-5: the Sonnet 4.5 page listed it as a retired route
    by_id = {
        o.provider_model_id: o.model_id
        for o in catalog.offerings
        if o.provider_id == "databricks" and o.provider_model_id.startswith("databricks-claude")
    }
    assert by_id["databricks-claude-sonnet-4"] == "anthropic/claude-sonnet-4-20250514"
    assert by_id["databricks-claude-sonnet-4-5"] == "anthropic/claude-sonnet-4-5-20250929"


def test_a_regional_routes_price_move_names_the_route(catalog: Catalog) -> None:
    from tradeoff.pages.price_history import price_history

    history = price_history(catalog, catalog.models["anthropic/claude-sonnet-4-5-20250929"])
    assert history is not None
    bedrock = [m for m in history["moves"] if m["provider_id"] == "amazon-bedrock"]
    assert bedrock and all(m["provider_model_id"] in m["text"] for m in bedrock)


def test_gpt_4o_transcribe_is_not_dated_a_year_before_its_release(catalog: Catalog) -> None:
    # models.dev (Vercel's entry) states 2024-03-13; OpenAI released it on 2025-03-20, with
    # gpt-4o-mini-transcribe (snapshot id gpt-4o-mini-transcribe-2025-03-20)
    released = catalog.models["openai/gpt-4o-transcribe"].release_date.value
    assert released is None or str(released) >= "2025-03"


def test_oracles_per_character_routes_say_so_with_the_source_in_every_output(
    catalog: Catalog,
) -> None:
    # not "unpriced": Oracle bills per character (exclusions.toml billed_in), the catalog holds
    # no price per character, and the page says so, cited to Oracle's page, in every format
    billed = "input billed per character (price not in the catalog)"
    source = "OCI Generative AI docs: Paying for On-Demand Inferencing"
    page = model_context(catalog, catalog.resolve("llama-3.3-70b-instruct"))
    (oracle,) = [o for o in page["offerings"] if o["provider"] == "oracle"]
    assert billed in (oracle["prices"]["not_per_token"] or "")
    assert billed in (oracle["headline_excluded_reason"] or "")
    assert [u["usd"] for u in oracle["prices"]["unit_prices"]] == [None, None]
    assert oracle["price_sources"]["unit.input_per_character"] == "oci-genai-pay-on-demand"
    buffer = io.StringIO()
    print_model(Console(file=buffer, width=400, color_system=None, soft_wrap=True), page)
    chrome = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
    html = render_page(environment(), "model.html", page, chrome)
    markdown = model_md(page)
    (row,) = [
        line
        for line in markdown.splitlines()
        if line.startswith("| [Oracle") and "`meta.llama-3.3-70b-instruct`" in line
    ]
    assert "not per token" in row and "unpriced" not in row
    for text in (markdown, html, buffer.getvalue()):
        assert billed in text
    for text in (markdown, html):
        assert source in text
    provider = provider_context(catalog, catalog.providers["oracle"])
    assert source in provider_md(provider)
    compared = compare_context(
        catalog, ["llama-3.3-70b-instruct", "qwen2.5-72b-instruct"], (70, 30)
    )
    routes = [*compared["pricing"][0]["providers"], *compared["pricing"][0]["other_routes"]]
    (route,) = [q for q in routes if q["provider"] == "oracle"]
    assert billed in (route["headline_excluded_reason"] or "")
    assert "oci-genai-pay-on-demand" in route["price_sources"]
    buffer = io.StringIO()
    print_comparison(Console(file=buffer, width=400, color_system=None, soft_wrap=True), compared)
    for text in (
        render_compare_markdown(compared),
        render_compare_html(compared),
        buffer.getvalue(),
    ):
        assert billed in text
