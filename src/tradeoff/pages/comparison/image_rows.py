"""The image-output rows of a comparison of image models: each model's route with the lowest
comparable output price per 1M image tokens, or why it has none, and the page's note that the
text-token blend leaves image output out (``compare.image_output``)."""

from collections.abc import Sequence
from typing import TypedDict

from tradeoff.compare.image_output import IMAGE_UNIT_TEXT, IMAGES_UNKNOWN, NO_IMAGES, not_in_blend
from tradeoff.compare.wording import NOT_SOURCED
from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.money import format_usd
from tradeoff.pages.comparison.pricing import PricingEntry


class ImageOutputEntry(TypedDict):
    """Shown when a compared model outputs images: what its image costs is its own row."""

    unit: str  # "USD per 1M image output tokens"
    note: str  # the text-token blend does not include image output


IMAGE_OUTPUT_LABELS = ("Image output route: provider", "Image output / 1M image tokens")
NO_IMAGE_ROUTE = "none comparable"


def image_output_entry(pricing: Sequence[PricingEntry]) -> ImageOutputEntry | None:
    """The page's image-output entry, its note said of the models that output images; None
    when none does."""
    names = [p["model_name"] for p in pricing if p["outputs_images"]]
    note = not_in_blend(names, len(names) == len(pricing))
    return {"unit": IMAGE_UNIT_TEXT, "note": note} if names else None


def image_output_cells(p: PricingEntry) -> tuple[str, str]:
    """A model's image-output cells as plain text (each format escapes them): the route's
    provider and its price per 1M image tokens, or "none comparable" and why."""
    q = p["image_output"]
    if q is None and p["outputs_images"] is None:  # unknown, never "not applicable"
        return NOT_SOURCED, IMAGES_UNKNOWN
    if q is None and not p["outputs_images"]:
        return NOT_APPLICABLE, NO_IMAGES
    if q is None:
        return NO_IMAGE_ROUTE, p["image_output_missing"] or NO_IMAGE_ROUTE
    stage = "" if q["lifecycle"] == "ga" else f" ({q['lifecycle']})"
    return q["provider_name"] + stage, format_usd(q["output_per_mtok_image"])
