"""Identity rules of linking (docs/identity.md): floating ids, the reviewed table before a
dataset's base_model, and a provider id that spells another checkpoint."""

from __future__ import annotations

import pytest

from tradeoff.errors import DataError
from tradeoff.reconcile.aliases import FLOATING_UNKNOWN, AliasIndex, CanonicalRef, FloatingRef

SONNET_4 = "anthropic/claude-sonnet-4-20250514"


@pytest.fixture
def index() -> AliasIndex:
    built = AliasIndex()
    for model_id, released in (
        (SONNET_4, "2025-05-22"),
        ("alibaba/qwen3-235b-a22b", "2025-04"),
        ("alibaba/qwen3-235b-a22b-instruct-2507", "2025-07-21"),
        ("deepseek/deepseek-r1", "2025-01-20"),
        ("deepseek/deepseek-r1-0528", "2025-05-28"),
        ("google/gemini-3-flash", "2026-01"),
        ("google/gemini-3-flash-preview", "2025-12-17"),
        ("mistral/mistral-large-2411", "2024-11-18"),
    ):
        built.add_model(CanonicalRef(model_id, released))
    built.add_floating(
        "anthropic/claude-sonnet-4-0", FloatingRef(SONNET_4, "2026-07-02"), "aliases.toml"
    )
    built.add_floating("mistral-large", FloatingRef(None, note="four checkpoints"), "aliases.toml")
    built.add_alias("claude-sonnet-4", SONNET_4, "aliases.toml")
    return built


def test_a_floating_id_links_to_the_checkpoint_it_pointed_to(index: AliasIndex) -> None:
    for spelling in (
        "claude-sonnet-4-0",
        "anthropic/claude-sonnet-4-0",
        "us.anthropic.claude-sonnet-4-0",
    ):
        link = index.link(spelling)
        assert (link.model_id, link.how) == (SONNET_4, "floating"), spelling


def test_a_floating_id_without_target_stays_unlinked_with_the_reason(index: AliasIndex) -> None:
    link = index.link("mistralai/mistral-large")
    assert link.model_id is None
    assert link.reason == f"{FLOATING_UNKNOWN}: four checkpoints"


def test_an_unlisted_latest_id_is_floating_with_target_unknown(index: AliasIndex) -> None:
    assert index.link("mistral-large-latest").reason == FLOATING_UNKNOWN


def test_a_base_model_naming_a_floating_id_follows_its_target(index: AliasIndex) -> None:
    link = index.link("some-host-id", base_model="anthropic/claude-sonnet-4-0")
    assert link.model_id == SONNET_4


def test_a_vendor_slug_links_through_the_reviewed_alias(index: AliasIndex) -> None:
    for spelling in ("anthropic/claude-sonnet-4", "claude-4-sonnet", "anthropic.claude-sonnet-4"):
        assert index.link(spelling).model_id == SONNET_4, spelling


def test_a_provider_id_spelling_another_checkpoint_beats_the_base_model(
    index: AliasIndex,
) -> None:
    link = index.link("qwen3-235b-a22b-instruct-2507", base_model="alibaba/qwen3-235b-a22b")
    assert link.model_id == "alibaba/qwen3-235b-a22b-instruct-2507"
    link = index.link("gemini-3-flash", base_model="google/gemini-3-flash-preview")
    assert link.model_id == "google/gemini-3-flash"


def test_a_dated_base_model_refines_a_generic_id(index: AliasIndex) -> None:
    link = index.link("deepseek-r1", base_model="deepseek/deepseek-r1-0528")
    assert (link.model_id, link.how) == ("deepseek/deepseek-r1-0528", "base_model")


def test_an_explicit_alias_beats_the_base_model(index: AliasIndex) -> None:
    link = index.link("claude-sonnet-4", base_model="mistral/mistral-large-2411")
    assert (link.model_id, link.how) == (SONNET_4, "alias")


def test_a_floating_id_is_never_also_an_alias(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="also a floating id"):
        index.add_alias("mistral-large", "mistral/mistral-large-2411", "aliases.toml")


def test_an_alias_whose_key_is_floating_links_only_as_written(index: AliasIndex) -> None:
    # "mistral-large-v2" normalizes to the floating key "mistral-large": the key stays floating
    index.add_alias("mistral-large-v2", "mistral/mistral-large-2411", "aliases.toml")
    assert index.link("mistral-large-v2").model_id == "mistral/mistral-large-2411"
    assert index.link("mistral-large").model_id is None


def test_a_floating_target_must_be_a_model(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="unknown model"):
        index.add_floating("x-latest", FloatingRef("nobody/nothing", "2026-07-02"), "a.toml")


def test_a_floating_id_that_is_a_model_spelling_is_an_error(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="also a spelling"):
        index.add_floating("deepseek-r1", FloatingRef(None, note="x"), "a.toml")
