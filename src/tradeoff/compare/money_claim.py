"""One price compared across models, in one unit: ties within 1%, else "costs N% less" and
"N.N×" — the wording every price claim shares (``compare.price_claims``,
``compare.image_output``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, new_claim, new_number


def _same(value: Decimal, best: Decimal) -> str:
    """A tie's words: equal prices are "the same"; a tie only within tolerance says so."""
    return "the same" if value == best else "the same within 1%"


def _shown(e: tuple[str, Decimal, str]) -> str:
    """A price as a claim states it, with its provider when named: "$0.60 (Groq)"."""
    return f"{w.usd(e[1])} ({e[2]})" if e[2] else w.usd(e[1])


def money_claim(
    claim_id: str,
    what: str,
    field: str,
    entries: Sequence[tuple[str, Decimal, str]],
    names: Mapping[str, str],
    basis: str,
    reason: str,
) -> Claim:
    """Compare one price across models: ties within 1%, else "costs N% less" and "N.N×"."""
    ranked = sorted(entries, key=lambda e: (e[1], names[e[0]]))
    numbers = tuple([new_number("pricing", m, field, v) for m, v, _ in entries])
    best_id, best, _ = ranked[0]
    ties = [e for e in ranked[1:] if w.is_tie(e[1], best)]
    if len(ranked) == 2:
        low, high = ranked
        if ties:
            text = (
                f"{names[low[0]]} and {names[high[0]]} cost {_same(low[1], high[1])} {what}: "
                f"{_shown(low)} vs {_shown(high)}."
            )
            both = (low[0], high[0])
            return new_claim(claim_id, "price", text, basis, numbers, (), True, leaders=both)
        pct = w.percent_less(low[1], high[1])
        text = (
            f"{names[low[0]]} costs {pct} less than {names[high[0]]} {what}: "
            f"{_shown(low)} vs {_shown(high)}"
        )
        more = w.relative(high[1], low[1], "more", "as much")
        text += f"; {names[high[0]]} costs {more}."
        return new_claim(
            claim_id, "price", text, basis, numbers, (low[0],), False, (), reason, leaders=(low[0],)
        )
    parts = []
    for e in ranked[1 + len(ties) :]:
        multiple = w.relative(e[1], best, "more", "as much")
        parts.append(f"{names[e[0]]} costs {multiple} ({_shown(e)})")
    leaders = [best_id] + [e[0] for e in ties]
    who = w.join([names[m] for m in leaders])
    if ties:  # the tied models are said once, together, with their prices
        tied = [ranked[0], *ties]
        same = _same(tied[-1][1], best)
        prices = w.join([_shown(e) for e in tied])
        least = f"cost the least {what}, {same}" if parts else f"cost {same} {what}"
        head = f"{least}: {prices}"
    else:
        head = f"costs the least {what} at {_shown(ranked[0])}"
    text = "; ".join([f"{who} {head}", *parts]) + "."
    favours = () if ties else (best_id,)
    return new_claim(
        claim_id,
        "price",
        text,
        basis,
        numbers,
        favours,
        not parts,  # a tie of every model; a tie at the top only is told by ``leaders``
        (),
        reason,
        leaders=tuple(leaders),
    )
