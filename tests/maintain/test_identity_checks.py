"""The duplicate detector of `tradeoff check` (docs/identity.md)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tradeoff.catalog.alias_schema import AliasFile, CreatedModel, DistinctModels
from tradeoff.catalog.load import load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.queries import Catalog
from tradeoff.maintain.checks import run_checks
from tradeoff.maintain.identity_checks import (
    ModelRef,
    OfferingRef,
    duplicate_groups,
    identity_findings,
    name_key,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _models(*rows: tuple[str, str]) -> list[ModelRef]:
    return [ModelRef(model_id, name, model_id.split("/")[0]) for model_id, name in rows]


def test_names_that_spell_one_model_two_ways_are_one_group() -> None:
    models = _models(
        ("anthropic/claude-3-7-sonnet-20250219", "Claude Sonnet 3.7"),
        ("anthropic/claude-3.7-sonnet", "Claude 3.7 Sonnet"),
        ("anthropic/claude-opus-4-1", "Claude Opus 4.1"),
    )
    groups = duplicate_groups(models, [])
    assert [g.model_ids for g in groups] == [
        ("anthropic/claude-3-7-sonnet-20250219", "anthropic/claude-3.7-sonnet")
    ]


def test_a_latest_model_and_its_checkpoint_are_one_group() -> None:
    models = _models(
        ("anthropic/claude-sonnet-4-0", "Claude Sonnet 4 (latest)"),
        ("anthropic/claude-sonnet-4-20250514", "Claude Sonnet 4"),
    )
    assert len(duplicate_groups(models, [])) == 1


def test_a_shared_provider_id_joins_two_models_of_one_lab() -> None:
    models = _models(("mistral/mistral-small-2506", "Mistral Small 3.2"), ("mistral/x", "X"))
    offerings = [
        OfferingRef(
            "scaleway", "mistral-small-3.2-24b-instruct-2506", "mistral/mistral-small-2506"
        ),
        OfferingRef("ovhcloud", "Mistral-Small-3.2-24B-Instruct-2506", "mistral/x"),
    ]
    (group,) = duplicate_groups(models, offerings)
    assert group.model_ids == ("mistral/mistral-small-2506", "mistral/x")
    assert any("scaleway" in e and "ovhcloud" in e for e in group.evidence)


def test_a_dated_id_naming_its_undated_twins_release_day_is_one_group() -> None:
    models = [
        ModelRef("openai/gpt-4o", "GPT-4o", "openai", "2024-05-13"),
        ModelRef("openai/gpt-4o-2024-05-13", "GPT-4o (2024-05-13)", "openai", "2024-05-13"),
        ModelRef("openai/gpt-4o-2024-08-06", "GPT-4o (2024-08-06)", "openai", "2024-08-06"),
    ]
    (group,) = duplicate_groups(models, [])
    assert group.model_ids == ("openai/gpt-4o", "openai/gpt-4o-2024-05-13")


def test_different_checkpoints_and_other_labs_are_not_grouped() -> None:
    models = _models(
        ("openai/gpt-4o-2024-05-13", "GPT-4o (2024-05-13)"),
        ("openai/gpt-4o-2024-08-06", "GPT-4o (2024-08-06)"),
        ("alibaba/qwen3-32b", "Qwen3 32B"),
        ("other/qwen3-32b", "Qwen3 32B"),
        ("moonshotai/kimi-k2-instruct", "Kimi K2 Instruct"),
        ("moonshotai/kimi-k2-thinking", "Kimi K2 Thinking"),
    )
    assert duplicate_groups(models, []) == []


def test_a_reviewed_distinct_pair_is_left_alone() -> None:
    models = _models(("acme/a", "Widget"), ("acme/b", "Widget"))
    assert len(duplicate_groups(models, [])) == 1
    assert duplicate_groups(models, [], {frozenset(("acme/a", "acme/b")): "reviewed"}) == []


def test_a_name_key_drops_latest_and_punctuation_only() -> None:
    assert name_key("Claude Sonnet 4 (latest)") == name_key("Claude Sonnet 4")
    assert name_key("Qwen Plus 0728 (thinking)") != name_key("Qwen Plus 0728")


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["W 1", "W-1", "w_1", "X 2", "Y"])),
        min_size=0,
        max_size=8,
    )
)
def test_groups_are_disjoint_same_lab_and_at_least_two(rows: list[tuple[str, str]]) -> None:
    models = [ModelRef(f"{lab}/m{i}", name, lab) for i, (lab, name) in enumerate(rows)]
    groups = duplicate_groups(models, [])
    seen: set[str] = set()
    for group in groups:
        assert len(group.model_ids) >= 2
        assert {m.split("/")[0] for m in group.model_ids} == {group.lab_id}
        assert not seen & set(group.model_ids)
        seen |= set(group.model_ids)
    # every pair of one lab with one name key is in one group
    for x in models:
        for y in models:
            if x.id < y.id and x.lab_id == y.lab_id and name_key(x.name) == name_key(y.name):
                assert any({x.id, y.id} <= set(g.model_ids) for g in groups)


def test_the_test_catalog_has_no_duplicate_models(catalog: Catalog) -> None:
    assert identity_findings(catalog) == []


def test_check_reports_a_duplicate_as_an_error_until_it_is_reviewed(tmp_path: Path) -> None:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.aliases = AliasFile(
        models={
            "acme/widget-9": CreatedModel(name="Widget 9", lab="acme"),
            "acme/widget-9-0": CreatedModel(name="Widget 9 (latest)", lab="acme"),
        }
    )
    build_database(text, tmp_path / "a.sqlite", "test")
    errors = [f for f in run_checks(Catalog(tmp_path / "a.sqlite")) if f.level == "error"]
    assert [(f.kind, f.entity) for f in errors] == [("duplicate-models", "model:acme/widget-9")]
    assert "[distinct]" in errors[0].message
    pair = DistinctModels(models=("acme/widget-9", "acme/widget-9-0"), reason="test: reviewed")
    text.aliases = text.aliases.model_copy(update={"distinct": [pair]})
    build_database(text, tmp_path / "b.sqlite", "test")
    assert not [f for f in run_checks(Catalog(tmp_path / "b.sqlite")) if f.level == "error"]
