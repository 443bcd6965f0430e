"""Linking rules: explicit aliases, normalized keys, dated ids, never floating, never two models."""

from __future__ import annotations

import pytest

from tradeoff.errors import DataError
from tradeoff.reconcile.aliases import AliasIndex, CanonicalRef


@pytest.fixture
def index() -> AliasIndex:
    built = AliasIndex()
    built.add_model(CanonicalRef("moonshotai/kimi-k2-instruct", "2025-07-11"))
    built.add_model(CanonicalRef("moonshotai/kimi-k2-instruct-0905", "2025-09-05"))
    built.add_model(CanonicalRef("openai/gpt-4o", "2024-05-13"))
    built.add_model(CanonicalRef("mistral/mistral-large-latest", None, floating=True))
    built.add_alias("kimi-k2-0711-preview", "moonshotai/kimi-k2-instruct", "test")
    built.never["o3-mini-high"] = "reasoning-effort preset"
    return built


def test_explicit_alias_links(index: AliasIndex) -> None:
    link = index.link("kimi-k2-0711-preview")
    assert (link.model_id, link.how) == ("moonshotai/kimi-k2-instruct", "alias")


def test_normalized_spelling_links(index: AliasIndex) -> None:
    link = index.link("accounts/fireworks/models/kimi-k2-instruct-0905")
    assert link.model_id == "moonshotai/kimi-k2-instruct-0905"


def test_dated_id_links_only_when_dates_agree(index: AliasIndex) -> None:
    assert index.link("gpt-4o-2024-05-13").model_id == "openai/gpt-4o"
    refused = index.link("gpt-4o-2024-08-06")
    assert refused.model_id is None
    assert refused.reason is not None and "dates do not agree" in refused.reason


def test_floating_is_never_linked(index: AliasIndex) -> None:
    link = index.link("mistral-large-latest")
    assert link.model_id is None and "floating" in (link.reason or "")


def test_base_model_of_a_floating_model_is_not_followed(index: AliasIndex) -> None:
    assert index.link("some-id", base_model="mistral/mistral-large-latest").model_id is None


def test_never_list_wins(index: AliasIndex) -> None:
    link = index.link("o3-mini-high")
    assert link.model_id is None and "preset" in (link.reason or "")


def test_a_never_key_does_not_unlink_a_reviewed_alias_it_only_resembles() -> None:
    # Bedrock's "nvidia.nemotron-nano-9b-v2" normalizes to "nemotron-nano-9b" (a Bedrock "-vN"
    # reads as Bedrock's version): a never entry for that key stays unlinked, the checkpoint's
    # own reviewed spelling still links
    built = AliasIndex()
    built.add_model(CanonicalRef("nvidia/nemotron-nano-9b-v2", "2025-08-18"))
    built.add_alias("nvidia.nemotron-nano-9b-v2", "nvidia/nemotron-nano-9b-v2", "test")
    built.never["nemotron-nano-9b"] = "version not stated"
    assert index_link(built, "nemotron-nano-9b") == (None, "never linked: version not stated")
    assert index_link(built, "nvidia.nemotron-nano-9b-v2")[0] == "nvidia/nemotron-nano-9b-v2"
    assert index_link(built, "nvidia/nemotron-nano-9b-v2")[0] == "nvidia/nemotron-nano-9b-v2"
    # an unreviewed spelling that only normalizes to the never key stays unlinked
    assert index_link(built, "us.nvidia.nemotron-nano-9b-v2")[0] is None


def index_link(built: AliasIndex, raw: str) -> tuple[str | None, str | None]:
    link = built.link(raw)
    return link.model_id, link.reason


def test_unknown_id_says_why(index: AliasIndex) -> None:
    link = index.link("totally-new-model")
    assert link.model_id is None and "no canonical model" in (link.reason or "")


def test_one_spelling_for_two_models_is_an_error(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="both"):
        index.add_alias("kimi-k2-0711-preview", "moonshotai/kimi-k2-instruct-0905", "test")


def test_normalized_collision_is_an_error(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="would map to both"):
        index.add_alias("Kimi_K2_Instruct", "moonshotai/kimi-k2-instruct-0905", "test")


def test_alias_to_unknown_model_is_an_error(index: AliasIndex) -> None:
    with pytest.raises(DataError, match="unknown model"):
        index.add_alias("x", "nobody/nothing", "test")


def test_ambiguous_name_is_not_linked_but_exact_alias_is() -> None:
    built = AliasIndex()
    built.add_model(CanonicalRef("moonshotai/kimi-k2-instruct", "2025-07-11"))
    built.add_model(CanonicalRef("moonshotai/kimi-k2-instruct-0905", "2025-09-05"))
    built.ambiguous["kimi-k2"] = ("moonshotai/kimi-k2-instruct", "moonshotai/kimi-k2-instruct-0905")
    built.add_alias("moonshotai/kimi-k2", "moonshotai/kimi-k2-instruct", "test")
    assert built.link("moonshotai/kimi-k2").model_id == "moonshotai/kimi-k2-instruct"
    plain = built.link("kimi-k2")
    assert plain.model_id is None and "ambiguous" in (plain.reason or "")
