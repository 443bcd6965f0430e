"""A route's date is cited with the source it is a date of (held fixed, round 25).

OpenAI's gpt-image-1-mini read "[models.dev], checked 2026-07-22": 2026-07-22 is the day
genai-prices states it checked the text prices shown (its ``prices_checked``); models.dev,
the offering's first source, states no check date. Snowflake's Claude Haiku 4.5 showed
LiteLLM's prices dated by models.dev's snapshot; OpenAI's provider page did not credit the
deprecations page its retirement dates come from."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.offering_records import Offering
from tradeoff.pages.as_of import catalog_as_of
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.provider import provider_context


def test_the_routes_date_is_cited_with_its_own_source(catalog: Catalog) -> None:
    ctx = compare_context(catalog, ["gpt-image-1-mini", "gpt-image-1"], (70, 30))
    routes = [*ctx["pricing"][0]["providers"], *ctx["pricing"][0]["other_routes"]]
    openai = next(r for r in routes if r["provider"] == "openai")
    assert (openai["source"], openai["dated"]) == ("genai-prices", "checked 2026-07-22")


def test_every_offering_s_snapshot_date_is_its_cited_source_s(catalog: Catalog) -> None:
    for offering in catalog.offerings:
        source = catalog.sources[offering.dated_by]
        if offering.as_of is not None:  # "as of DATE (dataset)": that dataset, read that day
            assert source.kind == "dataset" and source.retrieved == offering.checked, offering
            assert offering.as_of == source.name.split(" (", 1)[0]
        assert offering.dated_by in offering.cited_sources


def test_a_provider_page_attributes_every_source_of_a_value_it_shows(catalog: Catalog) -> None:
    # OpenAI's page showed retirement dates from OpenAI's deprecations page without crediting it
    offerings: dict[str, list[Offering]] = {}
    for offering in catalog.offerings:
        offerings.setdefault(offering.provider_id, []).append(offering)
    for provider_id in ("openai", "anthropic", "snowflake-cortex"):
        ctx = provider_context(catalog, catalog.providers[provider_id])
        attributed = {s["id"] for s in ctx["sources"]}
        for offering in offerings[provider_id]:
            assert set(offering.price_sources.values()) <= attributed, offering


def test_a_date_from_history_is_cited_with_the_history_s_source(catalog: Catalog) -> None:
    # `--as-of 2026-03-01`: MiniMax-M2's route read "[genai-prices], as of 2025-11-14
    # (models-dev)": the history span's date kept the live record's date source
    past = catalog_as_of(catalog, "2026-03-01")
    for offering in past.offerings:
        if offering.as_of in past.sources:  # dated by a history span: "as of DAY (its source)"
            assert offering.dated_by == offering.as_of, offering
    ctx = compare_context(past, ["minimax/minimax-m2", "perplexity/sonar"], (70, 30))
    for entry in ctx["pricing"]:
        for route in (*entry["providers"], *entry["other_routes"]):
            if route["dated"].endswith("(models-dev)"):
                assert route["source"] == "models-dev", route


def test_a_capability_derived_from_a_price_cites_that_price_s_source(catalog: Catalog) -> None:
    # gpt-image-1-mini's "Batch API: yes" read "models.dev, checked 2026-07-22": the batch
    # price is LiteLLM's, the date genai-prices' prices_checked, models.dev stated neither
    fact = catalog.models["openai/gpt-image-1-mini"].capabilities["batch_api"]
    assert (fact.value, fact.source_id, fact.checked) == (True, "litellm", "2026-11-29")
    for model in catalog.models.values():
        for name in ("batch_api", "prompt_caching"):
            derived = model.capabilities[name]
            if derived.note and "offering(s) list a" in derived.note and derived.source_id:
                source = catalog.sources[derived.source_id]
                if source.kind == "dataset" and derived.as_of is None:
                    # a dataset's own check date only where the dataset states one
                    assert derived.source_id == "genai-prices", (model.id, derived)
