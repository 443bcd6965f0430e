"""A model's kind: curated > the kind its offerings are sold as (majority) > models.dev's
modalities; every disagreement a conflict; unknown stays unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tradeoff.catalog.alias_schema import CreatedModel
from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.catalog.schema import CuratedFact, ImportedOffering, ImportFile
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
WIDGET = "acme/widget-1"


@pytest.fixture(scope="module")
def models_dev_import() -> ImportFile:
    return models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2))


def _litellm(*kinds: str | None) -> ImportFile:
    """A LiteLLM import whose offerings of Widget 1 state the given kinds (LiteLLM's mode, as
    the LiteLLM importer fills it), one per provider."""
    base = litellm.import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29))
    offerings = [
        ImportedOffering(provider=f"host-{n}", provider_model_id=WIDGET, kind=kind)
        for n, kind in enumerate(kinds)
    ]
    return base.model_copy(update={"offerings": offerings})


def _resolve(*imports: ImportFile, curated_kind: str | None = None) -> Resolved:
    text: CatalogText = load_catalog(FIXTURES / "catalog-mini")
    text.imports = list(imports)
    if curated_kind is not None:
        model = text.curated[WIDGET]
        fact = CuratedFact(
            value=curated_kind, source="widget-1-card", checked=dt.date(2026, 11, 29)
        )
        text.curated[WIDGET] = model.model_copy(update={"facts": {**model.facts, "kind": fact}})
    return reconcile(text)


def _kind_conflicts(r: Resolved, model_id: str = WIDGET) -> list[tuple[str, str, str]]:
    return [
        v
        for c in r.conflicts
        if (c.entity, c.field) == (f"model:{model_id}", "kind")
        for v in c.values
    ]


def test_models_dev_modalities_decide_when_nothing_else_says(models_dev_import: ImportFile) -> None:
    kind = _resolve(models_dev_import).models[WIDGET].kind
    assert kind.value == "text-generation" and kind.source_id == "models-dev"
    assert kind.checked == "2026-07-02"
    assert kind.note is not None and "modalities text → text" in kind.note


def test_offerings_majority_beats_modalities_and_the_disagreement_is_kept(
    models_dev_import: ImportFile,
) -> None:
    r = _resolve(models_dev_import, _litellm("embedding", "embedding", "rerank"))
    kind = r.models[WIDGET].kind
    assert kind.value == "embedding" and kind.source_id == "litellm" and kind.disputed
    assert kind.note == "the kind its offerings are sold as (2 of 3 dataset entries)"
    stated = {(value, source) for value, source, _ in _kind_conflicts(r)}
    assert stated == {
        ("embedding", "litellm"),
        ("rerank", "litellm"),
        ("text-generation", "models-dev"),
    }


def test_a_tie_among_offerings_falls_back_to_modalities(models_dev_import: ImportFile) -> None:
    r = _resolve(models_dev_import, _litellm("embedding", "rerank"))
    assert r.models[WIDGET].kind.value == "text-generation"
    assert _kind_conflicts(r)


def test_a_curated_kind_wins_and_offerings_that_disagree_stay_visible(
    models_dev_import: ImportFile,
) -> None:
    r = _resolve(models_dev_import, _litellm("embedding"), curated_kind="rerank")
    kind = r.models[WIDGET].kind
    assert (kind.value, kind.source_id, kind.checked) == ("rerank", "widget-1-card", "2026-11-29")
    conflict = next(c for c in r.conflicts if c.field == "kind")
    assert conflict.chosen == "rerank" and "curated >" in conflict.rule


def test_alias_table_kind_is_the_curated_kind_of_a_created_model() -> None:
    text = load_catalog(FIXTURES / "catalog-mini")
    fact = CuratedFact(
        value="speech-to-text", source="widget-1-card", checked=dt.date(2026, 11, 29)
    )
    text.aliases.models["acme/ears-2"] = CreatedModel(name="Ears 2", lab="acme", kind=fact)
    kind = reconcile(text).models["acme/ears-2"].kind
    assert (kind.value, kind.source_id) == ("speech-to-text", "widget-1-card")


def test_nothing_stated_is_unknown_not_guessed() -> None:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.aliases.models["acme/ears-2"] = CreatedModel(name="Ears 2", lab="acme")
    kind = reconcile(text).models["acme/ears-2"].kind
    assert kind.value is None and not kind.disputed


def test_an_id_naming_embedding_is_an_inference_with_its_reason(
    models_dev_import: ImportFile,
) -> None:
    """models.dev lists embedding models as text → text: the id decides, and says so."""
    renamed = models_dev_import.model_copy(
        update={
            "models": [
                m.model_copy(update={"id": "acme/widget-embedding-1"})
                for m in models_dev_import.models
                if m.id == WIDGET
            ],
            "offerings": [],
        }
    )
    r = _resolve(renamed)
    kind = r.models["acme/widget-embedding-1"].kind
    assert kind.value == "embedding" and kind.source_id == "models-dev" and kind.disputed
    assert kind.note == (
        "inferred from the model id 'acme/widget-embedding-1' "
        "(models.dev's modalities say text-generation)"
    )
