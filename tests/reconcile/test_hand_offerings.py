"""Hand-written offerings rank above every dataset; the datasets' word stays a visible conflict."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog, write_import
from tradeoff.errors import DataError
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering, PricePoint
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
ENTITY = "offering:hostco/acme/Widget-1-FP8"


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
    assert widget.lifecycle == "ga" and widget.deprecated_on is None
    assert widget.prices.input_per_mtok == Decimal("0.57")  # prices still from the datasets
    conflict = next(
        c
        for c in resolved.conflicts
        if (c.entity, c.field) == ("offering:acme/widget-1", "deprecated_on")
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
