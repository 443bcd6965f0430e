"""Lifecycle: datasets' dates and curated entries (catalog/lifecycle/) make offerings retired;
a retired offering is never availability, a headline route nor the lab's own price."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.catalog.load import load_catalog, write_import
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import Blend
from tradeoff.errors import DataError
from tradeoff.reconcile.lifecycle import stage_by_date
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
BLEND = Blend(Decimal("0.7"), Decimal("0.3"))
SOURCE = (
    '[sources.acme-deprecations]\nname = "Acme: deprecations"\nkind = "provider-docs"\n'
    'url = "https://acme.example/deprecations"\nlicence = "facts"\nretrieved = 2026-11-30\n\n'
)


def _mini(tmp_path: Path, litellm_snapshot: dt.date) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    tree = models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2))
    write_import(tree, root / "imports" / "models-dev.json")
    lite = litellm.import_file(FIXTURES / "litellm", retrieved=litellm_snapshot)
    write_import(lite, root / "imports" / "litellm.json")
    return root


@pytest.fixture
def before_shutdown(tmp_path: Path) -> Path:
    """LiteLLM read before Acme's widget-1 shutdown date (2026-06-30): a scheduled retirement."""
    return _mini(tmp_path, dt.date(2026, 1, 2))


def _offering(resolved: Resolved, provider: str, pmid: str) -> Offering:
    return next(
        o for o in resolved.offerings if (o.provider_id, o.provider_model_id) == (provider, pmid)
    )


def _entries(root: Path, provider: str, body: str) -> Path:
    path = root / "lifecycle" / f"{provider}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(SOURCE + body)
    return path


def test_the_labs_retired_api_is_neither_available_nor_its_price(tmp_path: Path) -> None:
    # LiteLLM's deprecation_date for acme/widget-1 (2026-06-30) had passed at its snapshot.
    resolved = reconcile(load_catalog(_mini(tmp_path, dt.date(2026, 11, 29))))
    acme = _offering(resolved, "acme", "widget-1")
    assert (acme.lifecycle, acme.retired_on) == ("retired", "2026-06-30")
    model = resolved.models["acme/widget-1"]
    offerings = [o for o in resolved.offerings if o.model_id == model.id]
    pricing = model_pricing(model, offerings, resolved.providers, BLEND)
    assert pricing.first_party is None  # the lab's price was its retired API's
    assert "acme" not in pricing.provider_ids  # not availability…
    assert pricing.cheapest is None or pricing.cheapest.provider_id != "acme"  # …nor headline
    assert [q.provider_id for q in pricing.defunct if q.lifecycle == "retired"] == ["acme"]
    assert pricing.provider_count == len(pricing.providers)


def test_a_scheduled_retirement_stays_available_and_first_party(before_shutdown: Path) -> None:
    resolved = reconcile(load_catalog(before_shutdown))
    acme = _offering(resolved, "acme", "widget-1")
    assert (acme.lifecycle, acme.retired_on) == ("ga", "2026-06-30")
    model = resolved.models["acme/widget-1"]
    offerings = [o for o in resolved.offerings if o.model_id == model.id]
    pricing = model_pricing(model, offerings, resolved.providers, BLEND)
    assert pricing.first_party is not None and pricing.first_party.provider_id == "acme"


def test_a_curated_entry_outranks_the_datasets_and_keeps_their_word(
    before_shutdown: Path,
) -> None:
    _entries(
        before_shutdown,
        "acme",
        '[[entries]]\nprovider_model_id = "widget-1"\ndeprecated_on = "2025-12-01"\n'
        'retired_on = "2026-03-31"\nsuccessor = "widget-2"\nsource = "acme-deprecations"\n'
        'checked = 2026-11-30\nquote = "widget-1 shuts down on 2026-03-31"\n',
    )
    resolved = reconcile(load_catalog(before_shutdown))
    acme = _offering(resolved, "acme", "widget-1")
    assert (acme.lifecycle, acme.deprecated_on, acme.retired_on, acme.successor) == (
        "retired",
        "2025-12-01",
        "2026-03-31",
        "widget-2",
    )
    assert acme.price_sources["retired_on"] == "acme-deprecations"
    conflict = next(
        c
        for c in resolved.conflicts
        if c.entity == "offering:acme/widget-1" and c.field == "retired_on"
    )
    assert conflict.chosen_source_id == "acme-deprecations"
    assert ("2026-06-30", "litellm", "2026-01-02") in conflict.values
    assert resolved.lifecycle_unmatched == []


