"""The provider page: a regional endpoint says whose it is, in every format."""

from __future__ import annotations

from support.web_support import client_for

from tradeoff import urls
from tradeoff.compare.wording import count
from tradeoff.db.queries import Catalog
from tradeoff.pages.provider import provider_context
from tradeoff.render.html import Chrome, environment, render_page
from tradeoff.render.markdown_pages import provider_md

CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])


def test_a_regional_endpoint_names_its_company_and_the_main_page_its_regions(
    catalog: Catalog,
) -> None:
    china = provider_context(catalog, catalog.providers["moonshotai-cn"])
    assert china["region_of"] is not None and china["region_of"]["id"] == "moonshotai"
    main = provider_context(catalog, catalog.providers["moonshotai"])
    assert [r["id"] for r in main["regions"]] == ["moonshotai-cn"]
    markdown = provider_md(china)
    assert "counts the company once" in markdown
    assert f"[Moonshot AI]({urls.provider('moonshotai')})" in markdown
    with client_for(catalog) as client:
        html = client.get(urls.provider("moonshotai-cn")).text
    assert f'<a href="{urls.provider("moonshotai")}">Moonshot AI</a>' in html
    assert "counts the company once" in html


def test_offerings_carry_their_lifecycle_dates(catalog: Catalog) -> None:
    page = provider_context(catalog, catalog.providers["google"])
    gemini = next(o for o in page["offerings"] if o["provider_model_id"] == "gemini-2.5-pro")
    # LiteLLM's shutdown date, still ahead at its snapshot: a scheduled retirement
    assert (gemini["lifecycle"], gemini["retired_on"]) == ("ga", "2026-12-01")
    # "retires on 2026-12-01" read as a future event on 2026-12-03: the data says only that
    # a retirement was scheduled (whether it happened is the next snapshot's word)
    assert gemini["lifecycle_text"] == "ga, retirement scheduled for 2026-12-01"
    assert "ga, retirement scheduled for 2026-12-01" in provider_md(page)


def test_the_offering_counts_add_up(catalog: Catalog) -> None:
    # OpenAI's page read "212 offerings in the catalog: 83 linked to catalog models, 100 not
    # linked": 83 counted models, 100 offerings; 112 offerings were linked
    for provider in catalog.providers.values():
        ctx = provider_context(catalog, provider)
        linked = [o for o in ctx["offerings"] if o["model"]]
        assert ctx["linked_count"] == len(linked)
        assert ctx["linked_count"] + ctx["unlinked_count"] == ctx["offering_count"]
        assert ctx["model_count"] == len({o["model"]["id"] for o in linked if o["model"]})
        html = render_page(environment(), "provider.html", ctx, CHROME)
        if ctx["unlinked_count"]:
            said = (
                f"{ctx['offering_count']} offerings in the catalog: {ctx['linked_count']} linked"
                f" to {ctx['model_count']} catalog model"
            )
            assert said in html, html[:2000]
        unlinked = f", {ctx['unlinked_count']} not linked" if ctx["unlinked_count"] else ""
        assert (
            f"{count(ctx['offering_count'], 'offering')}: {ctx['linked_count']} linked to "
            f"{count(ctx['model_count'], 'catalog model')}{unlinked}."
        ) in provider_md(ctx)
