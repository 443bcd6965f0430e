"""Name resolution on the test catalog: ids, slugs, aliases, ambiguity, typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.errors import AmbiguousModel, UnknownModel


@pytest.mark.parametrize(
    ("name", "model_id"),
    [
        ("moonshotai/kimi-k2-instruct", "moonshotai/kimi-k2-instruct"),
        ("moonshotai--kimi-k2-instruct", "moonshotai/kimi-k2-instruct"),
        ("kimi-k2-instruct", "moonshotai/kimi-k2-instruct"),
        ("kimi-k2-0711-preview", "moonshotai/kimi-k2-instruct"),
        ("moonshotai/Kimi-K2-Instruct-0905", "moonshotai/kimi-k2-instruct-0905"),
        ("open-mixtral-8x22b", "mistral/mixtral-8x22b-instruct"),
        ("mistralai/Mixtral-8x22B-Instruct-v0.1", "mistral/mixtral-8x22b-instruct"),
        ("mixtral-8x22b-instruct", "mistral/mixtral-8x22b-instruct"),
    ],
)
def test_resolves_ids_slugs_and_aliases(catalog: Catalog, name: str, model_id: str) -> None:
    assert catalog.resolve(name).id == model_id


def test_ambiguous_name_lists_candidates(catalog: Catalog) -> None:
    with pytest.raises(AmbiguousModel) as caught:
        catalog.resolve("kimi-k2")
    assert "moonshotai/kimi-k2-instruct" in caught.value.candidates
    assert "moonshotai/kimi-k2-instruct-0905" in caught.value.candidates


def test_unknown_name_suggests_near_ones(catalog: Catalog) -> None:
    with pytest.raises(UnknownModel) as caught:
        catalog.resolve("kimi-k2-instrukt")
    assert "moonshotai/kimi-k2-instruct" in caught.value.suggestions


def test_unknown_name_without_neighbours(catalog: Catalog) -> None:
    with pytest.raises(UnknownModel) as caught:
        catalog.resolve("zzzz-qqqq")
    assert caught.value.suggestions == []


def test_kind_is_compiled_with_its_source_and_read_back(catalog: Catalog) -> None:
    kimi = catalog.models["moonshotai/kimi-k2-instruct"].kind
    assert kimi.value == "text-generation" and kimi.source_id == "models-dev"
    assert kimi.checked and kimi.note
    column = dict(catalog.connection().execute("SELECT id, kind FROM models").fetchall())
    assert column == {m.id: m.kind.value for m in catalog.models.values()}
    assert set(column.values()) == {"text-generation"}  # the test slice holds chat models only


def test_one_models_conflicts_are_read_alone_and_equal_the_whole_tables(
    catalog_db: Path,
) -> None:
    # a model page reads only its model's conflicts (parsing all of them took most of its
    # first request); the same records, in the same order, as filtering the whole table
    whole = Catalog(catalog_db)
    every = whole.conflicts()
    model_ids = {c.entity.removeprefix("model:") for c in every if c.entity.startswith("model:")}
    model_ids |= {o.model_id for o in whole.offerings if o.model_id}
    assert any(whole.conflicts(m) for m in model_ids)
    for model_id in sorted(model_ids):
        alone = Catalog(catalog_db)
        assert alone.conflicts(model_id) == whole.conflicts(model_id), model_id
        assert "_conflicts_by_entity" not in alone.__dict__
        alone.close()
    whole.close()