def test_a_deprecation_without_retirement_stays_available_but_not_headline(
    before_shutdown: Path,
) -> None:
    _entries(
        before_shutdown,
        "acme",
        '[[entries]]\nmodel = "acme/widget-1"\ndeprecated_on = "2026-10-01"\n'
        'source = "acme-deprecations"\nchecked = 2026-11-30\n',
    )
    resolved = reconcile(load_catalog(before_shutdown))
    acme = _offering(resolved, "acme", "widget-1")
    # The dataset's scheduled date stays; the stage is the curated one.
    assert (acme.lifecycle, acme.deprecated_on, acme.retired_on) == (
        "deprecated",
        "2026-10-01",
        "2026-06-30",
    )


def test_a_curated_entry_that_matches_nothing_is_reported(before_shutdown: Path) -> None:
    path = _entries(
        before_shutdown,
        "acme",
        '[[entries]]\nprovider_model_id = "widget-0"\nretired_on = "2024-01-01"\n'
        'source = "acme-deprecations"\nchecked = 2026-11-30\n',
    )
    resolved = reconcile(load_catalog(before_shutdown))
    # named relative to the catalog: the review files must not depend on where it lives
    assert resolved.lifecycle_unmatched == [f"lifecycle/{path.name} entries.0 (widget-0)"]
    # kept for `tradeoff check` (lifecycle-entry-unmatched), never silently
    dropped = [d for d in resolved.dropped if d.entity == "offering:acme/widget-0"]
    assert [(d.source_id, d.field) for d in dropped] == [("acme-deprecations", "lifecycle")]
    assert "matches no offering" in dropped[0].reason


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'provider_model_id = "widget-1"\nmodel = "acme/widget-1"\nretired_on = "2026-01-01"',
            "exactly one",
        ),
        ('provider_model_id = "widget-1"', "states nothing"),
        (
            'provider_model_id = "widget-1"\ndeprecated_on = "2026-02-01"\n'
            'retired_on = "2026-01-01"',
            "after retired_on",
        ),
        ('provider_model_id = "widget-1"\nretired_on = "2026-02-30"', "2026-02-30"),
    ],
)
def test_a_bad_entry_names_its_file_and_field(
    before_shutdown: Path, entry: str, message: str
) -> None:
    path = _entries(
        before_shutdown,
        "acme",
        f'[[entries]]\n{entry}\nsource = "acme-deprecations"\nchecked = 2026-11-30\n',
    )
    with pytest.raises(DataError) as caught:
        load_catalog(before_shutdown)
    assert caught.value.path == str(path) and message in caught.value.message
    assert (caught.value.field or "").startswith("entries.0")


def test_an_entry_citing_an_unknown_source_is_refused(before_shutdown: Path) -> None:
    path = _entries(
        before_shutdown,
        "acme",
        '[[entries]]\nprovider_model_id = "widget-1"\nretired_on = "2026-01-01"\n'
        'source = "nowhere"\nchecked = 2026-11-30\n',
    )
    with pytest.raises(DataError) as caught:
        load_catalog(before_shutdown)
    assert (caught.value.path, caught.value.field) == (str(path), "entries.0.source")


def test_a_file_for_an_undeclared_provider_is_refused(before_shutdown: Path) -> None:
    path = _entries(
        before_shutdown,
        "nobody",
        '[[entries]]\nprovider_model_id = "x"\nretired_on = "2026-01-01"\n'
        'source = "acme-deprecations"\nchecked = 2026-11-30\n',
    )
    with pytest.raises(DataError) as caught:
        load_catalog(before_shutdown)
    assert caught.value.path == str(path) and "not declared" in caught.value.message


@settings(max_examples=200)
@given(
    stage=st.sampled_from(["preview", "ga", "deprecated", "retired"]),
    retired=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    as_of=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
)
def test_a_passed_retirement_date_always_means_retired(
    stage: str, retired: dt.date, as_of: dt.date
) -> None:
    result = stage_by_date(stage, retired.isoformat(), as_of.isoformat())
    assert result == ("retired" if retired <= as_of else stage)
