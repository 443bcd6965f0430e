"""What the calculator concludes above its routes, the same in every format: the cheapest
comparable route — a tie said as a tie, and no route named when nothing is to be priced —
and that an image model's totals leave its image output out (the comparison's sentence,
``compare.image_output.text_tokens_only``).

The cost engine prices tokens: an image model's output tokens at its text rate, while what it
is bought for, an image, is billed per 1M image tokens or per image (docs/compare.md "Image
output"); a total of such a model is never the price of generating images unsaid.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from tradeoff.compare.image_output import IMAGES_UNKNOWN, outputs_images, text_tokens_only
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.wording import join
from tradeoff.money import format_usd
from tradeoff.records import Model

if TYPE_CHECKING:
    from tradeoff.compare.cost import CostLine

# said after "image output" in the calculator's sentence: the units it is sold in, and what
# the totals did with the output tokens instead
_IMAGE_DETAIL = (
    " (priced per 1M image tokens or per image); output tokens are priced as text tokens"
)


class TiedRoute(TypedDict):
    """A comparable route at the cheapest total, after the one named first."""

    model: str
    model_name: str
    provider: str
    provider_name: str
    provider_model_id: str


def tied_routes(paid: Sequence["CostLine"]) -> list["CostLine"]:
    """The comparable routes after the first (``paid``: cheapest first) at its very total: a
    tie, never a winner. A route too small for the request is no tie of one that fits."""
    if not paid:
        return []
    first = paid[0]
    return [
        c
        for c in paid[1:]
        if c.total_usd == first.total_usd
        and (c.fits_context is False) == (first.fits_context is False)
    ]


def tied_entry(c: "CostLine", names: Mapping[str, str]) -> TiedRoute:
    return TiedRoute(
        model=c.model_id,
        model_name=names[c.model_id],
        provider=c.provider_id,
        provider_name=c.provider_name,
        provider_model_id=c.provider_model_id,
    )


def nothing_to_price(w: Workload, totals: Sequence[Decimal | None]) -> str | None:
    """Why no route is cheapest when the workload costs nothing anywhere (every total $0.00:
    0 requests, requests of 0 tokens, or only tokens no route charges for, as an embedding's
    output); None when it has something to price. ``totals``: the comparable paid routes'."""
    if w.requests == 0:
        why = "0 requests"
    elif w.input_tokens == 0 and w.output_tokens == 0:
        why = "requests of 0 tokens"
    elif totals and all(t == 0 for t in totals):
        why = "every comparable route costs $0.00 for this workload"
    else:
        return None
    return f"Nothing to price: {why}, so no route is cheapest."


def image_output_note(models: Sequence[Model]) -> str | None:
    """That the totals of the models that output images (``outputs_images``) are text tokens
    only; of every model when each outputs images, else of those named, and the models whose
    image output is not yet sourced said so (never "no"). None when no model outputs images,
    as the comparison says nothing then."""
    said = {m.id: outputs_images(m) for m in models}
    images = [m.name for m in models if said[m.id]]
    if not images:
        return None
    note = text_tokens_only("each total", images, len(images) == len(models), _IMAGE_DETAIL)
    unknown = [m.name for m in models if said[m.id] is None]
    return f"{note} {join(unknown)}: {IMAGES_UNKNOWN}." if unknown else note


def cheapest_text(
    first: "CostLine",
    tied: Sequence["CostLine"],
    names: Mapping[str, str],
    models: Sequence[Model],
    image_note: str | None,
) -> str:
    """ "Cheapest: $450.00, a tie: Claude Haiku 4.5 at 302.AI and 38 other routes at the same
    total." (or "Cheapest: $0.0007 for Kimi K2 Instruct at Deep Infra."), with ``image_note``
    right after it when a route named or counted is of a model that outputs images (or may)."""
    assert first.total_usd is not None
    where = f"{names[first.model_id]} at {first.provider_name}"
    total = format_usd(first.total_usd)
    if tied:
        n = len(tied)
        others = [names[m] for m in dict.fromkeys(c.model_id for c in tied) if m != first.model_id]
        among = f", among them routes of {join(others)}" if others else ""
        s = "" if n == 1 else "s"
        text = f"Cheapest: {total}, a tie: {where} and {n} other route{s} at the same total{among}."
    else:
        text = f"Cheapest: {total} for {where}."
    shown = {first.model_id, *(c.model_id for c in tied)}
    if image_note and any(outputs_images(m) is not False for m in models if m.id in shown):
        return f"{text} {image_note}"
    return text


def conclusions(cheapest: str | None, image_note: str | None) -> list[str]:
    """The sentences every format says above the routes: the cheapest line (or why there is
    none), then the image note when the cheapest line does not already end with it."""
    said = [cheapest] if cheapest else []
    if image_note and not (cheapest or "").endswith(image_note):
        said.append(image_note)
    return said
