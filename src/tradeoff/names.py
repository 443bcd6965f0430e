"""Model names as people type them: compact spellings and closeness, ranked best first.

``normalize`` decides identity (nothing fuzzy); this module only helps a person find a model:
the CLI's "did you mean" list (``Catalog.resolve``), the site's search box and the catalog
table's ``q`` rank candidates with the same ``rank``, so the best match comes first everywhere.

A spelling is compared as its *compact* form (lower case, letters and digits only), so "gpt4o",
"GPT 4o" and "gpt-4o" are one spelling. Tiers, best first, each scored within its band:

- 100  the compact query equals a compact spelling;
- 90+  a spelling starts with it ("gpt4" → gpt-4o, gpt-4.1; shorter spellings first);
- 80+  a spelling contains it ("sonnet" → claude-sonnet-4-6);
- 70+  every word of the query appears in the model's text (its names, lab, licence);
- <70  fuzzy: rapidfuzz's ratio of the compact forms, at least ``FUZZY_CUTOFF`` (a typo such
  as "claude-sonet").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

FUZZY_CUTOFF = 72.0  # rapidfuzz ratio (0-100) of compact forms a fuzzy match needs
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def compact(text: str) -> str:
    """Lower case, letters and digits only: "GPT-4o (2024-08-06)" → "gpt4o20240806"."""
    return _NOT_ALNUM.sub("", text.lower())


@dataclass(frozen=True, order=True)
class Match:
    """A model matching a query: its score (higher is closer) and which tier matched."""

    score: float
    id: str
    how: str  # "exact", "spelling", "prefix", "contains", "words", "fuzzy"


def closeness(query: str, spelling: str) -> tuple[float, str]:
    """Score of one compact spelling against a compact query (0: no match)."""
    if not query or not spelling:
        return 0.0, ""
    if query == spelling:
        return 100.0, "spelling"
    share = len(query) / len(spelling)
    if spelling.startswith(query):
        return 90.0 + 9.0 * share, "prefix"
    if query in spelling:
        return 80.0 + 9.0 * share, "contains"
    from rapidfuzz import fuzz  # imported on the first fuzzy comparison, not by every command

    ratio = fuzz.ratio(query, spelling, score_cutoff=FUZZY_CUTOFF)
    return (ratio * 0.69, "fuzzy") if ratio else (0.0, "")


def rank(
    query: str,
    spellings: Mapping[str, Sequence[str]],
    texts: Mapping[str, str] | None = None,
    exact: Iterable[str] = (),
) -> list[Match]:
    """Every model id matching ``query``, best first (ties by id).

    ``spellings``: model id → its compact spellings (id, slug, name, aliases); ``texts``: model
    id → lower-case words it may be found by (name, lab, licence); ``exact``: ids the caller
    resolved the query to exactly (they come first)."""
    wanted = compact(query)
    words = query.lower().split()
    first = set(exact)
    best: dict[str, Match] = {i: Match(101.0, i, "exact") for i in first}
    if not wanted:
        return sorted(best.values(), key=lambda m: (-m.score, m.id))
    for model_id, forms in spellings.items():
        if model_id in first:
            continue
        score, how = max((closeness(wanted, s) for s in forms), default=(0.0, ""))
        if score < 70.0 and texts is not None and words:
            text = texts.get(model_id, "")
            if all(w in text for w in words):
                share = min(1.0, len(wanted) / max(1, len(compact(text))))
                score, how = 70.0 + 9.0 * share, "words"
        if score > 0:
            best[model_id] = Match(round(score, 3), model_id, how)
    return sorted(best.values(), key=lambda m: (-m.score, m.id))


def spelling_forms(names: Iterable[str]) -> tuple[str, ...]:
    """The distinct compact forms of a model's names, in the order given."""
    return tuple(dict.fromkeys(c for c in (compact(n) for n in names) if c))
