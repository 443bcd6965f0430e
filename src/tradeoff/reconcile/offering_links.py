"""Which canonical model an offering's statements link to.

The datasets' statements link by the strongest one's id, then by every id and alias the
others give; a hand-written offering names its model, and a different dataset link stays
visible as a ``model_id`` conflict. Linked once per offering, before the merge
(``reconcile.offerings``), so that every offering's model is known to the rule reading the
lab's own offering (``reconcile.other_unit_rates``).
"""

from __future__ import annotations

from tradeoff.reconcile.aliases import AliasIndex, Link
from tradeoff.reconcile.resolved import HAND_WRITTEN, Resolved
from tradeoff.reconcile.statements import Statement
from tradeoff.records import Conflict

RULE = "precedence: hand-written > first-party > dataset rank > newer checked date"


def _link_datasets(statements: list[Statement], index: AliasIndex) -> Link:
    """Link by the strongest statement's id, then by every id and alias the others give."""
    best = statements[0].offering
    first = index.link(best.provider_model_id, best.model_id)
    if first.model_id is not None or (first.reason or "").startswith("never linked"):
        return first
    for statement in statements:
        offering = statement.offering
        for spelling in (offering.provider_model_id, *offering.aliases):
            found = index.link(spelling, offering.model_id)
            if found.model_id is not None:
                return found
            if (found.reason or "").startswith("never linked"):
                return found
    return first


def datasets_link(statements: list[Statement], index: AliasIndex) -> Link | None:
    """What the datasets' statements of a group link to; None when all are hand-written."""
    datasets = sorted((s for s in statements if not s.hand_written), key=lambda s: s.rank)
    return _link_datasets(datasets, index) if datasets else None


def model_of(statements: list[Statement], found: Link | None) -> str | None:
    """The model a group of statements is linked to (as ``link_of`` decides it)."""
    hand = next((s for s in statements if s.hand_written), None)
    if hand is not None:
        return hand.offering.model_id
    return found.model_id if found is not None else None


def link_of(entity: str, statements: list[Statement], found: Link | None, out: Resolved) -> Link:
    """A hand-written offering's model is the link; what the datasets would link stays visible
    (``found``: their link, from ``datasets_link``)."""
    hand = next((s for s in statements if s.hand_written), None)
    datasets = [s for s in statements if not s.hand_written]
    if hand is None:
        assert found is not None  # a group holds at least one statement
        return found
    model_id = hand.offering.model_id
    if found is not None and found.model_id not in (None, model_id):
        out.conflicts.append(
            Conflict(
                entity=entity,
                field="model_id",
                chosen=str(model_id),
                chosen_source_id=hand.source_id,
                values=(
                    (str(model_id), hand.source_id, hand.checked),
                    *((str(found.model_id), s.source_id, s.checked) for s in datasets),
                ),
                rule=RULE,
            )
        )
    # The quantization the provider's id spells (-fp8), as linking read it; a cited
    # quantization of the hand-written offering comes first (see _merge_offering).
    return Link(model_id, HAND_WRITTEN, quantization=found.quantization if found else None)
