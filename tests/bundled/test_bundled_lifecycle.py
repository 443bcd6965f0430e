"""Lifecycle on the bundled catalog: the labs' retired APIs are neither availability nor the
labs' prices; model pages say when and what replaced them."""

from __future__ import annotations

from decimal import Decimal

from support.web_support import client_for

from tradeoff import urls
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import Blend
from tradeoff.db.queries import Catalog
from tradeoff.pages.model import model_context
from tradeoff.render.markdown_pages import model_md

BLEND = Blend(Decimal("0.7"), Decimal("0.3"))


def test_gpt_4_32k_is_retired_at_openai_with_its_successor(catalog: Catalog) -> None:
    model = catalog.resolve("openai/gpt-4-32k")
    page = model_context(catalog, model)
    retirement = page["retirement"]
    assert retirement is not None
    assert (retirement["text"], retirement["successor"]) == (
        "Retired at OpenAI on 2025-06-06",
        "gpt-4o",
    )
    assert retirement["source"] == "openai-deprecations"
    assert retirement["successor_model"] is not None
    assert retirement["successor_model"]["id"] == catalog.resolve("gpt-4o").id
    markdown = model_md(page)
    assert "**Retired at OpenAI on 2025-06-06**, successor [" in markdown
    successor_url = retirement["successor_model"]["url"]
    with client_for(catalog) as client:
        html = client.get(urls.model(model.slug)).text
    assert "<strong>Retired at OpenAI on 2025-06-06</strong>" in html
    successor_name = retirement["successor_model"]["name"]  # "GPT-4o (2024-08-06)": a checkpoint
    assert f'successor <a href="{successor_url}">{successor_name}</a>' in html
    assert "retired on 2025-06-06" in html  # the offerings table's lifecycle cell
    pricing = model_pricing(model, catalog.offerings_for(model.id), catalog.providers, BLEND)
    assert pricing.first_party is None and "openai" not in pricing.provider_ids


def test_no_retired_offering_is_availability_a_headline_or_a_labs_price(
    catalog: Catalog,
) -> None:
    retired = {
        (o.provider_id, o.provider_model_id) for o in catalog.offerings if o.lifecycle == "retired"
    }
    assert retired  # the bundled catalog has retirements from every dataset and curated files
    for model in catalog.models.values():
        pricing = model_pricing(model, catalog.offerings_for(model.id), catalog.providers, BLEND)
        quotes = [pricing.cheapest, pricing.first_party, *pricing.providers]
        for q in quotes:
            assert q is None or q.lifecycle != "retired", (model.id, q)
        assert pricing.provider_count == len(pricing.providers)
