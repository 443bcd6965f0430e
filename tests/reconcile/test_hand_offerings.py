"""Hand-written offerings rank above every dataset; the datasets' word stays a visible conflict."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tradeoff.catalog.load import load_catalog, read_import, write_import
from tradeoff.catalog.schema import ImportedOffering
from tradeoff.errors import DataError
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering, PricePoint, UnitPrice
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
ENTITY = "offering:hostco/acme/Widget-1-FP8"
NO_TOOL_CALLS = (
    'capabilities.tool_call = { value = false, source = "hostco-pricing", checked = 2026-11-30 }\n'
)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """catalog-mini with models.dev-mini and LiteLLM imported and HostCo's hand-written file."""
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    tree = models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2))
    write_import(tree, root / "imports" / "models-dev.json")
    lite = litellm.import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29))
    write_import(lite, root / "imports" / "litellm.json")
    (root / "providers").mkdir()
    shutil.copy(FIXTURES / "hand-offerings" / "hostco.toml", root / "providers" / "hostco.toml")
    return root


def _edit(
    root: Path, source: str, pmid: str, prices: dict[str, Any] | None = None, **update: Any
) -> None:
    """Make one dataset entry of ``root`` state other values (as a re-import would)."""
    path = root / "imports" / f"{source}.json"
    imported = read_import(path)

    def edited(o: ImportedOffering) -> ImportedOffering:
        if o.provider_model_id != pmid:
            return o
        if prices:
            update["prices"] = o.prices.model_copy(update=prices)
        return ImportedOffering.model_validate({**o.model_dump(), **update})

    offerings = [edited(o) for o in imported.offerings]
    write_import(imported.model_copy(update={"offerings": offerings}), path)


def _add_to_hand_file(root: Path, before: str, lines: str) -> None:
    path = root / "providers" / "hostco.toml"
    path.write_text(path.read_text().replace(before, lines + before, 1))


def _conflict(
    resolved: Resolved, field: str, entity: str = ENTITY
) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    [found] = [c for c in resolved.conflicts if (c.entity, c.field) == (entity, field)]
    return found.chosen, found.values


def _offering(resolved: Resolved, provider: str, model_id: str) -> Offering:
    [found] = [
        o
        for o in resolved.offerings
        if (o.provider_id, o.provider_model_id.lower()) == (provider, model_id.lower())
    ]
    return found


def test_a_hand_written_price_corrects_the_dataset_and_keeps_its_citation(mini: Path) -> None:
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert fixed.model_id == "acme/widget-1" and fixed.link == "hand-written"
    assert fixed.prices.input_per_mtok == Decimal("0.45")
    assert fixed.max_output_tokens == 8192  # LiteLLM says 65,536
    assert fixed.quantization == "fp8"
    assert fixed.price_sources["input_per_mtok"] == "hostco-pricing"
    assert fixed.source_id == "hostco-pricing"
    assert fixed.source_url == "https://hostco.example/pricing"
    assert fixed.checked == "2026-11-29"  # its oldest citation: what it was last reviewed on
    assert resolved.sources["hostco-pricing"].url == "https://hostco.example/pricing"


def test_the_datasets_disagreement_stays_a_recorded_conflict(mini: Path) -> None:
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert fixed.disputed_fields == ("input_per_mtok", "output_per_mtok", "max_output_tokens")
    conflict = next(
        c for c in resolved.conflicts if (c.entity, c.field) == (ENTITY, "input_per_mtok")
    )
    assert (conflict.chosen, conflict.chosen_source_id) == ("0.45", "hostco-pricing")
    assert conflict.values == (
        ("0.45", "hostco-pricing", "2026-11-30"),
        ("0.4", "models-dev", "2026-07-02"),
        ("0.9", "litellm", "2026-11-29"),
    )
    assert conflict.rule.startswith("precedence: hand-written >")


def test_hand_written_history_is_kept_beside_the_datasets(mini: Path) -> None:
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert PricePoint("2025-06-01", Decimal("0.5"), Decimal("1.8"), "hostco-pricing-2025") in (
        fixed.history
    )


def test_other_offerings_are_unchanged_by_a_hand_written_file(mini: Path) -> None:
    with_file = reconcile(load_catalog(mini))
    (mini / "providers" / "hostco.toml").unlink()
    without = reconcile(load_catalog(mini))
    untouched = [o for o in without.offerings if o.provider_model_id != "acme/Widget-1-FP8"]
    assert untouched == [
        o for o in with_file.offerings if o.provider_model_id != "acme/Widget-1-FP8"
    ]


