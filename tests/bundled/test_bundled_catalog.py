"""The committed catalog: link share, one model per spelling, an up-to-date review report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog.load import default_catalog_dir, load_catalog
from tradeoff.db.queries import Catalog
from tradeoff.maintain.review import review_summary
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return reconcile(load_catalog(default_catalog_dir()))


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


def test_bundled_exclusions_name_entries_that_exist() -> None:
    text = load_catalog()
    stated = {
        (i.source_id, o.provider, o.provider_model_id.lower())
        for i in text.imports
        for o in i.offerings
    }
    for e in text.exclusions:
        assert (e.source, e.provider, e.provider_model_id.lower()) in stated, e
