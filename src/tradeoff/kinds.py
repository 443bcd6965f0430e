"""Model kinds: the vocabulary that decides which prices may be set against each other.

A model's kind says what it is sold for. Prices and claims are compared only within one kind
(and one price unit): a speech-to-text model's per-minute price and a chat model's per-token
price are never set against each other.
"""

from __future__ import annotations

from typing import Final

TEXT_GENERATION: Final = "text-generation"

# Every kind, in display order; the catalog's default view is the first.
MODEL_KINDS: Final[tuple[str, ...]] = (
    TEXT_GENERATION,
    "embedding",
    "rerank",
    "moderation",
    "image-generation",
    "speech-to-text",
    "text-to-speech",
    "realtime-audio",
    "ocr",
    "video",
)

KIND_LABELS: Final[dict[str, str]] = {
    TEXT_GENERATION: "Text generation",
    "embedding": "Embedding",
    "rerank": "Rerank",
    "moderation": "Moderation",
    "image-generation": "Image generation",
    "speech-to-text": "Speech to text",
    "text-to-speech": "Text to speech",
    "realtime-audio": "Realtime audio",
    "ocr": "OCR",
    "video": "Video generation",
}

# LiteLLM's ``mode`` → model kind. Modes that are not models (search, evaluation, guardrail,
# vector_store, decisions, extraction) are absent: their entries are not offerings of a model.
LITELLM_MODE_KIND: Final[dict[str, str]] = {
    "chat": TEXT_GENERATION,
    "completion": TEXT_GENERATION,
    "responses": TEXT_GENERATION,
    "embedding": "embedding",
    "rerank": "rerank",
    "moderation": "moderation",
    "image_generation": "image-generation",
    "image_edit": "image-generation",
    "audio_transcription": "speech-to-text",
    "audio_speech": "text-to-speech",
    "realtime": "realtime-audio",
    "ocr": "ocr",
    "video_generation": "video",
}


def kind_label(kind: str | None) -> str:
    """The reader's name of a kind; ``None`` (not yet sourced) is said as such."""
    if kind is None:
        return "kind not yet sourced"
    return KIND_LABELS.get(kind, kind)


# The token price sides a kind is sold by. A side a kind does not have (an embedding model's
# output) is "not applicable": never $0, never compared, never blended.
NO_OUTPUT_KINDS: Final[frozenset[str]] = frozenset({"embedding", "rerank", "moderation"})
NOT_APPLICABLE: Final = "not applicable"


def has_output_price(kind: str | None) -> bool:
    """Does a model of this kind have an output price at all? Unknown kinds are not ruled out."""
    return kind not in NO_OUTPUT_KINDS


def kind_from_modalities(
    inputs: list[str] | tuple[str, ...] | None,
    outputs: list[str] | tuple[str, ...] | None,
    family: str | None = None,
) -> tuple[str, str] | None:
    """The kind a dataset's modalities (and family) state, and the rule that decided it.

    Rules, first match wins: a family named for embeddings (models.dev ``text-embedding``,
    ``cohere-embed``…) → embedding (models.dev lists embedding models as text → text); video
    out → video; image out → image generation; audio in and out → realtime audio; only audio in,
    only text out → speech to text; only text in, only audio out → text to speech; text out
    (only) → text generation. Anything else (no modalities) is not stated: ``None``.
    """
    ins, outs = set(inputs or ()), set(outputs or ())
    if family and "embed" in family.lower():
        return "embedding", f"family {family!r}"
    if not ins or not outs:
        return None
    shown = f"modalities {'+'.join(sorted(ins))} → {'+'.join(sorted(outs))}"
    if "video" in outs:
        return "video", shown
    if "image" in outs:
        return "image-generation", shown
    if "audio" in ins and "audio" in outs:
        return "realtime-audio", shown
    if ins == {"audio"} and outs == {"text"}:
        return "speech-to-text", shown
    if ins == {"text"} and outs == {"audio"}:
        return "text-to-speech", shown
    if outs == {"text"}:
        return TEXT_GENERATION, shown
    return None