def test_a_hand_written_lifecycle_says_even_ga(mini: Path) -> None:
    acme = mini / "providers" / "acme.toml"
    acme.write_text(
        '[sources.acme-models]\nname = "Acme: models"\nkind = "vendor-page"\n'
        'url = "https://acme.example/models"\nlicence = "facts"\nretrieved = 2026-11-30\n\n'
        '[[offerings]]\nmodel = "acme/widget-1"\nprovider_model_id = "widget-1"\n\n'
        '[offerings.lifecycle]\nstage = "ga"\nsource = "acme-models"\nchecked = 2026-11-30\n'
    )
    resolved = reconcile(load_catalog(mini))
    widget = _offering(resolved, "acme", "widget-1")
    assert widget.lifecycle == "ga" and widget.retired_on is None
    assert widget.prices.input_per_mtok == Decimal("0.57")  # prices still from the datasets
    conflict = next(
        c
        for c in resolved.conflicts
        if (c.entity, c.field) == ("offering:acme/widget-1", "retired_on")
    )
    assert conflict.chosen == "none" and ("2026-06-30", "litellm", "2026-11-29") in conflict.values


def test_a_hand_written_offering_needs_a_model_of_the_catalog(mini: Path) -> None:
    path = mini / "providers" / "hostco.toml"
    path.write_text(path.read_text().replace('model = "acme/widget-1"', 'model = "acme/widget-9"'))
    with pytest.raises(DataError) as caught:
        reconcile(load_catalog(mini))
    error = caught.value
    assert (error.path, error.field) == (str(path), "offerings.0.model")
    assert (
        error.line is not None and "acme/widget-9" in path.read_text().splitlines()[error.line - 1]
    )
    assert "not in the catalog" in error.message


def test_a_hand_written_offering_may_name_another_model_than_the_dataset_links(
    mini: Path,
) -> None:
    curated = mini / "curated" / "acme" / "widget-2.toml"
    curated.write_text('id = "acme/widget-2"\nname = "Widget 2"\nlab = "acme"\n')
    path = mini / "providers" / "hostco.toml"
    path.write_text(path.read_text().replace('model = "acme/widget-1"', 'model = "acme/widget-2"'))
    resolved = reconcile(load_catalog(mini))
    assert _offering(resolved, "hostco", "acme/Widget-1-FP8").model_id == "acme/widget-2"
    conflict = next(c for c in resolved.conflicts if (c.entity, c.field) == (ENTITY, "model_id"))
    assert conflict.chosen == "acme/widget-2"
    assert ("acme/widget-1", "models-dev", "2026-07-02") in conflict.values


def test_a_dataset_free_flag_does_not_override_a_cited_price(mini: Path) -> None:
    _edit(mini, "litellm", "acme/Widget-1-FP8", prices={"free": True})
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert fixed.prices.free is False and fixed.prices.input_per_mtok == Decimal("0.45")
    chosen, values = _conflict(resolved, "free")
    assert chosen == "False" and ("True", "litellm", "2026-11-29") in values
    assert "free" in fixed.disputed_fields


def test_dataset_tiers_never_sit_under_a_hand_written_price(mini: Path) -> None:
    # LiteLLM agrees on the input price but not on the output price its tiers go with.
    tier = {"above_input_tokens": 200_000, "input_per_mtok": "0.9", "output_per_mtok": "1.8"}
    _edit(mini, "litellm", "acme/Widget-1-FP8", prices={"input_per_mtok": Decimal("0.45")})
    path = mini / "imports" / "litellm.json"
    imported = read_import(path)
    offerings = [
        o.model_copy(
            update={"prices": o.prices.model_validate({**o.prices.model_dump(), "tiers": [tier]})}
        )
        if o.provider_model_id == "acme/Widget-1-FP8"
        else o
        for o in imported.offerings
    ]
    write_import(imported.model_copy(update={"offerings": offerings}), path)
    fixed = _offering(reconcile(load_catalog(mini)), "hostco", "acme/Widget-1-FP8")
    assert fixed.prices.tiers == ()
    assert "tiers" not in fixed.price_sources


def test_capability_quantization_and_stage_disagreements_are_conflicts(mini: Path) -> None:
    _add_to_hand_file(
        mini,
        "\n[offerings.prices]",
        NO_TOOL_CALLS,
    )
    _add_to_hand_file(
        mini,
        "[[offerings.history]]",
        '[offerings.lifecycle]\nstage = "ga"\nsource = "hostco-pricing"\nchecked = 2026-11-30\n\n',
    )
    _edit(mini, "litellm", "acme/Widget-1-FP8", quantization="bf16", lifecycle="deprecated")
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert (fixed.capabilities["tool_call"], fixed.quantization, fixed.lifecycle) == (
        False,
        "fp8",
        "ga",
    )
    chosen, values = _conflict(resolved, "capability.tool_call")
    assert chosen == "False" and ("True", "models-dev", "2026-07-02") in values
    chosen, values = _conflict(resolved, "quantization")
    assert chosen == "fp8" and ("bf16", "litellm", "2026-11-29") in values
    chosen, values = _conflict(resolved, "lifecycle")
    assert chosen == "ga" and ("deprecated", "litellm", "2026-11-29") in values
    assert {"capability.tool_call", "quantization", "lifecycle"} <= set(fixed.disputed_fields)


