"""Related comparisons: for a model, the most useful other models to compare it with."""

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from tradeoff.compare.like_for_like import same_kind
from tradeoff.records import CAPABILITIES, Model

# Weights: a sibling or same-lab model is the comparison people look for first; price tier
# and capability overlap then order the rest (closest first).
SAME_FAMILY = 3.0
SAME_LAB = 2.0
PRICE_WEIGHT = 2.0
CAPABILITY_WEIGHT = 2.0
RELATED_LIMIT = 6  # related models shown per model (model page, comparison page)


class Related(NamedTuple):
    """Another model worth comparing with, and why."""

    model_id: str
    score: float
    reasons: tuple[str, ...]


def capability_set(model: Model) -> frozenset[str]:
    """The capabilities a model is known to have (what related pairs compare)."""
    return frozenset(
        k for k in CAPABILITIES if model.capabilities.get(k) and model.capabilities[k].value
    )


def related_models(
    model: Model,
    candidates: Sequence[Model],
    blended: Mapping[str, Decimal | None],
    limit: int = RELATED_LIMIT,
    caps: Mapping[str, frozenset[str]] | None = None,
) -> list[Related]:
    """Ranked related models of the same kind: same family or lab, nearest price tier,
    similar capabilities.

    ``blended`` maps model ids to their cheapest blended price (None when unpriced); a model
    without a known price is ranked on family, lab and capabilities only. ``caps`` (model id →
    ``capability_set``), computed once per catalog, spares recomputing it for every pair.
    """

    def caps_of(m: Model) -> frozenset[str]:
        return caps[m.id] if caps is not None and m.id in caps else capability_set(m)

    mine = caps_of(model)
    own_price = blended.get(model.id)
    scored: list[Related] = []
    for other in candidates:
        # Related comparisons stay within one known kind (compare.like_for_like): a page
        # setting a chat model beside a speech-to-text model compares no price at all.
        if other.id == model.id or not same_kind(model, other):
            continue
        score = 0.0
        reasons: list[str] = []
        if model.family and other.family == model.family:
            score += SAME_FAMILY
            reasons.append("same family")
        elif other.lab_id == model.lab_id:
            score += SAME_LAB
            reasons.append("same lab")
        price = blended.get(other.id)
        if own_price and price and own_price > 0 and price > 0:
            # Closeness on a log scale: 1 at the same price, 0 at 10× apart or more.
            distance = abs(math.log10(float(price / own_price)))
            closeness = max(0.0, 1.0 - distance)
            score += PRICE_WEIGHT * closeness
            if closeness >= 0.7:  # within about 2× of each other
                reasons.append("similar price")
        theirs = caps_of(other)
        if mine or theirs:
            overlap = len(mine & theirs) / len(mine | theirs)
            score += CAPABILITY_WEIGHT * overlap
            if overlap >= 0.75:
                reasons.append("similar capabilities")
        if reasons:
            scored.append(Related(other.id, round(score, 4), tuple(reasons)))
    scored.sort(key=lambda r: (-r.score, r.model_id))
    return scored[:limit]
