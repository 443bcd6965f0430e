"""At a glance: the mark each model gets on one row of the comparison's summary cards.

A mark is read off the claim that compares that row (``Claim.leaders``), never computed a
second time: the cards and the verdict can therefore not disagree. The rule:

- a model whose value is unknown is marked ``unknown`` — never ``better``;
- no claim compares the row (models of different kinds, fewer than two known values): the
  known values are ``not_compared``;
- one leader: it is ``better``; several leaders (equal within the claim's tie rule): each is
  ``tie``; every other known value is ``none``.

So a row marks at most one model ``better``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tradeoff.compare.claim import Claim

BETTER = "better"
TIE = "tie"
NONE = "none"
UNKNOWN = "unknown"
NOT_COMPARED = "not_compared"
MARKS = (BETTER, TIE, NONE, UNKNOWN, NOT_COMPARED)


def row_marks(
    model_ids: Sequence[str], known: Mapping[str, bool], claim: Claim | None
) -> dict[str, str]:
    """Each model's mark on one row, from the claim comparing it (None: no claim does)."""
    leaders = tuple(m for m in (claim.leaders if claim else ()) if known.get(m))
    compared = claim is not None and sum(bool(known.get(m)) for m in model_ids) >= 2
    marks: dict[str, str] = {}
    for m in model_ids:
        if not known.get(m):
            marks[m] = UNKNOWN
        elif not compared or not leaders:
            marks[m] = NOT_COMPARED
        elif m in leaders:
            marks[m] = BETTER if len(leaders) == 1 else TIE
        else:
            marks[m] = NONE
    return marks
