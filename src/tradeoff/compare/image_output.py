"""Image models compared on what an image costs (docs/compare.md "Image output").

The headline price of a model is per 1M *text* tokens, blended; an image model is bought for
its images, billed per 1M image output tokens (Google's $30, OpenAI's $32) or per image (fal's
$0.039). For models that output images, one claim sets their output price per 1M image tokens
on their comparable routes (``ModelPricing.image_output``: the headline rules but those about
text tokens, ``HeadlineRules.image_reason``) against each other, in that unit only: a price
per image is another unit and is never set against it; a model without the unit on a
comparable route reads "not comparable" with why.
Every such claim also says that the text-token blend does not include image output.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, new_claim, new_number
from tradeoff.compare.money_claim import money_claim
from tradeoff.compare.pricing import ModelPricing
from tradeoff.kinds import MODEL_KINDS, TEXT_GENERATION
from tradeoff.records import Model

IMAGE_OUTPUT_CLAIM = "price.cheapest.image_output"
IMAGE_FIELD = "image_output.output_per_mtok_image"  # ``table_value``: ModelPricing.image_output
IMAGE_UNIT_TEXT = "USD per 1M image output tokens"
NO_IMAGES = "not applicable: neither its kind nor its cited output modalities say it outputs images"
# a model of unknown output modalities beside an image model: unknown, never "no"
IMAGES_UNKNOWN = (
    "not yet sourced: its output modalities are not yet sourced and its kind does not say "
    "whether it outputs images"
)
IMAGE_KIND = "image-generation"
# kinds that never output an image: their kind alone says "not applicable"
_NO_IMAGE_KINDS = frozenset(MODEL_KINDS) - {TEXT_GENERATION, IMAGE_KIND}
# said with every verdict per 1M image tokens: each model counts an image's tokens its own way
# (Gemini 2.5 Flash Image 1,290 for 1024x1024; gpt-image-1 272 to 4,160 by quality)
TOKENS_PER_IMAGE = (
    "Each model counts an image's tokens its own way, by size and quality: a lower price per "
    "1M image tokens is not always a lower price per image."
)
_BASIS = (
    "output price per 1M image tokens on each model's comparable routes (the headline rules "
    "but those about text tokens: active provider selling per use, GA, the provider's own "
    "USD price, full or the lab's own precision, no promotion, not free, the documented "
    "context); prices per image are another unit and are not compared"
)


def outputs_images(model: Model) -> bool | None:
    """Whether the model generates images: True when its kind or its cited output modalities
    say so; False when its cited modalities leave images out or its kind never outputs one (an
    embedding, speech); None, not yet sourced, otherwise — a text-generation model may output
    images (GPT-5 Image), so without cited output modalities nobody has said."""
    outputs = model.modalities_output.value
    kind = model.kind.value
    if kind == IMAGE_KIND or (outputs is not None and "image" in outputs):
        return True
    if outputs is not None or kind in _NO_IMAGE_KINDS:
        return False
    return None


def text_tokens_only(
    subject: str, image_names: Sequence[str] = (), every_model: bool = True, detail: str = ""
) -> str:
    """That a price or a total (``subject``: "the blended price per 1M tokens", "each total")
    is of text tokens only and leaves image output out, said of the models it is true of: of
    every model when each one outputs images, else of those named (a text model's price is
    all it sells); ``detail`` is said after "image output". One sentence for the comparison's
    blend and the calculator's totals."""
    said = f"{subject} is for text tokens only: it does not include image output{detail}."
    if every_model or not image_names:
        return said[0].upper() + said[1:]
    return f"For {w.join(list(image_names))}, {said}"


_BLEND = "the blended price per 1M tokens"
NOT_IN_BLEND = text_tokens_only(_BLEND)


def not_in_blend(image_names: Sequence[str], every_model: bool) -> str:
    """That the text-token blend leaves image output out (``text_tokens_only``)."""
    return text_tokens_only(_BLEND, image_names, every_model)


