"""The committed catalog: link share, one model per spelling, an up-to-date review report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog.load import CatalogText, default_catalog_dir
from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.maintain.review import review_summary
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved


@pytest.fixture(scope="module")
def resolved(bundled_text: CatalogText) -> Resolved:
    return reconcile(bundled_text)


def test_at_least_75_percent_of_models_dev_offerings_are_linked(catalog: Catalog) -> None:
    ours = [o for o in catalog.offerings if o.source_id == "models-dev"]
    linked = [o for o in ours if o.model_id]
    assert len(ours) > 5000
    assert len(linked) / len(ours) >= 0.75


def test_no_spelling_maps_to_two_models(resolved: Resolved) -> None:
    # The index refuses a second claim while building; check the result once more.
    owners: dict[str, set[str]] = {}
    for spelling, model_id in list(resolved.index.exact.items()) + list(
        resolved.index.keys.items()
    ):
        owners.setdefault(spelling, set()).add(model_id)
    assert all(len(models) == 1 for models in owners.values())


def test_every_offering_links_to_a_known_model(catalog: Catalog) -> None:
    assert all(o.model_id in catalog.models for o in catalog.offerings if o.model_id)


def test_kimi_k2_0711_and_0905_are_two_models(catalog: Catalog) -> None:
    first = catalog.offerings_for("moonshotai/kimi-k2-instruct")
    second = catalog.offerings_for("moonshotai/kimi-k2-instruct-0905")
    assert first and second
    assert not {(o.provider_id, o.provider_model_id) for o in first} & {
        (o.provider_id, o.provider_model_id) for o in second
    }


def test_review_report_is_up_to_date(resolved: Resolved) -> None:
    committed = Path(default_catalog_dir()) / "review" / "README.md"
    assert committed.read_text() == review_summary(resolved), (
        "catalog/review is stale: re-run `tradeoff import models-dev …` (see README)"
    )


def test_defunct_providers_carry_their_status(catalog: Catalog) -> None:
    defunct = [p for p in catalog.providers.values() if p.status == "defunct"]
    assert defunct and all(p.defunct_since for p in defunct)


def test_no_two_models_share_a_name(catalog: Catalog) -> None:
    # Two models with one name make every sentence comparing them ambiguous.
    seen: dict[str, str] = {}
    for model in catalog.models.values():
        other = seen.setdefault(model.name.lower(), model.id)
        assert other == model.id, f"{other} and {model.id} are both named {model.name!r}"


def test_check_passes_on_the_bundled_catalog() -> None:
    result = CliRunner().invoke(app, ["check", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["errors"] == 0
    kinds = {c["kind"] for c in report["counts"]}
    assert {"placeholder-date", "zero-price-not-free", "float-artifact"} <= kinds


def test_models_list_holds_every_model(catalog: Catalog) -> None:
    result = CliRunner().invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    assert listing["count"] == len(listing["models"]) == len(catalog.models) > 400


def test_bundled_exclusions_name_entries_that_exist(bundled_text: CatalogText) -> None:
    text = bundled_text
    stated = {
        (i.source_id, o.provider, o.provider_model_id.lower())
        for i in text.imports
        for o in i.offerings
    }
    for e in text.exclusions:
        assert (e.source, e.provider, e.provider_model_id.lower()) in stated, e


# PRODUCT.md §2.4: the facts the example page got wrong, as the bundled catalog states them.
PAIR_FACTS = {
    "moonshotai/kimi-k2-instruct": {
        "release_date": "2025-07-11",
        "architecture": "moe",
        "parameters_total": 1_000_000_000_000,
        "parameters_active": 32_000_000_000,
        "experts_total": 384,
        "experts_per_token": 8,
        "context_tokens": 131_072,
        "licence": "Modified MIT",
    },
    "mistral/mixtral-8x22b-instruct": {
        "release_date": "2024-04-17",
        "architecture": "moe",
        "parameters_total": 141_000_000_000,
        "parameters_active": 39_000_000_000,
        "context_tokens": 65_536,
        "licence": "Apache 2.0",
    },
}


@pytest.mark.parametrize("model_id", sorted(PAIR_FACTS))
def test_the_example_pairs_facts_are_sourced(model_id: str) -> None:
    result = CliRunner().invoke(app, ["models", "show", model_id, "--json"])
    assert result.exit_code == 0, result.output
    facts = {f["field"]: f for f in json.loads(result.stdout)["facts"]}
    for field, value in PAIR_FACTS[model_id].items():
        assert facts[field]["value"] == value, field
        assert facts[field]["source"]["url"].startswith("https://"), field
        assert facts[field]["checked"], field


def test_no_fact_contradictions_in_the_bundled_catalog(catalog: Catalog) -> None:
    from tradeoff.maintain.checks import run_checks
    from tradeoff.maintain.fact_checks import FACT_GATES

    found = [(f.kind, f.entity) for f in run_checks(catalog) if f.kind in FACT_GATES]
    assert found == []


def test_every_fact_exclusion_drops_a_value_the_dataset_states(
    bundled_text: CatalogText, resolved: Resolved
) -> None:
    # A stale exclusion (the dataset changed the value) must be noticed, not kept silently.
    dropped = {(d.source_id, d.entity, d.field, d.value) for d in resolved.dropped}
    stale = [
        e
        for e in bundled_text.fact_exclusions
        if (e.source, f"model:{e.model}", e.field, e.value) not in dropped
    ]
    assert bundled_text.fact_exclusions and stale == []
