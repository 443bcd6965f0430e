"""Reconcile across sources: merged offerings, linking by aliases, conflicts, per-source figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.catalog.schema import ImportedOffering, ImportFile
from tradeoff.db.queries import Catalog
from tradeoff.normalize import offering_spelling
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.sources import genai_prices, litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _text(*imports: ImportFile) -> CatalogText:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = list(imports)
    return text


@pytest.fixture(scope="module")
def sources() -> tuple[ImportFile, ImportFile, ImportFile]:
    return (
        models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2)),
        genai_prices.import_snapshot(FIXTURES / "genai-prices", retrieved=dt.date(2026, 8, 21)),
        litellm.import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29)),
    )


@pytest.fixture(scope="module")
def resolved(sources: tuple[ImportFile, ImportFile, ImportFile]) -> Resolved:
    return reconcile(_text(*sources))


def test_one_offering_from_three_spellings_with_its_price_conflict(resolved: Resolved) -> None:
    hostco = [
        o for o in resolved.offerings if o.provider_id == "hostco" and "1-" in o.provider_model_id
    ]
    assert [(o.provider_model_id, o.model_id) for o in hostco] == [
        ("acme/Widget-1-FP8", "acme/widget-1")
    ]
    merged = hostco[0]
    assert merged.prices.input_per_mtok == Decimal("0.4")  # models.dev ranks first
    assert merged.price_sources["input_per_mtok"] == "models-dev"
    conflict = next(
        c
        for c in resolved.conflicts
        if c.entity == "offering:hostco/acme/Widget-1-FP8" and c.field == "input_per_mtok"
    )
    assert {(v, s) for v, s, _ in conflict.values} == {
        ("0.4", "models-dev"),
        ("0.8", "genai-prices"),
        ("0.9", "litellm"),
    }
    assert conflict.chosen == "0.4" and conflict.chosen_source_id == "models-dev"


def test_a_source_listing_two_spellings_keeps_two_offerings(
    sources: tuple[ImportFile, ImportFile, ImportFile],
) -> None:
    extra = ImportedOffering(provider="host_co", provider_model_id="widget-1-fp8")
    doubled = sources[2].model_copy(update={"offerings": [*sources[2].offerings, extra]})
    out = reconcile(_text(sources[0], doubled))
    ids = sorted(o.provider_model_id for o in out.offerings if o.provider_id == "hostco")
    assert "widget-1-fp8" in ids and "acme/Widget-1-FP8" in ids
    assert offering_spelling("widget-1-fp8") == offering_spelling("acme/Widget-1-FP8")


def test_router_offerings_link_through_their_aliases(resolved: Resolved) -> None:
    routed = next(o for o in resolved.offerings if o.provider_model_id == "acme/Widget-1:hostco")
    assert routed.model_id == "acme/widget-1"


def test_first_party_model_facts_that_disagree_are_recorded(
    sources: tuple[ImportFile, ImportFile, ImportFile],
) -> None:
    lite = sources[2]
    changed = [
        o.model_copy(update={"facts": {**o.facts, "context_tokens": 128000}})
        if o.provider == "acme"
        else o
        for o in lite.offerings
    ]
    out = reconcile(_text(sources[0], lite.model_copy(update={"offerings": changed})))
    assert out.models["acme/widget-1"].context_tokens.value == 131072
    conflict = next(
        c
        for c in out.conflicts
        if c.entity == "model:acme/widget-1" and c.field == "context_tokens"
    )
    assert {(v, s) for v, s, _ in conflict.values} >= {
        ("131072", "models-dev"),
        ("128000", "litellm"),
    }


def test_per_source_figures_and_unmapped_providers(resolved: Resolved) -> None:
    lite = resolved.source_stats["litellm"]
    # local/widget-1 normalizes to widget-1; the embedding entry is an offering of its kind,
    # of no model of the catalog
    assert lite["offerings"] == 4 and lite["linked"] == 3
    assert resolved.unmapped_providers["litellm"] == {"ollama": 1}
    assert resolved.unmapped_providers["genai-prices"] == {"huggingface_hostco": 1}


# --- the test catalog (a slice of the bundled one, with every Kimi / Mixtral offering) -----


def test_kimi_k2_is_offered_by_ten_providers_across_sources(catalog: Catalog) -> None:
    offerings = catalog.offerings_for("moonshotai/kimi-k2-instruct")
    assert len({o.provider_id for o in offerings}) >= 10
    assert {"models-dev", "litellm", "genai-prices"} <= {o.source_id for o in offerings}
    assert all(o.checked for o in offerings)
    priced = [o for o in offerings if o.prices.input_per_mtok is not None]
    assert all(o.price_sources.get("input_per_mtok") for o in priced)
