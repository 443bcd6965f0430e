"""catalog/exclusions.toml: a reviewed dataset entry never becomes an offering."""

from __future__ import annotations

import shutil
from pathlib import Path

from tradeoff.catalog.load import load_catalog, write_import
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"


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


def test_bundled_exclusions_name_entries_that_exist() -> None:
    text = load_catalog()
    stated = {
        (i.source_id, o.provider, o.provider_model_id.lower())
        for i in text.imports
        for o in i.offerings
    }
    for e in text.exclusions:
        assert (e.source, e.provider, e.provider_model_id.lower()) in stated, e