def test_a_hand_written_capability_keeps_its_citation(mini: Path) -> None:
    _add_to_hand_file(
        mini,
        "\n[offerings.prices]",
        NO_TOOL_CALLS,
    )
    fixed = _offering(reconcile(load_catalog(mini)), "hostco", "acme/Widget-1-FP8")
    assert fixed.capabilities["tool_call"] is False
    assert fixed.price_sources["capability.tool_call"] == "hostco-pricing"
    assert "capability.vision" not in fixed.price_sources  # the dataset's: its source_id


def test_a_newer_dataset_price_stays_out_of_the_hand_written_history(mini: Path) -> None:
    later = {
        "effective": "2026-12-15",
        "input_per_mtok": Decimal("0.5"),
        "output_per_mtok": Decimal("1.6"),
    }
    same = {
        "effective": "2026-12-16",
        "input_per_mtok": Decimal("0.45"),
        "output_per_mtok": Decimal("1.6"),
    }
    earlier = {
        "effective": "2026-07-01",
        "input_per_mtok": Decimal("0.4"),
        "output_per_mtok": Decimal("1.6"),
    }
    _edit(mini, "models-dev", "acme/Widget-1-FP8", history=[earlier, later, same])
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert [(p.effective, p.source_id) for p in fixed.history] == [
        ("2025-06-01", "hostco-pricing-2025"),
        ("2026-07-01", "models-dev"),
        ("2026-12-16", "models-dev"),  # agrees with the hand-written price
    ]
    [dropped] = [d for d in resolved.dropped if (d.entity, d.field) == (ENTITY, "history")]
    assert (dropped.source_id, dropped.field) == ("models-dev", "history")
    assert dropped.value == "2026-12-15: input 0.5, output 1.6"
    assert "a newer dataset price disagrees with the hand-written price" in dropped.reason


def test_relinking_drops_dataset_evidence_for_the_other_models_facts(mini: Path) -> None:
    curated = mini / "curated" / "acme" / "widget-2.toml"
    curated.write_text('id = "acme/widget-2"\nname = "Widget 2"\nlab = "acme"\n')
    path = mini / "providers" / "hostco.toml"
    path.write_text(path.read_text().replace('model = "acme/widget-1"', 'model = "acme/widget-2"'))
    resolved = reconcile(load_catalog(mini))
    widget_2 = resolved.models["acme/widget-2"]
    # models.dev's and LiteLLM's entries describe what they link (acme/widget-1), not widget-2
    assert widget_2.context_tokens.value is None
    assert widget_2.capabilities["tool_call"].value is None


def test_checked_is_the_oldest_date_of_the_fields_shown(mini: Path) -> None:
    _edit(mini, "models-dev", "acme/Widget-1-FP8", prices={"cache_read_per_mtok": Decimal("0.1")})
    fixed = _offering(reconcile(load_catalog(mini)), "hostco", "acme/Widget-1-FP8")
    assert fixed.prices.cache_read_per_mtok == Decimal("0.1")
    assert fixed.price_sources["cache_read_per_mtok"] == "models-dev"
    assert fixed.checked == "2026-07-02"  # the cache-read price's date, not the hand's
    # and that date is cited with its own source: "hostco-pricing, as of 2026-07-02" paired
    # the hand-written page with models.dev's snapshot date
    assert fixed.source_id == "hostco-pricing" and fixed.checked_source == "models-dev"
    assert fixed.dated_by == "models-dev"


def test_a_hand_written_price_in_another_unit_keeps_its_unit_and_citation(mini: Path) -> None:
    _add_to_hand_file(
        mini,
        "input_per_mtok = { value = 0.45",
        'unit_prices = [{ component = "input", unit = "per_audio_minute", value = 0.003, '
        'source = "hostco-pricing", checked = 2026-11-30, quote = "$0.003 / minute" }]\n',
    )
    resolved = reconcile(load_catalog(mini))
    fixed = _offering(resolved, "hostco", "acme/Widget-1-FP8")
    assert fixed.prices.unit_prices == (UnitPrice("input", "per_audio_minute", Decimal("0.003")),)
    assert fixed.prices.input_per_mtok == Decimal("0.45")  # the token price is apart
    assert fixed.price_sources["unit.input_per_audio_minute"] == "hostco-pricing"
