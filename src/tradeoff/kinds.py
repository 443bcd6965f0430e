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
