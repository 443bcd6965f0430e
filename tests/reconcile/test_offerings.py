"""Offerings across sources: merged field by field (lifecycle, tiers); exclusions dropped."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

from tradeoff.catalog.load import load_catalog, write_import
from tradeoff.catalog.schema import (
    ImportedOffering,
    ImportedPrices,
    ImportedTier,
    ImportFile,
    SourceEntry,
)
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering, UnitPrice
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _second_source(offering: ImportedOffering) -> ImportFile:
    return ImportFile(
        source_id="litellm",
        source=SourceEntry(
            name="LiteLLM", kind="dataset", url="https://example.org/litellm", licence="MIT",
            retrieved=dt.date(2026, 11, 29),
        ),
        generated_by="test",
        offerings=[offering],
    )  # fmt: skip


def _merged(second: ImportedOffering) -> Offering:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [import_tree(FIXTURES / "models-dev-mini"), _second_source(second)]
    resolved = reconcile(text)
    return next(o for o in resolved.offerings if (o.provider_id, o.provider_model_id)
                == ("acme", "widget-1"))  # fmt: skip


def test_a_lower_ranked_source_stating_deprecation_is_not_hidden_by_default_ga() -> None:
    merged = _merged(
        ImportedOffering(
            provider="acme", provider_model_id="widget-1", lifecycle="deprecated",
            deprecated_on="2026-07-07", successor="acme/widget-2",
        )
    )  # fmt: skip
    assert merged.lifecycle == "deprecated"
    assert (merged.deprecated_on, merged.successor) == ("2026-07-07", "acme/widget-2")


def test_tiers_never_come_from_a_source_whose_base_price_is_not_shown() -> None:
    tier = ImportedTier(above_input_tokens=200_000, input_per_mtok=Decimal(5))
    other_price = _merged(
        ImportedOffering(
            provider="acme", provider_model_id="widget-1",
            prices=ImportedPrices(input_per_mtok=Decimal(9), output_per_mtok=Decimal(9),
                                  tiers=[tier]),
        )
    )  # fmt: skip
    assert other_price.prices.input_per_mtok == Decimal("0.57")  # models.dev wins
    assert other_price.prices.tiers == ()
    same_price = _merged(
        ImportedOffering(
            provider="acme", provider_model_id="widget-1",
            prices=ImportedPrices(input_per_mtok=Decimal("0.57"), output_per_mtok=Decimal("2.5"),
                                  tiers=[tier]),
        )
    )  # fmt: skip
    assert [t.above_input_tokens for t in same_price.prices.tiers] == [200_000]
    assert same_price.price_sources["tiers"] == "litellm"


def test_excluded_entry_is_dropped_with_its_reason(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    write_import(import_tree(FIXTURES / "models-dev-mini"), catalog / "imports" / "models-dev.json")
    (catalog / "exclusions.toml").write_text(
        '[[excluded]]\nsource = "models-dev"\nprovider = "hostco"\n'
        'provider_model_id = "acme/Widget-1-FP8"\nreason = "price belongs to another host"\n'
    )
    resolved = reconcile(load_catalog(catalog))
    keys = {(o.provider_id, o.provider_model_id) for o in resolved.offerings}
    assert ("hostco", "acme/Widget-1-FP8") not in keys
    assert ("acme", "widget-1") in keys
    reasons = [
        d.reason for d in resolved.dropped if d.entity == "offering:hostco/acme/Widget-1-FP8"
    ]
    assert any("price belongs to another host" in r for r in reasons)


def test_prices_in_another_unit_are_dropped_and_the_offering_kept(tmp_path: Path) -> None:
    # Oracle bills Meta and Cohere models per character; LiteLLM states a per-token conversion:
    # the offering stays (availability), its token prices go, each with the reason
    resolved, kept = _widget_excluded(
        tmp_path, 'reason = "billed per character; the per-token figure is a conversion"\n'
    )
    assert kept.prices.input_per_mtok is None and kept.prices.output_per_mtok is None
    dropped = [
        d
        for d in resolved.dropped
        if d.entity == "offering:hostco/acme/Widget-1-FP8" and "billed per character" in d.reason
    ]
    assert {d.field for d in dropped} >= {"input_per_mtok", "output_per_mtok"}


def test_prices_excluded_as_billed_in_another_unit_say_that_unit_with_its_source(
    tmp_path: Path,
) -> None:
    # the exclusion states the unit the provider bills in and where it says so: each side whose
    # per-token price was dropped is "billed per character", its price not held (never $0)
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    write_import(import_tree(FIXTURES / "models-dev-mini"), catalog / "imports" / "models-dev.json")
    with (catalog / "sources.toml").open("a") as sources:
        sources.write(
            '\n[sources.hostco-billing]\nname = "HostCo docs: billing"\nkind = "vendor-page"\n'
            'url = "https://hostco.example/billing"\nlicence = "facts"\nretrieved = 2026-12-02\n'
        )
    (catalog / "exclusions.toml").write_text(
        '[[excluded_prices]]\nsource = "models-dev"\nprovider = "hostco"\n'
        'provider_model_ids = ["acme/Widget-1-FP8"]\n'
        'reason = "billed per character; the per-token figure is a conversion"\n'
        'billed_in = "per_character"\nbilling_source = "hostco-billing"\n'
    )
    resolved = reconcile(load_catalog(catalog))
    kept = next(
        o
        for o in resolved.offerings
        if (o.provider_id, o.provider_model_id) == ("hostco", "acme/Widget-1-FP8")
    )
    assert kept.prices.unit_prices == (
        UnitPrice("input", "per_character", None),
        UnitPrice("output", "per_character", None),
    )
    assert kept.price_sources["unit.input_per_character"] == "hostco-billing"
    assert kept.price_sources["unit.output_per_character"] == "hostco-billing"


def test_price_history_order_does_not_depend_on_hash_order() -> None:
    # two same-day points of one source were sorted by (effective, source_id) only, out of a
    # set: their order followed the hash seed, and so did the built database and downloads
    from itertools import permutations

    from tradeoff.reconcile.offering_prices import ordered_history
    from tradeoff.records import PricePoint

    points = [
        PricePoint("2025-07-11", Decimal("0.57"), Decimal("2.30"), "models-dev"),
        PricePoint("2025-07-11", Decimal("0.55"), Decimal("2.20"), "models-dev"),
        PricePoint("2025-07-11", None, Decimal("2.20"), "models-dev"),
        PricePoint("2025-07-11", Decimal("0.55"), Decimal("2.20"), "litellm"),
        PricePoint("2025-07-29", Decimal("0.55"), Decimal("2.20"), "models-dev"),
    ]
    orders = {ordered_history([*p, p[0]]) for p in permutations(points)}
    assert len(orders) == 1
    (only,) = orders
    assert len(only) == len(points)  # a repeated point is kept once


def test_prices_excluded_on_one_side_keep_the_other(tmp_path: Path) -> None:
    # gpt-4o-mini-tts outputs audio only (OpenAI's model page): a dataset's text output
    # price is dropped, its text input price stays (``sides = ["output"]``)
    resolved, kept = _widget_excluded(
        tmp_path, 'sides = ["output"]\nreason = "the model outputs no text"\n'
    )
    assert kept.prices.input_per_mtok is not None and kept.prices.output_per_mtok is None
    dropped = {
        d.field
        for d in resolved.dropped
        if d.entity == "offering:hostco/acme/Widget-1-FP8" and "outputs no text" in d.reason
    }
    assert dropped == {"output_per_mtok"}


def test_prices_excluded_on_one_side_leave_no_tier_price_of_that_side(tmp_path: Path) -> None:
    # a context tier's output price is the same text output price: above the tier's
    # threshold the calculator would bill it again. Tiers are shown only beside both base
    # prices of their statement (``offering_prices.tiers_statement``), so none is left
    tier = ImportedTier(
        above_input_tokens=200_000, input_per_mtok=Decimal("0.8"), output_per_mtok=Decimal("3.2")
    )
    _, kept = _widget_excluded(
        tmp_path, 'sides = ["output"]\nreason = "the model outputs no text"\n', tier
    )
    assert kept.prices.output_per_mtok is None
    assert all(t.output_per_mtok is None for t in kept.prices.tiers)


def _widget_excluded(
    tmp_path: Path, exclusion: str, tier: ImportedTier | None = None
) -> tuple[Resolved, Offering]:
    """The fixture catalog reconciled with hostco's Widget-1-FP8 under ``[[excluded_prices]]``
    (``exclusion``: its lines after the offering's id), its models.dev entry given ``tier``;
    the result and that offering."""
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    imported = import_tree(FIXTURES / "models-dev-mini")
    for o in imported.offerings:
        if tier is not None and o.provider_model_id == "acme/Widget-1-FP8":
            o.prices.tiers.append(tier)
    write_import(imported, catalog / "imports" / "models-dev.json")
    (catalog / "exclusions.toml").write_text(
        '[[excluded_prices]]\nsource = "models-dev"\nprovider = "hostco"\n'
        'provider_model_ids = ["acme/Widget-1-FP8"]\n' + exclusion
    )
    resolved = reconcile(load_catalog(catalog))
    kept = next(
        o
        for o in resolved.offerings
        if (o.provider_id, o.provider_model_id) == ("hostco", "acme/Widget-1-FP8")
    )
    return resolved, kept
