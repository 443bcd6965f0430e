"""The image-output price cell of the plain-text formats: the price, then its own date.

The price per 1M image tokens is a fact of its own: its source and date are its own, not its
route's (Google's route is models.dev's, its $30 genai-prices'), so the cell says its date
after it, as the Markdown and HTML rows do after its source number."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.pages.comparison.image_rows import image_output_cells
from tradeoff.pages.comparison.pricing import (
    PricingEntry,
)


def dated_image_prices(pricing: Sequence[PricingEntry]) -> list[str]:
    """Each model's image-output price cell as plain text ("$30.00, checked 2026-07-22"), or
    why it has none (``image_output_cells``); the caller escapes it for its format."""
    out = []
    for p in pricing:
        price = image_output_cells(p)[1]
        q = p["image_output"]
        dated = "" if q is None else q["output_per_mtok_image_dated"]
        out.append(f"{price}, {dated}" if dated else price)
    return out
