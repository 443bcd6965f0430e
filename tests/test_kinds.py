"""Model kinds: the vocabulary, LiteLLM's modes, and what models.dev's modalities state."""

from __future__ import annotations

import pytest

from tradeoff.kinds import (
    KIND_LABELS,
    LITELLM_MODE_KIND,
    MODEL_KINDS,
    has_output_price,
    kind_from_modalities,
    kind_label,
)


@pytest.mark.parametrize(
    ("inputs", "outputs", "family", "kind"),
    [
        (["audio"], ["text"], "whisper", "speech-to-text"),
        (["text"], ["audio"], None, "text-to-speech"),
        (["audio", "text"], ["audio", "text"], None, "realtime-audio"),
        (["image", "text"], ["image"], None, "image-generation"),
        (["image", "text"], ["image", "text"], None, "image-generation"),
        (["text"], ["video"], None, "video"),
        (["image", "pdf", "text"], ["text"], None, "text-generation"),
        # a chat model that hears: audio among other inputs is not speech to text
        (["audio", "image", "text"], ["text"], None, "text-generation"),
        # models.dev lists embeddings as text → text; the family says what they are
        (["text"], ["text"], "text-embedding", "embedding"),
        (None, None, "cohere-embed", "embedding"),
    ],
)
def test_kind_from_modalities(
    inputs: list[str] | None, outputs: list[str] | None, family: str | None, kind: str
) -> None:
    found = kind_from_modalities(inputs, outputs, family)
    assert found is not None and found[0] == kind
    assert found[1]  # the rule that decided is said


@pytest.mark.parametrize(
    ("inputs", "outputs"), [(None, None), (["text"], None), (["text"], ["audio", "text"])]
)
def test_no_modalities_state_no_kind(inputs: list[str] | None, outputs: list[str] | None) -> None:
    assert kind_from_modalities(inputs, outputs, "gpt") is None


def test_every_kind_has_a_label_and_every_mode_a_kind() -> None:
    assert set(KIND_LABELS) == set(MODEL_KINDS)
    assert set(LITELLM_MODE_KIND.values()) <= set(MODEL_KINDS)
    assert kind_label(None) == "kind not yet sourced"


def test_only_input_priced_kinds_have_no_output() -> None:
    assert not has_output_price("embedding") and not has_output_price("rerank")
    assert has_output_price("text-generation") and has_output_price("speech-to-text")
    assert has_output_price(None)  # unknown is not ruled out