def image_output_gap(p: ModelPricing) -> str:
    """Why a model has no comparable output price per 1M image tokens, in words:
    "not comparable: no comparable route states an output price per 1M image tokens (per
    image at fal)"."""
    routes = (*p.providers, *p.other_routes)
    per_image = [q.provider_name for q in routes if "per_image" in q.other_units]
    elsewhere = [
        f"not comparable at {q.provider_name}: {q.image_excluded_reason}"
        for q in routes
        if q.output_per_mtok_image is not None and q.image_excluded_reason
    ]
    gone = [q.provider_name for q in p.defunct if q.output_per_mtok_image is not None]
    why = []
    if per_image:
        why.append(f"sold per image at {w.join(list(dict.fromkeys(per_image)))}, another unit")
    if elsewhere:
        why += elsewhere
    if gone:
        why.append(f"only on retired offerings or defunct providers: {w.join(gone)}")
    text = "not comparable: no comparable route states an output price per 1M image tokens"
    return text + (f" ({'; '.join(why)})" if why else "")


def image_output_claims(
    model_ids: Sequence[str],
    names: Mapping[str, str],
    pricing: Mapping[str, ModelPricing],
    image_models: Collection[str],
    unknown_images: Collection[str] = (),
) -> list[Claim]:
    """The image-output claim of models that output images (none for other models): who is
    cheaper per 1M image output tokens, or why that cannot be said; with ``NOT_IN_BLEND``
    when a model has a blended (headline) price. The caller makes it only for models of one
    kind (like for like). ``unknown_images``: models not known to output images or not
    (``outputs_images`` None), whose gap reads "not yet sourced", never "not applicable"."""
    if not any(m in image_models for m in model_ids):
        return []
    routes = {m: pricing[m].image_output for m in model_ids}
    rated = {m: q for m, q in routes.items() if q is not None}
    missing = [m for m in model_ids if m not in rated]

    def gap(m: str) -> str:
        if m in image_models:
            return image_output_gap(pricing[m])
        return IMAGES_UNKNOWN if m in unknown_images else NO_IMAGES

    gaps = "; ".join(f"{names[m]}: {gap(m)}" for m in missing)
    # said where an image model's blended price is shown, of the image models only
    blended = [m for m in model_ids if m in image_models and pricing[m].cheapest]
    every = len(blended) == len(model_ids)
    blend = not_in_blend([names[m] for m in blended], every) if blended else ""
    if len(rated) >= 2:
        entries = []
        for m, q in rated.items():
            assert q.output_per_mtok_image is not None
            entries.append((m, q.output_per_mtok_image, q.provider_name))
        claim = money_claim(
            IMAGE_OUTPUT_CLAIM,
            "per 1M image output tokens on comparable routes",
            IMAGE_FIELD,
            entries,
            names,
            _BASIS,
            "the lowest image-output price matters most",
        )
        parts = (claim.text, TOKENS_PER_IMAGE, f"{gaps}." if gaps else "", blend)
        text = " ".join(x for x in parts if x)
        numbers = claim.numbers + tuple(
            new_number("pricing", m, "image_output", None) for m in missing
        )
        return [claim._replace(text=text, numbers=numbers)]
    stated = [
        f"{names[m]} states {w.usd(q.output_per_mtok_image)} ({q.provider_name})"
        for m, q in rated.items()
        if q.output_per_mtok_image is not None
    ]
    head = "; ".join(x for x in [*stated, gaps] if x)
    text = (
        f"Output price per 1M image tokens on comparable routes: {head}. No image price "
        f"verdict is made. {blend}"
    ).rstrip()
    numbers = tuple(
        new_number("pricing", m, IMAGE_FIELD, q.output_per_mtok_image) for m, q in rated.items()
    ) + tuple(new_number("pricing", m, "image_output", None) for m in missing)
    return [new_claim(IMAGE_OUTPUT_CLAIM, "price", text, _BASIS, numbers)]
